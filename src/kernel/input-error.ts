// The kernel's one boundary error: every public function validates its single input object with a
// zod/mini schema and reports one problem as a KernelInputError whose text names the function, the field,
// the rule and the value received, e.g. `operationalCarbon: gridGPerKWh must be ≥ 0 (got -5)`: the first
// problem, unless a misspelt field caused it (`unknown field "wats" (did you mean watts?)`, see reportedIssue).
// This module turns zod's issues into that text; kernel-function.ts and sweep.ts both report through it,
// so a call and a sweep word the same problem the same way.
import { safeParse, type core, type ZodMiniType } from "zod/mini";
import { nearestName } from "../text/similar.ts";
import { deepFrozen } from "./frozen.ts";
import { shapeAt } from "./schema-introspection.ts";

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

/**
 * The one issue to report when `input` fails `schema`. A misspelt field shows up twice among zod's issues:
 * as an unknown key and, when the field it was meant to be is required, as a missing one. The unknown key
 * names the cause, so an unknown key that is close to a field not given is reported first, with that field:
 * `clusterEnergy: unknown field "wats" (did you mean watts?)`. Otherwise the first issue.
 */
export function reportedIssue(schema: ZodMiniType, input: unknown, issues: readonly core.$ZodIssue[]): core.$ZodIssue | undefined {
  const typo = issues.find((issue) => issue.code === "unrecognized_keys" && issue.keys.some((key) => fieldMeant(schema, input, issue.path, key)));
  return typo ?? issues[0];
}

/**
 * The field an unknown key at `path` was probably meant to be: the nearest of the fields there that the
 * input leaves out or undefined (a field already given is not what a typo was meant to be).
 */
function fieldMeant(schema: ZodMiniType, input: unknown, path: readonly PropertyKey[], key: string): string | undefined {
  const fields = Object.keys(shapeAt(schema, path) ?? {});
  return nearestName(key, fields.filter((field) => valueAt(input, [...path, field]) === undefined));
}

/** The hint that follows an unknown key: ` (did you mean watts?)`, or nothing. */
export function didYouMean(meant: string | undefined): string {
  return meant === undefined ? "" : ` (did you mean ${meant}?)`;
}

/** Turns one zod issue into our error text. */
export function issueToError(fn: string, schema: ZodMiniType, input: unknown, issue: core.$ZodIssue): KernelInputError {
  const path = issue.path.map(String).join(".");
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
      const where = path ? ` in ${path}` : "";
      const hinted = issue.keys.map((key) => ({ key, hint: didYouMean(fieldMeant(schema, input, issue.path, key)) }));
      // One key reads "unknown field "x" in stages.0 (did you mean y?)"; several carry their hints inline.
      const rule =
        hinted.length === 1
          ? `unknown field "${hinted[0]!.key}"${where}${hinted[0]!.hint}`
          : `unknown fields ${hinted.map(({ key, hint }) => `"${key}"${hint}`).join(", ")}${where}`;
      return new KernelInputError(fn, "", rule, NOT_SHOWN);
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
  const issue = reportedIssue(schema, input, result.error.issues);
  throw issue ? issueToError(fn, schema, input, issue) : new KernelInputError(fn, "", "is invalid", input);
}
