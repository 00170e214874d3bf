// The plain data an exercise compiles to: what kind of answer it takes, and where its correct answer
// comes from (written out, or a hidden cell of the notebook). It goes into the notebook module, so the
// build's check and the page's checker read the same thing.
import type { Tolerance } from "./tolerance.ts";

export type AnswerSpec =
  /** A quantity; `unit` is written after the correct value ("MWh", "" for a pure number). */
  | {
      readonly kind: "number";
      readonly unit: string;
      readonly tolerance: Tolerance;
      /** The period an amount accumulates over ("over: 1 yr"): a rate answer ("MWh/yr", "MW") is graded over it. */
      readonly over?: { readonly seconds: number; readonly text: string };
    }
  /** One option (choice) or every right one (choices); options are named by label: "a", "b", … or "1", "2", … */
  | { readonly kind: "choice" | "choices"; readonly options: readonly string[] }
  /** The items, by label, in the order they are shown. */
  | { readonly kind: "order"; readonly items: readonly string[] }
  /** Each item goes into one category. */
  | { readonly kind: "classify"; readonly items: readonly string[]; readonly categories: readonly string[] }
  /** A word or phrase; `accept` lists other spellings of the correct one. */
  | { readonly kind: "text"; readonly accept: readonly string[] };

export type AnswerKind = AnswerSpec["kind"];

export const ANSWER_KINDS: readonly AnswerKind[] = ["number", "choice", "choices", "order", "classify", "text"];

export interface ExerciseSpec {
  /** Stable across edits of the page: learners' progress is kept under it. */
  readonly id: string;
  readonly title?: string;
  /** The `::: exercise` line. */
  readonly position: { readonly line: number; readonly column: number };
  /** The `correct:` line, where problems with the correct answer are reported. */
  readonly correctPosition: { readonly line: number; readonly column: number };
  readonly answer: AnswerSpec;
  /** The hidden cell that computes the correct answer, when `correct:` is a `${…}` expression. */
  readonly answerCell?: string;
  /** The correct answer as written, when it is not an expression (in the answer's own terms). */
  readonly correct?: unknown;
  /** The worked solution's last expression cell: its value must pass the checker. */
  readonly solutionCell?: string;
  readonly hints: number;
}
