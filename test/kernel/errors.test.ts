// Errors are part of the interface: each message names the function, the field, the rule and the value.
import { describe, expect, test } from "vitest";
import { KernelInputError } from "../../src/kernel/input-error.ts";
import { operationalCarbon } from "../../src/kernel/carbon.ts";
import { annualEnergy, clusterEnergy, trainingEnergy, trainingRun } from "../../src/kernel/energy.ts";
import { combinedReduction, growthRate } from "../../src/kernel/growth.ts";
import { dutyCyclePower } from "../../src/kernel/edge.ts";
import { pueVersusGrid } from "../../src/kernel/facility.ts";
import { decodeEnergy } from "../../src/kernel/inference.ts";
import { refreshPayback, trainingFootprint } from "../../src/kernel/lifecycle.ts";
import { placeWorkload } from "../../src/kernel/placement.ts";
import { cmosPower, rooflineEnergy } from "../../src/kernel/roofline.ts";
import { messageOf } from "./printed.ts";

const cluster = { devices: 64, watts: 400, hours: 336, pue: 1.12 };
const footprint = { ...cluster, gridGPerKWh: 429, embodiedKgPerDevice: 150, lifetimeYears: 4 };
const run = { params: 7e9, tokens: 1e12, devices: 64, peakFlopsPerSecond: 312e12, utilization: 0.4, watts: 400, pue: 1.12, gridGPerKWh: 429 };


