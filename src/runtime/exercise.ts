// The page's exercises, live: each prerendered `section.wb-exercise` gets its form enabled once its
// correct answer is known (written out, or its hidden cell's value, which follows the reader's inputs).
// A checked answer gets feedback (correct, close, wrong) and, when not correct, the next hint; the
// answer itself is shown only in the solution the reader opens. Progress goes to localStorage.
// Everything here is DOM work with listeners added in script, so read pages keep their strict CSP.
import { checkAnswer, type Feedback, type Response } from "../exercise/check.ts";
import { formatKey } from "../exercise/format.ts";
import { type AnswerKey, answerKey } from "../exercise/key.ts";
import type { ExerciseSpec } from "../exercise/spec.ts";
import type { CompiledNotebook } from "../notebook/types.ts";
import { ProgressStore } from "./progress.ts";
import type { CellResult } from "../notebook/types.ts";
import type { CellResults } from "./results.ts";
import { EXERCISE_CLASS as C, EXERCISE_DATA as D } from "../exercise/markup.ts";
import { namePick, whyNot } from "../exercise/why.ts";

export interface ExercisesOptions {
  readonly results: CellResults;
  readonly store?: ProgressStore;
  readonly root?: ParentNode;
}

/** Starts every exercise of the page; returns the controllers (for tests and the progress box). */
export function startExercises(notebook: CompiledNotebook, options: ExercisesOptions): ExerciseController[] {
  const root = options.root ?? document;
  const home = document.querySelector<HTMLAnchorElement>(".wb-home");
  const store = options.store ?? ProgressStore.forSite(home?.href ?? "index.html");
  const controllers: ExerciseController[] = [];
  const progress = new ProgressBox(root.querySelector(`.${C.progress}`), store, notebook.path, controllers);
  for (const spec of notebook.exercises ?? []) {
    const element = root.querySelector<HTMLElement>(`section.${C.exercise}[${D.exercise}="${CSS.escape(spec.id)}"]`);
    if (!element) continue;
    controllers.push(new ExerciseController(spec, element, { store, page: notebook.path, results: options.results, onProgress: () => progress.update() }));
  }
  store.onChange(() => {
    for (const controller of controllers) controller.restore();
    progress.update();
  });
  progress.update();
  return controllers;
}

interface ControllerContext {
  readonly store: ProgressStore;
  readonly page: string;
  readonly results: CellResults;
  readonly onProgress: () => void;
}

export class ExerciseController {
  private key: AnswerKey | undefined;
  /** The answer last checked, and what was said about it. */
  private checked: { response: Response; feedback: Feedback } | undefined;
  private readonly form: HTMLFormElement;
  private readonly feedback: HTMLElement;
  private readonly status: HTMLElement | null;
  private readonly hints: HTMLElement[];
  private readonly hintsBox: HTMLDetailsElement | null;
  private readonly more: HTMLButtonElement | null;
  private readonly shown: HTMLElement | null;

