// Kernel constants are shared by every notebook evaluated in one realm: each exported catalog, `units`,
// sourced record and kernel function is deep-frozen, so a cell that tries to change one fails (a TypeError
// in strict code, which cells are) instead of changing what other notebooks print.
import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import * as kernel from "../../src/kernel/index.ts";
import {
  accelerators,
  clusterEnergy,
  edgePowerBudgets,
  emissionSources,
  illustrativeDay,
  KernelInputError,
  operationalCarbon,
  scopeOf,
  sourced,
  sourceRows,
  trainingFootprint,
  units,
} from "../../src/kernel/index.ts";
import { sourcedRange } from "../../src/kernel/catalogs/range.ts";
import { deepFrozen, leftUnfrozen } from "../../src/kernel/frozen.ts";
import { countReached, exportsToCheck, firstUnfrozen } from "./frozen-walk.ts";

const kernelDir = resolve(import.meta.dirname, "../../src/kernel");

function kernelModules(dir = kernelDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? kernelModules(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

/** Runs `change`, expecting the TypeError that strict code gets on a frozen object. */
function expectRefused(change: () => void): void {
  expect(change).toThrow(TypeError);
}

describe("deepFrozen", () => {
  test("freezes nested objects, arrays and functions, returns the value itself, and leaves primitives", () => {
    const fn = () => 1;
    const value = { a: { b: [1, { c: 2 }] }, fn: Object.assign(fn, { meta: { x: 1 } }) };
    expect(deepFrozen(value)).toBe(value);
    expect(firstUnfrozen(value, "value")).toBeUndefined();
    expect(Object.isFrozen(value.a.b[1])).toBe(true);
    expect(Object.isFrozen(value.fn.meta)).toBe(true);
    for (const primitive of [1, "s", true, null, undefined, 2n, Symbol.for("k")]) expect(deepFrozen(primitive)).toBe(primitive);
  });

  test("handles cycles and shared subtrees", () => {
    const shared = { n: 1 };
    const a: Record<string, unknown> = { shared };
    const b: Record<string, unknown> = { a, shared };
    a.b = b;
    a.self = a;
    deepFrozen(a);
    expect(firstUnfrozen(a, "a")).toBeUndefined();
    expect(countReached(a)).toBe(3);
  });

  test("walks into an object another caller froze only shallowly", () => {
    const inner = { n: 1 };
    const outer = Object.freeze({ inner });
    expect(firstUnfrozen(outer, "outer")).toBe("outer.inner");
    deepFrozen(outer);
    expect(Object.isFrozen(inner)).toBe(true);
  });

  test("freezes accessor functions, symbol-keyed values and a function's prototype", () => {
    const key = Symbol("k");
    function Named() {}
    const value = { [key]: { n: 1 }, get g() { return 1; }, Named };
    deepFrozen(value);
    expect(Object.isFrozen(value[key])).toBe(true);
    expect(Object.isFrozen(Object.getOwnPropertyDescriptor(value, "g")!.get)).toBe(true);
    expect(Object.isFrozen(Named.prototype)).toBe(true);
  });

  test("refuses, by path, a value whose contents Object.freeze cannot protect", () => {
    expect(() => deepFrozen({ grid: { day: { value: new Float64Array([1, 2]) } } })).toThrow(
      "deepFrozen: at grid.day.value: a Float64Array cannot be frozen; kernel constants hold plain objects and arrays",
    );
    expect(() => deepFrozen({ regions: [1, new Map()] })).toThrow("deepFrozen: at regions.1: a Map cannot be frozen");
    expect(() => deepFrozen(new Set([1]))).toThrow("deepFrozen: a Set cannot be frozen");
  });

  test("a failed walk leaves nothing that a later walk would skip as done", () => {
    const partly = { a: { bad: new Map() }, b: { c: {} } };
    expect(() => deepFrozen(partly)).toThrow("deepFrozen: at a.bad: a Map cannot be frozen");
    expect(() => deepFrozen({ holder: partly })).toThrow("deepFrozen: at holder.a.bad: a Map cannot be frozen");
  });

  test("stops at values marked leftUnfrozen", () => {
    const cache = leftUnfrozen({ parsed: undefined as unknown });
    const value = { cache, other: {} };
    deepFrozen(value);
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.other)).toBe(true);
    expect(Object.isFrozen(cache)).toBe(false);
  });

  test("the walk the kernel tests rely on names the first unfrozen path", () => {
    const sample = Object.freeze({ h100: Object.freeze({ watts: { value: 700 } }) });
    expect(firstUnfrozen(sample, "accelerators")).toBe("accelerators.h100.watts");
  });
});

