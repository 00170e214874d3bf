// Checkpoints 1.1–1.6 → the cells of notebooks/12-checkpoints.md that work them. Expected values are plain
// arithmetic on each checkpoint's stated inputs (or the chapter's printed answer where it prints one).
import { describe, expect, test } from "vitest";
import { chapterExamples, type ChapterExample } from "../helpers/chapter-examples.ts";
import { expectPrinted } from "../kernel/printed.ts";


// Checkpoint 1.1: 3.14e23 FLOPs at 50 GFLOP/J, PUE 1.1; a US household uses 10.7 MWh a year.
const cp11ItKWh = 3.14e23 / 50e9 / 3.6e6;
const cp11FacilityKWh = cp11ItKWh * 1.1;
// Checkpoint 1.4: 2,000 GPU-h at 300 W; 1e6 requests a day of 50 ms at 100 W.
const cp14TrainingKWh = (2000 * 300) / 1000;
const cp14DailyKWh = (1e6 * 100 * 0.05) / 3.6e6;

const entries: ChapterExample[] = [
  { example: "Checkpoint 1.1: IT energy", name: "cp11", pick: (v) => v.itKWh, expected: cp11ItKWh, tolerance: 1e-12 },
  { example: "Checkpoint 1.1: facility energy", name: "cp11", pick: (v) => v.facilityKWh, expected: cp11FacilityKWh, tolerance: 1e-12 },
  { example: "Checkpoint 1.1: household-years", name: "cp11Households", pick: (v) => v.householdYears, expected: cp11FacilityKWh / 1000 / 10.7, tolerance: 1e-12 },
  { example: "Checkpoint 1.1: GPT-3's implied efficiency (GFLOP/J)", name: "gpt3ImpliedGFlopPerJ", expected: 3.14e23 / ((1287e3 / 1.1) * 3.6e6) / 1e9, tolerance: 1e-12 },
  { example: "Checkpoint 1.2: S1 backup diesel", name: "cp12", pick: (v) => v[0].scope, expected: 1, tolerance: 0 },
  { example: "Checkpoint 1.2: S2 purchased electricity", name: "cp12", pick: (v) => v[1].scope, expected: 2, tolerance: 0 },
  { example: "Checkpoint 1.2: S3 cooling electricity", name: "cp12", pick: (v) => v[2].scope, expected: 2, tolerance: 0 },
  { example: "Checkpoint 1.2: S4 accelerator manufacturing", name: "cp12", pick: (v) => v[3].scope, expected: 3, tolerance: 0 },
  { example: "Checkpoint 1.2: S5 end-user devices", name: "cp12", pick: (v) => v[4].scope, expected: 3, tolerance: 0 },
  { example: "Checkpoint 1.3: current at 12 V", name: "cp13Bus", pick: (v) => v.fromAmps, expected: (8 * 700) / 12, tolerance: 1e-12 },
  { example: "Checkpoint 1.3: current at 48 V", name: "cp13Bus", pick: (v) => v.toAmps, expected: (8 * 700) / 48, tolerance: 1e-12 },
  { example: "Checkpoint 1.3: conduction-loss cut", name: "cp13Bus", pick: (v) => v.conductionLossReduction, expected: (48 / 12) ** 2, tolerance: 1e-12 },
  { example: "Checkpoint 1.3: VRM heat at 95 %", name: "cp13Vrm", pick: (v) => v[0].heatW, expected: 700 * 0.05, tolerance: 1e-9 },
  { example: "Checkpoint 1.3: VRM heat at 90 %", name: "cp13Vrm", pick: (v) => v[1].heatW, expected: 700 * 0.1, tolerance: 1e-9 },
  { example: "Checkpoint 1.3: loss per 100 W useful at 90 %", name: "cp13Chain", pick: (v) => v[0].lossW, expected: 100 / 0.9 - 100, tolerance: 1e-9 },
  { example: "Checkpoint 1.3: loss per 100 W useful at 85 %", name: "cp13Chain", pick: (v) => v[1].lossW, expected: 100 / 0.85 - 100, tolerance: 1e-9 },
  { example: "Checkpoint 1.4: training energy", name: "cp14TrainingKWh", expected: cp14TrainingKWh, tolerance: 1e-12 },
  { example: "Checkpoint 1.4: energy per request (J)", name: "cp14Query", pick: (v) => v.joulesPerQuery, expected: 100 * 0.05, tolerance: 1e-12 },
  { example: "Checkpoint 1.4: serving energy per day", name: "cp14", pick: (v) => v.dailyKWh, expected: cp14DailyKWh, tolerance: 1e-12 },
  { example: "Checkpoint 1.4: crossover days", name: "cp14", pick: (v) => v.crossoverDays, expected: cp14TrainingKWh / cp14DailyKWh, tolerance: 1e-12 },
  { example: "Checkpoint 1.5: break-even demand growth", name: "cp15", pick: (v) => v.breakEvenDemandGrowth, expected: 1 / (1 - 0.5), tolerance: 1e-12 },
  { example: "Checkpoint 1.5: energy at break-even demand", name: "cp15", pick: (v) => v.totalEnergyRatio, expected: 1, tolerance: 1e-12 },
  { example: "Checkpoint 1.5 self-check: demand growth behind a 40 % rise", name: "cp15SelfCheckGrowth", expected: 2 * 1.4, tolerance: 1e-12 },
  { example: "Checkpoint 1.6: INT4 saves 75 % of decode energy", name: "cp16", pick: (v) => v.ranked.find((r: any) => r.id === "INT4 quantization").savedKWh / 1000, expected: 1 - 0.5 / 2, tolerance: 1e-12 },
  { example: "Checkpoint 1.6: distillation saves 40 %", name: "cp16", pick: (v) => v.ranked.find((r: any) => r.id === "knowledge distillation").savedKWh / 1000, expected: 0.4, tolerance: 1e-12 },
  { example: "Checkpoint 1.6: scheduling saves nothing without slack", name: "cp16Schedule", pick: (v) => v.savedKgCO2e, expected: 0, tolerance: 0 },
];

describe("notebooks/12-checkpoints.md", () => {
  const nb = chapterExamples("notebooks/12-checkpoints.md", entries, "relative");

  test("printed answers: 1,919 MWh, 'nearly 470 A', 35–70 W, 432 days, 2× demand; and the 10–15 W that is per 100 W drawn", async () => {
    const cp11 = (await nb().value("cp11")) as { facilityKWh: number };
    expectPrinted(cp11.facilityKWh / 1000, 1918.9, 1);
    const bus = (await nb().value("cp13Bus")) as { fromAmps: number };
    expectPrinted(bus.fromAmps, 470, -1);
    const chain = (await nb().value("cp13Chain")) as { lossW: number; lossShareOfInput: number }[];
    // The chapter's 10–15 W matches the loss share of the input, not the loss per 100 W delivered.
    expectPrinted(chain[0]!.lossShareOfInput * 100, 10, 0);
    expectPrinted(chain[1]!.lossShareOfInput * 100, 15, 0);
    expect(chain[1]!.lossW).toBeGreaterThan(15);
    expectPrinted(((await nb().value("cp14")) as { crossoverDays: number }).crossoverDays, 432, 0);
  });

  test("Checkpoint 1.6: the chapter's order for a latency-sensitive service", async () => {
    const cp16 = (await nb().value("cp16")) as { ranked: { id: string }[] };
    expect(cp16.ranked.map((r) => r.id)).toEqual(["INT4 quantization", "knowledge distillation", "unstructured pruning", "carbon-aware scheduling"]);
  });
});
