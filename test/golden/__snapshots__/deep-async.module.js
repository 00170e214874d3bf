export default {path: "deep/async.md", cells: [
{id: "766f0c40", inputs: ["Promise","setTimeout"], outputs: ["ready"], expression: false, inline: false, position: {line: 10, column: 1}, bodyLine: 3, body: async (Promise, setTimeout) => {
const ready = await new Promise((resolve) => setTimeout(() => resolve("ready"), 5));
return {ready};
}},
{id: "b45e59fc", inputs: [], outputs: ["doubleLater"], expression: false, inline: false, position: {line: 14, column: 1}, bodyLine: 7, body: () => {
async function doubleLater(x) {
  await null;
  return x * 2;
}
return {doubleLater};
}},
{id: "7c8fbfb8", inputs: ["doubleLater"], outputs: [], expression: true, inline: false, position: {line: 21, column: 1}, bodyLine: 14, body: async (doubleLater) => (
await doubleLater(21)
)},
{id: "660ec0f4", inputs: ["ready"], outputs: [], expression: true, inline: true, position: {line: 24, column: 23}, bodyLine: 17, body: (ready) => (
ready
)},
{id: "bad035c5", inputs: ["doubleLater"], outputs: [], expression: true, inline: true, position: {line: 24, column: 50}, bodyLine: 20, body: (doubleLater) => (
doubleLater(4)
)}
], imports: {}};
