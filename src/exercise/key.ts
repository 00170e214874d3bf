// The correct answer in a form the checkers compare against: a quantity in base units, a label, a set
// or sequence of labels, a category per item, or accepted spellings. It comes from the exercise's
// `correct:`, written out or computed by a cell, so a value of the wrong shape is the author's mistake,
// and the problem says what the kind expects.
import type { AnswerSpec } from "./spec.ts";
import { type Dimension, parseUnit } from "./units.ts";

export type AnswerKey =
  | { readonly kind: "number"; readonly value: number; readonly dimension: Dimension; readonly unitFactor: number; readonly unit: string }
  | { readonly kind: "choice"; readonly label: string }
  | { readonly kind: "choices"; readonly labels: readonly string[] }
  | { readonly kind: "order"; readonly labels: readonly string[] }
  | { readonly kind: "classify"; readonly categories: readonly string[] }
  | { readonly kind: "text"; readonly accepted: readonly string[] };

export type KeyResult = { readonly ok: true; readonly key: AnswerKey } | { readonly ok: false; readonly problem: string };

/** "b" for a bulleted list's second option, "2" for a numbered list's; either way, typed any case. */
export function labelOf(value: unknown, labels: readonly string[]): string | undefined {
  if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= labels.length) return labels[value - 1];
  if (typeof value !== "string") return undefined;
  const wanted = value.trim().replace(/^\(|[.)]$/g, "").toLowerCase();
  return labels.find((label) => label.toLowerCase() === wanted);
}

function listOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value === "string") return value.split(",").map((part) => part.trim()).filter(Boolean);
  if (typeof value === "number") return [value];
  return undefined;
}

function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined) return String(value);
  try {
    return JSON.stringify(value).slice(0, 80);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

const letters = (labels: readonly string[]) => `${labels[0]}–${labels.at(-1)}`;

export function answerKey(spec: AnswerSpec, value: unknown): KeyResult {
  const fail = (expects: string): KeyResult => ({ ok: false, problem: `the correct answer is ${shown(value)}, but ${expects}` });
  switch (spec.kind) {
    case "number": {
      const unit = parseUnit(spec.unit, { counted: true });
      if (!unit.ok) return { ok: false, problem: unit.problem };
      if (typeof value !== "number") return fail(`a number answer needs a number${spec.unit ? ` (in ${spec.unit})` : ""}`);
      if (!Number.isFinite(value)) return fail("a number answer needs a finite number");
      return { ok: true, key: { kind: "number", value: value * unit.factor, dimension: unit.dimension, unitFactor: unit.factor, unit: spec.unit } };
    }
    case "choice": {
      const label = labelOf(value, spec.options);
      return label ? { ok: true, key: { kind: "choice", label } } : fail(`a choice answer is one option label (${letters(spec.options)}); for several right options use \`::: answer choices\``);
    }
    case "choices": {
      const list = listOf(value);
      const labels = list?.map((item) => labelOf(item, spec.options));
      if (!labels || labels.some((label) => label === undefined)) return fail(`a choices answer is a list of option labels (${letters(spec.options)})`);
      return { ok: true, key: { kind: "choices", labels: spec.options.filter((label) => labels.includes(label)) } };
    }
    case "order": {
      const list = listOf(value);
      const labels = list?.map((item) => labelOf(item, spec.items));
      const isPermutation = labels && labels.length === spec.items.length && new Set(labels).size === labels.length && !labels.includes(undefined);
      if (!isPermutation) return fail(`an order answer lists every item's label once (${spec.items.join(", ")}), first to last`);
      return { ok: true, key: { kind: "order", labels: labels as string[] } };
    }
    case "classify": {
      const list = listOf(value);
      const categories = list?.map((item) => categoryOf(item, spec.categories));
      if (!categories || categories.length !== spec.items.length || categories.includes(undefined)) {
        return fail(`a classify answer names one category per item (${spec.items.length} of them), from: ${spec.categories.join(", ")}`);
      }
      return { ok: true, key: { kind: "classify", categories: categories as string[] } };
    }
    case "text": {
      const texts = Array.isArray(value) ? value : [value];
      if (!texts.length || texts.some((text) => typeof text !== "string" || !normalizeText(text))) return fail("a text answer is a word or phrase");
      return { ok: true, key: { kind: "text", accepted: [...(texts as string[]), ...spec.accept] } };
    }
  }
}

/** A category by name (any case) or by its 1-based position. */
export function categoryOf(value: unknown, categories: readonly string[]): string | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value >= 1 ? categories[value - 1] : undefined;
  if (typeof value !== "string") return undefined;
  const wanted = value.trim().toLowerCase();
  return categories.find((category) => category.toLowerCase() === wanted);
}

/** Case, accents, punctuation and spacing do not matter in a text answer: "MLPerf-Tiny" is "mlperf tiny". */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
