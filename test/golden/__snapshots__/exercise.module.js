export default {path: "exercise.md", cells: [
{id: "fd634d21", inputs: ["view","Inputs"], outputs: ["kw"], expression: false, inline: false, position: {line: 10, column: 1}, bodyLine: 3, body: (view, Inputs) => {
const kw = view(Inputs.range([1, 10], {value: 4, step: 1, label: "kW"}));
return {kw};
}},
{id: "5a3d1f27", inputs: ["kw"], outputs: [], expression: true, inline: true, position: {line: 14, column: 16}, bodyLine: 7, body: (kw) => (
kw
)},
{id: "a1fa2ca1", inputs: ["kw"], outputs: [], expression: true, inline: true, position: {line: 17, column: 12}, bodyLine: 10, body: (kw) => (
kw * 24
)},
{id: "7684b5a3", inputs: ["kw"], outputs: [], expression: true, inline: false, position: {line: 29, column: 1}, bodyLine: 13, body: (kw) => (
`${kw * 24} kWh`
)}
], imports: {}, exercises: [{"id":"day-draw","title":"A day of draw","position":{"line":13,"column":1},"correctPosition":{"line":17,"column":10},"answer":{"kind":"number","unit":"kWh","tolerance":{"relative":0.01}},"answerCell":"a1fa2ca1","hints":1,"solutionCell":"7684b5a3"},{"id":"cleaner","title":"Which grid is cleaner?","position":{"line":34,"column":1},"correctPosition":{"line":41,"column":10},"answer":{"kind":"choice","options":["a","b"]},"correct":"b","hints":0}]};
