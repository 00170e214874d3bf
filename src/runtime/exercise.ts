// The page's exercises, live: each prerendered `section.wb-exercise` gets its form enabled once its
// correct answer is known (written out, or its hidden cell's value, which follows the reader's inputs).
// A checked answer gets feedback (correct, close, wrong) and, when not correct, the next hint; the
// answer itself is shown only in the solution the reader opens. Progress goes to localStorage.
// Everything here is DOM work with listeners added in script, so read pages keep their strict CSP.
//
// An answer is kept with the positions of the inputs it was given with (those the correct answer
// depends on). A page always opens with its inputs where the author put them, as the build rendered it,
// so after a reload those inputs may stand elsewhere than when the reader answered: the answer is then
// shown as given for other inputs, naming them, with a button that puts them back, rather than checked
// against inputs it was never given for. (Restoring the inputs on load instead would make every
// returning reader's page differ from the chapter and from what the page showed before it went live,
// and two answers given at different positions of one input could not both be restored.)
import { checkAnswer, type Feedback, type Response } from "../exercise/check.ts";
import { formatKey } from "../exercise/format.ts";
import { type AnswerKey, answerKey } from "../exercise/key.ts";
import type { ExerciseSpec } from "../exercise/spec.ts";
import type { CompiledNotebook } from "../notebook/types.ts";
import { ProgressStore } from "./progress.ts";
import { ProgressBox } from "./progress-box.ts";
import { applyPositions, inputName, parsePositions, positionOf, readPositions, samePosition, showPosition, type Position } from "./input-positions.ts";
import { compiledGraphCell } from "../notebook/browser-only.ts";
import { upstreamClosureOf } from "../notebook/graph.ts";
import type { CellResult } from "../notebook/types.ts";
import type { CellResults } from "./results.ts";
import { EXERCISE_CLASS as C, EXERCISE_DATA as D } from "../exercise/markup.ts";
import { namePick, whyNot } from "../exercise/why.ts";

export interface ExercisesOptions {
  readonly results: CellResults;
  readonly store?: ProgressStore;
  readonly root?: ParentNode;
  /** The page's inputs by cell id (NotebookRun.views): what an answer's positions are read from and put back into. */
  readonly views?: () => ReadonlyMap<string, EventTarget>;
}

