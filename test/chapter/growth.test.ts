// Chapter examples → notebooks/11-growth-and-rebound.md. Expected values are worked here by plain
// arithmetic from the chapter's inputs, never read from the notebook.
import { describe, expect, test } from "vitest";
import { expectPrinted } from "../kernel/printed.ts";
import { chapterExamples, type ChapterExample } from "../helpers/chapter-examples.ts";

const NOTEBOOK = "notebooks/11-growth-and-rebound.md";
const G = 350_000;
const YEARS = 7;
const DOUBLING_MONTHS = (YEARS / Math.log2(G)) * 12;


const entries: ChapterExample[] = [
  { example: "Footnote 7: 350,000× in 7 years doubles every 4.6 months", name: "compute", pick: (v) => v.doublingMonths, expected: DOUBLING_MONTHS, tolerance: 1e-12 },
  { example: "Footnote 7: 5.3× faster than Moore's 2-year doubling", name: "mooreRatio", expected: 24 / DOUBLING_MONTHS, tolerance: 1e-12 },
  { example: "Key takeaways: about 6.2× a year", name: "compute", pick: (v) => v.annualFactor, expected: G ** (1 / YEARS), tolerance: 1e-12 },
  { example: "Key takeaways: against 1.5× a year, energy grows 4.1× a year", name: "demand", pick: (v) => v.energyGrowthPerYear, expected: G ** (1 / YEARS) / 1.5, tolerance: 1e-12 },
  { example: "Key takeaways: ~20,485× more energy over the 7 years (not printed)", name: "demand", pick: (v) => v.energyGrowth, expected: G / 1.5 ** YEARS, tolerance: 1e-9 },
  { example: "Energy wall: batteries +40.7 % over 7 years at 5 %", name: "batteryWall", pick: (v) => v.infrastructureGrowth, expected: 1.05 ** YEARS, tolerance: 1e-12 },
  { example: "Energy wall: grid +14.9 % over 7 years at 2 %", name: "gridWall", pick: (v) => v.infrastructureGrowth, expected: 1.02 ** YEARS, tolerance: 1e-12 },
  { example: "Energy wall: the 248,738.5× gap (compute against batteries)", name: "batteryWall", pick: (v) => v.gapFactor, expected: G / 1.05 ** YEARS, tolerance: 1e-12 },
  { example: "Checkpoint 1.5: a 2× efficiency gain breaks even at 2× demand", name: "trap", pick: (v) => v.breakEvenDemandGrowth, expected: 2, tolerance: 0 },
  { example: "Checkpoint 1.5: at break-even total energy is unchanged", name: "trap", pick: (v) => v.totalEnergyRatio, expected: 1, tolerance: 0 },
  { example: "Fallacy: $0.06 → $0.002 per 1,000 tokens is 30×", name: "fallacyGain", expected: 0.06 / 0.002, tolerance: 1e-12 },
  { example: "Fallacy: 30× cheaper with 100× the queries is 3.3× the energy", name: "fallacy", pick: (v) => v.totalEnergyRatio, expected: 100 / (0.06 / 0.002), tolerance: 1e-12 },
  { example: "Footnote 31: 10× cheaper, 100× the applications, net 10×", name: "footnote31", pick: (v) => v.totalEnergyRatio, expected: 100 / 10, tolerance: 0 },
  { example: "Fallacy: a 4× quantization gain backfires beyond 4× deployment", name: "quantization", pick: (v) => v.breakEvenDemandGrowth, expected: 4, tolerance: 0 },
  { example: "Self-check: halved compute and +40 % energy means 2.8× demand", name: "selfCheckDemand", expected: 1.4 * 2, tolerance: 1e-12 },
];

describe(NOTEBOOK, () => {
  const nb = chapterExamples(NOTEBOOK, entries, "scaled");

  test("the computed figures print as the chapter printed them", async () => {
    const compute = (await nb().value("compute")) as { doublingMonths: number; annualFactor: number };
    expectPrinted(compute.doublingMonths, 4.6, 1);
    expectPrinted((await nb().value("mooreRatio")) as number, 5.3, 1);
    expectPrinted(compute.annualFactor, 6.2, 1);
    const battery = (await nb().value("batteryWall")) as { infrastructureGrowth: number; gapFactor: number };
    const grid = (await nb().value("gridWall")) as { infrastructureGrowth: number };
    expectPrinted((battery.infrastructureGrowth - 1) * 100, 40.7, 1);
    expectPrinted((grid.infrastructureGrowth - 1) * 100, 14.9, 1);
    expectPrinted(battery.gapFactor, 248_738.5, 1);
    expect(((await nb().value("fallacy")) as { backfire: boolean }).backfire).toBe(true);
  });
});
