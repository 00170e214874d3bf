// The progress box at the end of a page with exercises. It reads as a sentence without JavaScript; the
// page's exercise code (runtime/progress.ts) fills in what the reader has answered here and across the
// site, from localStorage, and enables the reset buttons. The site's exercise counts come from the
// build, so progress across the site counts pages the reader has not opened yet.
import { escapeHtml } from "../text/escape-html.ts";
import { EXERCISE_CLASS as C, EXERCISE_DATA as D } from "../exercise/markup.ts";

export interface ExerciseCounts {
  /** Exercises on this page. */
  readonly page: number;
  /** Exercises per notebook of the site, by notebook path (the key progress is kept under). */
  readonly site: Readonly<Record<string, number>>;
}

export function renderProgress(counts: ExerciseCounts): string {
  const plural = (n: number) => `${n} exercise${n === 1 ? "" : "s"}`;
  const total = Object.values(counts.site).reduce((sum, n) => sum + n, 0);
  return (
    `<aside class="${C.progress}" aria-label="Your progress" ${D.site}="${escapeHtml(JSON.stringify(counts.site))}">` +
    `<p class="${C.progressText}">This page has ${plural(counts.page)}; the workbook has ${plural(total)}. Answers are checked in your browser, and progress is kept there.</p>` +
    `<p class="wb-progress-actions"><button type="button" class="${C.resetPage}" disabled>Reset this page</button> <button type="button" class="${C.resetAll}" disabled>Reset all progress</button></p>` +
    `</aside>`
  );
}
