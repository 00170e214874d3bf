// Chapter examples → notebooks/07-the-facility.md. Expected values are worked here by plain arithmetic
// from the chapter's inputs, never read from the notebook. Where the chapter printed something else, the
// comment says so; the notebook shows both.
import { describe, expect, test } from "vitest";
import { chapterExamples, type ChapterExample } from "../helpers/chapter-examples.ts";

const NOTEBOOK = "notebooks/07-the-facility.md";
const YEAR_H = 8760;
const PRICE = 0.07;
const IT_1_7 = (1024 * 700) / 1000; // kW
const RACK_PUE = 1 + 2.7 / 30.8; // Table 6's cooling row on its IT subtotal


const entries: ChapterExample[] = [
  { example: "Self-check: 6.3 MW site over 4.2 MW IT is PUE 1.5", name: "selfCheck", pick: (v) => v.pue, expected: 6.3 / 4.2, tolerance: 1e-12 },
  { example: "Napkin Math 1.5: 2 MW × 0.48 × 8,760 h = 8,409.6 MWh", name: "napkin15", pick: (v) => v.savedKWh / 1000, expected: 2 * (1.58 - 1.1) * YEAR_H, tolerance: 1e-9 },
  { example: "Napkin Math 1.5: $588,672 a year at $70/MWh", name: "napkin15", pick: (v) => v.savedCost, expected: 2 * (1.58 - 1.1) * YEAR_H * 70, tolerance: 1e-9 },
  { example: "Napkin Math 1.5: 'the model 30 percent more efficient' = 0.48 / 1.58 of the bill", name: "napkin15", pick: (v) => v.savedFractionOfFacility, expected: 0.48 / 1.58, tolerance: 1e-9 },
  // The chapter prints 30×.
  { example: "Pitfall: PUE 1.06 on 820 g vs PUE 1.40 on 10 g is 62×, not 30×", name: "pitfall", pick: (v) => v.aOverB, expected: (1.06 * 820) / (1.4 * 10), tolerance: 1e-12 },
  // The chapter prints 1,068.0 / 351.2 / 293.9 kW, $180,212 and $540,636.
  { example: "Napkin Math 1.7: air facility power 716.8 × 1.5 (printed 1,068.0)", name: "coolingYear", pick: (v) => v.airFacilityKW, expected: IT_1_7 * 1.5, tolerance: 1e-12 },
  { example: "Napkin Math 1.7: air cooling overhead (printed 351.2)", name: "coolingYear", pick: (v) => v.airOverheadKW, expected: IT_1_7 * 0.5, tolerance: 1e-12 },
  { example: "Napkin Math 1.7: liquid facility power 774.1", name: "coolingYear", pick: (v) => v.liquidFacilityKW, expected: IT_1_7 * 1.08, tolerance: 1e-12 },
  { example: "Napkin Math 1.7: liquid cooling overhead 57.3", name: "coolingYear", pick: (v) => v.liquidOverheadKW, expected: IT_1_7 * 0.08, tolerance: 1e-9 },
  { example: "Napkin Math 1.7: liquid saves (printed 293.9 kW)", name: "coolingYear", pick: (v) => v.savedKW, expected: IT_1_7 * (1.5 - 1.08), tolerance: 1e-12 },
  { example: "Napkin Math 1.7: annual savings (printed $180,212)", name: "coolingYear", pick: (v) => v.savedCost, expected: IT_1_7 * (1.5 - 1.08) * YEAR_H * PRICE, tolerance: 1e-9 },
  { example: "Napkin Math 1.7: three-year savings (printed $540,636)", name: "coolingLifecycle", pick: (v) => v.savedCost, expected: 3 * IT_1_7 * (1.5 - 1.08) * YEAR_H * PRICE, tolerance: 1e-9 },
  { example: "Equation 3: WUE 1.8 L/kWh on 10,000 MWh is 18 million litres", name: "trainingWater", pick: (v) => v.waterLitres, expected: 10_000 * 1000 * 1.8, tolerance: 1e-12 },
  { example: "Cooling towers: a 10 MW site evaporates ~140 million litres a year", name: "towers", pick: (v) => v.waterLitres, expected: (10_000 * YEAR_H * 3600) / 2260, tolerance: 1e-12 },
  { example: "Table 6: rack total 33.5 kW", name: "rack", pick: (v) => v.rackKW, expected: 22.4 + 3.2 + 1.6 + 0.8 + 2.8 + 2.7, tolerance: 1e-9 },
  { example: "Table 6: support factor 1.375", name: "rack", pick: (v) => v.supportFactor, expected: 30.8 / 22.4, tolerance: 1e-12 },
  { example: "Table 6: TDP alone understates the rack by roughly 50 %", name: "rack", pick: (v) => v.tdpUnderestimate, expected: 33.5 / 22.4 - 1, tolerance: 1e-9 },
  { example: "Power delivery: 100,000 GPUs → 96.25 MW of IT (printed 96.2)", name: "largeCluster", pick: (v) => v.itKW, expected: 100_000 * 0.7 * 1.375, tolerance: 1e-9 },
  { example: "Power delivery: 107.8 MW at PUE 1.12", name: "largeCluster", pick: (v) => v.facilityKW, expected: 100_000 * 0.7 * 1.375 * 1.12, tolerance: 1e-9 },
  { example: "Power delivery: 8 × 700 W at 12 V is nearly 470 A", name: "bus", pick: (v) => v.fromAmps, expected: 5600 / 12, tolerance: 1e-12 },
  { example: "Power delivery: 48 V cuts I²R loss 16×", name: "bus", pick: (v) => v.conductionLossReduction, expected: (48 / 12) ** 2, tolerance: 1e-12 },
  { example: "Power delivery: best-case chain loss (chapter: 10 %)", name: "bestChain", pick: (v) => v.lossShareOfInput, expected: 1 - 0.99 * 0.97 * 0.98 * 0.95, tolerance: 1e-12 },
  { example: "Power delivery: worst-case chain loss, double conversion (chapter: 15 %)", name: "worstChain", pick: (v) => v.lossShareOfInput, expected: 1 - 0.98 * 0.95 * 0.97 * 0.92, tolerance: 1e-12 },
  { example: "Power delivery: worst-case chain loss, eco-mode UPS", name: "worstByUps", pick: (v) => v.upsEcoMode, expected: 1 - 0.98 * 0.98 * 0.97 * 0.92, tolerance: 1e-12 },
  { example: "Power delivery: an 85 % chain loses 17.6 W per 100 W delivered", name: "eightyFive", pick: (v) => v.lossW, expected: 100 / 0.85 - 100, tolerance: 1e-12 },
  { example: "Power delivery: VRM heat on a 700 W GPU, 35 W at 95 %", name: "vrmHeat", pick: (v) => v.low, expected: 700 * 0.05, tolerance: 1e-9 },
  { example: "Power delivery: VRM heat on a 700 W GPU, 70 W at 90 %", name: "vrmHeat", pick: (v) => v.high, expected: 700 * 0.1, tolerance: 1e-9 },
  // The chapter prints 0.99 kW, 297 kW and $546,361 (3 % of 33 kW).
  { example: "95 → 98 % distribution: saved per rack (printed 0.99 kW)", name: "distribution", pick: (v) => v.savedKWPerRack, expected: 33 - (33 * 0.95) / 0.98, tolerance: 1e-12 },
  { example: "95 → 98 % distribution: saved over 300 racks (printed 297 kW)", name: "distribution", pick: (v) => v.savedKW, expected: 300 * (33 - (33 * 0.95) / 0.98), tolerance: 1e-12 },
  { example: "95 → 98 % distribution: three-year cost (printed $546,361)", name: "distribution", pick: (v) => v.savedCost, expected: 300 * (33 - (33 * 0.95) / 0.98) * 3 * YEAR_H * PRICE, tolerance: 1e-9 },
  { example: "95 → 98 % distribution: roughly 36 more GPU nodes", name: "distribution", pick: (v) => v.extraNodes, expected: Math.floor((300 * (33 - (33 * 0.95) / 0.98)) / (33 / 4)), tolerance: 0 },
  { example: "Power ramps: 1,024 GPUs × 300 W = 307 kW", name: "ramp", pick: (v) => v.stepKW, expected: (1024 * 300) / 1000, tolerance: 1e-12 },
  { example: "Power ramps: 307 kW in 100 µs = 3.07 GW/s", name: "ramp", pick: (v) => v.rampGWPerS, expected: (1024 * 300) / 100e-6 / 1e9, tolerance: 1e-9 },
  { example: "Supercapacitors: 50 kJ carry 100 kW for 0.5 s", name: "supercapHold", pick: (v) => v[0], expected: 50 / 100, tolerance: 1e-12 },
  { example: "Supercapacitors: 100 kJ carry 100 kW for 1.0 s", name: "supercapHold", pick: (v) => v[1], expected: 100 / 100, tolerance: 1e-12 },
  { example: "Example 1.3: 512 GPUs × 600 W ≈ 300 kW step", name: "example13", pick: (v) => v.stepKW, expected: (512 * 600) / 1000, tolerance: 1e-12 },
  { example: "Example 1.3: ride-through for a 10 ms UPS switch", name: "example13Storage", pick: (v) => v.storageKJ, expected: ((512 * 600) / 1000) * 0.01, tolerance: 1e-12 },
  { example: "Checkpoint 1.3: a DGX H100 node's GPUs, 5.6 kW", name: "node", pick: (v) => v.acceleratorKW, expected: 8 * 0.7, tolerance: 1e-12 },
  { example: "Checkpoint 1.3: the node's IT load, 7.7 kW", name: "node", pick: (v) => v.itKW, expected: 5.6 + 3.2 / 4 + 1.6 / 4 + 0.8 / 4 + 2.8 / 4, tolerance: 1e-12 },
  { example: "Checkpoint 1.3: the node with cooling, 8.4 kW", name: "node", pick: (v) => v.rackKW, expected: 7.7 * RACK_PUE, tolerance: 1e-9 },
  { example: "Napkin Math 1.6: 24 months against 6 is a 4× lag", name: "queue", pick: (v) => v.lagRatio, expected: 24 / 6, tolerance: 1e-12 },
  { example: "Napkin Math 1.6: silicon waits 18 months", name: "queue", pick: (v) => v.strandedMonths, expected: 24 - 6, tolerance: 0 },
];

describe(NOTEBOOK, () => {
  const nb = chapterExamples(NOTEBOOK, entries, "scaled");

  test("the coal site has the lower PUE and the higher carbon", async () => {
    const pitfall = (await nb().value("pitfall")) as { lowerPue: string; lowerCarbon: string };
    expect(pitfall).toMatchObject({ lowerPue: "a", lowerCarbon: "b" });
  });
});