describe("exact error text", () => {
  test("a negative value: the DESIGN.md example", () => {
    expect(messageOf(() => operationalCarbon({ energyKWh: 100, gridGPerKWh: -5 }))).toBe("operationalCarbon: gridGPerKWh must be ≥ 0 (got -5)");
  });

  test("NaN", () => {
    expect(messageOf(() => operationalCarbon({ energyKWh: NaN, gridGPerKWh: 429 }))).toBe("operationalCarbon: energyKWh must be a finite number (got NaN)");
  });

  test("±Infinity", () => {
    expect(messageOf(() => clusterEnergy({ ...cluster, hours: Infinity }))).toBe("clusterEnergy: hours must be a finite number (got Infinity)");
    expect(messageOf(() => clusterEnergy({ ...cluster, watts: -Infinity }))).toBe("clusterEnergy: watts must be a finite number (got -Infinity)");
  });

  test("negative and fractional counts", () => {
    expect(messageOf(() => clusterEnergy({ ...cluster, devices: -3 }))).toBe("clusterEnergy: devices must be ≥ 0 (got -3)");
    expect(messageOf(() => clusterEnergy({ ...cluster, devices: 2.5 }))).toBe("clusterEnergy: devices must be a whole number (got 2.5)");
    expect(messageOf(() => trainingRun({ ...run, devices: 0 }))).toBe("trainingRun: devices must be ≥ 1 (got 0)");
    expect(messageOf(() => decodeEnergy({ params: 7e9, bytesPerParam: 2, tokens: 1000, batch: 0, pJPerFlop: 10, pJPerByte: 160, peakFlopsPerSecond: 1e15, memoryBandwidthBytesPerSecond: 3e12, staticWatts: 100 }))).toBe(
      "decodeEnergy: batch must be ≥ 1 (got 0)",
    );
  });

  test("PUE below 1", () => {
    expect(messageOf(() => trainingFootprint({ ...footprint, pue: 0.9 }))).toBe("trainingFootprint: pue must be ≥ 1 (got 0.9)");
  });

  test("support factor below 1", () => {
    expect(messageOf(() => clusterEnergy({ ...cluster, supportFactor: 0.8 }))).toBe("clusterEnergy: supportFactor must be ≥ 1 (got 0.8)");
  });

  test("fractions above 1 (and a utilization of 0, which would mean a run that never ends)", () => {
    expect(messageOf(() => trainingRun({ ...run, utilization: 1.2 }))).toBe("trainingRun: utilization must be ≤ 1 (got 1.2)");
    expect(messageOf(() => trainingRun({ ...run, utilization: 0 }))).toBe("trainingRun: utilization must be > 0 (got 0)");
    expect(messageOf(() => annualEnergy({ megawatts: 100, capacityFactor: 1.5 }))).toBe("annualEnergy: capacityFactor must be ≤ 1 (got 1.5)");
    expect(messageOf(() => cmosPower({ activity: 1.01, capacitanceFarads: 1e-9, volts: 1, frequencyHz: 1e9 }))).toBe("cmosPower: activity must be ≤ 1 (got 1.01)");
  });

  test("divisors that must be positive", () => {
    expect(messageOf(() => trainingEnergy({ flops: 1e20, flopsPerJoule: 0, pue: 1.1 }))).toBe("trainingEnergy: flopsPerJoule must be > 0 (got 0)");
    expect(messageOf(() => trainingFootprint({ ...footprint, lifetimeYears: -0 }))).toBe("trainingFootprint: lifetimeYears must be > 0 (got 0)");
    expect(messageOf(() => rooflineEnergy({ flops: 1, bytes: 0, pJPerFlop: 10, pJPerByte: 160 }))).toBe("rooflineEnergy: bytes must be > 0 (got 0)");
  });

  test("ratios that must exceed 1", () => {
    expect(messageOf(() => refreshPayback({ embodiedKgPerNewDevice: 164, annualOperationalKgPerDevice: 4000, perfPerWattGain: 1 }))).toBe(
      "refreshPayback: perfPerWattGain must be > 1 (got 1)",
    );
    expect(messageOf(() => growthRate({ totalGrowth: 0.5, years: 7 }))).toBe("growthRate: totalGrowth must be > 1 (got 0.5)");
  });

  test("unknown fields", () => {
    expect(messageOf(() => clusterEnergy({ ...cluster, gpus: 8 } as never))).toBe('clusterEnergy: unknown field "gpus"');
    expect(messageOf(() => clusterEnergy({ ...cluster, gpus: 8, tdp: 700 } as never))).toBe('clusterEnergy: unknown fields "gpus", "tdp"');
  });

  test("missing fields", () => {
    const { lifetimeYears: _, ...withoutLifetime } = footprint;
    expect(messageOf(() => trainingFootprint(withoutLifetime as never))).toBe("trainingFootprint: lifetimeYears is required");
  });

  test("wrong types", () => {
    expect(messageOf(() => operationalCarbon({ energyKWh: "100", gridGPerKWh: 429 } as never))).toBe('operationalCarbon: energyKWh must be a finite number (got "100")');
    expect(messageOf(() => clusterEnergy(5 as never))).toBe("clusterEnergy: expects one object of named inputs (got 5)");
    expect(messageOf(() => clusterEnergy(null as never))).toBe("clusterEnergy: expects one object of named inputs (got null)");
    expect(messageOf(() => clusterEnergy(undefined as never))).toBe("clusterEnergy: expects one object of named inputs (got nothing)");
    expect(messageOf(() => combinedReduction({ factors: 3 } as never))).toBe("combinedReduction: factors must be an array (got 3)");
  });

  test("array items are named by their position", () => {
    expect(messageOf(() => combinedReduction({ factors: [2, -2] }))).toBe("combinedReduction: factors.1 must be > 0 (got -2)");
  });

  test("the error carries its parts for programs", () => {
    try {
      operationalCarbon({ energyKWh: 100, gridGPerKWh: -5 });
    } catch (error) {
      expect(error).toMatchObject({ name: "KernelInputError", fn: "operationalCarbon", field: "gridGPerKWh", rule: "must be ≥ 0", received: -5 });
    }
  });
});

