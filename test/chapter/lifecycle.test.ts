// Chapter examples → notebooks/03-lifecycle-carbon.md. Each entry names the box, the cell's declared value and
// the figure it must hold with the notebook's default inputs. Expected values are worked here by plain
// arithmetic from the chapter's inputs, not read back from the notebook.
import { describe, expect, test } from "vitest";
import { chapterExamples, type ChapterExample } from "../helpers/chapter-examples.ts";


const HOURS_PER_YEAR = 8760;
const SUPPORT = 30.8 / 22.4; // Table 6: (22.4 + 3.2 + 1.6 + 0.8 + 2.8) kW IT over 22.4 kW of GPUs
const H100_KG = 1312 / 8; // HGX H100 baseboard footprint over its eight GPUs

// Napkin Math 1.4: 2,048 H100s × 700 W, 30 days, rack profile, PUE 1.12, 429 g/kWh, 3-year life.
const n14AcceleratorKW = (2048 * 700) / 1000;
const n14FacilityKWh = n14AcceleratorKW * SUPPORT * 1.12 * 30 * 24;
const n14OperationalKg = (n14FacilityKWh * 429) / 1000;
const n14EmbodiedKg = (2048 * H100_KG * 30 * 24) / (3 * HOURS_PER_YEAR);

// Example 1.2's run: 64 A100s × 400 W × 14 days, rack profile, PUE 1.12; 150 kg per A100 over 4 years.
const e12FacilityKWh = ((64 * 400 * 14 * 24) / 1000) * SUPPORT * 1.12;
const e12EmbodiedKg = (64 * 14 * 150) / (4 * 365);

// One H100 over a 3-year life, accelerator power only, no PUE: embodied share of the total.
const lifetimeShare = (watts: number, grid: number) => H100_KG / (H100_KG + ((watts / 1000) * 3 * HOURS_PER_YEAR * grid) / 1000);
// A year of one H100 under Napkin Math 1.4's conditions, and a replacement that uses 20 % less energy.
const annualKg = (grid: number) => (0.7 * SUPPORT * 1.12 * HOURS_PER_YEAR * grid) / 1000;
const paybackYears = (grid: number) => H100_KG / (annualKg(grid) * 0.2);

