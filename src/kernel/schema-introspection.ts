// Schema introspection for sweeps and error messages: which fields an input schema has (at any depth), which
// are numbers, which must be whole, and whether every rule on a field is a bound (so the extremes of a column
// stand for all its values). Kept to zod's documented `_zod.def` for library authors, in one place, should
// zod's internals move.
import type { ZodMiniType } from "zod/mini";

type Def = {
  type: string;
  format?: string;
  shape?: Record<string, ZodMiniType>;
  innerType?: ZodMiniType;
  element?: ZodMiniType;
  checks?: readonly unknown[];
};

function defOf(schema: ZodMiniType): Def {
  return schema._zod.def as unknown as Def;
}

/** The fields of an object schema, by name; undefined for any other schema. */
export function shapeOf(schema: ZodMiniType): Record<string, ZodMiniType> | undefined {
  return defOf(schema).shape;
}

/** A field's schema under any default or optional wrapper: what the value itself must be. */
export function innerSchema(schema: ZodMiniType): ZodMiniType {
  const { type, innerType } = defOf(schema);
  return (type === "default" || type === "optional" || type === "prefault") && innerType ? innerSchema(innerType) : schema;
}

function unwrapped(schema: ZodMiniType): Def {
  return defOf(innerSchema(schema));
}

/** The schema of an array's elements, under any default or optional wrapper; undefined for any other schema. */
export function elementOf(schema: ZodMiniType): ZodMiniType | undefined {
  const def = unwrapped(schema);
  return def.type === "array" ? def.element : undefined;
}

/**
 * The fields of the object at `path` inside `schema` (array indices step into elements), as an issue's path
 * names it: `["regions", 0]` in placeWorkload's schema gives a region's fields. Undefined where the path
 * leads to no object.
 */
export function shapeAt(schema: ZodMiniType, path: readonly PropertyKey[]): Record<string, ZodMiniType> | undefined {
  let at: ZodMiniType | undefined = schema;
  for (const key of path) {
    if (!at) return undefined;
    at = typeof key === "number" ? elementOf(at) : unwrapped(at).shape?.[String(key)];
  }
  return at ? unwrapped(at).shape : undefined;
}

/** Whether a field holds a number, under any default or optional wrapper: the only fields a sweep can vary. */
export function isNumberField(schema: ZodMiniType): boolean {
  return unwrapped(schema).type === "number";
}

/** zod marks whole-number schemas (int(), int32(), …) with an integer format. */
export function requiresWholeNumbers(schema: ZodMiniType): boolean {
  const { format } = unwrapped(schema);
  return format !== undefined && /int/.test(format);
}

const BOUND_CHECKS = new Set(["greater_than", "less_than", "number_format"]);

/** Whether every rule on a field is a bound (≥, >, ≤, <) or a number format. */
export function hasBoundsOnly(schema: ZodMiniType): boolean {
  const checks = unwrapped(schema).checks ?? [];
  return checks.every((check) => BOUND_CHECKS.has((check as { _zod?: { def?: { check?: string } } })._zod?.def?.check ?? ""));
}

/** Whether an object schema has rules of its own, such as a cross-field rule that relates two fields. */
export function hasObjectChecks(schema: ZodMiniType): boolean {
  return (defOf(schema).checks?.length ?? 0) > 0;
}