  constructor(
    readonly spec: ExerciseSpec,
    readonly element: HTMLElement,
    private readonly context: ControllerContext,
  ) {
    this.form = element.querySelector(`form.${C.form}`)!;
    this.feedback = element.querySelector(`.${C.feedback}`)!;
    this.status = element.querySelector(`.${C.status}`);
    this.hintsBox = element.querySelector(`details.${C.hints}`);
    this.hints = [...element.querySelectorAll<HTMLElement>(`.${C.hintText}`)];
    this.more = element.querySelector(`button.${C.moreHints}`);
    this.shown = element.querySelector(`.${C.shown}`);
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.check();
    });
    this.more?.addEventListener("click", () => this.revealHint());
    this.form.addEventListener("click", (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>(`button[${D.move}]`);
      if (button) this.move(button);
    });
    this.restore();
    if (spec.answerCell === undefined) this.setCorrect({ value: spec.correct });
    else context.results.subscribe(spec.answerCell, (result) => this.setCorrect(result));
  }

  private get progress() {
    return this.context.store.get(this.context.page, this.spec.id);
  }

  /** Brings the element in line with the stored progress: the last answer, the hints shown, solved or not. */
  restore(): void {
    const progress = this.progress;
    if (progress.response !== undefined) this.write(progress.response);
    else this.form.reset();
    this.showHints(progress.hints ?? 0);
    this.element.classList.toggle(C.solved, progress.solved === true);
    if (this.status) this.status.textContent = progress.solved ? "✓ Answered" : "";
    if (!progress.response && !progress.attempts) this.say(undefined);
    else if (this.key && progress.response !== undefined) this.say(this.explain(checkAnswer(this.spec.answer, this.key, progress.response), progress.response));
  }

  /** The correct answer changed (an input moved) or became known. */
  private setCorrect(result: CellResult): void {
    if ("failed" in result) {
      this.key = undefined;
      this.enable(false);
      this.sayText("invalid", "The correct answer cannot be worked out right now: a cell it depends on has failed.");
      return;
    }
    const read = answerKey(this.spec.answer, result.value);
    if (!read.ok) {
      this.key = undefined;
      this.enable(false);
      this.sayText("invalid", `This exercise is broken: ${read.problem}.`);
      return;
    }
    const changed = this.key !== undefined;
    this.key = read.key;
    if (this.shown) this.shown.textContent = formatKey(this.spec.answer, read.key);
    this.enable(true);
    const last = this.checked?.response ?? this.progress.response;
    if (last === undefined) return;
    const feedback = this.explain(checkAnswer(this.spec.answer, read.key, last), last);
    if (changed && this.checked?.feedback.verdict === "correct" && feedback.verdict !== "correct") {
      this.checked = { response: last, feedback };
      this.sayText(feedback.verdict, "With the inputs as they are now, that answer is no longer right.");
      return;
    }
    if (this.checked || this.progress.attempts) {
      this.checked = { response: last, feedback };
      this.say(feedback);
    }
  }

  private enable(on: boolean): void {
    for (const control of this.form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>("input, select, button")) control.disabled = !on;
    if (this.more) this.more.disabled = !on || this.revealed() >= this.hints.length;
  }

  check(): Feedback | undefined {
    if (!this.key) return undefined;
    const response = this.read();
    const feedback = this.explain(checkAnswer(this.spec.answer, this.key, response), response);
    this.checked = { response, feedback };
    if (feedback.verdict === "invalid") {
      this.say(feedback);
      return feedback;
    }
    const before = this.progress;
    const solved = before.solved === true || feedback.verdict === "correct";
    this.context.store.update(this.context.page, this.spec.id, { response, solved, attempts: (before.attempts ?? 0) + 1 });
    if (feedback.verdict !== "correct") this.revealHint();
    this.element.classList.toggle(C.solved, solved);
    if (this.status) this.status.textContent = solved ? "✓ Answered" : "";
    this.say(feedback);
    this.context.onProgress();
    return feedback;
  }

  /**
   * A wrong single choice says which option was picked and, when the worked solution has a sentence about
   * that option, quotes it; otherwise the next hint, or the solution, is where to look.
   */
  private explain(feedback: Feedback, response: Response): Feedback {
    if (feedback.verdict !== "wrong" || this.spec.answer.kind !== "choice" || typeof response !== "string" || this.key?.kind !== "choice") return feedback;
    const optionText = (label: string) => this.form.querySelector<HTMLInputElement>(`input[value="${CSS.escape(label)}"]`)?.closest("label")?.querySelector(":scope > span:not(.wb-exercise-label)")?.textContent ?? "";
    const picked = optionText(response);
    if (!picked) return feedback;
    const solution = [...this.element.querySelectorAll(`details.${C.solution} > :not(summary):not(.wb-exercise-answer)`)].map((e) => e.textContent ?? "").join(" ");
    const why = whyNot(picked, [optionText(this.key.label)], solution);
    const next = why ? ` ${why}` : this.revealed() < this.hints.length ? "" : " The solution below says why.";
    return { verdict: "wrong", message: `Not quite: you picked ${namePick(response, picked)}.${next}` };
  }

  private revealed(): number {
    return this.hints.filter((hint) => !hint.hidden).length;
  }

  /** Shows the next hint, one at a time. */
  revealHint(): void {
    const shown = this.revealed();
    if (shown >= this.hints.length) return;
    this.context.store.update(this.context.page, this.spec.id, { hints: shown + 1 });
    this.showHints(shown + 1);
    if (this.hintsBox) this.hintsBox.open = true;
  }

  private showHints(count: number): void {
    this.hints.forEach((hint, i) => (hint.hidden = i >= count));
    const summary = this.hintsBox?.querySelector("summary");
    if (summary && this.hints.length) summary.textContent = `Hints (${count} of ${this.hints.length} shown)`;
    if (this.hintsBox && count === 0) this.hintsBox.open = false;
    if (this.more) this.more.disabled = !this.key || count >= this.hints.length;
  }

  private say(feedback: Feedback | undefined): void {
    if (!feedback) this.sayText(undefined, "");
    else {
      const more = feedback.verdict === "correct" || feedback.verdict === "invalid" ? "" : this.revealed() ? this.hintNote() : "";
      this.sayText(feedback.verdict, `${feedback.message}${more}`);
    }
  }

  private hintNote(): string {
    const shown = this.revealed();
    return shown < this.hints.length ? ` Hint ${shown} of ${this.hints.length} is below.` : this.hints.length ? " All the hints are below; the solution is below them." : "";
  }

  private sayText(verdict: Feedback["verdict"] | undefined, text: string): void {
    this.feedback.textContent = text;
    if (verdict) this.feedback.dataset.verdict = verdict;
    else delete this.feedback.dataset.verdict;
  }

  /** What the form holds, in the checker's terms. */
  read(): Response {
    const form = this.form;
    switch (this.spec.answer.kind) {
      case "number":
      case "text":
        return form.querySelector<HTMLInputElement>("input[name=answer]")?.value ?? "";
      case "choice":
        return form.querySelector<HTMLInputElement>("input[type=radio]:checked")?.value;
      case "choices":
        return [...form.querySelectorAll<HTMLInputElement>("input[type=checkbox]:checked")].map((input) => input.value);
      case "order":
        return [...form.querySelectorAll<HTMLElement>(`.${C.order} > li`)].map((li) => li.dataset.label ?? "");
      case "classify":
        return [...form.querySelectorAll<HTMLSelectElement>("select")].map((select) => select.value || undefined);
    }
  }

  /** Puts an answer back into the form (after a reload). */
  private write(response: Response): void {
    const form = this.form;
    switch (this.spec.answer.kind) {
      case "number":
      case "text": {
        const input = form.querySelector<HTMLInputElement>("input[name=answer]");
        if (input && typeof response === "string") input.value = response;
        break;
      }
      case "choice":
      case "choices": {
        const chosen = new Set(Array.isArray(response) ? response : [response]);
        for (const input of form.querySelectorAll<HTMLInputElement>("input[type=radio], input[type=checkbox]")) input.checked = chosen.has(input.value);
        break;
      }
      case "order": {
        const list = form.querySelector(`.${C.order}`);
        if (!list || !Array.isArray(response)) break;
        for (const label of response) {
          const item = [...list.children].find((li) => (li as HTMLElement).dataset.label === label);
          if (item) list.append(item);
        }
        break;
      }
      case "classify": {
        if (!Array.isArray(response)) break;
        form.querySelectorAll<HTMLSelectElement>("select").forEach((select, i) => (select.value = response[i] ?? ""));
        break;
      }
    }
  }

  /** An order's ↑/↓: moves the item and keeps the focus on the same button. */
  private move(button: HTMLButtonElement): void {
    const item = button.closest("li");
    const list = item?.parentElement;
    if (!item || !list) return;
    if (button.dataset.move === "-1" && item.previousElementSibling) list.insertBefore(item, item.previousElementSibling);
    else if (button.dataset.move === "1" && item.nextElementSibling) list.insertBefore(item.nextElementSibling, item);
    button.focus();
  }

  /** Back to a fresh exercise (after a reset). */
  clear(): void {
    this.checked = undefined;
    this.restore();
    // The order's items go back to the order they were written in.
    const list = this.form.querySelector(`.${C.order}`);
    if (list && "items" in this.spec.answer) for (const label of this.spec.answer.items) {
      const item = [...list.children].find((li) => (li as HTMLElement).dataset.label === label);
      if (item) list.append(item);
    }
  }
}

