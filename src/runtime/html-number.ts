// HTML's number and range inputs as Chromium computes them (on Blink's decimals, blink-decimal.ts), so
// that the build's DOM gives an input the value a browser gives it: a range's value is clamped to
// [min, max] and snapped to its step grid, whose base is min (HTML's "step base"); a number box whose
// value is off its grid, below its min or above its max is invalid.
//
// Pure: attribute strings in, values out. The build's DOM (publish/dom.ts) and the live page's Inputs
// (runtime/inputs.ts) both use it.
import * as D from "./blink-decimal.ts";
import type { Decimal } from "./blink-decimal.ts";

/** The attributes of an `<input type=range>` or `<input type=number>` that decide its values. */
export interface NumberAttributes {
  readonly min?: string | null;
  readonly max?: string | null;
  /** A number, `"any"`, or missing (then 1). */
  readonly step?: string | null;
  /** The value attribute (the step base when there is no min). */
  readonly value?: string | null;
}

/** HTML's rules for a number in an attribute: no leading `+` or space, no trailing `.`, finite as a double. */
function parseAttribute(text: string | null | undefined): Decimal | undefined {
  if (!text || !/^[-.\d]/.test(text) || text.endsWith(".")) return undefined;
  const value = D.parseDecimal(text);
  if (!value || !Number.isFinite(D.toNumber(value))) return undefined;
  return D.isZero(value) ? D.ZERO : value;
}

interface Grid {
  readonly min: Decimal;
  readonly max: Decimal;
  /** Undefined for step="any". */
  readonly step: Decimal | undefined;
  readonly base: Decimal;
}

const ONE = D.decimal(false, 0, 1n);
const HUNDRED = D.decimal(false, 0, 100n);
const TWO = D.decimal(false, 0, 2n);
const DOUBLE_MAX = D.fromNumber(Number.MAX_VALUE)!;

function grid(attributes: NumberAttributes, range: boolean): Grid {
  const min = parseAttribute(attributes.min) ?? (range ? D.ZERO : { ...DOUBLE_MAX, negative: true });
  let max = parseAttribute(attributes.max) ?? (range ? HUNDRED : DOUBLE_MAX);
  // A range whose max is below its min has its min for max.
  if (range && D.less(max, min)) max = min;
  const text = attributes.step?.trim();
  let step: Decimal | undefined = ONE;
  if (text?.toLowerCase() === "any") step = undefined;
  else if (text) {
    const parsed = parseAttribute(text);
    if (parsed && !parsed.negative && !D.isZero(parsed)) step = parsed;
  }
  const base = parseAttribute(attributes.min) ?? parseAttribute(attributes.value) ?? D.ZERO;
  return { min, max, step, base };
}

/** StepRange::ClampValue: into [min, max], then onto the nearest step from the base, never past max. */
function clamp({ min, max, step, base }: Grid, value: Decimal): Decimal {
  const inRange = D.larger(min, D.lesser(value, max));
  if (!step) return inRange;
  const rounded = D.add(base, D.multiply(D.round(D.divide(D.subtract(inRange, base), step)), step));
  const clamped = D.greater(rounded, max) ? D.subtract(rounded, step) : D.less(rounded, min) ? D.add(rounded, step) : rounded;
  // A step larger than the range can leave no point of the grid inside it.
  return D.less(clamped, min) || D.greater(clamped, max) ? inRange : clamped;
}

/**
 * The value a range input holds when `proposed` is written into it: a string as `.value` takes it, a
 * number as `.valueAsNumber` takes it (written with 15 significant digits first). Clamped to [min,
 * max], snapped to the nearest step from min (halves up, never past max), read back with 15
 * significant digits. Without a usable value: the middle of its range, snapped.
 */
export function rangeValue(attributes: NumberAttributes, proposed: string | number | null | undefined): number {
  const range = grid(attributes, true);
  const written = typeof proposed === "number" ? D.fromNumber(proposed) : undefined;
  const parsed = typeof proposed === "number" ? (written ? parseAttribute(String(D.serialized(written))) : undefined) : parseAttribute(proposed);
  const middle = D.add(range.min, D.divide(D.subtract(range.max, range.min), TWO));
  return D.serialized(clamp(range, parsed ?? middle));
}

/**
 * Why a number box refuses its value (Chromium's validity checks), or undefined when it takes it;
 * `nearest` is the value it would take instead: within [min, max] and on the step grid.
 */
export type NumberProblem =
  | { readonly kind: "missing" }
  | { readonly kind: "below"; readonly min: number; readonly nearest: number }
  | { readonly kind: "above"; readonly max: number; readonly nearest: number }
  | { readonly kind: "step"; readonly step: number; readonly base: number; readonly nearest: number };

/** A number box's value as its validity sees it (`required`: an empty box is invalid). */
export function numberProblem(attributes: NumberAttributes & { readonly required?: boolean }, value: string): NumberProblem | undefined {
  const parsed = parseAttribute(value);
  if (!parsed) return attributes.required ? { kind: "missing" } : undefined;
  const box = grid(attributes, false);
  const nearest = () => D.serialized(clamp(box, parsed));
  if (D.less(parsed, box.min)) return { kind: "below", min: D.toNumber(box.min), nearest: nearest() };
  if (D.greater(parsed, box.max)) return { kind: "above", max: D.toNumber(box.max), nearest: nearest() };
  if (!box.step || !stepMismatch(box.step, box.base, parsed)) return undefined;
  return { kind: "step", step: D.toNumber(box.step), base: D.toNumber(box.base), nearest: nearest() };
}

const TWO_TO_53 = D.decimal(false, 0, 2n ** 53n);
const TWO_TO_24 = D.decimal(false, 0, 2n ** 24n);

/** StepRange::StepMismatch, forgiving what single precision cannot tell apart. */
function stepMismatch(step: Decimal, base: Decimal, value: Decimal): boolean {
  const distance = D.abs(D.subtract(value, base));
  if (D.greater(D.divide(distance, TWO_TO_53), step)) return false;
  const remainder = D.abs(D.subtract(distance, D.multiply(step, D.round(D.divide(distance, step)))));
  const acceptable = D.divide(step, TWO_TO_24);
  return D.less(acceptable, remainder) && D.less(remainder, D.subtract(step, acceptable));
}

/**
 * Mins near `min` on whose grid `value` lies (the grid's points just below and above `min`), when
 * `value` has no more decimals than `step`: what an author can write instead of a min off the grid.
 */
export function minsOnGrid(min: number, step: number, value: number): number[] {
  const [lower, spacing, target] = [D.fromNumber(min), D.fromNumber(step), D.fromNumber(value)];
  if (!lower || !spacing || !target || spacing.negative || D.isZero(spacing)) return [];
  if (Math.min(target.exponent, 0) < Math.min(spacing.exponent, 0)) return [];
  // The grid point of `value` at or below `min`, and the next one up.
  const steps = D.round(D.divide(D.subtract(target, lower), spacing));
  let below = D.subtract(target, D.multiply(steps, spacing));
  while (D.greater(below, lower)) below = D.subtract(below, spacing);
  const candidates = D.less(below, lower) ? [below, D.add(below, spacing)] : [below];
  return candidates.filter((v) => !D.greater(v, target)).map((v) => D.serialized(v));
}