describe("the kernel's exports are deep-frozen", () => {
  test("every export of src/kernel/index.ts, all the way down (kernel-function schemas aside)", () => {
    const exported = exportsToCheck(kernel, true);
    expect(exported.length).toBeGreaterThan(120);
    let reached = 0;
    for (const [name, value] of exported) {
      expect(firstUnfrozen(value, name), `wattbook/kernel export ${name}`).toBeUndefined();
      reached += countReached(value);
    }
    // Catalog records, their arrays, kernel functions with their sweep and formula: hundreds, not a few.
    expect(reached).toBeGreaterThan(600);
  });

  test("every module of src/kernel, as pages import them one topic at a time", async () => {
    const files = kernelModules();
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const where = relative(kernelDir, file);
      for (const [name, value] of exportsToCheck(module, false)) {
        expect(firstUnfrozen(value, name), `${where}: export ${name}`).toBeUndefined();
      }
    }
  });

  test("records are frozen at birth, by sourced() and sourcedRange()", () => {
    const record = sourced([1, 2, 3], "W", "test", 2026, "a note");
    expect(firstUnfrozen(record, "record")).toBeUndefined();
    const range = sourcedRange(1, 3, "W", "test", 2026);
    expect(firstUnfrozen(range, "range")).toBeUndefined();
    expect(range.value).toBe(2);
  });

  test("kernel functions are frozen with their sweep and formula; the zod schema stays writable for zod", () => {
    expect(Object.isFrozen(clusterEnergy)).toBe(true);
    expect(Object.isFrozen(clusterEnergy.sweep)).toBe(true);
    expect(Object.isFrozen(clusterEnergy.unchecked)).toBe(true);
    expect(Object.isFrozen(clusterEnergy.schema)).toBe(false);
    // Made on first use: a getter with no setter, which nothing can replace.
    expect(Object.getOwnPropertyDescriptor(clusterEnergy, "schema")).toMatchObject({ set: undefined, configurable: false });
    expect(clusterEnergy.schema).toBe(clusterEnergy.schema);
  });
});

describe("changing a kernel constant fails where it is tried, and changes nothing", () => {
  // This file is an ES module, so strict mode, as cells are.
  test("assigning a catalog value", () => {
    expectRefused(() => {
      (accelerators.h100.watts as { value: number }).value = 100;
    });
    expectRefused(() => {
      (accelerators as Record<string, unknown>).h100 = { watts: { value: 100 } };
    });
    expectRefused(() => {
      delete (accelerators.h100 as { embodiedKgCO2e?: unknown }).embodiedKgCO2e;
    });
    expect(accelerators.h100.watts.value).toBe(700);
    expect(accelerators.h100.embodiedKgCO2e.value).toBe(164);
  });

  test("adding to units", () => {
    expectRefused(() => {
      (units as Record<string, number>).x = 1;
    });
    expectRefused(() => {
      (units as { hoursPerYear: number }).hoursPerYear = 8_766;
    });
    expect("x" in units).toBe(false);
    expect(units.hoursPerYear).toBe(8_760);
  });

  test("pushing to, sorting or filling an exported array", () => {
    const day = illustrativeDay.value as number[];
    const before = [...day];
    expectRefused(() => day.push(1));
    expectRefused(() => day.sort((a, b) => a - b));
    expectRefused(() => day.reverse());
    expectRefused(() => day.fill(0));
    expect(day).toEqual(before);
    const examples = edgePowerBudgets.tinymlMcu.examples as string[];
    expectRefused(() => examples.push("mine"));
    expectRefused(() => {
      examples[0] = "mine";
    });
    expect(examples).toEqual(["Arduino Nano 33", "STM32H7", "Nordic nRF5340"]);
    // Copies are the notebook's own to change.
    expect([...day].sort((a, b) => b - a)[0]).toBe(600);
  });

  test("reassigning a kernel function's properties", () => {
    const sweep = clusterEnergy.sweep;
    expectRefused(() => {
      (clusterEnergy as { sweep: unknown }).sweep = () => [];
    });
    expectRefused(() => {
      (clusterEnergy as { unchecked: unknown }).unchecked = () => ({});
    });
    expectRefused(() => {
      (clusterEnergy as { schema: unknown }).schema = {};
    });
    expectRefused(() => {
      (clusterEnergy as { kernelName: string }).kernelName = "hacked";
    });
    expectRefused(() => {
      (clusterEnergy.sweep as unknown as { extra: number }).extra = 1;
    });
    expectRefused(() => {
      (sourceRows as unknown as { extra: number }).extra = 1;
    });
    expectRefused(() => {
      (KernelInputError.prototype as { describe?: unknown }).describe = () => "";
    });
    expect(clusterEnergy.sweep).toBe(sweep);
    expect(clusterEnergy.kernelName).toBe("clusterEnergy");
  });

  test("sloppy code cannot change them either: its assignments are ignored", () => {
    // Non-module code (a classic script, `new Function`) is sloppy: nothing throws, and nothing changes.
    const sloppy = new Function("k", "k.accelerators.h100.watts.value = 100; k.units.x = 1; k.clusterEnergy.sweep = null; return k.accelerators.h100.watts.value;");
    expect(sloppy({ accelerators, units, clusterEnergy })).toBe(700);
    expect(typeof clusterEnergy.sweep).toBe("function");
    expect("x" in units).toBe(false);
  });
});

