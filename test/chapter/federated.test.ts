// Chapter examples → the cells of notebooks/10-federated-vs-centralized.md that compute them. Expected
// values are plain arithmetic: Systems Perspective 1.3's operation costs (0.1 pJ add, 4 pJ FP32 multiply,
// 100,000–500,000 pJ per radio bit) and equation 16 on the page's illustrative scenario (1,000 clients,
// 1 GB raw and a 10 MB update each, 50 J/GB local and 40 J/GB cloud training, 2,000 J aggregation, one round).
import { describe, expect, test } from "vitest";
import { chapterExamples, type ChapterExample } from "../helpers/chapter-examples.ts";
import { expectPrinted } from "../kernel/printed.ts";


const RADIO_LOW = 100_000; // pJ per bit, the notebook's default radio
const RADIO_HIGH = 500_000;
const J_PER_BYTE = 8 * RADIO_LOW * 1e-12;
const N = 1000;
const rawJ = 1e9 * J_PER_BYTE; // 800 J
const updateJ = 10e6 * J_PER_BYTE; // 8 J
const federatedPrinted = N * 50 + 2000;
const federatedFull = N * (50 + updateJ) + 2000;
const centralized = N * rawJ + 40 * N;
// Break-even raw bytes per client: N·D·(e_byte + e_cloud − e_local) = N·u_J + A.
const breakEvenBytes = (updateJ + 2000 / N) / (J_PER_BYTE + (40 - 50) / 1e9);

const entries: ChapterExample[] = [
  { example: "Systems Perspective 1.3: FP32 multiplies per bit, low radio", name: "fp32PerBit", pick: (v) => v.low, expected: RADIO_LOW / 4, tolerance: 1e-12 },
  { example: "Systems Perspective 1.3: FP32 multiplies per bit, high radio", name: "fp32PerBit", pick: (v) => v.high, expected: RADIO_HIGH / 4, tolerance: 1e-12 },
  { example: "Systems Perspective 1.3: INT32 adds per bit, low radio", name: "int32PerBit", pick: (v) => v.low, expected: RADIO_LOW / 0.1, tolerance: 1e-12 },
  { example: "Systems Perspective 1.3: INT32 adds per bit, high radio", name: "int32PerBit", pick: (v) => v.high, expected: RADIO_HIGH / 0.1, tolerance: 1e-12 },
  { example: "Systems Perspective 1.3: 100,000 FLOPs per bit against a 100,000 pJ radio", name: "localVsRadio", pick: (v) => v.transmitToComputeRatio, expected: RADIO_LOW / (100_000 * 4), tolerance: 1e-12 },
  { example: "Federated learning: a 1 GB upload", name: "rawJ", expected: rawJ, tolerance: 1e-12 },
  { example: "Federated learning: a 10 MB update", name: "updateJ", expected: updateJ, tolerance: 1e-12 },
  { example: "Equation 16 as printed: federated", name: "asPrinted", pick: (v) => v.federatedJ, expected: federatedPrinted, tolerance: 1e-12 },
  { example: "Equation 16: centralized", name: "withUpdates", pick: (v) => v.centralizedJ, expected: centralized, tolerance: 1e-12 },
  { example: "Equation 16 with updates counted: federated", name: "withUpdates", pick: (v) => v.federatedJ, expected: federatedFull, tolerance: 1e-12 },
  { example: "Equation 16: federated ÷ centralized", name: "withUpdates", pick: (v) => v.federatedToCentralizedRatio, expected: federatedFull / centralized, tolerance: 1e-12 },
  { example: "Break-even raw data per client", name: "breakEvenBytes", expected: breakEvenBytes, tolerance: 1e-9 },
  { example: "Break-even check through the kernel", name: "breakEvenCheck", expected: 1, tolerance: 1e-9 },
];

describe("notebooks/10-federated-vs-centralized.md", () => {
  const nb = chapterExamples("notebooks/10-federated-vs-centralized.md", entries, "relative");

  test("the chapter's ranges are right and its 100,000-FLOP threshold holds only for the costlier radios", async () => {
    const fp32 = (await nb().value("fp32PerBit")) as { low: number; high: number };
    expectPrinted(fp32.low, 25_000, 0);
    expectPrinted(fp32.high, 125_000, 0);
    const check = (await nb().value("localVsRadio")) as { localIsCheaper: boolean; breakEvenOpsPerBit: number };
    expect(check.localIsCheaper).toBe(false);
    expect(check.breakEvenOpsPerBit).toBeLessThan(100_000);
    expect(400_000 / 4).toBe(100_000); // the radio cost at which the chapter's threshold is the break-even
  });

  test("the federated-learning claim: with these sizes federated wins, and counting updates keeps it so", async () => {
    const r = (await nb().value("withUpdates")) as { federatedIsCheaper: boolean };
    expect(r.federatedIsCheaper).toBe(true);
  });
});
