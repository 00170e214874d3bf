import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { radioEnergy } from "../../src/kernel/catalogs/edge.ts";
import { federatedVsCentralized, transmitEnergy, transmitVsCompute } from "../../src/kernel/federated.ts";
import { expectClose, expectPrinted, messageOf } from "./printed.ts";


const RADIO = radioEnergy.bluetoothWifiPJPerBit;
const FP32_MULT_PJ = 4; // Systems Perspective 1.3
const INT32_ADD_PJ = 0.1; // Systems Perspective 1.3

describe("chapter examples", () => {
  test("Systems Perspective 1.3: one radio bit costs 25,000–125,000 FP32 multiplies or 1–5 million integer adds", () => {
    const ops = (pJPerBit: number, pJPerOp: number) => transmitVsCompute({ bitsSent: 1, localOps: 0, pJPerBit, pJPerOp }).breakEvenOpsPerBit;
    expectPrinted(ops(RADIO.low, FP32_MULT_PJ), 25_000, 0);
    expectPrinted(ops(RADIO.high, FP32_MULT_PJ), 125_000, 0);
    expectPrinted(ops(RADIO.low, INT32_ADD_PJ), 1_000_000, 0);
    expectPrinted(ops(RADIO.high, INT32_ADD_PJ), 5_000_000, 0);
  });

  test("Systems Perspective 1.3: 'fewer than roughly 100,000 FLOPs per bit' holds only for the costlier radios", () => {
    // At 100,000 pJ/bit, spending 100,000 FP32 multiplies (400,000 pJ) to avoid sending one bit costs 4× the radio.
    const cheapRadio = transmitVsCompute({ bitsSent: 1, localOps: 100_000, pJPerBit: RADIO.low, pJPerOp: FP32_MULT_PJ });
    expect(cheapRadio.localIsCheaper).toBe(false);
    expectPrinted(cheapRadio.transmitToComputeRatio, 0.25, 2);
    const costlyRadio = transmitVsCompute({ bitsSent: 1, localOps: 100_000, pJPerBit: RADIO.high, pJPerOp: FP32_MULT_PJ });
    expect(costlyRadio.localIsCheaper).toBe(true);
  });

  test("Equation 16: federated = N × local + aggregation; centralized = N × upload + cloud training", () => {
    const r = federatedVsCentralized({ clients: 1000, localTrainJ: 50, aggregationJ: 2000, transmitJ: 800, cloudTrainJ: 40_000 });
    expectPrinted(r.federatedJ, 52_000, 0);
    expectPrinted(r.centralizedJ, 840_000, 0);
    expectPrinted(r.federatedToCentralizedRatio, 0.062, 3);
    expect(r.federatedIsCheaper).toBe(true);
  });

  test("Federated learning: updates in megabytes beat raw data in gigabytes, once the updates are counted", () => {
    // Illustrative sizes from the chapter's prose: a 10 MB model update against 1 GB of raw sensor data per client,
    // both over Wi-Fi at 100,000 pJ/bit. Equation 16 omits the update upload; counting it changes little here.
    const update = transmitEnergy({ bytes: 10e6, pJPerBit: RADIO.low });
    const raw = transmitEnergy({ bytes: 1e9, pJPerBit: RADIO.low });
    expectPrinted(update.transmitJ, 8, 0);
    expectPrinted(raw.transmitJ, 800, 0);
    const base = { clients: 1000, localTrainJ: 50, aggregationJ: 2000, transmitJ: raw.transmitJ, cloudTrainJ: 40_000 };
    const chapterForm = federatedVsCentralized(base);
    const withUpdates = federatedVsCentralized({ ...base, updateTransmitJ: update.transmitJ });
    expectPrinted(withUpdates.federatedJ - chapterForm.federatedJ, 8000, 0);
    expect(withUpdates.federatedIsCheaper).toBe(true);
    // When the update is as large as the raw data, federated loses its transmission advantage.
    expect(federatedVsCentralized({ ...base, localTrainJ: 100, updateTransmitJ: raw.transmitJ }).federatedIsCheaper).toBe(false);
  });
});

describe("errors", () => {
  test("the text names the function, the field, the rule and the value", () => {
    const base = { clients: 1000, localTrainJ: 50, aggregationJ: 2000, transmitJ: 800, cloudTrainJ: 40_000 };
    expect(messageOf(() => federatedVsCentralized({ ...base, clients: -1 }))).toBe("federatedVsCentralized: clients must be ≥ 0 (got -1)");
    expect(messageOf(() => federatedVsCentralized({ ...base, clients: 2.5 }))).toBe("federatedVsCentralized: clients must be a whole number (got 2.5)");
    expect(messageOf(() => federatedVsCentralized({ ...base, localTrainJ: Infinity }))).toBe("federatedVsCentralized: localTrainJ must be a finite number (got Infinity)");
    expect(messageOf(() => federatedVsCentralized({ ...base, cloudTrainJ: 0 }))).toBe("federatedVsCentralized: cloudTrainJ must be > 0 (got 0)");
    expect(messageOf(() => transmitEnergy({ bytes: Number.NaN, pJPerBit: 1e5 }))).toBe("transmitEnergy: bytes must be a finite number (got NaN)");
    expect(messageOf(() => transmitVsCompute({ bitsSent: 1, localOps: 1, pJPerBit: 1e5, pJPerOp: 0 }))).toBe("transmitVsCompute: pJPerOp must be > 0 (got 0)");
    expect(messageOf(() => transmitEnergy({ bytes: 10, pJPerBit: 1e5, mbps: 1 } as never))).toBe('transmitEnergy: unknown field "mbps"');
    expect(messageOf(() => transmitEnergy({ bytes: 10 } as never))).toBe("transmitEnergy: pJPerBit is required");
  });
});

describe("properties", () => {
  const joules = fc.double({ min: 0, max: 1e6, noNaN: true });

  test("federated is cheaper exactly when the ratio is below 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), joules, joules, joules, fc.double({ min: 1e-3, max: 1e9, noNaN: true }), joules, (clients, local, agg, tx, cloud, upd) => {
        const r = federatedVsCentralized({ clients, localTrainJ: local, aggregationJ: agg, transmitJ: tx, cloudTrainJ: cloud, updateTransmitJ: upd });
        expect(r.federatedIsCheaper).toBe(r.federatedToCentralizedRatio < 1);
      }),
    );
  });

  test("transmit energy is linear in bytes, and local compute wins exactly below the break-even ops per bit", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e9, noNaN: true }), fc.double({ min: 1e3, max: 1e6, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), (bits, pJPerBit, pJPerOp, share) => {
        const r0 = transmitVsCompute({ bitsSent: bits, localOps: 0, pJPerBit, pJPerOp });
        const localOps = r0.breakEvenOpsPerBit * bits * share;
        const r = transmitVsCompute({ bitsSent: bits, localOps, pJPerBit, pJPerOp });
        if (share < 0.999) expect(r.localIsCheaper).toBe(true);
        if (share > 1.001) expect(r.localIsCheaper).toBe(false);
        expectClose(transmitEnergy({ bytes: bits / 8, pJPerBit }).transmitJ, r.transmitJ, 1e-12);
      }),
    );
  });
});
