import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { accelerators } from "../../src/kernel/catalogs/accelerators.ts";
import { gpt3 } from "../../src/kernel/catalogs/anchors.ts";
import { memoryEnergy, computeEnergy } from "../../src/kernel/catalogs/operations.ts";
import { operationalCarbon } from "../../src/kernel/carbon.ts";
import { decodeEnergy, inferenceCrossover, queryEnergy } from "../../src/kernel/inference.ts";
import { expectClose, expectPrinted } from "./printed.ts";

/** Example 1.2's training run at the facility meter (64 A100s, 14 days, DGX rack profile, PUE 1.12). */
const EXAMPLE_12_KWH = 13_246.464;

describe("chapter examples", () => {
  test("Lifecycle accounting: 10 million queries a day at 0.001 kWh is 10,000 kWh a day, 3,650,000 kWh and 1,565.9 t a year", () => {
    const serving = inferenceCrossover({ trainingKWh: EXAMPLE_12_KWH, queriesPerDay: 10e6, kWhPerQuery: 0.001 });
    expectPrinted(serving.dailyKWh, 10_000, 0);
    expectPrinted(serving.annualKWh, 3_650_000, 0);
    const annual = operationalCarbon({ energyKWh: serving.annualKWh, gridGPerKWh: 429 });
    expectPrinted(annual.kgCO2e, 1_565_850, 0);
    expectPrinted(annual.tCO2e, 1565.9, 1);
  });

  test("Lifecycle accounting: serving overtakes the 7B/64-A100 training run (5.7 t) after about 1.3 days", () => {
    // Same grid on both sides, so the energy crossover is the carbon crossover: 5,682.7 kg / 4,290 kg per day.
    expectPrinted(inferenceCrossover({ trainingKWh: EXAMPLE_12_KWH, queriesPerDay: 10e6, kWhPerQuery: 0.001 }).crossoverDays, 1.3, 1);
  });

  test("Self-check: at 10 MWh a day, serving matches GPT-3's 1,287 MWh training run in roughly 130 days", () => {
    const { crossoverDays } = inferenceCrossover({ trainingKWh: gpt3.trainingMWh.value * 1000, queriesPerDay: 10e6, kWhPerQuery: 0.001 });
    expectPrinted(crossoverDays, 128.7, 1);
    expectPrinted(crossoverDays, 130, -1);
  });

  test("Checkpoint 1.4: the training-inference flip — 2,000 GPU-hours at 300 W against 1 M requests/day of 50 ms at 100 W", () => {
    // Not printed; by hand: training is 2,000 h × 0.3 kW = 600 kWh. A request is 100 W × 0.05 s = 5 J, so a
    // day of serving is 5 MJ = 1.39 kWh and serving overtakes training after 432 days, about 1.2 years.
    const query = queryEnergy({ watts: 100, secondsPerQuery: 0.05 });
    expect(query.joulesPerQuery).toBe(5);
    const flip = inferenceCrossover({ trainingKWh: 2000 * 0.3, queriesPerDay: 1e6, kWhPerQuery: query.kWhPerQuery });
    expectPrinted(flip.dailyKWh, 1.39, 2);
    expectPrinted(flip.crossoverDays, 432, 0);
  });
});

