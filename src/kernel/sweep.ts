// Sweeps: a kernel function's formula evaluated over many values of one or more number fields, validated
// once instead of once per value. The contract (zipped fields, errors by index, when validation falls back
// to scenario by scenario) is documented on KernelFunction.sweep in kernel-function.ts; this module holds
// the loops and the validation that lets them run the bare formula.
import { safeParse, type core, type ZodMiniType } from "zod/mini";
import { nearestName } from "../text/similar.ts";
import { didYouMean, issueToError, KernelInputError, NOT_SHOWN, reportedIssue } from "./input-error.ts";
import { hasBoundsOnly, hasObjectChecks, isNumberField, requiresWholeNumbers, shapeOf } from "./schema-introspection.ts";

/** The values of one swept field: a plain array or any typed array. */
export type SweepValues = ArrayLike<number>;

interface SweptField {
  readonly name: string;
  readonly values: SweepValues;
  /** Whether the field's schema requires whole numbers (one of zod's integer formats). */
  readonly wholeNumbers: boolean;
  /** Whether every rule on the field is a bound (≥, >, ≤, <) or a number format, so extremes stand for all. */
  readonly boundsOnly: boolean;
}

type Scenario = Record<string, unknown>;

/** Runs `formula` over the scenarios `base` and `values` describe, after validating them (see KernelFunction.sweep). */
export function runSweep<S extends ZodMiniType, Out>(
  fn: string,
  schema: S,
  formula: (input: core.output<S>) => Out,
  base: unknown,
  values: unknown,
): Out[] {
  if (base === null || typeof base !== "object" || Array.isArray(base)) {
    throw new KernelInputError(fn, "", "sweep expects the fixed inputs as its first argument, one object of named inputs", base);
  }
  const fields = sweptFields(fn, schema, values);
  const length = fields[0]!.values.length;
  if (length === 0) return [];

  const scenario: Scenario = { ...(base as Scenario) };
  for (const field of fields) scenario[field.name] = field.values[0];

  let parsed: Scenario;
  if (hasObjectChecks(schema) || fields.some((field) => !field.boundsOnly)) {
    parsed = validateEveryScenario(fn, schema, scenario, fields);
  } else {
    parsed = parseScenario(fn, schema, scenario, fields, 0);
    for (const field of fields) validateFieldValues(fn, schema, scenario, field);
  }

  const run = formula as (input: Scenario) => Out;
  const input = copyOf(parsed);
  return fields.length === 1 ? sweepOne(run, input, fields[0]!) : sweepMany(run, input, fields, length);
}

// The loops: one input object, the swept fields written into it in place. The loop is shared by every
// kernel function, so once several functions or fields have been swept, V8 sees a megamorphic write and
// call where a hand-written loop would be monomorphic and inlined; generating a loop per function would
// need eval, which the pages' Content-Security-Policy forbids. The loops are kept apart from validation
// because small functions are what the JIT optimizes best.

/** A private copy: the loop writes into it, and the caller's base and zod's output stay untouched. */
function copyOf(parsed: Scenario): Scenario {
  const input: Scenario = {};
  for (const key of Object.keys(parsed)) input[key] = parsed[key];
  return input;
}

function sweepOne<Out>(run: (input: Scenario) => Out, input: Scenario, field: SweptField): Out[] {
  const { name, values } = field;
  const out: Out[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    input[name] = values[i];
    out[i] = run(input);
  }
  return out;
}

function sweepMany<Out>(run: (input: Scenario) => Out, input: Scenario, fields: readonly SweptField[], length: number): Out[] {
  const out: Out[] = new Array(length);
  for (let i = 0; i < length; i++) {
    for (let f = 0; f < fields.length; f++) input[fields[f]!.name] = fields[f]!.values[i];
    out[i] = run(input);
  }
  return out;
}

/** Checks the `values` argument's shape: known number fields, array-like, equal lengths. */
function sweptFields(fn: string, schema: ZodMiniType, values: unknown): SweptField[] {
  if (values === null || typeof values !== "object" || Array.isArray(values)) {
    throw new KernelInputError(fn, "", "sweep expects its swept fields as an object of value arrays, such as {hours: [1, 2, 3]}", values);
  }
  const shape = shapeOf(schema);
  const fields: SweptField[] = [];
  for (const [name, column] of Object.entries(values)) {
    const fieldSchema = shape?.[name];
    if (!fieldSchema) {
      const numberFields = Object.entries(shape ?? {}).filter(([, field]) => isNumberField(field)).map(([field]) => field);
      throw new KernelInputError(fn, "", `cannot sweep unknown field "${name}"${didYouMean(nearestName(name, numberFields))}`, NOT_SHOWN);
    }
    if (!isNumberField(fieldSchema)) throw new KernelInputError(fn, name, "cannot be swept: only number fields can", NOT_SHOWN);
    if (!isArrayLike(column)) throw new KernelInputError(fn, name, "must be an array of numbers to sweep", column);
    const first = fields[0];
    if (first && column.length !== first.values.length) {
      throw new KernelInputError(fn, name, `must hold ${first.values.length} values, as ${first.name} does`, column);
    }
    fields.push({ name, values: column, wholeNumbers: requiresWholeNumbers(fieldSchema), boundsOnly: hasBoundsOnly(fieldSchema) });
  }
  if (fields.length === 0) throw new KernelInputError(fn, "", "sweep needs at least one field of values, such as {hours: [1, 2, 3]}", NOT_SHOWN);
  return fields;
}

