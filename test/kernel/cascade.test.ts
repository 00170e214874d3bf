import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { cascadeBreakEven, cascadeEnergy } from "../../src/kernel/cascade.ts";
import { radioEnergy } from "../../src/kernel/catalogs/edge.ts";
import { expectClose, expectPrinted, messageOf } from "./printed.ts";


/** The chapter's visual-inspection cascade: MobileNet-v3 tiny at the edge, ResNet-152 in the cloud, cellular uplink. */
const INSPECTION = { edgeMJ: 0.5, transmitMJ: radioEnergy.cellularImageMJ.value, cloudMJ: 50 };

describe("chapter examples", () => {
  test("Equation 15: a 10 % escalation cascade costs 6.5 mJ per image against 60 mJ always-cloud, an 89 % cut", () => {
    const r = cascadeEnergy({ ...INSPECTION, escalationRate: 0.1 });
    expectPrinted(r.cascadeMJ, 6.5, 1);
    expectPrinted(r.alwaysCloudMJ, 60, 0);
    expectPrinted(r.savingsFraction, 0.89, 2);
  });

  test("Equation 15: across the typical 5–20 % escalation the cascade saves 81–94 %", () => {
    const [low, high] = cascadeEnergy.sweep(INSPECTION, { escalationRate: [0.05, 0.2] });
    expectPrinted(low!.savingsFraction, 0.94, 2);
    expectPrinted(high!.savingsFraction, 0.79, 2);
  });

  test("Break-even: this cascade stays ahead of always-cloud up to a 99.2 % escalation rate", () => {
    const { breakEvenEscalationRate, cascadeCanWin } = cascadeBreakEven(INSPECTION);
    expectPrinted(breakEvenEscalationRate, 0.992, 3);
    expect(cascadeCanWin).toBe(true);
    expectClose(cascadeEnergy({ ...INSPECTION, escalationRate: breakEvenEscalationRate }).cascadeMJ, 60, 1e-12);
    // An edge model that costs more than the whole cloud path can never pay off.
    const heavyEdge = cascadeBreakEven({ edgeMJ: 70, transmitMJ: 10, cloudMJ: 50 });
    expect(heavyEdge.cascadeCanWin).toBe(false);
    expect(heavyEdge.breakEvenEscalationRate).toBeLessThan(0);
  });
});

describe("errors", () => {
  test("the text names the function, the field, the rule and the value", () => {
    expect(messageOf(() => cascadeEnergy({ ...INSPECTION, escalationRate: 1.1 }))).toBe("cascadeEnergy: escalationRate must be ≤ 1 (got 1.1)");
    expect(messageOf(() => cascadeEnergy({ ...INSPECTION, escalationRate: -0.1 }))).toBe("cascadeEnergy: escalationRate must be ≥ 0 (got -0.1)");
    expect(messageOf(() => cascadeEnergy({ ...INSPECTION, edgeMJ: Number.NaN, escalationRate: 0.1 }))).toBe("cascadeEnergy: edgeMJ must be a finite number (got NaN)");
    expect(messageOf(() => cascadeEnergy({ ...INSPECTION, cloudMJ: 0, escalationRate: 0.1 }))).toBe("cascadeEnergy: cloudMJ must be > 0 (got 0)");
    expect(messageOf(() => cascadeEnergy({ ...INSPECTION, escalationRate: 0.1, batch: 8 } as never))).toBe('cascadeEnergy: unknown field "batch"');
    expect(messageOf(() => cascadeEnergy(INSPECTION as never))).toBe("cascadeEnergy: escalationRate is required");
  });
});

describe("properties", () => {
  const mj = fc.double({ min: 0, max: 1e4, noNaN: true });
  const cloud = fc.double({ min: 1e-3, max: 1e4, noNaN: true });
  const rate = fc.double({ min: 0, max: 1, noNaN: true });

  test("the cascade costs no more than always-cloud exactly when escalationRate ≤ 1 − edge / (transmit + cloud)", () => {
    fc.assert(
      fc.property(mj, mj, cloud, rate, (edgeMJ, transmitMJ, cloudMJ, escalationRate) => {
        const r = cascadeEnergy({ edgeMJ, transmitMJ, cloudMJ, escalationRate });
        const { breakEvenEscalationRate } = cascadeBreakEven({ edgeMJ, transmitMJ, cloudMJ });
        const slack = 1e-9 * r.alwaysCloudMJ;
        if (escalationRate <= breakEvenEscalationRate) expect(r.cascadeMJ).toBeLessThanOrEqual(r.alwaysCloudMJ + slack);
        else expect(r.cascadeMJ).toBeGreaterThan(r.alwaysCloudMJ - slack);
      }),
    );
  });

  test("at escalationRate = 1 the cascade costs exactly the edge model more than always-cloud", () => {
    fc.assert(
      fc.property(mj, mj, cloud, (edgeMJ, transmitMJ, cloudMJ) => {
        const r = cascadeEnergy({ edgeMJ, transmitMJ, cloudMJ, escalationRate: 1 });
        // Absolute tolerance on the scale of the totals: the difference of two large sums cancels digits.
        expect(Math.abs(r.cascadeMJ - r.alwaysCloudMJ - edgeMJ)).toBeLessThanOrEqual(1e-12 * (r.alwaysCloudMJ + edgeMJ));
      }),
    );
  });

  test("energy grows with the escalation rate and never drops below the edge model alone", () => {
    fc.assert(
      fc.property(mj, mj, cloud, rate, rate, (edgeMJ, transmitMJ, cloudMJ, p, q) => {
        const [lo, hi] = p <= q ? [p, q] : [q, p];
        const a = cascadeEnergy({ edgeMJ, transmitMJ, cloudMJ, escalationRate: lo }).cascadeMJ;
        const b = cascadeEnergy({ edgeMJ, transmitMJ, cloudMJ, escalationRate: hi }).cascadeMJ;
        expect(a).toBeLessThanOrEqual(b);
        expect(a).toBeGreaterThanOrEqual(edgeMJ);
      }),
    );
  });
});
