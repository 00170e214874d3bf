export default {path: "typescript.md", cells: [
{id: "6ef5aab0", inputs: [], outputs: ["fleet"], expression: false, inline: false, position: {line: 10, column: 1}, bodyLine: 3, body: () => {







const fleet = [
  { name: "gpu", watts: 700 },
  { name: "cpu", watts: 350 }
];
return {fleet};
}},
{id: "1bab1529", inputs: [], outputs: ["totalWatts"], expression: false, inline: false, position: {line: 24, column: 1}, bodyLine: 17, body: () => {
function totalWatts(items, scale = 1) {



  return items.reduce((sum, item) => sum + item.watts * scale, 0);
}
return {totalWatts};
}},
{id: "7e6edd2b", inputs: ["totalWatts","fleet"], outputs: [], expression: true, inline: false, position: {line: 33, column: 1}, bodyLine: 26, body: (totalWatts, fleet) => (
totalWatts(fleet, 2)
)},
{id: "bfd0de71", inputs: ["totalWatts","fleet"], outputs: [], expression: true, inline: true, position: {line: 36, column: 19}, bodyLine: 29, body: (totalWatts, fleet) => (
totalWatts(fleet)
)}
], imports: {}};