/** The box at the end of the page: what has been answered here and across the site, and the resets. */
class ProgressBox {
  private readonly site: Record<string, number>;
  private readonly text: HTMLElement | null;

  constructor(
    private readonly element: HTMLElement | null,
    private readonly store: ProgressStore,
    private readonly page: string,
    private readonly controllers: readonly ExerciseController[],
  ) {
    this.site = parseCounts(element?.dataset.site);
    this.text = element?.querySelector(`.${C.progressText}`) ?? null;
    const resetPage = element?.querySelector<HTMLButtonElement>(`.${C.resetPage}`);
    const resetAll = element?.querySelector<HTMLButtonElement>(`.${C.resetAll}`);
    resetPage?.addEventListener("click", () => {
      store.resetPage(page);
      this.afterReset();
    });
    resetAll?.addEventListener("click", () => {
      store.resetAll();
      this.afterReset();
    });
    if (resetPage) resetPage.disabled = false;
    if (resetAll) resetAll.disabled = false;
  }

  private afterReset(): void {
    for (const controller of this.controllers) controller.clear();
    this.update();
  }

  update(): void {
    if (!this.text) return;
    const pageTotal = this.controllers.length;
    const pageSolved = this.store.solved(this.page);
    // Only pages the build counted: an exercise since removed from the workbook no longer counts.
    let siteSolved = 0;
    for (const [page, total] of Object.entries(this.site)) siteSolved += Math.min(total, this.store.solved(page));
    const siteTotal = Object.values(this.site).reduce((sum, n) => sum + n, 0);
    this.text.textContent = `You have answered ${pageSolved} of ${pageTotal} exercise${pageTotal === 1 ? "" : "s"} on this page, and ${siteSolved} of ${siteTotal} in the workbook. Progress is kept in this browser.`;
    this.element?.classList.toggle(C.progressDone, pageTotal > 0 && pageSolved >= pageTotal);
  }
}

function parseCounts(json: string | undefined): Record<string, number> {
  try {
    const counts = JSON.parse(json ?? "{}") as unknown;
    return counts && typeof counts === "object" ? (counts as Record<string, number>) : {};
  } catch {
    return {};
  }
}
