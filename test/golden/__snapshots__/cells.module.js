export default {path: "cells.md", cells: [
{id: "6ee595de", inputs: [], outputs: ["watts","hours"], expression: false, inline: false, position: {line: 12, column: 1}, bodyLine: 3, body: () => {
const watts = 700;
const hours = 24;
return {watts, hours};
}},
{id: "b411aa57", inputs: ["watts","hours"], outputs: [], expression: true, inline: false, position: {line: 19, column: 1}, bodyLine: 8, body: (watts, hours) => (
watts * hours / 1000
)},
{id: "a4fd9028", inputs: ["watts","hours"], outputs: [], expression: false, inline: false, position: {line: 25, column: 1}, bodyLine: 11, body: (watts, hours) => {
watts * hours;
}},
{id: "d14336b7", inputs: ["kwh"], outputs: [], expression: true, inline: true, position: {line: 28, column: 68}, bodyLine: 14, body: (kwh) => (
kwh.toFixed(2)
)},
{id: "4d4405ae", inputs: ["watts","hours"], outputs: ["kwh"], expression: false, inline: false, position: {line: 31, column: 1}, bodyLine: 17, body: (watts, hours) => {
const kwh = watts * hours / 1000;
return {kwh};
}},
{id: "02ff0734", inputs: ["hours"], outputs: [], expression: true, inline: true, position: {line: 34, column: 15}, bodyLine: 21, body: (hours) => (
hours
)},
{id: "7a13f574", inputs: ["display","watts"], outputs: [], expression: false, inline: false, position: {line: 39, column: 1}, bodyLine: 24, body: (display, watts) => {
for (const n of [1, 2, 3]) display(n * watts);
}},
{id: "35a3c032", inputs: ["kwh"], outputs: [], expression: true, inline: false, position: {line: 47, column: 1}, bodyLine: 27, body: (kwh) => (
[{name: "small", kwh}, {name: "large", kwh: kwh * 10}]
)},
{id: "72b828a5", inputs: ["watts","hours"], outputs: [], expression: true, inline: false, position: {line: 51, column: 1}, bodyLine: 30, body: (watts, hours) => (
({watts, hours, note: "plain object"})
)}
], imports: {}};
