// The sweep API: validate once, then run the bare formula. These tests pin its contract — same results as
// one call per scenario, and errors that name the offending value by field and index.
import fc from "fast-check";
import { number, refine, strictObject } from "zod/mini";
import { describe, expect, test } from "vitest";
import { clusterEnergy, trainingRun } from "../../src/kernel/energy.ts";
import { combinedReduction } from "../../src/kernel/growth.ts";
import { trainingFootprint } from "../../src/kernel/lifecycle.ts";
import { nonNegative, positive } from "../../src/kernel/fields.ts";
import { KernelInputError } from "../../src/kernel/input-error.ts";
import { kernelFunction } from "../../src/kernel/kernel-function.ts";
import { messageOf } from "./printed.ts";

const base = { devices: 64, watts: 400, pue: 1.12 };


describe("results", () => {
  test("a sweep equals one call per value", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { maxLength: 50 }), (hours) => {
        expect(clusterEnergy.sweep(base, { hours })).toEqual(hours.map((h) => clusterEnergy({ ...base, hours: h })));
      }),
    );
  });

  test("several fields are zipped, element by element", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 1, max: 2, noNaN: true }), fc.integer({ min: 0, max: 10_000 })), { minLength: 1, maxLength: 30 }),
        (rows) => {
          const hours = rows.map((r) => r[0]);
          const pue = rows.map((r) => r[1]);
          const devices = rows.map((r) => r[2]);
          const swept = clusterEnergy.sweep({ watts: 700 }, { hours, pue, devices });
          expect(swept).toEqual(rows.map(([h, p, d]) => clusterEnergy({ watts: 700, hours: h, pue: p, devices: d })));
        },
      ),
    );
  });

  test("typed arrays work as value columns", () => {
    const hours = new Float64Array([1, 10, 100]);
    expect(clusterEnergy.sweep(base, { hours }).map((r) => r.acceleratorKWh)).toEqual([25.6, 256, 2560]);
    expect(clusterEnergy.sweep({ watts: 700, hours: 1, pue: 1 }, { devices: new Int32Array([1, 8]) }).map((r) => r.acceleratorKWh)).toEqual([0.7, 5.6]);
    expect(clusterEnergy.sweep(base, { hours: new Float32Array([0.5]) })).toHaveLength(1);
  });

  test("defaults are filled once, and a swept value overrides one given in base", () => {
    const [withDefault] = clusterEnergy.sweep(base, { hours: [10] });
    expect(withDefault!.itKWh).toBe(withDefault!.acceleratorKWh);
    const [overridden] = clusterEnergy.sweep({ ...base, hours: 999 }, { hours: [10] });
    expect(overridden).toEqual(clusterEnergy({ ...base, hours: 10 }));
  });

  test("an empty sweep returns no results", () => {
    expect(clusterEnergy.sweep(base, { hours: [] })).toEqual([]);
  });

  test("results are independent objects, and neither base nor the values are modified", () => {
    const fixed = { ...base };
    const hours = [1, 2];
    const [a, b] = clusterEnergy.sweep(fixed, { hours });
    expect(a).not.toBe(b);
    expect(fixed).toEqual(base);
    expect(hours).toEqual([1, 2]);
  });

  test("the swept fields appear in the result only through the formula", () => {
    const rows = trainingFootprint.sweep(
      { devices: 2048, watts: 700, hours: 720, pue: 1.12, embodiedKgPerDevice: 164, lifetimeYears: 3 },
      { gridGPerKWh: [20, 429, 820] },
    );
    expect(Object.keys(rows[0]!)).toEqual(["facilityKWh", "operationalKg", "embodiedKg", "totalKg", "embodiedFraction"]);
    expect(rows.map((r) => r.embodiedFraction)).toEqual([...rows.map((r) => r.embodiedFraction)].sort((x, y) => y - x));
  });
});

