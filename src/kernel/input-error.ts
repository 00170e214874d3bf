// The kernel's one boundary error: every public function validates its single input object with a
// zod/mini schema and reports the first problem as a KernelInputError whose text names the function, the
// field, the rule and the value received, e.g. `operationalCarbon: gridGPerKWh must be ≥ 0 (got -5)`.
// This module turns zod's issues into that text; kernel-function.ts and sweep.ts both report through it,
// so a call and a sweep word the same problem the same way.
import { safeParse, type core, type ZodMiniType } from "zod/mini";
import { deepFrozen } from "./frozen.ts";

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

/** Marks an error whose value is not worth repeating (a missing field, an unknown key): no "(got …)". */
export const NOT_SHOWN = Symbol("not shown");

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
