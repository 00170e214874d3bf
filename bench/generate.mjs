// Writes N synthetic notebooks for the build benchmark: each has front matter, prose with inline
// values and math, an input, kernel calls, a table, and every fourth one a Plot figure.
//
//   node bench/generate.mjs <folder> [count=300]
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";

export function generatedNotebook(i) {
  const plot = i % 4 === 0;
  return `---
title: Generated notebook ${i}
description: Synthetic notebook number ${i} for the build benchmark.
order: ${i}
---

# Generated notebook ${i}

Operational carbon is energy times intensity, $C = E \\cdot I$. The run below emits \${(footprint.totalKg / 1000).toFixed(2)} t.

\`\`\`js
import {trainingFootprint, grids} from "wattbook/kernel";
\`\`\`

\`\`\`js
const devices = view(Inputs.range([1, 1024], {value: ${8 + (i % 64) * 8}, step: 1, label: "Devices"}));
\`\`\`

\`\`\`js
const footprint = trainingFootprint({devices, watts: 400, hours: ${24 + i}, pue: 1.1, gridGPerKWh: grids.usAverage.value, embodiedKgPerDevice: 150, lifetimeYears: 4});
\`\`\`

Facility energy is \${footprint.facilityKWh.toFixed(0)} kWh, ${i % 3 ? "mostly operational" : "with a visible embodied share"}.

\`\`\`js
[1, 2, 4].map((k) => ({scale: k, tonnes: k * footprint.totalKg / 1000}))
\`\`\`
${plot ? `
\`\`\`js {#fig-scale caption="Emissions against scale."}
Plot.plot({width, height: 160, marks: [Plot.lineY([1, 2, 4, 8].map((k) => k * footprint.totalKg), {x: (d, j) => j})]})
\`\`\`
` : ""}`;
}

export async function generateNotebooks(dir, count = 300) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await Promise.all(Array.from({ length: count }, (_, i) => writeFile(path.join(dir, `generated-${String(i).padStart(3, "0")}.md`), generatedNotebook(i))));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, count = "300"] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: node bench/generate.mjs <folder> [count=300]");
    process.exit(1);
  }
  await generateNotebooks(dir, Number(count));
  console.log(`wrote ${count} notebooks to ${dir}`);
}
