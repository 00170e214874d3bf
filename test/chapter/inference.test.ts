// Chapter examples → notebooks/04-training-vs-inference.md. Each entry names the example, the cell's declared
// value and the figure it must hold with the notebook's default inputs. Expected values are worked here by
// plain arithmetic from the chapter's inputs, not read back from the notebook.
import { describe, test } from "vitest";
import { chapterExamples, type ChapterExample } from "../helpers/chapter-examples.ts";
import { expectPrinted } from "../kernel/printed.ts";


// Lifecycle accounting: 10 million queries a day at 0.001 kWh, US grid at 0.429 kg/kWh.
const DAILY_KWH = 10e6 * 0.001;
// Example 1.2's training run at the meter: 64 A100s × 400 W × 336 h × (30.8 / 22.4) × PUE 1.12.
const EXAMPLE_12_KWH = ((64 * 400 * 336) / 1000) * (30.8 / 22.4) * 1.12;
const GPT3_KWH = 1287 * 1000;
// Checkpoint 1.4: 2,000 GPU-hours at 300 W; 1 M requests a day of 50 ms at 100 W.
const CP_TRAINING_KWH = (2000 * 300) / 1000;
const CP_DAILY_KWH = (1e6 * 100 * 0.05) / 3.6e6;

const examples: ChapterExample[] = [
  { example: "Lifecycle accounting: 10,000 kWh a day", name: "serving", pick: (v) => v.dailyKWh, expected: 10_000, tolerance: 1e-9 },
  { example: "Lifecycle accounting: 3,650,000 kWh a year", name: "serving", pick: (v) => v.annualKWh, expected: 3_650_000, tolerance: 1e-6 },
  { example: "Lifecycle accounting: 1,565.9 t a year on the US grid", name: "serving", pick: (v) => v.annualTCO2e, expected: (DAILY_KWH * 365 * 0.429) / 1000, tolerance: 1e-9 },
  { example: "Lifecycle accounting: overtakes the 7B/64-A100 run after ~1.3 days", name: "serving", pick: (v) => v.crossoverDays, expected: EXAMPLE_12_KWH / DAILY_KWH, tolerance: 1e-9 },
  { example: "Lifecycle accounting: the same in carbon (5.7 t of training / 4.29 t a day)", name: "example12Training", pick: (v) => v.kgCO2e / 4290, expected: EXAMPLE_12_KWH / DAILY_KWH, tolerance: 1e-9 },
  { example: "Self-check: GPT-3's 1,287 MWh matched in roughly 130 days", name: "gpt3Serving", pick: (v) => v.crossoverDays, expected: GPT3_KWH / DAILY_KWH, tolerance: 1e-9 },
  { example: "Self-check: five years of serving against the training run", name: "productLife", pick: (v) => v.multipleOfTraining, expected: (5 * 365 * DAILY_KWH) / GPT3_KWH, tolerance: 1e-9 },
  { example: "Self-check: training's share of five years", name: "productLife", pick: (v) => v.trainingFraction, expected: GPT3_KWH / (GPT3_KWH + 5 * 365 * DAILY_KWH), tolerance: 1e-12 },
  { example: "Checkpoint 1.4: training energy", name: "checkpoint14", pick: (v) => v.trainingKWh, expected: CP_TRAINING_KWH, tolerance: 1e-9 },
  { example: "Checkpoint 1.4: energy per request (J)", name: "checkpoint14", pick: (v) => v.joulesPerRequest, expected: 100 * 0.05, tolerance: 1e-12 },
  { example: "Checkpoint 1.4: a day of serving", name: "checkpoint14", pick: (v) => v.dailyKWh, expected: CP_DAILY_KWH, tolerance: 1e-9 },
  { example: "Checkpoint 1.4: the flip, in days", name: "checkpoint14", pick: (v) => v.crossoverDays, expected: CP_TRAINING_KWH / CP_DAILY_KWH, tolerance: 1e-9 },
  { example: "Checkpoint 1.4: the flip, in years", name: "checkpoint14", pick: (v) => v.crossoverYears, expected: CP_TRAINING_KWH / CP_DAILY_KWH / 365, tolerance: 1e-12 },
];

describe("notebooks/04-training-vs-inference.md", () => {
  const nb = chapterExamples("notebooks/04-training-vs-inference.md", examples, "absolute");

  test("the chapter's printed figures round from the worked values", () => {
    expectPrinted((DAILY_KWH * 365 * 0.429) / 1000, 1565.9, 1); // 1,565.85 exactly
    expectPrinted(EXAMPLE_12_KWH / DAILY_KWH, 1.3, 1);
    expectPrinted(GPT3_KWH / DAILY_KWH, 130, -1);
    expectPrinted(CP_TRAINING_KWH / CP_DAILY_KWH, 432, 0); // not printed; by hand
  });
});
