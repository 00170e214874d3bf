// Checks a learner's answer against the key: correct, close, wrong, or invalid (unreadable or
// incomplete: no attempt is counted and no hint spent). Feedback says what was wrong with the form of
// the answer, never what the answer is.
import { formatPlain } from "./format.ts";
import { type AnswerKey, categoryOf, labelOf, normalizeText } from "./key.ts";
import { amountOverPeriod } from "./per-period.ts";
import { parseQuantity } from "./quantity.ts";
import type { AnswerSpec } from "./spec.ts";
import { describeTolerance, grade, type Tolerance } from "./tolerance.ts";
import { countedWords, describeDimension, sameDimension } from "./units.ts";
import { editDistance } from "../text/similar.ts";

export type Verdict = "correct" | "close" | "wrong" | "invalid";

export interface Feedback {
  readonly verdict: Verdict;
  readonly message: string;
}

/**
 * What a learner gave: the text typed (number, text), the label picked (choice), the labels ticked
 * (choices), the labels in the order arranged (order), or the category picked per item (classify).
 */
export type Response = string | readonly string[] | readonly (string | undefined)[] | undefined;

const CORRECT: Feedback = { verdict: "correct", message: "Correct." };

export function checkAnswer(spec: AnswerSpec, key: AnswerKey, response: Response): Feedback {
  switch (key.kind) {
    case "number": {
      const number = spec as Extract<AnswerSpec, { kind: "number" }>;
      return checkNumber(key, number.tolerance, typeof response === "string" ? response : "", number.over);
    }
    case "choice":
      return checkChoice(key.label, spec, typeof response === "string" ? response : undefined);
    case "choices":
      return checkChoices(key.labels, spec, Array.isArray(response) ? response : []);
    case "order":
      return checkOrder(key.labels, spec, Array.isArray(response) ? response : []);
    case "classify":
      return checkClassify(key.categories, spec, Array.isArray(response) ? response : []);
    case "text":
      return checkText(key.accepted, typeof response === "string" ? response : "");
  }
}

/** `over`: the period the asked-for amount accumulates over (an exercise's `over:` line). */
export function checkNumber(key: Extract<AnswerKey, { kind: "number" }>, tolerance: Tolerance, text: string, over?: { readonly seconds: number; readonly text: string }): Feedback {
  const kind = describeDimension(key.dimension);
  if (!text.trim()) return { verdict: "invalid", message: "Type an answer first." };
  const counted = countedWords(key.dimension);
  const answer = parseQuantity(text, { counted });
  if (!answer.ok) return { verdict: "invalid", message: `${capitalize(answer.problem)}. The answer is ${kind.name}${kind.examples ? ` (${kind.examples})` : ""}.` };
  if (sameDimension(answer.dimension, key.dimension)) return gradeNumber(key, tolerance, answer.value, answer.commaAsDecimal);
  // "8409.6 MWh/yr" for the energy of a year: a rate, graded as what it comes to over the exercise's period.
  const amount = amountOverPeriod(answer, key.dimension, over?.seconds);
  if (amount !== undefined) {
    const feedback = gradeNumber(key, tolerance, amount, undefined);
    const reading = `${answer.unit} read as the ${kind.name.replace(/^an? /, "")} over ${over!.text}`;
    return feedback.verdict === "correct" ? { verdict: "correct", message: `Correct (${reading}).` } : { ...feedback, message: `${feedback.message} (${capitalize(reading)}.)` };
  }
  if (!Object.keys(answer.dimension).length) return { verdict: "invalid", message: `Give a unit: the answer is ${kind.name} (${kind.examples}).` };
  const given = describeDimension(answer.dimension);
  return { verdict: "wrong", message: `That is ${given.name} (${answer.unit}), but the answer is ${kind.name} (${kind.examples}).` };
}

