// The kernel's one boundary: every public function validates its single input object with a zod/mini
// schema and reports the first problem as a KernelInputError whose text names the function, the field,
// the rule and the value received, e.g. `operationalCarbon: gridGPerKWh must be ≥ 0 (got -5)`.
import {
  _default,
  array,
  check,
  gt,
  gte,
  int,
  lte,
  number,
  safeParse,
  strictObject,
  type ZodMiniType,
} from "zod/mini";
import type { core } from "zod/mini";
import { deepFrozen, leftUnfrozen } from "./frozen.ts";

export class KernelInputError extends Error {
  override name = "KernelInputError";
  constructor(
    /** The kernel function that rejected its input. */
    readonly fn: string,
    /** Dotted path of the offending field ("regions.2.pue"), or "" for the object itself. */
    readonly field: string,
    /** The rule, as it reads after the field name: "must be ≥ 0". */
    readonly rule: string,
    /** The value received, as received. */
    readonly received: unknown,
  ) {
    super(`${fn}: ${field ? `${field} ` : ""}${rule}${received === NOT_SHOWN ? "" : ` (got ${show(received)})`}`);
  }
}
// The class and its prototype are shared by every notebook, like the catalogs; instances are not frozen.
deepFrozen(KernelInputError);

const NOT_SHOWN = Symbol("not shown");