const examples: ChapterExample[] = [
  { example: "Table 6: support factor 30.8 / 22.4", name: "rack", pick: (v) => v.supportFactor, expected: 1.375, tolerance: 1e-12 },
  { example: "Table 6: rack total 33.5 kW", name: "rack", pick: (v) => v.totalKW, expected: 33.5, tolerance: 1e-9 },
  { example: "Table 6: cooling row as PUE (~1.09)", name: "rack", pick: (v) => v.coolingPue, expected: 33.5 / 30.8, tolerance: 1e-9 },
  { example: "Napkin Math 1.4: accelerator power 1,433.6 kW", name: "napkin14Power", pick: (v) => v.acceleratorKW, expected: n14AcceleratorKW, tolerance: 1e-9 },
  { example: "Napkin Math 1.4: IT power 1,971.2 kW", name: "napkin14Power", pick: (v) => v.itKW, expected: n14AcceleratorKW * SUPPORT, tolerance: 1e-9 },
  { example: "Napkin Math 1.4: facility power 2,207.7 kW", name: "napkin14Power", pick: (v) => v.facilityKW, expected: n14AcceleratorKW * SUPPORT * 1.12, tolerance: 1e-9 },
  { example: "Napkin Math 1.4: 1,589,575.7 kWh", name: "napkin14", pick: (v) => v.facilityKWh, expected: n14FacilityKWh, tolerance: 1e-6 },
  { example: "Napkin Math 1.4: 681.9 t operational", name: "napkin14", pick: (v) => v.operationalKg, expected: n14OperationalKg, tolerance: 1e-6 },
  // Printed 9.3 t = one 730-hour month; the 720-hour job's share is 9.2 t.
  { example: "Napkin Math 1.4: embodied share of the 720-hour job (printed 9.3 t)", name: "napkin14", pick: (v) => v.embodiedKg, expected: n14EmbodiedKg, tolerance: 1e-6 },
  { example: "Napkin Math 1.4: the chapter's 1/36 amortization", name: "napkin14ChapterEmbodiedKg", expected: (2048 * H100_KG) / 36, tolerance: 1e-6 },
  { example: "Napkin Math 1.4: total (printed 691.3 t)", name: "napkin14", pick: (v) => v.totalKg, expected: n14OperationalKg + n14EmbodiedKg, tolerance: 1e-6 },
  { example: "Embodied assessment: 0.103 kg per A100-day", name: "example12Embodied", pick: (v) => v.kgCO2ePerDeviceDay, expected: 150 / (4 * 365), tolerance: 1e-12 },
  { example: "Embodied assessment: 92.1 kg for Example 1.2's run", name: "example12Embodied", pick: (v) => v.kgCO2e, expected: e12EmbodiedKg, tolerance: 1e-9 },
  { example: "Embodied assessment: 1.6 % of US operational", name: "example12Shares", pick: (v) => v.ofUsOperational, expected: e12EmbodiedKg / ((e12FacilityKWh * 429) / 1000), tolerance: 1e-9 },
  {
    example: "Embodied assessment: 25.8 % of the Quebec total",
    name: "example12Shares",
    pick: (v) => v.ofQuebecTotal,
    expected: e12EmbodiedKg / ((e12FacilityKWh * 20) / 1000 + e12EmbodiedKg),
    tolerance: 1e-9,
  },
  { example: "Embodied assessment: the rounded product 64 × 14 × 0.103", name: "example12RoundedProduct", expected: 64 * 14 * 0.103, tolerance: 1e-9 },
  { example: "Systems Perspective 1.1: ~30.8 % embodied on hydro", name: "cleanGridShares", pick: (v) => v[0].quebec, expected: lifetimeShare(700, 20), tolerance: 1e-9 },
  { example: "Manufacturing phase: 30–50 % at low utilization (350 W)", name: "cleanGridShares", pick: (v) => v[1].quebec, expected: lifetimeShare(350, 20), tolerance: 1e-9 },
  { example: "Footnote 18: parity in three to four weeks (days)", name: "parity", pick: (v) => v.bare.days, expected: H100_KG / ((0.7 * 429) / 1000) / 24, tolerance: 1e-9 },
  { example: "Lifespan 3 → 5 years: per-year charge before", name: "extension", pick: (v) => v.embodiedKgPerYearBefore, expected: H100_KG / 3, tolerance: 1e-9 },
  { example: "Lifespan 3 → 5 years: per-year charge after", name: "extension", pick: (v) => v.embodiedKgPerYearAfter, expected: H100_KG / 5, tolerance: 1e-9 },
  { example: "Lifespan 3 → 5 years: 40 % less", name: "extension", pick: (v) => v.reductionFraction, expected: 0.4, tolerance: 1e-12 },
  { example: "Fallacy (lifetime vs efficiency): refresh payback, US average", name: "refresh", pick: (v) => v[0].paybackYears, expected: paybackYears(429), tolerance: 1e-9 },
  { example: "Fallacy (lifetime vs efficiency): refresh payback, Quebec", name: "refresh", pick: (v) => v[1].paybackYears, expected: paybackYears(20), tolerance: 1e-9 },
  { example: "Checkpoint 1.2 / Napkin Math 1.4: Scope 2", name: "napkin14Scopes", pick: (v) => v.scope2KgCO2e, expected: n14OperationalKg, tolerance: 1e-6 },
  { example: "Checkpoint 1.2 / Napkin Math 1.4: Scope 3", name: "napkin14Scopes", pick: (v) => v.scope3KgCO2e, expected: n14EmbodiedKg, tolerance: 1e-6 },
];

describe("notebooks/03-lifecycle-carbon.md", () => {
  const nb = chapterExamples("notebooks/03-lifecycle-carbon.md", examples, "absolute");

  test("Checkpoint 1.2: S1 Scope 1, S2 Scope 2, S3 Scope 2, S4 Scope 3, S5 Scope 3 (the self-check's answer)", async () => {
    const rows = (await nb().value("checkpoint12")) as { item: string; scope: number }[];
    expect(rows.map((r) => [r.item, r.scope])).toEqual([["S1", 1], ["S2", 2], ["S3", 2], ["S4", 3], ["S5", 3]]);
  });

  test("the printed Napkin Math 1.4 figures: right to the last digit except the embodied share and the total", () => {
    expect((n14OperationalKg / 1000).toFixed(1)).toBe("681.9");
    expect(((2048 * H100_KG) / 36 / 1000).toFixed(1)).toBe("9.3"); // the chapter's 730-hour month
    expect((n14EmbodiedKg / 1000).toFixed(1)).toBe("9.2");
    expect(((n14OperationalKg + n14EmbodiedKg) / 1000).toFixed(1)).toBe("691.1");
  });
});
