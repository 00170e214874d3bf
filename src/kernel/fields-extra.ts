// Field schemas that the facility, power-delivery, edge and placement modules need beyond validate.ts.
// Same convention: the rule is in the name, and the error text reads after the field name.
import { gt, gte, int, lte, minLength, number, refine, string } from "zod/mini";

/** A conversion efficiency in (0, 1]: a stage that delivers nothing is not a stage. */
export const efficiency = () => number().check(gt(0), lte(1));

/** An hour of the day, 0–23. */
export const hourOfDay = () => int().check(gte(0), lte(23));

/** A stable identifier chosen by the caller ("quebec", "vad"); never empty. */
export const identifier = () => string().check(minLength(1));

/**
 * Cross-field rule for an object schema: `field` must not exceed `limit`.
 * The issue is reported on `field`, so the error reads `activeMs must be ≤ periodMs (got 120)`.
 */
export function notAbove<T extends Record<string, unknown>>(field: keyof T & string, limit: keyof T & string) {
  return refine<T>((value) => (value[field] as number) <= (value[limit] as number), {
    message: `must be ≤ ${limit}`,
    path: [field],
  });
}

/** Cross-field rule: `field` must be at least `floor`. */
export function notBelow<T extends Record<string, unknown>>(field: keyof T & string, floor: keyof T & string) {
  return refine<T>((value) => (value[field] as number) >= (value[floor] as number), {
    message: `must be ≥ ${floor}`,
    path: [field],
  });
}