function isArrayLike(value: unknown): value is SweepValues {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/**
 * Checks one swept column with a handful of schema parses instead of one per value: a scan finds the
 * smallest and largest values and whether all are whole numbers, and only those values go through the
 * schema. Everything that locates a bad value by index runs only once a column is known to hold one.
 */
function validateFieldValues(fn: string, schema: ZodMiniType, scenario: Scenario, field: SweptField): void {
  const { values } = field;
  const badType = Array.isArray(values) ? firstNonNumber(values) : -1;
  if (badType >= 0) throw locateBadValue(fn, schema, scenario, field, badType);
  const range = rangeOf(values, field.wholeNumbers);
  // NaN makes Math.min/Math.max NaN, and ±Infinity reaches one of them: both fail `x - x === 0`.
  if (range.min - range.min !== 0 || range.max - range.max !== 0) {
    throw locateBadValue(fn, schema, scenario, field, firstNonFinite(values));
  }
  // values[0] has already passed as part of the first scenario; a sorted sweep starts at its minimum.
  const probes = new Set([range.min, range.max]);
  if (!range.whole) probes.add(values[firstFractional(values)]!);
  probes.delete(values[0]!);
  for (const value of probes) {
    if (!fieldAccepts(schema, scenario, field.name, value)) throw locateBadValue(fn, schema, scenario, field, 0);
  }
}

interface ColumnRange {
  readonly min: number;
  readonly max: number;
  readonly whole: boolean;
}

// The scan is validation's only per-value cost, so it is one small loop with no branches the JIT cannot
// turn into selects: a plain array must already hold only numbers when it gets here. Wholeness is only
// worth checking for whole-number fields; for the rest any value is whole enough.
function rangeOf(values: SweepValues, checkWholeness: boolean): ColumnRange {
  let min = Infinity;
  let max = -Infinity;
  if (!checkWholeness) {
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    return { min, max, whole: true };
  }
  let whole = true;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    min = Math.min(min, value);
    max = Math.max(max, value);
    whole = whole && Math.floor(value) === value;
  }
  return { min, max, whole };
}

function firstNonNumber(values: readonly unknown[]): number {
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== "number") return i;
  return -1;
}

function firstNonFinite(values: SweepValues): number {
  for (let i = 0; i < values.length; i++) if (values[i]! - values[i]! !== 0) return i;
  return 0;
}

function firstFractional(values: SweepValues): number {
  for (let i = 0; i < values.length; i++) if (Math.floor(values[i]!) !== values[i]) return i;
  return 0;
}

function fieldAccepts(schema: ZodMiniType, scenario: Scenario, name: string, value: unknown): boolean {
  return safeParse(schema, { ...scenario, [name]: value }).success;
}

/** Error path only: finds the first index from `start` whose value the schema rejects, and reports it. */
function locateBadValue(fn: string, schema: ZodMiniType, scenario: Scenario, field: SweptField, start: number): KernelInputError {
  for (let i = start; i < field.values.length; i++) {
    const probe = { ...scenario, [field.name]: field.values[i] };
    const result = safeParse(schema, probe);
    if (!result.success) return sweepIssue(fn, schema, probe, result.error.issues, [field], i);
  }
  return new KernelInputError(fn, field.name, "holds a value the schema rejects", NOT_SHOWN);
}

/** Parses one scenario; an issue on a swept field is reported as `field[index]`. */
function parseScenario(fn: string, schema: ZodMiniType, scenario: Scenario, fields: readonly SweptField[], index: number): Scenario {
  const result = safeParse(schema, scenario);
  if (result.success) return result.data as Scenario;
  throw sweepIssue(fn, schema, scenario, result.error.issues, fields, index);
}

function validateEveryScenario(fn: string, schema: ZodMiniType, first: Scenario, fields: readonly SweptField[]): Scenario {
  const parsed = parseScenario(fn, schema, first, fields, 0);
  const scenario = { ...first };
  for (let i = 1; i < fields[0]!.values.length; i++) {
    for (const field of fields) scenario[field.name] = field.values[i];
    parseScenario(fn, schema, scenario, fields, i);
  }
  return parsed;
}

/** The problem `reportedIssue` picks, as a call would word it; an issue on a swept field is named `field[index]`. */
function sweepIssue(
  fn: string,
  schema: ZodMiniType,
  input: Scenario,
  issues: readonly core.$ZodIssue[],
  fields: readonly SweptField[],
  index: number,
): KernelInputError {
  const issue = reportedIssue(schema, input, issues)!;
  const error = issueToError(fn, schema, input, issue);
  const head = issue.path[0];
  if (issue.path.length !== 1 || !fields.some((field) => field.name === head)) return error;
  return new KernelInputError(fn, `${String(head)}[${index}]`, error.rule, error.received);
}