function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Object.is(value, -0) ? "0" : String(value);
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (ArrayBuffer.isView(value) && "length" in value) return `an array of ${value.length}`;
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return String(value);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Turns the first zod issue into our error text. */
export function issueToError(fn: string, input: unknown, issue: core.$ZodIssue, prefix: readonly PropertyKey[] = []): KernelInputError {
  const path = [...prefix, ...issue.path].map(String).join(".");
  const received = valueAt(input, issue.path);
  switch (issue.code) {
    case "too_small": {
      const bound = Number(issue.minimum);
      const rule = issue.origin === "array" ? `must hold at least ${bound} item${bound === 1 ? "" : "s"}` : `must be ${issue.inclusive ? "≥" : ">"} ${bound}`;
      return new KernelInputError(fn, path, rule, issue.origin === "array" ? NOT_SHOWN : received);
    }
    case "too_big": {
      const bound = Number(issue.maximum);
      return new KernelInputError(fn, path, `must be ${issue.inclusive ? "≤" : "<"} ${bound}`, received);
    }
    case "unrecognized_keys": {
      const keys = issue.keys;
      const where = path ? ` in ${path}` : "";
      return new KernelInputError(fn, "", `unknown field${keys.length === 1 ? "" : "s"} ${keys.map((k) => `"${k}"`).join(", ")}${where}`, NOT_SHOWN);
    }
    case "invalid_type": {
      if (!path) return new KernelInputError(fn, "", "expects one object of named inputs", received);
      if (received === undefined) return new KernelInputError(fn, path, "is required", NOT_SHOWN);
      if (issue.expected === "int") return new KernelInputError(fn, path, "must be a whole number", received);
      if (issue.expected === "number") return new KernelInputError(fn, path, "must be a finite number", received);
      return new KernelInputError(fn, path, `must be ${article(issue.expected)}`, received);
    }
    case "invalid_value":
      return new KernelInputError(fn, path, `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`, received);
    case "custom":
      return new KernelInputError(fn, path, issue.message, received);
    default:
      return new KernelInputError(fn, path, issue.message || "is invalid", received);
  }
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/** Validates `input` against `schema` on behalf of `fn`; returns the parsed (defaulted) value or throws. */
export function parseInput<S extends ZodMiniType>(fn: string, schema: S, input: unknown): core.output<S> {
  const result = safeParse(schema, input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new KernelInputError(fn, "", "is invalid", input);
  throw issueToError(fn, input, issue);
}

// ---------------------------------------------------------------------------------------------------
// Field schemas. Numbers are finite (zod 4 rejects NaN and ±Infinity); the rule is in the name.

/** Any finite number. */
export const finite = () => number();
/** A finite number ≥ 0: energies, masses, durations, prices. */
export const nonNegative = () => number().check(gte(0));
/** A finite number > 0: divisors such as lifetimes, bandwidths, FLOP/J. */
export const positive = () => number().check(gt(0));
/** A fraction in [0, 1]: utilization, duty, escalation rate, efficiency. */
export const fraction = () => number().check(gte(0), lte(1));
/** A whole count ≥ 0: devices, clients, tokens. */
export const count = () => int().check(gte(0));
/** A whole count ≥ 1. */
export const positiveCount = () => int().check(gte(1));
/** Power usage effectiveness: facility energy over IT energy, never below 1. */
export const pue = () => number().check(gte(1));
/** A factor ≥ 1, such as the rack's IT-over-accelerator support factor. */
export const atLeastOne = () => number().check(gte(1));
/** A fraction in (0, 1]: a share that divides, such as utilization in a runtime. */
export const positiveFraction = () => number().check(gt(0), lte(1));
/** A ratio > 1: an improvement factor, such as a performance-per-watt gain that must pay something back. */
export const greaterThanOne = () => number().check(gt(1));

export { _default as withDefault, array, check, strictObject, gte, gt, lte };

// ---------------------------------------------------------------------------------------------------
// Kernel functions: validate once at the boundary, and expose the bare formula for sweeps.

/** Keys of T whose values are numbers: the only fields a sweep can vary. */
export type NumberKeys<T> = { [K in keyof T]-?: NonNullable<T[K]> extends number ? K : never }[keyof T];

/** The values of one swept field: a plain array or any typed array. */
export type SweepValues = ArrayLike<number>;

export interface KernelFunction<In, Out, Parsed = Required<In>> {
  (input: In): Out;
  /** The function's name as it appears in errors. */
  readonly kernelName: string;
  /** The input schema (the source of `In`). */
  readonly schema: ZodMiniType;
  /**
   * Evaluates the formula over many values of one or more number fields, validating once.
   *
   *     clusterEnergy.sweep({devices: 64, watts: 400, pue: 1.12}, {hours: [24, 168, 336]})
   *
   * `base` holds the fields that stay fixed; `values` maps each swept field to its values (an array or
   * a typed array). Several swept fields are zipped, not crossed: scenario i takes element i of each,
   * so they must all be the same length. Result i equals `fn({...base, field: values.field[i]})`.
   *
   * Validation happens before the loop and costs O(n) cheap comparisons plus a few schema parses, not n:
   * every value must be finite; the smallest, the largest and the first fractional value of each field
   * are checked against the field's own schema (its rules are bounds, so the extremes stand for all
   * values, and the fractional probe catches whole-number fields). A bad value is reported by its first
   * index: `clusterEnergy: hours[3] must be ≥ 0 (got -1)`. Schemas with rules that relate two fields
   * (object-level checks), or fields with rules other than bounds and number formats, are validated
   * scenario by scenario instead: correct, and as slow as calling the function n times.
   */
  sweep<const K extends NumberKeys<In>>(
    // NoInfer: the swept fields are the keys of `values` alone; `base` is then checked against them.
    base: NoInfer<Omit<In, K> & Partial<Pick<In, K>>>,
    values: { readonly [P in K]: SweepValues },
  ): Out[];
  /** The formula without validation, for inputs that have already passed the schema (defaults filled). */
  readonly unchecked: (input: Parsed) => Out;
}

/**
 * Wraps a bare formula with its schema. `formula` receives parsed input (defaults filled in) and must be
 * pure: no I/O, no clock, no randomness, and it must not keep a reference to its input object, because
 * sweeps hand it the same object with one field changed between calls.
 *
 * The function is frozen, with its `sweep` and `unchecked`: kernel functions are shared by every notebook,
 * so none can replace `clusterEnergy.sweep` under another. The schema object itself stays writable because
 * zod defines its parsers and shapes on it lazily, on first use; `schema` still cannot be reassigned.
 */
export function kernelFunction<S extends ZodMiniType, Out>(
  name: string,
  schema: S,
  formula: (input: core.output<S>) => Out,
): KernelFunction<core.input<S>, Out, core.output<S>> {
  const call = (input: core.input<S>): Out => formula(parseInput(name, schema, input));
  const sweep = (base: unknown, values: unknown): Out[] => runSweep(name, schema, formula, base, values);
  return deepFrozen(
    Object.assign(call, {
      kernelName: name,
      schema: leftUnfrozen(schema),
      sweep: sweep as KernelFunction<core.input<S>, Out, core.output<S>>["sweep"],
      unchecked: formula,
    }),
  );
}

// ---------------------------------------------------------------------------------------------------
// Sweeps

interface SweptField {
  readonly name: string;
  readonly values: SweepValues;
  /** Whether the field's schema requires whole numbers (one of zod's integer formats). */
  readonly wholeNumbers: boolean;
  /** Whether every rule on the field is a bound (≥, >, ≤, <) or a number format, so extremes stand for all. */
  readonly boundsOnly: boolean;
}

type Scenario = Record<string, unknown>;

function runSweep<S extends ZodMiniType, Out>(
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
    if (!fieldSchema) throw new KernelInputError(fn, "", `cannot sweep unknown field "${name}"`, NOT_SHOWN);
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
    if (!result.success) return sweepIssue(fn, probe, result.error.issues[0]!, [field], i);
  }
  return new KernelInputError(fn, field.name, "holds a value the schema rejects", NOT_SHOWN);
}

/** Parses one scenario; an issue on a swept field is reported as `field[index]`. */
function parseScenario(fn: string, schema: ZodMiniType, scenario: Scenario, fields: readonly SweptField[], index: number): Scenario {
  const result = safeParse(schema, scenario);
  if (result.success) return result.data as Scenario;
  throw sweepIssue(fn, scenario, result.error.issues[0]!, fields, index);
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

function sweepIssue(fn: string, input: Scenario, issue: core.$ZodIssue, fields: readonly SweptField[], index: number): KernelInputError {
  const error = issueToError(fn, input, issue);
  const head = issue.path[0];
  if (issue.path.length !== 1 || !fields.some((field) => field.name === head)) return error;
  return new KernelInputError(fn, `${String(head)}[${index}]`, error.rule, error.received);
}

// Schema introspection, kept to zod's documented `_zod.def` for library authors.

type Def = { type: string; format?: string; shape?: Record<string, ZodMiniType>; innerType?: ZodMiniType; checks?: readonly unknown[] };

function defOf(schema: ZodMiniType): Def {
  return schema._zod.def as unknown as Def;
}

function shapeOf(schema: ZodMiniType): Record<string, ZodMiniType> | undefined {
  return defOf(schema).shape;
}

function unwrapped(schema: ZodMiniType): Def {
  let def = defOf(schema);
  while ((def.type === "default" || def.type === "optional" || def.type === "prefault") && def.innerType) def = defOf(def.innerType);
  return def;
}

function isNumberField(schema: ZodMiniType): boolean {
  return unwrapped(schema).type === "number";
}

/** zod marks whole-number schemas (int(), int32(), …) with an integer format. */
function requiresWholeNumbers(schema: ZodMiniType): boolean {
  const { format } = unwrapped(schema);
  return format !== undefined && /int/.test(format);
}

const BOUND_CHECKS = new Set(["greater_than", "less_than", "number_format"]);

function hasBoundsOnly(schema: ZodMiniType): boolean {
  const checks = unwrapped(schema).checks ?? [];
  return checks.every((check) => BOUND_CHECKS.has((check as { _zod?: { def?: { check?: string } } })._zod?.def?.check ?? ""));
}

function hasObjectChecks(schema: ZodMiniType): boolean {
  return (defOf(schema).checks?.length ?? 0) > 0;
}
