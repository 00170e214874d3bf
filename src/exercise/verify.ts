// What `wattbook check` (and every build) asks of an exercise, with the notebook evaluated: its correct
// answer has the shape its kind needs; that answer, written out as the solution shows it, passes the
// exercise's own checker; the worked solution's value passes too; and deliberately wrong answers fail.
// An exercise that fails any of these cannot be answered, or cannot tell a right answer from a wrong one.
import { checkAnswer, type Response } from "./check.ts";
import { formatKey, formatPlain } from "./format.ts";
import { type AnswerKey, answerKey } from "./key.ts";
import type { AnswerSpec, ExerciseSpec } from "./spec.ts";
import { bound, type Tolerance } from "./tolerance.ts";
import type { CellResult } from "../notebook/types.ts";

export type { CellResult };

export interface Verification {
  /** The correct answer as the solution shows it ("1,918.9 MWh"), when it could be computed. */
  readonly shown?: string;
  /** What is wrong with the exercise's answer, one sentence each. */
  readonly problems: readonly string[];
  /** What is wrong with its worked solution, reported at the solution's cell. */
  readonly solutionProblem?: string;
}

/** The correct answer of an exercise: written out, or its hidden cell's value. */
export function correctValue(exercise: ExerciseSpec, cellValue: CellResult | undefined): CellResult | undefined {
  if (exercise.answerCell === undefined) return { value: exercise.correct };
  return cellValue;
}

export function verifyExercise(exercise: ExerciseSpec, correct: CellResult | undefined, solution?: CellResult): Verification {
  if (!correct || "failed" in correct) return { problems: [] };
  const spec = exercise.answer;
  const read = answerKey(spec, correct.value);
  if (!read.ok) return { problems: [read.problem] };
  const key = read.key;
  const shown = formatKey(spec, key);
  const problems: string[] = [];

  const asShown = checkAnswer(spec, key, responseOf(key, shown));
  if (asShown.verdict !== "correct") problems.push(`the answer as the solution shows it, "${shown}", does not pass its own check (${asShown.message})`);

  const solutionProblem = solution && "value" in solution ? solutionFeedback(spec, key, solution.value) : undefined;

  for (const wrong of wrongResponses(spec, key)) {
    if ("problem" in wrong) {
      problems.push(wrong.problem);
      continue;
    }
    const verdict = checkAnswer(spec, key, wrong.response).verdict;
    if (verdict === "correct") problems.push(`a deliberately wrong answer, ${wrong.description}, passes the check${wrong.why ? `: ${wrong.why}` : ""}`);
  }
  return solutionProblem === undefined ? { shown, problems } : { shown, problems, solutionProblem };
}

/** How the learner's side would hand the shown answer to the checker. */
function responseOf(key: AnswerKey, shown: string): Response {
  switch (key.kind) {
    case "number":
    case "text":
      return shown;
    case "choice":
      return key.label;
    case "choices":
      return key.labels;
    case "order":
      return key.labels;
    case "classify":
      return key.categories;
  }
}

/** The worked solution's value must be a right answer: a number in the answer's unit, or text as a learner types it. */
function solutionFeedback(spec: AnswerSpec, key: AnswerKey, value: unknown): string | undefined {
  let response: Response;
  if (key.kind === "number") {
    if (typeof value === "number") response = `${value} ${key.unit}`.trim();
    else if (typeof value === "string") response = value;
    else return `the worked solution ends with ${describe(value)}; end it with the answer, a number (in ${key.unit || "no unit"}) or text such as "${formatKey(spec, key)}"`;
  } else {
    const read = answerKey(spec, value);
    if (!read.ok) return `the worked solution's last cell gives ${describe(value)}, which is not an answer of this kind`;
    response = responseOf(read.key, formatKey(spec, read.key));
  }
  const feedback = checkAnswer(spec, key, response);
  if (feedback.verdict === "correct") return undefined;
  const given = typeof response === "string" ? `"${response}"` : describe(value);
  return `the worked solution's answer, ${given}, does not pass the check against "${formatKey(spec, key)}" (${feedback.verdict}: ${feedback.message})`;
}

function describe(value: unknown): string {
  if (typeof value === "number") return formatPlain(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return value === null ? "null" : typeof value === "object" ? "an object" : String(value);
}

type Wrong = { response: Response; description: string; why?: string } | { problem: string };

function wrongResponses(spec: AnswerSpec, key: AnswerKey): Wrong[] {
  switch (key.kind) {
    case "number": {
      const tolerance = (spec as { tolerance: Tolerance }).tolerance;
      const value = key.value / key.unitFactor;
      const unit = key.unit ? ` ${key.unit}` : "";
      const tenfold = value === 0 ? 1 : value * 10;
      const margin = bound(key.value, tolerance) / key.unitFactor;
      const outside = value + 2.5 * (margin || 1);
      const why = `the tolerance is too wide`;
      return [
        { response: `${tenfold}${unit}`, description: `${formatPlain(tenfold)}${unit}`, why },
        { response: `${outside}${unit}`, description: `${formatPlain(outside)}${unit} (2.5 tolerances off)`, why },
      ];
    }
    case "choice": {
      const others = (spec as { options: readonly string[] }).options.filter((label) => label !== key.label);
      if (!others.length) return [{ problem: "a choice needs at least two options" }];
      return others.map((label) => ({ response: label, description: `option ${label.toUpperCase()}` }));
    }
    case "choices": {
      const options = (spec as { options: readonly string[] }).options;
      if (options.length < 2) return [{ problem: "a choices answer needs at least two options" }];
      // Each single option toggled: one too many, or one too few.
      return options.map((label) => {
        const toggled = key.labels.includes(label) ? key.labels.filter((l) => l !== label) : [...key.labels, label];
        return { response: toggled, description: toggled.length ? toggled.map((l) => l.toUpperCase()).join(", ") : "no option" };
      });
    }
    case "order": {
      if (key.labels.length < 2) return [{ problem: "an order needs at least two items" }];
      const reversed = [...key.labels].reverse();
      return [{ response: reversed, description: reversed.map((l) => l.toUpperCase()).join(", ") }];
    }
    case "classify": {
      const categories = (spec as { categories: readonly string[] }).categories;
      if (categories.length < 2) return [{ problem: "a classification needs at least two categories" }];
      const shifted = key.categories.map((category) => categories[(categories.indexOf(category) + 1) % categories.length]!);
      return [{ response: shifted, description: shifted.join(", ") }];
    }
    case "text":
      return [{ response: "zzzz", description: '"zzzz"' }];
  }
}