/** Starts every exercise of the page; returns the controllers (for tests and the progress box). */
export function startExercises(notebook: CompiledNotebook, options: ExercisesOptions): ExerciseController[] {
  const root = options.root ?? document;
  const home = document.querySelector<HTMLAnchorElement>(".wb-home");
  const store = options.store ?? ProgressStore.forSite(home?.href ?? "index.html");
  const controllers: ExerciseController[] = [];
  const progress = new ProgressBox(root.querySelector(`.${C.progress}`), store, notebook.path, controllers);
  const views = options.views ?? (() => new Map<string, EventTarget>());
  const graph = notebook.cells.map(compiledGraphCell);
  const index = new Map(notebook.cells.map((cell, i) => [cell.id, i]));
  for (const spec of notebook.exercises ?? []) {
    const element = root.querySelector<HTMLElement>(`section.${C.exercise}[${D.exercise}="${CSS.escape(spec.id)}"]`);
    if (!element) continue;
    const answer = spec.answerCell === undefined ? undefined : index.get(spec.answerCell);
    const dependsOn = new Set(answer === undefined ? [] : [...upstreamClosureOf(graph, [answer])].map((i) => notebook.cells[i]!.id));
    controllers.push(new ExerciseController(spec, element, { store, page: notebook.path, results: options.results, views, dependsOn, onProgress: () => progress.update() }));
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
  readonly views?: () => ReadonlyMap<string, EventTarget>;
  /** The cells the correct answer is computed from (its inputs among them). */
  readonly dependsOn?: ReadonlySet<string>;
}

/** An input that stands elsewhere than when the kept answer was given. */
interface MovedInput {
  readonly element: EventTarget;
  readonly then: Position;
  readonly now: Position | undefined;
}

const PUT_BACK_CLASS = "wb-exercise-put-back";

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
  /** Puts back the inputs the kept answer was given with (shown only when they have moved). */
  private readonly putBack: HTMLButtonElement;

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
    this.putBack = document.createElement("button");
    this.putBack.type = "button";
    this.putBack.className = PUT_BACK_CLASS;
    this.putBack.textContent = "Put the inputs back";
    this.putBack.hidden = true;
    this.putBack.addEventListener("click", () => this.restoreInputs());
    this.feedback.after(this.putBack);
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
    this.checked = undefined;
    if (progress.response !== undefined) this.write(progress.response);
    else this.form.reset();
    this.showHints(progress.hints ?? 0);
    this.element.classList.toggle(C.solved, progress.solved === true);
    if (this.status) this.status.textContent = progress.solved ? "✓ Answered" : "";
    if (!progress.response && !progress.attempts) this.say(undefined);
    else this.review(false);
  }

  /**
   * Says what the kept answer is worth with the inputs as they are now: the checker's feedback, or,
   * where the inputs it was given with have moved and it is not right now, which inputs moved.
   * `changed`: an input moved while the page was open.
   */
  private review(changed: boolean): void {
    const last = this.checked?.response ?? this.progress.response;
    if (!this.key || last === undefined || (!this.checked && !this.progress.attempts)) return;
    const before = this.checked?.feedback.verdict;
    const feedback = this.explain(checkAnswer(this.spec.answer, this.key, last), last);
    this.checked = { response: last, feedback };
    // Only an answer that was right when given can be right for other inputs; any other is checked as it stands.
    const moved = feedback.verdict === "correct" || this.progress.verdict !== "correct" ? [] : this.movedInputs();
    if (moved.length) return this.sayMoved(moved);
    // Progress kept before answers kept their inputs: all that can be said is that it no longer holds.
    if (changed && before === "correct" && feedback.verdict !== "correct") return this.sayText(feedback.verdict, "With the inputs as they are now, that answer is no longer right.");
    this.say(feedback);
  }

  /** The inputs the kept answer was given with that stand elsewhere now (inputs no longer on the page are left out). */
  private movedInputs(): MovedInput[] {
    const kept = parsePositions(this.progress.inputs);
    if (!kept || !this.context.views) return [];
    const views = this.context.views();
    const moved: MovedInput[] = [];
    for (const [id, then] of Object.entries(kept)) {
      const element = views.get(id);
      if (!element) continue;
      const now = positionOf((element as { value?: unknown }).value);
      if (!samePosition(then, now)) moved.push({ element, then, now });
    }
    return moved;
  }

  private sayMoved(moved: readonly MovedInput[]): void {
    const list = (items: string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);
    const then = list(moved.map((m) => `${inputName(m.element)} at ${showPosition(m.then)}`));
    const now = list(moved.map((m) => (m.now === undefined ? "elsewhere" : showPosition(m.now))));
    this.sayText("moved", `Your answer was right with ${then}; ${moved.length === 1 ? "that input is" : "those inputs are"} at ${now} now.`);
  }

  /** Moves the inputs back to where they were when the kept answer was given; the page recomputes. */
  private restoreInputs(): void {
    const kept = parsePositions(this.progress.inputs);
    if (!kept || !this.context.views) return;
    applyPositions(this.context.views(), kept);
    this.putBack.hidden = true;
    this.form.querySelector<HTMLElement>("input:not([disabled]), select:not([disabled]), button:not([disabled])")?.focus();
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
    this.review(changed);
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
    // The inputs the answer is given with, so that it can be told apart from answers for other inputs.
    const inputs = this.context.views && this.context.dependsOn?.size ? readPositions(this.context.views(), this.context.dependsOn) : {};
    this.context.store.update(this.context.page, this.spec.id, { response, solved, attempts: (before.attempts ?? 0) + 1, verdict: feedback.verdict, inputs: Object.keys(inputs).length ? inputs : undefined });
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

  /** `moved`: the kept answer was given with other inputs (see sayMoved), which the button puts back. */
  private sayText(verdict: Feedback["verdict"] | "moved" | undefined, text: string): void {
    this.feedback.textContent = text;
    if (verdict) this.feedback.dataset.verdict = verdict;
    else delete this.feedback.dataset.verdict;
    this.putBack.hidden = verdict !== "moved";
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
