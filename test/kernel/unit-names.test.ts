// Units live in the names, from one vocabulary (src/kernel/unit-names.ts): every number a kernel function
// takes or returns is named with a unit suffix the vocabulary knows, or is dimensionless by its rules. The
// inputs are read from each function's schema, the outputs from a call with inputs built from that schema.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { safeParse, type ZodMiniType } from "zod/mini";
import * as kernel from "../../src/kernel/index.ts";
import { array, identifier, nonNegative, strictObject } from "../../src/kernel/fields.ts";
import { kernelFunction } from "../../src/kernel/kernel-function.ts";
import { elementOf, innerSchema, isNumberField, shapeOf } from "../../src/kernel/schema-introspection.ts";
import { dimensionlessNames, dimensionlessSuffixes, readUnitName, unitSuffixes, vocabularyWords } from "../../src/kernel/unit-names.ts";

/** What the walk needs of a kernel function: its schema, and a call. */
interface AnyKernelFunction {
  (input: never): unknown;
  readonly kernelName: string;
  readonly schema: ZodMiniType;
}

const kernelFunctions = Object.entries(kernel as Record<string, unknown>).filter(
  (entry): entry is [string, AnyKernelFunction] => typeof entry[1] === "function" && typeof (entry[1] as { kernelName?: unknown }).kernelName === "string",
);

/** Paths of the number fields (and arrays of numbers) a schema takes, at any depth: "stages[].activeMilliwatts". */
function inputNumberFields(schema: ZodMiniType, prefix = ""): string[] {
  const shape = shapeOf(innerSchema(schema));
  if (!shape) return [];
  return Object.entries(shape).flatMap(([name, field]) => {
    const path = prefix + name;
    const element = elementOf(field);
    if (isNumberField(field) || (element && isNumberField(element))) return [path];
    if (element) return inputNumberFields(element, `${path}[].`);
    return inputNumberFields(field, `${path}.`);
  });
}

/** Paths of the numbers (and arrays of numbers; null stands for a number not available) in a result. */
function outputNumberFields(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((item) => outputNumberFields(item, prefix)))];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([name, field]) => {
    const path = prefix + name;
    const isNumbers = Array.isArray(field) && field.length > 0 && field.every((item) => typeof item === "number");
    if (typeof field === "number" || field === null || isNumbers) return [path];
    return outputNumberFields(field, Array.isArray(field) ? `${path}[].` : `${path}.`);
  });
}

/** The name a path ends with: "stages[].activeMilliwatts" → "activeMilliwatts". */
const lastName = (path: string) => path.slice(path.lastIndexOf(".") + 1);

/**
 * A valid input built from the schema alone: numbers are the first of a few candidates the field accepts,
 * arrays hold 24 numbers (a daily profile) or two objects with distinct ids, enums take their first value.
 */
function sampleInput(schema: ZodMiniType, index = 0): unknown {
  const shape = shapeOf(innerSchema(schema));
  if (shape) return Object.fromEntries(Object.entries(shape).map(([name, field]) => [name, sampleInput(field, index)]));
  const element = elementOf(schema);
  if (element) return Array.from({ length: isNumberField(element) ? 24 : 2 }, (_, i) => sampleInput(element, i));
  if (isNumberField(schema)) return [1, 0.5, 2, 12].find((candidate) => safeParse(schema, candidate).success);
  if (safeParse(schema, true).success) return true;
  if (safeParse(schema, `id${index}`).success) return `id${index}`;
  const rejected = safeParse(schema, "\u0000").error?.issues[0];
  if (rejected?.code === "invalid_value") return rejected.values[0];
  throw new Error("no sample value for this schema");
}

/** Every number field of `fn`, inputs and outputs, whose name does not read in the vocabulary. */
function unreadableFields(fn: AnyKernelFunction): string[] {
  const unreadable = (paths: string[]) => paths.filter((path) => readUnitName(lastName(path)) === undefined);
  return [
    ...unreadable(inputNumberFields(fn.schema)).map((path) => `input ${path}`),
    ...unreadable(outputNumberFields(fn(sampleInput(fn.schema) as never))).map((path) => `output ${path}`),
  ];
}

