import {trainingFootprint} from "./lib/kernel-lifecycle-[hash].js";
import {grids} from "./lib/kernel-catalogs-grids-[hash].js";
import {accelerators} from "./lib/kernel-catalogs-accelerators-[hash].js";
export default {path: "kernel.md", cells: [
{id: "958b8818", inputs: [], outputs: [], expression: false, inline: false, position: {line: 10, column: 1}, bodyLine: 6, body: () => {
;                                                                      
}},
{id: "1c39d42f", inputs: [], outputs: ["run"], expression: false, inline: false, position: {line: 14, column: 1}, bodyLine: 9, body: () => {
const run = trainingFootprint({
  devices: 64,
  watts: accelerators.h100.watts.value,
  hours: 240,
  pue: 1.1,
  gridGPerKWh: grids.usAverage.value,
  embodiedKgPerDevice: accelerators.h100.embodiedKgCO2e.value,
  lifetimeYears: 4,
});
return {run};
}},
{id: "bd669cc9", inputs: ["run"], outputs: [], expression: true, inline: true, position: {line: 25, column: 46}, bodyLine: 21, body: (run) => (
run.facilityKWh
)},
{id: "4dfaa0e0", inputs: ["run"], outputs: [], expression: true, inline: true, position: {line: 26, column: 3}, bodyLine: 24, body: (run) => (
(run.totalKg / 1000).toFixed(3)
)},
{id: "363ee6b4", inputs: [], outputs: [], expression: true, inline: true, position: {line: 26, column: 52}, bodyLine: 27, body: () => (
grids.usAverage.value
)},
{id: "2acd4eca", inputs: ["run"], outputs: [], expression: true, inline: false, position: {line: 29, column: 1}, bodyLine: 30, body: (run) => (
run
)},
{id: "7be7af6a", inputs: [], outputs: [], expression: true, inline: false, position: {line: 33, column: 1}, bodyLine: 33, body: () => (
[grids.usAverage, grids.quebec].map((g) => ({value: g.value, unit: g.unit}))
)}
], imports: {trainingFootprint, grids, accelerators}};
