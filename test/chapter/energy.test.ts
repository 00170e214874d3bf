// Chapter examples → notebooks/01-energy-of-intelligence.md. Each entry names the box, the cell's declared
// value and the figure it must hold with the notebook's default inputs. Expected values are worked here by
// plain arithmetic from the chapter's (or the cited paper's) inputs, not read back from the notebook.
import { describe, expect, test } from "vitest";
import { chapterExamples, type ChapterExample } from "../helpers/chapter-examples.ts";


const J_PER_KWH = 3.6e6;
const DGX_SUPPORT = 30.8 / 22.4; // Table 6: rack IT power over GPU power

// Checkpoint 1.1: 3.14e23 FLOP at 50 GFLOP/J, PUE 1.1.
const checkpointItKWh = 3.14e23 / 50e9 / J_PER_KWH;
// GPT-3 from 6·P·D: 175e9 parameters, 300e9 tokens, 10,000 V100s at 24.6 TFLOP/s, 330 W, PUE 1.1, 429 g/kWh.
const gpt3Flops = 6 * 175e9 * 300e9;
const gpt3Hours = gpt3Flops / (10_000 * 24.6e12) / 3600;
const gpt3FacilityKWh = (10_000 * 330 * gpt3Hours * 1.1) / 1000;
// Example 1.2: 64 A100s × 400 W × 14 days, DGX rack profile, PUE 1.12; US average 429 g/kWh, Quebec 20 g/kWh.
const example12AcceleratorKWh = (64 * 400 * 14 * 24) / 1000;
const example12FacilityKWh = example12AcceleratorKWh * DGX_SUPPORT * 1.12;

const examples: ChapterExample[] = [
  { example: "Checkpoint 1.1 (IT energy)", name: "checkpoint11", pick: (v) => v.itKWh, expected: checkpointItKWh, tolerance: 0.5 },
  { example: "Checkpoint 1.1 (facility energy)", name: "checkpoint11", pick: (v) => v.facilityKWh, expected: checkpointItKWh * 1.1, tolerance: 0.5 },
  { example: "Checkpoint 1.1 (household-years)", name: "checkpoint11", pick: (v) => v.householdYears, expected: (checkpointItKWh * 1.1) / 1000 / 10.7, tolerance: 0.05 },
  { example: "Checkpoint 1.1 (GPT-3's realized efficiency, GFLOP/J)", name: "gpt3RealizedGFlopPerJ", expected: 3.14e23 / ((1287e3 * J_PER_KWH) / 1.1) / 1e9, tolerance: 0.05 },
  { example: "Footnote 2: roughly 120 household-years", name: "anchor", pick: (v) => v.householdYears, expected: 120, tolerance: 0.5 },
  { example: "Footnote 11: 7.35 MWh per billion parameters", name: "anchor", pick: (v) => v.mwhPerBillionParams, expected: 7.35, tolerance: 0.005 },
  { example: "Footnote 11: $130,000 of electricity (implied price)", name: "anchor", pick: (v) => v.impliedUsdPerKWh, expected: 130_000 / 1_287_000, tolerance: 1e-9 },
  { example: "GPT-3 as published: 10,000 V100s × 330 W × 14.8 days × PUE 1.1 (MWh)", name: "gpt3AsPublished", pick: (v) => v.facilityKWh / 1000, expected: (10_000 * 330 * 14.8 * 24 * 1.1) / 1e6, tolerance: 0.05 },
  { example: "GPT-3 from 6·P·D (FLOP)", name: "fromFirstPrinciples", pick: (v) => v.flops, expected: gpt3Flops, tolerance: 1e18 },
  { example: "GPT-3 from 6·P·D (days; published 14.8)", name: "fromFirstPrinciples", pick: (v) => v.days, expected: gpt3Hours / 24, tolerance: 0.01 },
  { example: "GPT-3 from 6·P·D (MWh; published 1,287)", name: "fromFirstPrinciples", pick: (v) => v.facilityMWh, expected: gpt3FacilityKWh / 1000, tolerance: 0.5 },
  { example: "GPT-3 from 6·P·D (t CO2e; published 552)", name: "fromFirstPrinciples", pick: (v) => v.tCO2e, expected: (gpt3FacilityKWh * 429) / 1e6, tolerance: 0.5 },
  { example: "GPT-3 from 6·P·D: 10× parameters on 10× tokens is 100× the energy", name: "scale", pick: (v) => v.energyRatio, expected: 100, tolerance: 1e-9 },
  { example: "Napkin Math 1.1: 552,123 kg", name: "napkin11", pick: (v) => v.kgCO2e, expected: 552_123, tolerance: 0.5 },
  { example: "Napkin Math 1.1: 552.1 round trips", name: "napkin11", pick: (v) => v.flights, expected: 552.1, tolerance: 0.05 },
  { example: "Napkin Math 1.1: 25.7 round trips on hydro", name: "napkin11", pick: (v) => v.cleanFlights, expected: 25.7, tolerance: 0.05 },
  // Printed as 21.4× (here) and 21.5× (Example 1.2); the ratio is 429 / 20.
  { example: "Napkin Math 1.1: hydro reduction (printed 21.4×)", name: "napkin11", pick: (v) => v.reduction, expected: 429 / 20, tolerance: 1e-9 },
  { example: "Example 1.2 step 1: 8,601.6 kWh", name: "example12", pick: (v) => v.acceleratorKWh, expected: example12AcceleratorKWh, tolerance: 1e-6 },
  { example: "Example 1.2 step 2: 11,827.2 kWh IT", name: "example12", pick: (v) => v.itKWh, expected: example12AcceleratorKWh * DGX_SUPPORT, tolerance: 1e-6 },
  { example: "Example 1.2 step 2: 13,246.5 kWh facility", name: "example12", pick: (v) => v.facilityKWh, expected: example12FacilityKWh, tolerance: 1e-6 },
  { example: "Example 1.2 step 3: 5,682.7 kg on the US grid", name: "example12", pick: (v) => v.kgCO2e, expected: (example12FacilityKWh * 429) / 1000, tolerance: 1e-6 },
  { example: "Example 1.2 analysis: 264.9 kg in Quebec", name: "example12", pick: (v) => v.cleanKgCO2e, expected: (example12FacilityKWh * 20) / 1000, tolerance: 1e-6 },
  { example: "Example 1.2 insight: 21.5× (printed)", name: "example12", pick: (v) => v.reduction, expected: 429 / 20, tolerance: 1e-9 },
];

describe("notebooks/01-energy-of-intelligence.md", () => {
  const nb = chapterExamples("notebooks/01-energy-of-intelligence.md", examples, "absolute");

  test("the chapter's printed Example 1.2 figures round from the kernel's", async () => {
    const v = (await nb().value("example12")) as Record<string, number>;
    expect(v.facilityKWh!.toFixed(1)).toBe("13246.5");
    expect(v.kgCO2e!.toFixed(1)).toBe("5682.7");
    expect(v.cleanKgCO2e!.toFixed(1)).toBe("264.9");
  });
});
