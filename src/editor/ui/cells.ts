// The controls each cell gets on an edit page. Block cells: the build's Edit link, then (once edited) a
// mark, Diff and Reset, and a button for a scratch cell below; a one-line summary of the code, so that
// cells that show nothing can be found. Inline values become focusable buttons that open an editor.
import { diffLines } from "../diff.ts";
import type { EditSession } from "../session.ts";
import { button, h, outputOf } from "./dom.ts";

export interface CellActions {
  open(cellId: string): void;
  addScratch(after: string): void;
}

/** The element that holds a block cell (its `.wb-cell` or figure), or an inline value's block. */
export function containerOf(cellId: string): HTMLElement | null {
  const output = outputOf(cellId);
  if (!output) return null;
  if (output.classList.contains("wb-inline")) return output.closest<HTMLElement>("p, li, td, th, dd, blockquote, h1, h2, h3, h4, h5, h6, figcaption") ?? output.parentElement;
  return output.closest<HTMLElement>(".wb-cell") ?? output.parentElement;
}

export class CellControls {
  private readonly diffs = new Map<string, HTMLElement>();

  constructor(
    private readonly session: EditSession,
    private readonly actions: CellActions,
  ) {}

  /** Adds the controls to every cell the page carries. */
  install(cellIds: readonly string[]): void {
    for (const id of cellIds) {
      const output = outputOf(id);
      if (!output) continue;
      if (output.classList.contains("wb-inline")) this.installInline(id, output);
      else this.installBlock(id, output);
    }
    this.refresh();
  }

  /** A scratch cell's element, below its `after` cell (or the scratch cell before it). */
  createScratch(id: string, after: string, remove: () => void): HTMLElement | null {
    const anchor = containerOf(after);
    if (!anchor) return null;
    const tools = h(
      "div",
      { class: "wb-cell-tools" },
      h("span", { class: "wb-scratch-label" }, "Scratch cell"),
      button("Remove", remove, { class: "wb-remove-scratch", "aria-label": "Remove this scratch cell" }),
      button("+ Scratch", () => this.actions.addScratch(id), { class: "wb-add-scratch", "aria-label": "Add a scratch cell below this one" }),
    );
    const cell = h("div", { class: "wb-cell wb-scratch", id: `cell-${id}` }, tools, h("div", { class: "wb-output", "data-cell": id }));
    // Below the cell and any scratch cells already under it.
    let before: Element = anchor;
    while (before.nextElementSibling?.classList.contains("wb-scratch")) before = before.nextElementSibling;
    before.after(cell);
    return cell;
  }

  /** Marks edited cells and keeps each one's Diff and Reset in step with the session. */
  refresh(): void {
    for (const tools of document.querySelectorAll<HTMLElement>(".wb-cell-tools[data-for]")) {
      const id = tools.dataset.for!;
      const edited = this.session.isEdited(id);
      tools.closest(".wb-cell")?.classList.toggle("wb-edited", edited);
      for (const element of tools.querySelectorAll<HTMLElement>(".wb-when-edited")) element.hidden = !edited;
      const summary = tools.querySelector(".wb-cell-summary");
      if (summary) summary.textContent = summaryOf(this.session.source(id));
      if (!edited) this.hideDiff(id);
      else if (this.diffs.has(id)) this.showDiff(id);
    }
    for (const inline of document.querySelectorAll<HTMLElement>(".wb-inline.wb-editable")) {
      inline.classList.toggle("wb-edited", this.session.isEdited(inline.dataset.cell!));
    }
  }

  toggleDiff(id: string): void {
    if (this.diffs.has(id)) this.hideDiff(id);
    else this.showDiff(id);
  }

  private installBlock(id: string, output: HTMLElement): void {
    const cell = output.closest<HTMLElement>(".wb-cell");
    if (!cell) return;
    let tools = cell.querySelector<HTMLElement>(":scope > .wb-cell-tools");
    if (!tools) {
      tools = h("div", { class: "wb-cell-tools" });
      cell.prepend(tools);
    }
    tools.dataset.for = id;
    const link = tools.querySelector<HTMLAnchorElement>("a.wb-edit");
    link?.addEventListener("click", (event) => {
      event.preventDefault();
      this.actions.open(id);
    });
    const diff = button("Diff", () => this.toggleDiff(id), { class: "wb-diff-toggle wb-when-edited", "aria-expanded": "false", "aria-label": "Show the changes from the author's version" });
    tools.append(
      h("code", { class: "wb-cell-summary", "aria-hidden": "true" }),
      h("span", { class: "wb-edited-mark wb-when-edited" }, "edited"),
      diff,
      button("Reset", () => this.session.reset(id), { class: "wb-reset wb-when-edited", "aria-label": "Put the author's code back in this cell" }),
      button("+ Scratch", () => this.actions.addScratch(id), { class: "wb-add-scratch", "aria-label": "Add a scratch cell below this cell" }),
    );
  }

  private installInline(id: string, output: HTMLElement): void {
    output.classList.add("wb-editable");
    output.tabIndex = 0;
    output.setAttribute("role", "button");
    const source = this.session.authorSource(id) ?? "";
    output.setAttribute("aria-label", `Edit the inline value \${${source}}`);
    output.title = `\${${source}}: click to edit`;
    const open = (event: Event) => {
      // Inputs and links inside a value keep their own clicks.
      if ((event.target as Element).closest("a, input, button, select, textarea")) return;
      event.preventDefault();
      this.actions.open(id);
    };
    output.addEventListener("click", open);
    output.addEventListener("keydown", (event) => {
      if (event.target === output && (event.key === "Enter" || event.key === " ")) open(event);
    });
  }

  private showDiff(id: string): void {
    const tools = document.querySelector<HTMLElement>(`.wb-cell-tools[data-for="${CSS.escape(id)}"]`);
    if (!tools) return;
    const lines = diffLines(this.session.authorSource(id) ?? "", this.session.source(id)).map((line) =>
      line.kind === "same" ? h("span", {}, `  ${line.text}\n`) : h(line.kind === "added" ? "ins" : "del", {}, `${line.kind === "added" ? "+" : "−"} ${line.text}\n`),
    );
    const view = h("pre", { class: "wb-diff", "aria-label": "Changes from the author's version" }, ...lines);
    this.diffs.get(id)?.replaceWith(view);
    if (!this.diffs.has(id)) tools.after(view);
    this.diffs.set(id, view);
    tools.querySelector(".wb-diff-toggle")?.setAttribute("aria-expanded", "true");
  }

  private hideDiff(id: string): void {
    this.diffs.get(id)?.remove();
    this.diffs.delete(id);
    document.querySelector(`.wb-cell-tools[data-for="${CSS.escape(id)}"] .wb-diff-toggle`)?.setAttribute("aria-expanded", "false");
  }
}

/** The first line that says something, shortened: what a hidden cell is about. */
function summaryOf(source: string): string {
  const line = source.split("\n").find((l) => l.trim() && !/^\s*\/\//.test(l)) ?? source.split("\n")[0] ?? "";
  const text = line.trim();
  return text.length > 64 ? `${text.slice(0, 63)}…` : text;
}
