// The box at the end of a page with exercises (publish/progress-html.ts writes it): what has been
// answered here and across the site, and the two resets. A reset forgets answers that took a reader an
// afternoon, so it asks first, in the page (a question with Cancel, not window.confirm, which a
// sandboxed or automated page may not show), and for UNDO_MS after it an Undo button puts back what it
// forgot. The question and the Undo are status text, so a screen reader hears them.
import { EXERCISE_CLASS as C } from "../exercise/markup.ts";
import type { ProgressSnapshot, ProgressStore } from "./progress.ts";

/** How long Undo is offered after a reset. */
export const UNDO_MS = 10_000;

/** What the box asks of the page's exercises. */
export interface ExerciseView {
  /** Back to a fresh exercise. */
  clear(): void;
  /** In line with the stored progress again. */
  restore(): void;
}

type Scope = "page" | "all";

export class ProgressBox {
  private readonly site: Record<string, number>;
  private readonly text: HTMLElement | null;
  private readonly actions: HTMLElement | null;
  private readonly panel: HTMLElement;
  private undoTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly element: HTMLElement | null,
    private readonly store: ProgressStore,
    private readonly page: string,
    private readonly exercises: readonly ExerciseView[],
  ) {
    this.site = parseCounts(element?.dataset.site);
    this.text = element?.querySelector(`.${C.progressText}`) ?? null;
    const resetPage = element?.querySelector<HTMLButtonElement>(`.${C.resetPage}`);
    const resetAll = element?.querySelector<HTMLButtonElement>(`.${C.resetAll}`);
    this.actions = resetAll?.parentElement ?? resetPage?.parentElement ?? null;
    this.panel = document.createElement("div");
    this.panel.className = "wb-progress-confirm";
    this.panel.setAttribute("role", "status");
    this.panel.hidden = true;
    (this.actions ?? element)?.after(this.panel);
    resetPage?.addEventListener("click", () => this.ask("page"));
    resetAll?.addEventListener("click", () => this.ask("all"));
    if (resetPage) resetPage.disabled = false;
    if (resetAll) resetAll.disabled = false;
  }

  /** Asks before a reset: what it would forget, a button that does it and one that does not. */
  private ask(scope: Scope): void {
    this.endUndo();
    const answered = scope === "page" ? this.store.solved(this.page) : this.store.solved();
    const pages = scope === "page" ? 1 : this.store.pageCount();
    const what =
      scope === "page"
        ? `Forget your answers and hints on this page (${answered} answered)?`
        : `Forget every answer and hint you have given in this workbook (${answered} answered, on ${pages} page${pages === 1 ? "" : "s"})?`;
    const yes = button(scope === "page" ? "Yes, reset this page" : "Yes, reset all progress", () => this.reset(scope));
    const no = button("Cancel", () => this.close());
    this.show(text(what), yes, no);
    this.panel.onkeydown = (event) => void (event.key === "Escape" ? this.close() : undefined);
    no.focus();
  }

  private reset(scope: Scope): void {
    const forgotten = scope === "page" ? this.store.resetPage(this.page) : this.store.resetAll();
    for (const exercise of this.exercises) exercise.clear();
    this.update();
    const undo = button("Undo", () => this.undo(forgotten));
    this.show(text(scope === "page" ? "Your progress on this page was reset." : "All your progress was reset."), undo);
    this.panel.onkeydown = null;
    undo.focus();
    this.undoTimer = setTimeout(() => this.close(), UNDO_MS);
  }

  private undo(forgotten: ProgressSnapshot): void {
    this.endUndo();
    this.store.restore(forgotten);
    for (const exercise of this.exercises) exercise.restore();
    this.update();
    this.show(text("Your progress is back."));
    this.undoTimer = setTimeout(() => this.close(), UNDO_MS / 2);
  }

  private show(...children: Node[]): void {
    this.panel.replaceChildren(...children);
    this.panel.hidden = false;
  }

  /** Back to the box's buttons, the focus on the one that opened the question when it was in the panel. */
  private close(): void {
    this.endUndo();
    const hadFocus = this.panel.contains(document.activeElement);
    this.panel.replaceChildren();
    this.panel.hidden = true;
    if (hadFocus) this.actions?.querySelector("button")?.focus();
  }

  private endUndo(): void {
    clearTimeout(this.undoTimer);
    this.undoTimer = undefined;
  }

  update(): void {
    if (!this.text) return;
    const pageTotal = this.exercises.length;
    const pageSolved = this.store.solved(this.page);
    // Only pages the build counted: an exercise since removed from the workbook no longer counts.
    let siteSolved = 0;
    for (const [page, total] of Object.entries(this.site)) siteSolved += Math.min(total, this.store.solved(page));
    const siteTotal = Object.values(this.site).reduce((sum, n) => sum + n, 0);
    this.text.textContent = `You have answered ${pageSolved} of ${pageTotal} exercise${pageTotal === 1 ? "" : "s"} on this page, and ${siteSolved} of ${siteTotal} in the workbook. Progress is kept in this browser.`;
    this.element?.classList.toggle(C.progressDone, pageTotal > 0 && pageSolved >= pageTotal);
  }
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement("button");
  element.type = "button";
  element.textContent = label;
  element.addEventListener("click", onClick);
  return element;
}

function text(content: string): HTMLElement {
  const element = document.createElement("span");
  element.textContent = `${content} `;
  return element;
}

function parseCounts(json: string | undefined): Record<string, number> {
  try {
    const counts = JSON.parse(json ?? "{}") as unknown;
    return counts && typeof counts === "object" ? (counts as Record<string, number>) : {};
  } catch {
    return {};
  }
}
