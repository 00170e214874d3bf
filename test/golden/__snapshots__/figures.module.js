export default {path: "figures.md", cells: [
{id: "1b91c841", inputs: ["view","Inputs"], outputs: ["gpus"], expression: false, inline: false, position: {line: 10, column: 1}, bodyLine: 3, body: (view, Inputs) => {
const gpus = view(Inputs.range([8, 64], {value: 16, step: 8, label: "GPUs"}));
return {gpus};
}},
{id: "895d0392", inputs: ["gpus"], outputs: [], expression: true, inline: true, position: {line: 13, column: 31}, bodyLine: 7, body: (gpus) => (
gpus
)},
{id: "a5ea83bb", inputs: ["Plot","gpus"], outputs: [], expression: true, inline: false, position: {line: 16, column: 1}, bodyLine: 10, body: (Plot, gpus) => (
Plot.plot({
  width: 320,
  height: 120,
  marks: [Plot.barX([{label: "draw", kw: gpus * 0.7}], {x: "kw", y: "label"})],
})
)},
{id: "c5fe6172", inputs: ["Plot","gpus"], outputs: [], expression: true, inline: false, position: {line: 24, column: 1}, bodyLine: 17, body: (Plot, gpus) => (
Plot.lineY([0, 1, 2, 3, 4].map((h) => gpus * 0.7 * h), {stroke: "currentColor"}).plot({width: 320, height: 120})
)},
{id: "550d9f46", inputs: [], outputs: [], expression: true, inline: false, position: {line: 28, column: 1}, bodyLine: 20, body: () => (
[8, 16].map((n) => ({gpus: n, kw: n * 0.7}))
)}
], imports: {}};