describe("every kernel function names its numbers in the unit vocabulary", () => {
  test("the walk reaches every kernel function, its nested inputs and its outputs", () => {
    expect(kernelFunctions.length).toBeGreaterThanOrEqual(76);
    const inputs = kernelFunctions.flatMap(([, fn]) => inputNumberFields(fn.schema));
    expect(inputs).toContain("stages[].activeMilliwatts");
    expect(inputs).toContain("regions[].gridGPerKWh");
    expect(inputs).toContain("a.pue");
    expect(inputs).toContain("hourlyGPerKWh");
    const outputs = kernelFunctions.flatMap(([, fn]) => outputNumberFields(fn(sampleInput(fn.schema) as never)));
    expect(outputs).toContain("stages[].averageMilliwatts");
    expect(outputs).toContain("ranked[].kgCO2e");
    expect(outputs).toContain("runOffsets");
    expect(outputs).toContain("paybackMonths");
  });

  test.each(kernelFunctions)("%s", (_, fn) => {
    expect(unreadableFields(fn)).toEqual([]);
  });

  test("a name without a known unit fails (the check can fail)", () => {
    const careless = kernelFunction(
      "careless",
      () => strictObject({ wats: nonNegative(), powerMw: nonNegative(), hours: nonNegative(), loads: array(strictObject({ id: identifier(), loadMw: nonNegative() })) }),
      ({ wats, hours }) => ({ energyMw: wats * hours, energyKWh: (wats * hours) / 1000, parts: [{ id: "a", sharePct: 1 }] }),
    );
    expect(unreadableFields(careless)).toEqual([
      "input wats",
      "input powerMw",
      "input loads[].loadMw",
      "output energyMw",
      "output parts[].sharePct",
    ]);
  });
});

describe("the vocabulary", () => {
  test("no two words differ only by case, so a name may start with its unit in lower case", () => {
    const byLowerCase = new Map<string, string[]>();
    for (const word of vocabularyWords()) byLowerCase.set(word.toLowerCase(), [...(byLowerCase.get(word.toLowerCase()) ?? []), word]);
    expect([...byLowerCase.values()].filter((same) => same.length > 1)).toEqual([]);
  });

  test("MW is megawatts: a milli unit is spelled out, never with a bare M before a capital", () => {
    const all = Object.values(unitSuffixes).flat();
    const milli = all.filter((u) => u.unit.startsWith("milli"));
    expect(milli.map((u) => u.suffix).sort()).toEqual(["MilliampHours", "Millijoules", "Milliohm", "MilliwattHours", "Milliwatts", "Ms"]);
    for (const u of milli) expect(u.suffix, u.unit).not.toMatch(/^M[A-Z]/);
    for (const u of all.filter((u) => u.suffix.match(/^M[A-Z]/))) expect(u.unit, u.suffix).toMatch(/^mega/);
  });

  test("reads names as the vocabulary says", () => {
    expect(readUnitName("facilityKWh")).toEqual(["KWh"]);
    expect(readUnitName("gridGPerKWh")).toEqual(["G", "KWh"]);
    expect(readUnitName("kWhPerQuery")).toEqual(["KWh", "Query"]);
    expect(readUnitName("mwhPerYear")).toEqual(["MWh", "Year"]);
    expect(readUnitName("plantMW")).toEqual(["MW"]);
    expect(readUnitName("activeMilliwatts")).toEqual(["Milliwatts"]);
    expect(readUnitName("energyMilliwattHours")).toEqual(["MilliwattHours"]);
    expect(readUnitName("facilityKWBefore")).toEqual(["KW"]);
    expect(readUnitName("acceleratorShareOfRack")).toEqual([]);
    expect(readUnitName("pue")).toEqual([]);
    expect(readUnitName("devices")).toEqual(["Devices"]);
    // A unit in lower case is accepted only where it starts the name.
    expect(readUnitName("powerMw")).toBeUndefined();
    expect(readUnitName("wats")).toBeUndefined();
    expect(readUnitName("energyKwh")).toBeUndefined();
  });

  test("a catalog record named in a unit with an SI symbol holds that unit: a record named …MW holds MW, not mW", () => {
    const symbols = new Map(Object.values(unitSuffixes).flat().flatMap((u) => (u.symbol ? [[u.suffix, u.symbol] as const] : [])));
    const records: { path: string; unit: string; symbol: string }[] = [];
    const visit = (value: unknown, path: string) => {
      if (value === null || typeof value !== "object") return;
      if ("unit" in value && "citation" in value && typeof value.unit === "string") {
        const symbol = symbols.get(readUnitName(lastName(path))?.[0] ?? "");
        if (symbol) records.push({ path, unit: value.unit, symbol });
        return;
      }
      for (const [key, child] of Object.entries(value)) visit(child, `${path}.${key}`);
    };
    for (const [name, value] of Object.entries(kernel)) visit(value, name);
    expect(records.length).toBeGreaterThan(100);
    expect(records.filter((r) => !r.unit.startsWith(r.symbol)).map((r) => `${r.path} holds ${r.unit}, not ${r.symbol}`)).toEqual([]);
  });

  test("docs/units.md lists every word of the vocabulary", () => {
    const page = readFileSync(resolve(import.meta.dirname, "../../docs/units.md"), "utf8");
    const missing = [...Object.values(unitSuffixes).flat().map((u) => u.suffix), ...dimensionlessSuffixes, ...Object.keys(dimensionlessNames)].filter(
      (word) => !page.includes(`\`${word}\``),
    );
    expect(missing).toEqual([]);
  });
});
