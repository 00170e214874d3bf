// Field schemas: the zod/mini builders every kernel function's input schema is made of. Numbers are finite
// (zod 4 rejects NaN and ±Infinity), and the rule is in the name, so a schema reads as its rules and the
// error text reads after the field name: `hours must be ≥ 0`. Cross-field rules (`notAbove`, `notBelow`)
// live here too, with the zod builders the topic modules use to put fields into objects.
import { _default, array, check, gt, gte, int, lte, minLength, number, refine, string, strictObject } from "zod/mini";

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

// The zod builders the topic modules need besides these, so that they import their schemas from one place.
// A default taken from a catalog is given as a function (`withDefault(positive(), () => anchors.x.value)`):
// each call that takes it then reads the record, and the call's provenance names it (provenance.ts).
export { _default as withDefault, array, check, strictObject, gte, gt, lte };
