// Schema introspection for sweeps: which fields an input schema has, which are numbers, which must be whole,
// and whether every rule on a field is a bound (so the extremes of a column stand for all its values). Kept
// to zod's documented `_zod.def` for library authors, in one place, should zod's internals move.
import type { ZodMiniType } from "zod/mini";

type Def = { type: string; format?: string; shape?: Record<string, ZodMiniType>; innerType?: ZodMiniType; checks?: readonly unknown[] };

function defOf(schema: ZodMiniType): Def {
  return schema._zod.def as unknown as Def;
}

/** The fields of an object schema, by name; undefined for any other schema. */
export function shapeOf(schema: ZodMiniType): Record<string, ZodMiniType> | undefined {
  return defOf(schema).shape;
}

function unwrapped(schema: ZodMiniType): Def {
  let def = defOf(schema);
  while ((def.type === "default" || def.type === "optional" || def.type === "prefault") && def.innerType) def = defOf(def.innerType);
  return def;
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
