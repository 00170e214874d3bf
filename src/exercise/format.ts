// The correct answer as a learner would write it: "1,918.9 MWh" (as few digits as the tolerance allows,
// never fewer than four significant), "B", "B, D, A, C", "A: Scope 1; B: Scope 2". What it prints reads
// back through the parser to the same verdict; `wattbook check` makes sure of that for every exercise.
import type { AnswerKey } from "./key.ts";
import type { AnswerSpec } from "./spec.ts";
import { bound, type Tolerance } from "./tolerance.ts";

const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 20 });

/** Plain numbers for messages: grouped, at most four significant digits past the integer part. */
export function formatPlain(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e15 || magnitude < 1e-4)) return scientific(value, 3);
  return grouped.format(Number(value.toPrecision(Math.max(4, magnitude >= 1 ? Math.floor(Math.log10(magnitude)) + 1 : 1))));
}

function scientific(value: number, digits: number): string {
  const [mantissa, exponent] = value.toExponential(digits - 1).split("e");
  return `${mantissa!.replace(/\.?0+$/, "")} × 10^${Number(exponent)}`;
}

/** `value` (in the answer's unit) with just enough significant digits to be within half the tolerance. */
export function formatQuantity(value: number, unit: string, tolerance: Tolerance, unitFactor: number): string {
  const limit = bound(value * unitFactor, tolerance) / unitFactor / 2;
  let text = grouped.format(value);
  for (let digits = 4; digits <= 15; digits++) {
    const rounded = Number(value.toPrecision(digits));
    if (Math.abs(rounded - value) <= limit) {
      const magnitude = Math.abs(rounded);
      text = magnitude !== 0 && (magnitude >= 1e15 || magnitude < 1e-4) ? scientific(rounded, digits) : grouped.format(rounded);
      break;
    }
  }
  return unit === "" ? text : unit === "×" ? `${text}×` : `${text} ${unit}`;
}

export function formatKey(spec: AnswerSpec, key: AnswerKey): string {
  const upper = (label: string) => label.toUpperCase();
  switch (key.kind) {
    case "number":
      return formatQuantity(key.value / key.unitFactor, key.unit, (spec as { tolerance: Tolerance }).tolerance, key.unitFactor);
    case "choice":
      return upper(key.label);
    case "choices":
      return key.labels.map(upper).join(", ");
    case "order":
      return key.labels.map(upper).join(", ");
    case "classify": {
      const items = "items" in spec ? spec.items : [];
      return key.categories.map((category, i) => `${upper(items[i] ?? "?")}: ${category}`).join("; ");
    }
    case "text":
      return key.accepted[0] ?? "";
  }
}