/** A value of the right kind (in base units) against the key. */
function gradeNumber(key: Extract<AnswerKey, { kind: "number" }>, tolerance: Tolerance, value: number, commaAsDecimal: number | undefined): Feedback {
  const result = grade(value, key.value, tolerance);
  if (result === "correct") return CORRECT;
  if (commaAsDecimal !== undefined && grade(commaAsDecimal, key.value, tolerance) !== "wrong") {
    return { verdict: "invalid", message: "A comma groups thousands here (1,918 is one thousand nine hundred and eighteen). Write decimals with a point: 1.918." };
  }
  const within = describeTolerance(tolerance, { factor: key.unitFactor, text: key.unit }, formatPlain);
  if (result === "close") return { verdict: "close", message: `Close, but not within ${within}. Check your rounding and each step.` };
  if (!Object.keys(key.dimension).length && key.value !== 0 && grade(value / 100, key.value, tolerance) !== "wrong") {
    return { verdict: "close", message: "Close: check whether the answer is a fraction or a percentage." };
  }
  if (value !== 0 && key.value !== 0 && Math.sign(value) === Math.sign(key.value)) {
    const powers = Math.round(Math.log10(value / key.value));
    if (powers !== 0 && grade(value / 10 ** powers, key.value, tolerance) === "correct") {
      return { verdict: "wrong", message: `Not quite: the digits look right, but the size is off by a factor of ${formatPlain(10 ** Math.abs(powers))}. Check the unit conversions.` };
    }
  }
  return { verdict: "wrong", message: "Not quite." };
}

function checkChoice(correct: string, spec: AnswerSpec, response: string | undefined): Feedback {
  const options = "options" in spec ? spec.options : [];
  const label = labelOf(response, options);
  if (!label) return { verdict: "invalid", message: "Choose one of the options." };
  return label === correct ? CORRECT : { verdict: "wrong", message: "Not quite." };
}

function checkChoices(correct: readonly string[], spec: AnswerSpec, response: readonly (string | undefined)[]): Feedback {
  const options = "options" in spec ? spec.options : [];
  const chosen = new Set(response.map((r) => labelOf(r, options)).filter((r): r is string => r !== undefined));
  if (!chosen.size) return { verdict: "invalid", message: "Choose every option that applies." };
  const wrongPicks = [...chosen].filter((label) => !correct.includes(label)).length;
  const missed = correct.filter((label) => !chosen.has(label)).length;
  if (!wrongPicks && !missed) return CORRECT;
  if (wrongPicks + missed === 1) return { verdict: "close", message: "Close: one option too many or too few." };
  return { verdict: "wrong", message: "Not quite." };
}

function checkOrder(correct: readonly string[], spec: AnswerSpec, response: readonly (string | undefined)[]): Feedback {
  const items = "items" in spec ? spec.items : [];
  const order = response.map((r) => labelOf(r, items));
  if (order.length !== correct.length || order.includes(undefined) || new Set(order).size !== order.length) {
    return { verdict: "invalid", message: "Put every item in the order once." };
  }
  const inPlace = order.filter((label, i) => label === correct[i]).length;
  if (inPlace === correct.length) return CORRECT;
  if (inPlace === correct.length - 2) return { verdict: "close", message: "Close: two of them are swapped." };
  return { verdict: "wrong", message: `Not quite: ${count(inPlace, "of them is", "of them are")} in the right place.` };
}

function checkClassify(correct: readonly string[], spec: AnswerSpec, response: readonly (string | undefined)[]): Feedback {
  const categories = "categories" in spec ? spec.categories : [];
  const picked = correct.map((_, i) => categoryOf(response[i], categories));
  if (picked.includes(undefined)) return { verdict: "invalid", message: "Put every item in a category." };
  const right = picked.filter((category, i) => category === correct[i]).length;
  if (right === correct.length) return CORRECT;
  if (right === correct.length - 1 && correct.length > 2) return { verdict: "close", message: "Close: one is in the wrong category." };
  return { verdict: "wrong", message: `Not quite: ${count(right, "of them is", "of them are")} in the right category.` };
}

function checkText(accepted: readonly string[], response: string): Feedback {
  const given = normalizeText(response);
  if (!given) return { verdict: "invalid", message: "Type an answer first." };
  const forms = accepted.map(normalizeText);
  if (forms.includes(given)) return CORRECT;
  const nearest = Math.min(...forms.map((form) => editDistance(given, form)));
  if (nearest <= Math.min(2, Math.floor(given.length / 5))) return { verdict: "close", message: "Close: check the spelling." };
  return { verdict: "wrong", message: "Not quite." };
}

function count(n: number, one: string, many: string): string {
  return n === 0 ? "none of them is" : `${formatPlain(n)} ${n === 1 ? one : many}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export { editDistance };