describe("errors name the field and the index", () => {
  test("a value outside the field's range, reported at its first index", () => {
    expect(messageOf(() => clusterEnergy.sweep(base, { hours: [24, 10, -1, -5] }))).toBe("clusterEnergy: hours[2] must be ≥ 0 (got -1)");
    expect(messageOf(() => clusterEnergy.sweep({ devices: 8, watts: 700, hours: 1 }, { pue: [1.2, 0.95, 1.1] }))).toBe("clusterEnergy: pue[1] must be ≥ 1 (got 0.95)");
    expect(messageOf(() => trainingRun.sweep({ params: 7e9, tokens: 1e12, devices: 64, peakFlopsPerSecond: 1e15, watts: 700, pue: 1.1, gridGPerKWh: 429 }, { utilization: [0.3, 0.5, 1.5] }))).toBe(
      "trainingRun: utilization[2] must be ≤ 1 (got 1.5)",
    );
  });

  test("NaN and ±Infinity, in plain and typed arrays", () => {
    expect(messageOf(() => clusterEnergy.sweep(base, { hours: [1, NaN] }))).toBe("clusterEnergy: hours[1] must be a finite number (got NaN)");
    expect(messageOf(() => clusterEnergy.sweep(base, { hours: new Float64Array([1, 2, Infinity]) }))).toBe("clusterEnergy: hours[2] must be a finite number (got Infinity)");
    expect(messageOf(() => clusterEnergy.sweep(base, { hours: [-Infinity] }))).toBe("clusterEnergy: hours[0] must be a finite number (got -Infinity)");
  });

  test("values that are not numbers", () => {
    expect(messageOf(() => clusterEnergy.sweep(base, { hours: [1, "2"] as never }))).toBe('clusterEnergy: hours[1] must be a finite number (got "2")');
  });

  test("a fractional value in a whole-number field", () => {
    expect(messageOf(() => clusterEnergy.sweep({ watts: 700, hours: 1, pue: 1.1 }, { devices: [1, 2, 2.5, 3.5] }))).toBe("clusterEnergy: devices[2] must be a whole number (got 2.5)");
  });

  test("a bad fixed input is named without an index", () => {
    expect(messageOf(() => clusterEnergy.sweep({ ...base, watts: -400 }, { hours: [1] }))).toBe("clusterEnergy: watts must be ≥ 0 (got -400)");
    expect(messageOf(() => clusterEnergy.sweep({ ...base, extra: 1 } as never, { hours: [1] }))).toBe('clusterEnergy: unknown field "extra"');
    expect(messageOf(() => clusterEnergy.sweep({ watts: 400, pue: 1.1 } as never, { hours: [1] }))).toBe("clusterEnergy: devices is required");
  });

  test("the shape of the sweep itself", () => {
    expect(messageOf(() => clusterEnergy.sweep(base, { hourz: [1] } as never))).toBe('clusterEnergy: cannot sweep unknown field "hourz" (did you mean hours?)');
    expect(messageOf(() => clusterEnergy.sweep(base, {} as never))).toBe("clusterEnergy: sweep needs at least one field of values, such as {hours: [1, 2, 3]}");
    expect(messageOf(() => clusterEnergy.sweep(base, { hours: 3 } as never))).toBe("clusterEnergy: hours must be an array of numbers to sweep (got 3)");
    expect(messageOf(() => clusterEnergy.sweep({ watts: 1, pue: 1 }, { hours: [1, 2], devices: [1] }))).toBe("clusterEnergy: devices must hold 2 values, as hours does (got an array of 1)");
    expect(messageOf(() => clusterEnergy.sweep(5 as never, { hours: [1] }))).toBe(
      "clusterEnergy: sweep expects the fixed inputs as its first argument, one object of named inputs (got 5)",
    );
    expect(messageOf(() => clusterEnergy.sweep(base, [1, 2] as never))).toBe(
      "clusterEnergy: sweep expects its swept fields as an object of value arrays, such as {hours: [1, 2, 3]} (got an array of 2)",
    );
    expect(messageOf(() => combinedReduction.sweep({} as never, { factors: [1, 2] } as never))).toBe("combinedReduction: factors cannot be swept: only number fields can");
  });

  test("any bad value anywhere is caught, whatever its position", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.nat(), fc.constantFrom(-1, NaN, Infinity, -1e-9), (hours, at, bad) => {
        const index = at % hours.length;
        const column = [...hours];
        column[index] = bad;
        expect(() => clusterEnergy.sweep(base, { hours: column })).toThrow(`clusterEnergy: hours[${index}] must be`);
      }),
    );
  });
});

describe("schemas with rules between fields", () => {
  // A rule that relates two fields cannot be checked from each field's extremes, so such schemas are
  // validated scenario by scenario.
  const span = kernelFunction(
    "span",
    () => strictObject({ fromYears: positive(), toYears: nonNegative() }).check(refine((v) => v.toYears >= v.fromYears, { message: "must be ≥ fromYears", path: ["toYears"] })),
    ({ fromYears, toYears }) => ({ years: toYears - fromYears }),
  );

  test("every scenario is checked, and the failing one is named", () => {
    expect(messageOf(() => span.sweep({}, { fromYears: [1, 3, 2], toYears: [2, 4, 1] }))).toBe("span: toYears[2] must be ≥ fromYears (got 1)");
    expect(span.sweep({ fromYears: 1 }, { toYears: [1, 2, 5] }).map((r) => r.years)).toEqual([0, 1, 4]);
  });

  test("a field rule that is not a bound is checked for every value", () => {
    // Extremes cannot stand for a rule like "not 3": 1 and 5 pass, 3 between them does not.
    const notThree = kernelFunction(
      "notThree",
      () => strictObject({ x: number().check(refine((v) => v !== 3, { message: "must not be 3" })) }),
      ({ x }) => ({ y: x }),
    );
    expect(messageOf(() => notThree.sweep({}, { x: [1, 3, 5] }))).toBe("notThree: x[1] must not be 3 (got 3)");
    expect(notThree.sweep({}, { x: [1, 5] })).toEqual([{ y: 1 }, { y: 5 }]);
  });
});
