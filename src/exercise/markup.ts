// The names the prerendered exercise markup (notebook/exercise-html.ts, publish/progress-html.ts) and
// the live page's exercise code (runtime/exercise.ts) agree on: one list, so neither end can rename a
// class the other looks for. Classes styled by the theme only, never looked up, are left where they are.

/** Class names, without the dot. */
export const EXERCISE_CLASS = {
  exercise: "wb-exercise",
  form: "wb-exercise-form",
  feedback: "wb-exercise-feedback",
  status: "wb-exercise-status",
  hints: "wb-exercise-hints",
  hintText: "wb-exercise-hint-text",
  /** The worked solution's <details>. */
  solution: "wb-exercise-solution",
  moreHints: "wb-exercise-more",
  order: "wb-exercise-order",
  /** Where the build writes the correct answer as the solution shows it. */
  shown: "wb-exercise-shown",
  /** Set by the live page on an exercise answered right. */
  solved: "wb-exercise-solved",
  progress: "wb-exercise-progress",
  progressText: "wb-progress-text",
  resetPage: "wb-progress-reset-page",
  resetAll: "wb-progress-reset-all",
  /** Set by the live page when every exercise of the page is answered. */
  progressDone: "wb-progress-done",
} as const;

/** Data attributes, as written in the markup; `dataset` reads them camel-cased (data-label → label). */
export const EXERCISE_DATA = {
  /** On an exercise's section: its id. */
  exercise: "data-exercise",
  /** On an exercise's section: its answer kind. */
  kind: "data-kind",
  /** On an item of an ordering exercise: the option's label. */
  label: "data-label",
  /** On an ordering exercise's buttons: -1 (up) or 1 (down). */
  move: "data-move",
  /** On the progress box: the site's exercise counts, as JSON. */
  site: "data-site",
} as const;
