// How near a numeric answer must be: relative ("1%") or absolute ("0.5 MWh", or "0.5" in the answer's own
// unit). Within the tolerance is correct, within twice it is close, beyond that wrong.
import { parseQuantity } from "./quantity.ts";
import { type Dimension, describeDimension, parseUnit, sameDimension } from "./units.ts";

export type Tolerance = { readonly relative: number } | { readonly absolute: number };

export type Grade = "correct" | "close" | "wrong";

export const DEFAULT_TOLERANCE: Tolerance = { relative: 0.01 };

/** Room for floating point: a bound of 1 % accepts an answer 1.0000000001 % off. */
const SLACK = 1e-9;

/**
 * Reads a tolerance for an answer in `unit` (as the author wrote it after `correct:`). Absolute
 * tolerances come back in base units.
 */
export function parseTolerance(text: string, unit: string): { ok: true; tolerance: Tolerance } | { ok: false; problem: string } {
  const trimmed = text.trim().replace(/^±\s*/, "");
  const percent = /^(\d+(?:\.\d+)?|\.\d+)\s*%$/.exec(trimmed);
  if (percent) {
    const relative = Number(percent[1]) / 100;
    if (relative <= 0) return { ok: false, problem: `a tolerance of ${trimmed} accepts only the exact value; give a small positive one` };
    return { ok: true, tolerance: { relative } };
  }
  const answerUnit = parseUnit(unit, { counted: true });
  if (!answerUnit.ok) return { ok: false, problem: answerUnit.problem };
  const bare = /^(\d+(?:\.\d+)?(?:e[+-]?\d+)?|\.\d+)$/i.exec(trimmed);
  const amount = bare ? { ok: true as const, value: Number(bare[1]) * answerUnit.factor, dimension: answerUnit.dimension } : parseQuantity(trimmed, { counted: true });
  if (!amount.ok) return { ok: false, problem: `the tolerance "${trimmed}" is neither a percentage (1%) nor an amount (0.5 MWh): ${amount.problem}` };
  if (!sameDimension(amount.dimension, answerUnit.dimension)) {
    return { ok: false, problem: `the tolerance "${trimmed}" is ${describeDimension(amount.dimension).name}, but the answer is ${describeDimension(answerUnit.dimension).name}` };
  }
  if (!(amount.value > 0)) return { ok: false, problem: `a tolerance of ${trimmed} accepts only the exact value; give a small positive one` };
  return { ok: true, tolerance: { absolute: amount.value } };
}

/** The largest distance from `expected` that still counts as correct. */
export function bound(expected: number, tolerance: Tolerance): number {
  return "relative" in tolerance ? Math.abs(expected) * tolerance.relative : tolerance.absolute;
}

export function grade(actual: number, expected: number, tolerance: Tolerance): Grade {
  const distance = Math.abs(actual - expected);
  const limit = bound(expected, tolerance);
  const slack = SLACK * Math.max(Math.abs(expected), limit);
  if (distance <= limit + slack) return "correct";
  if (distance <= 2 * limit + slack) return "close";
  return "wrong";
}

/** "±1 %" or "±0.5 MWh"-style wording for feedback, in the unit the answer is written in. */
export function describeTolerance(tolerance: Tolerance, unit: { factor: number; text: string }, format: (n: number) => string): string {
  if ("relative" in tolerance) return `±${format(tolerance.relative * 100)} %`;
  return `±${format(tolerance.absolute / unit.factor)}${unit.text ? ` ${unit.text}` : ""}`;
}

export type { Dimension };