describe("a misspelt field names the field it was probably meant to be", () => {
  test("a typo of a required field: the unknown key is reported, with the field, not the missing field it causes", () => {
    const { watts: _, ...withoutWatts } = cluster;
    expect(messageOf(() => clusterEnergy({ ...withoutWatts, wats: 400 } as never))).toBe('clusterEnergy: unknown field "wats" (did you mean watts?)');
  });

  test("a typo of a field with a default, which nothing else would report", () => {
    expect(messageOf(() => clusterEnergy({ ...cluster, supportFactr: 1.2 } as never))).toBe('clusterEnergy: unknown field "supportFactr" (did you mean supportFactor?)');
  });

  test("a field in the wrong case", () => {
    const { pue: _, ...withoutPue } = cluster;
    expect(messageOf(() => clusterEnergy({ ...withoutPue, PUE: 1.12 } as never))).toBe('clusterEnergy: unknown field "PUE" (did you mean pue?)');
  });

  test("inside nested objects and array items", () => {
    expect(messageOf(() => pueVersusGrid({ a: { pue: 1.1, gridGPerKwh: 20 }, b: { pue: 1.5, gridGPerKWh: 400 } } as never))).toBe(
      'pueVersusGrid: unknown field "gridGPerKwh" in a (did you mean gridGPerKWh?)',
    );
    // A field given as undefined is left out, as zod counts it: still a candidate for the typo.
    const region = { id: "quebec", gridGPerKWh: 20, pue: 1.1, pricePerKWh: 0.06 };
    expect(messageOf(() => placeWorkload({ itKWh: 1000, regions: [region, { ...region, id: "virginia", pricePerKwh: 0.08, pricePerKWh: undefined }], carbonPricePerTonne: 1 } as never))).toBe(
      'placeWorkload: unknown field "pricePerKwh" in regions.1 (did you mean pricePerKWh?)',
    );
  });

  test("several unknown keys each carry their own hint", () => {
    const { watts: _, hours: __, ...rest } = cluster;
    expect(messageOf(() => clusterEnergy({ ...rest, wats: 400, hourz: 336, gpus: 8 } as never))).toBe(
      'clusterEnergy: unknown fields "wats" (did you mean watts?), "hourz" (did you mean hours?), "gpus"',
    );
  });

  test("a misspelt field is reported before an unrelated bad value: it is the likelier cause of what follows", () => {
    const { watts: _, ...withoutWatts } = cluster;
    expect(messageOf(() => clusterEnergy({ ...withoutWatts, devices: -3, wats: 400 } as never))).toBe('clusterEnergy: unknown field "wats" (did you mean watts?)');
  });

  test("no suggestion when nothing is close, or when the close field is given too", () => {
    expect(messageOf(() => clusterEnergy({ ...cluster, gpus: 8 } as never))).toBe('clusterEnergy: unknown field "gpus"');
    expect(messageOf(() => clusterEnergy({ ...cluster, wats: 400 } as never))).toBe('clusterEnergy: unknown field "wats"');
    // Nothing is close to a field renamed for its unit: the message names the field that is now required.
    expect(messageOf(() => dutyCyclePower({ activeMW: 15, sleepMW: 0.033, activeMs: 20, periodMs: 1000 } as never))).toBe(
      "dutyCyclePower: activeMilliwatts is required",
    );
  });

  test("sweeps: a typo in the fixed inputs reads as in a call, a typo in the swept fields gets the same hint", () => {
    const { watts: _, hours: __, ...base } = cluster;
    expect(messageOf(() => clusterEnergy.sweep({ ...base, wats: 400 } as never, { hours: [24, 336] }))).toBe('clusterEnergy: unknown field "wats" (did you mean watts?)');
    expect(messageOf(() => clusterEnergy.sweep({ ...base, watts: 400 }, { hourz: [24, 336] } as never))).toBe(
      'clusterEnergy: cannot sweep unknown field "hourz" (did you mean hours?)',
    );
    // A schema with a cross-field rule validates scenario by scenario: the same words.
    expect(messageOf(() => dutyCyclePower.sweep({ activeMiliwatts: 15, sleepMilliwatts: 0.033, activeMs: 20 } as never, { periodMs: [100, 1000] }))).toBe(
      'dutyCyclePower: unknown field "activeMiliwatts" (did you mean activeMilliwatts?)',
    );
  });
});