describe("decode versus prefill (the roofline model)", () => {
  const h100 = accelerators.h100;
  const a100 = accelerators.a100;
  /** A 70B dense model on one accelerator at the chapter's GPU figures: 10 pJ/FLOP, 160 pJ/byte (HBM/DRAM). */
  const llm = (machine: typeof h100 | typeof a100, bytesPerParam: number, staticWatts: number, batch = 1) => ({
    params: 70e9,
    bytesPerParam,
    tokens: 1000,
    batch,
    pJPerFlop: computeEnergy.gpuTensorCores.value,
    pJPerByte: memoryEnergy.dram.value,
    peakFlopsPerSecond: machine.peakFlopsPerSecond.value,
    memoryBandwidthBytesPerSecond: machine.memoryBandwidthBytesPerSecond.value,
    staticWatts,
    kvBytesPerToken: 327_680, // 80 layers × 8 KV heads × 128 dims × (K, V) × 2 bytes
  });

  test("Decode inefficiency: 1,000 tokens through 1,000 decode steps cost 10–50× a single 1,000-token prefill", () => {
    // The range comes out of the model, not a constant: FP16 or INT8 weights, H100 or A100, 100–700 W of static
    // power, batch 1 — every combination lands inside the chapter's 10–50×.
    for (const machine of [h100, a100]) {
      for (const bytesPerParam of [1, 2]) {
        for (const staticWatts of [100, 200, 300, 500, 700]) {
          const { decodeToPrefillRatio } = decodeEnergy(llm(machine, bytesPerParam, staticWatts));
          expect(decodeToPrefillRatio, `${machine.name}, ${bytesPerParam} B/param, ${staticWatts} W`).toBeGreaterThanOrEqual(10);
          expect(decodeToPrefillRatio).toBeLessThanOrEqual(50);
        }
      }
    }
  });

  test("Decode is memory-bound and prefill compute-bound: the H100 FP16 case at 300 W of static power", () => {
    // By hand, per token: prefill = 2·70e9·10 pJ + 140 GB·160 pJ/1,000 + 300 W × 0.142 s/1,000 = 1.46 J;
    // decode = 1.4 J + 22.4 J (every weight read once) + 300 W × 41.8 ms = 36.4 J; ratio 24.8.
    const energy = decodeEnergy(llm(h100, 2, 300));
    expect(energy.prefillBound).toBe("compute");
    expect(energy.decodeBound).toBe("memory");
    expectPrinted(energy.prefillJPerToken, 1.46, 2);
    expectPrinted(energy.decodeJPerToken, 36.4, 1);
    expectPrinted(energy.decodeStepSeconds * 1000, 41.8, 1);
    expectPrinted(energy.decodeToPrefillRatio, 24.8, 1);
  });

  test("Batching discipline: 64 sequences per decode step bring decode within 2× of prefill", () => {
    expect(decodeEnergy(llm(h100, 2, 300, 64)).decodeToPrefillRatio).toBeLessThan(2);
  });

  const decodeInput = fc.record({
    params: fc.double({ min: 1e8, max: 1e12, noNaN: true }),
    bytesPerParam: fc.constantFrom(0.5, 1, 2, 4),
    tokens: fc.integer({ min: 1, max: 32_768 }),
    batch: fc.integer({ min: 1, max: 1024 }),
    pJPerFlop: fc.double({ min: 0.1, max: 100, noNaN: true }),
    pJPerByte: fc.double({ min: 0, max: 500, noNaN: true }),
    peakFlopsPerSecond: fc.double({ min: 1e12, max: 5e15, noNaN: true }),
    memoryBandwidthBytesPerSecond: fc.double({ min: 1e11, max: 1e13, noNaN: true }),
    staticWatts: fc.double({ min: 0, max: 1000, noNaN: true }),
    kvBytesPerToken: fc.double({ min: 0, max: 1e6, noNaN: true }),
  });

  test("the decode/prefill ratio grows as the batch shrinks", () => {
    fc.assert(
      fc.property(decodeInput, fc.integer({ min: 1, max: 1024 }), (input, other) => {
        const [small, large] = input.batch <= other ? [input.batch, other] : [other, input.batch];
        const smallRatio = decodeEnergy({ ...input, batch: small }).decodeToPrefillRatio;
        const largeRatio = decodeEnergy({ ...input, batch: large }).decodeToPrefillRatio;
        expect(smallRatio).toBeGreaterThanOrEqual(largeRatio * (1 - 1e-12));
      }),
    );
  });

  test("without a KV cache, decode costs at least prefill per token while the batch is no larger than the prompt", () => {
    fc.assert(
      fc.property(decodeInput, (input) => {
        const batch = Math.min(input.batch, input.tokens);
        const energy = decodeEnergy({ ...input, batch, kvBytesPerToken: 0 });
        expect(energy.decodeToPrefillRatio).toBeGreaterThanOrEqual(1 - 1e-12);
      }),
    );
  });

  test("a sweep over batch equals one call per batch", () => {
    const batches = [1, 2, 4, 8, 16, 32, 64, 128];
    const { batch: _, ...base } = llm(h100, 2, 300);
    const swept = decodeEnergy.sweep(base, { batch: batches });
    batches.forEach((batch, i) => expect(swept[i]).toEqual(decodeEnergy({ ...base, batch })));
  });
});

describe("crossover invariants", () => {
  test("more queries a day never delay the crossover", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 1, max: 1e10, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        fc.double({ min: 1e-9, max: 10, noNaN: true }),
        (trainingKWh, queriesPerDay, growth, kWhPerQuery) => {
          const fewer = inferenceCrossover({ trainingKWh, queriesPerDay, kWhPerQuery }).crossoverDays;
          const more = inferenceCrossover({ trainingKWh, queriesPerDay: queriesPerDay * growth, kWhPerQuery }).crossoverDays;
          expect(more).toBeLessThanOrEqual(fewer);
        },
      ),
    );
  });

  test("on the crossover day cumulative serving energy equals training energy", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.double({ min: 1, max: 1e10, noNaN: true }), fc.double({ min: 1e-9, max: 10, noNaN: true }), (trainingKWh, queriesPerDay, kWhPerQuery) => {
        const c = inferenceCrossover({ trainingKWh, queriesPerDay, kWhPerQuery });
        expectClose(c.dailyKWh * c.crossoverDays, trainingKWh, 1e-9);
      }),
    );
  });
});
