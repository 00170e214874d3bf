import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { cascadeBreakEven, cascadeEnergy } from "../../src/kernel/cascade.ts";
import { radioEnergy } from "../../src/kernel/catalogs/edge.ts";
import { expectClose, expectPrinted, messageOf } from "./printed.ts";


/** The chapter's visual-inspection cascade: MobileNet-v3 tiny at the edge, ResNet-152 in the cloud, cellular uplink. */
const INSPECTION = { edgeMillijoules: 0.5, transmitMillijoules: radioEnergy.cellularImageMillijoules.value, cloudMillijoules: 50 };

describe("chapter examples", () => {
  test("Equation 15: a 10 % escalation cascade costs 6.5 mJ per image against 60 mJ always-cloud, an 89 % cut", () => {
    const r = cascadeEnergy({ ...INSPECTION, escalationRate: 0.1 });
    expectPrinted(r.cascadeMillijoules, 6.5, 1);
    expectPrinted(r.alwaysCloudMillijoules, 60, 0);
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
    expectClose(cascadeEnergy({ ...INSPECTION, escalationRate: breakEvenEscalationRate }).cascadeMillijoules, 60, 1e-12);
    // An edge model that costs more than the whole cloud path can never pay off.
    const heavyEdge = cascadeBreakEven({ edgeMillijoules: 70, transmitMillijoules: 10, cloudMillijoules: 50 });
    expect(heavyEdge.cascadeCanWin).toBe(false);
    expect(heavyEdge.breakEvenEscalationRate).toBeLessThan(0);
  });
});

describe("errors", () => {
  test("the text names the function, the field, the rule and the value", () => {
    expect(messageOf(() => cascadeEnergy({ ...INSPECTION, escalationRate: 1.1 }))).toBe("cascadeEnergy: escalationRate must be ≤ 1 (got 1.1)");
    expect(messageOf(() => cascadeEnergy({ ...INSPECTION, escalationRate: -0.1 }))).toBe("cascadeEnergy: escalationRate must be ≥ 0 (got -0.1)");
    expect(messageOf(() => cascadeEnergy({ ...INSPECTION, edgeMillijoules: Number.NaN, escalationRate: 0.1 }))).toBe("cascadeEnergy: edgeMillijoules must be a finite number (got NaN)");
    expect(messageOf(() => cascadeEnergy({ ...INSPECTION, cloudMillijoules: 0, escalationRate: 0.1 }))).toBe("cascadeEnergy: cloudMillijoules must be > 0 (got 0)");
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
      fc.property(mj, mj, cloud, rate, (edgeMillijoules, transmitMillijoules, cloudMillijoules, escalationRate) => {
        const r = cascadeEnergy({ edgeMillijoules, transmitMillijoules, cloudMillijoules, escalationRate });
        const { breakEvenEscalationRate } = cascadeBreakEven({ edgeMillijoules, transmitMillijoules, cloudMillijoules });
        const slack = 1e-9 * r.alwaysCloudMillijoules;
        if (escalationRate <= breakEvenEscalationRate) expect(r.cascadeMillijoules).toBeLessThanOrEqual(r.alwaysCloudMillijoules + slack);
        else expect(r.cascadeMillijoules).toBeGreaterThan(r.alwaysCloudMillijoules - slack);
      }),
    );
  });

  test("at escalationRate = 1 the cascade costs exactly the edge model more than always-cloud", () => {
    fc.assert(
      fc.property(mj, mj, cloud, (edgeMillijoules, transmitMillijoules, cloudMillijoules) => {
        const r = cascadeEnergy({ edgeMillijoules, transmitMillijoules, cloudMillijoules, escalationRate: 1 });
        // Absolute tolerance on the scale of the totals: the difference of two large sums cancels digits.
        expect(Math.abs(r.cascadeMillijoules - r.alwaysCloudMillijoules - edgeMillijoules)).toBeLessThanOrEqual(1e-12 * (r.alwaysCloudMillijoules + edgeMillijoules));
      }),
    );
  });

  test("energy grows with the escalation rate and never drops below the edge model alone", () => {
    fc.assert(
      fc.property(mj, mj, cloud, rate, rate, (edgeMillijoules, transmitMillijoules, cloudMillijoules, p, q) => {
        const [lo, hi] = p <= q ? [p, q] : [q, p];
        const a = cascadeEnergy({ edgeMillijoules, transmitMillijoules, cloudMillijoules, escalationRate: lo }).cascadeMillijoules;
        const b = cascadeEnergy({ edgeMillijoules, transmitMillijoules, cloudMillijoules, escalationRate: hi }).cascadeMillijoules;
        expect(a).toBeLessThanOrEqual(b);
        expect(a).toBeGreaterThanOrEqual(edgeMillijoules);
      }),
    );
  });
});
