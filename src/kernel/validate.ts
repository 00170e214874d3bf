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

const NOT_SHOWN = Symbol("not shown");

function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Object.is(value, -0) ? "0" : String(value);
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return `an array of ${value.length}`;
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
      if (received === undefined) return new KernelInputError(fn, path, "is required", NOT_SHOWN);
      if (issue.expected === "int") return new KernelInputError(fn, path, "must be a whole number", received);
      if (issue.expected === "number") return new KernelInputError(fn, path, "must be a finite number", received);
      if (issue.expected === "object" && !path) return new KernelInputError(fn, "", "expects one object of named inputs", received);
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

export { _default as withDefault, array, check, strictObject, gte, gt, lte };

// ---------------------------------------------------------------------------------------------------
// Kernel functions: validate once at the boundary, and expose the bare formula for sweeps.

export interface KernelFunction<In, Out> {
  (input: In): Out;
  /** The function's name as it appears in errors. */
  readonly kernelName: string;
  /** The input schema (the source of `In`). */
  readonly schema: ZodMiniType;
  /**
   * Evaluate many scenarios: each is validated once, then the bare formula runs over all of them.
   * Throws on the first invalid scenario, naming its index: `clusterEnergy: scenarios.3.pue must be ≥ 1 (got 0.9)`.
   */
  sweep(scenarios: readonly In[]): Out[];
  /** The formula without validation. Only for inputs that have already passed the schema. */
  readonly unchecked: (input: Required<In>) => Out;
}

/**
 * Wraps a bare formula with its schema. `formula` receives parsed input (defaults filled in) and
 * must be pure: no I/O, no clock, no randomness.
 */
export function kernelFunction<S extends ZodMiniType, Out>(
  name: string,
  schema: S,
  formula: (input: core.output<S>) => Out,
): KernelFunction<core.input<S>, Out> {
  const call = (input: core.input<S>): Out => formula(parseInput(name, schema, input));
  const sweep = (scenarios: readonly core.input<S>[]): Out[] => {
    if (!Array.isArray(scenarios)) throw new KernelInputError(name, "scenarios", "must be an array", scenarios);
    const parsed: core.output<S>[] = new Array(scenarios.length);
    for (let i = 0; i < scenarios.length; i++) {
      const result = safeParse(schema, scenarios[i]);
      if (!result.success) {
        throw issueToError(name, scenarios[i], result.error.issues[0]!, ["scenarios", i]);
      }
      parsed[i] = result.data;
    }
    const out: Out[] = new Array(parsed.length);
    for (let i = 0; i < parsed.length; i++) out[i] = formula(parsed[i]!);
    return out;
  };
  return Object.assign(call, {
    kernelName: name,
    schema,
    sweep,
    unchecked: formula as (input: Required<core.input<S>>) => Out,
  });
}