describe("frozen, the kernel computes as before", () => {
  test("calls, sweeps and their errors", () => {
    const input = { devices: 64, watts: accelerators.a100.watts.value, hours: 336, pue: 1.12 };
    const single = clusterEnergy(input);
    expect(single.facilityKWh).toBeCloseTo(64 * 400 * 336 * 1.12 / 1000, 9);
    const hours = [24, 168, 336];
    const swept = clusterEnergy.sweep({ devices: 64, watts: 400, pue: 1.12 }, { hours });
    expect(swept).toEqual(hours.map((h) => clusterEnergy({ ...input, hours: h })));
    expect(clusterEnergy.sweep({ devices: 64, watts: 400, pue: 1.12 }, { hours: new Float64Array(hours) })).toEqual(swept);
    expect(() => clusterEnergy.sweep({ devices: 64, watts: 400, pue: 1.12 }, { hours: [1, -1] })).toThrow("clusterEnergy: hours[1] must be ≥ 0 (got -1)");
    expect(() => clusterEnergy({ ...input, devices: -1 })).toThrow(KernelInputError);
    // Results are the caller's own, not frozen.
    const result = operationalCarbon({ energyKWh: 1000, gridGPerKWh: 400 }) as Record<string, unknown>;
    expect(Object.isFrozen(result)).toBe(false);
  });

  test("a function that reads catalogs, and one that returns a catalog record", () => {
    const footprint = trainingFootprint({ devices: 2048, watts: 700, hours: 720, pue: 1.12, gridGPerKWh: 429, embodiedKgPerDevice: 164, lifetimeYears: 3, supportFactor: 1.375 });
    expect(footprint.operationalKg / 1000).toBeCloseTo(681.9, 1);
    expect(scopeOf({ source: "purchasedElectricity" })).toMatchObject({ scope: 2 });
    expect(scopeOf.sweep).toBeTypeOf("function");
    expect(emissionSources.purchasedElectricity.value).toBe(2);
  });

  test("sourceRows builds rows a notebook can change", () => {
    const rows = sourceRows({ "H100 power": accelerators.h100.watts });
    expect(rows).toMatchObject([
      { quantity: "H100 power", value: 700, unit: "W", citation: "NVIDIA H100 datasheet", year: 2022, note: "", id: "accelerators.h100.watts", anchor: "ref-accelerators-h100-watts" },
    ]);
    expect(sourceRows([accelerators.h100.watts])[0]!.quantity).toBe(accelerators.h100.watts.name);
    rows.push({ ...rows[0]! });
    (rows[0] as { note: string }).note = "mine";
    expect(rows).toHaveLength(2);
    expect(accelerators.h100.watts.note).toBeUndefined();
  });
});
