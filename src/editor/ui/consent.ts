// What a shared link would change, shown before anything from it runs: each edited cell as a diff
// against the published cell, each scratch cell's code, and what no longer fits the page (cells the
// author has changed since). "Run these edits" runs them (in the sandbox, not saved); "Keep these
// edits" then makes them the reader's saved edits; "Discard" drops them. Everything is text: the
// link's code is never markup here.
import type { CellSource } from "../compile.ts";
import { diffLines } from "../diff.ts";
import type { Edits } from "../edits.ts";
import { button, h } from "./dom.ts";

/** The link's edits split into what this page can take and what it cannot. */
export interface LinkEdits {
  readonly applicable: Edits;
  readonly leftOut: number;
}

export function fitEdits(edits: Edits, cells: readonly CellSource[]): LinkEdits {
  const ids = new Set(cells.map((cell) => cell.id));
  const applicable: Record<string, string> = {};
  let leftOut = 0;
  for (const [id, source] of Object.entries(edits.cells)) {
    if (ids.has(id)) applicable[id] = source;
    else leftOut++;
  }
  const scratch = [];
  const placed = new Set(ids);
  for (const cell of edits.scratch) {
    if (placed.has(cell.after)) (scratch.push(cell), placed.add(cell.id));
    else leftOut++;
  }
  return { applicable: { cells: applicable, scratch }, leftOut };
}

export function leftOutNote(count: number): string {
  return `${count} edit${count === 1 ? " was" : "s were"} left out: the author has changed ${count === 1 ? "that cell" : "those cells"} since.`;
}

export interface ConsentActions {
  run(): void;
  keep(): void;
  discard(): void;
}

export class ConsentPanel {
  readonly element: HTMLElement;
  private readonly tools: HTMLElement;
  private readonly status: HTMLElement;

  constructor(
    private readonly link: LinkEdits,
    cells: readonly CellSource[],
    private readonly actions: ConsentActions,
  ) {
    const byId = new Map(cells.map((cell) => [cell.id, cell]));
    const { applicable, leftOut } = link;
    const changed = Object.keys(applicable.cells).length;
    const added = applicable.scratch.length;
    const parts = [changed ? `changes ${changed} cell${changed === 1 ? "" : "s"}` : "", added ? `adds ${added} scratch cell${added === 1 ? "" : "s"}` : ""].filter(Boolean);
    const summary = parts.length
      ? `This shared link ${parts.join(" and ")} of this page. Nothing from it has run: read the changes, then run them or discard them.`
      : "This shared link has no edits this page can take.";
    const items: HTMLElement[] = [];
    for (const [id, source] of Object.entries(applicable.cells)) {
      const cell = byId.get(id)!;
      const lines = diffLines(cell.sourceText, source).map((line) =>
        line.kind === "same" ? h("span", {}, `  ${line.text}\n`) : h(line.kind === "added" ? "ins" : "del", {}, `${line.kind === "added" ? "+" : "−"} ${line.text}\n`),
      );
      items.push(
        h(
          "li",
          { class: "wb-consent-cell", "data-cell-id": id },
          h("span", { class: "wb-consent-what" }, `The ${cell.kind === "inline" ? "inline value" : "cell"} at line ${cell.position.line}, changed:`),
          h("pre", { class: "wb-diff", "aria-label": `Changes to the cell at line ${cell.position.line}` }, ...lines),
        ),
      );
    }
    for (const scratch of applicable.scratch) {
      const after = byId.get(scratch.after);
      items.push(
        h(
          "li",
          { class: "wb-consent-scratch", "data-cell-id": scratch.id },
          h("span", { class: "wb-consent-what" }, after ? `A scratch cell below the cell at line ${after.position.line}:` : "A scratch cell below another scratch cell:"),
          h("pre", { class: "wb-diff", "aria-label": "Code of the scratch cell" }, h("ins", {}, scratch.source.split("\n").map((line) => `+ ${line}\n`).join(""))),
        ),
      );
    }
    this.status = h("p", { class: "wb-consent-status", role: "status" });
    this.tools = h("div", { class: "wb-banner-tools" });
    this.element = h(
      "section",
      { class: "wb-consent", role: "region", "aria-label": "Edits from a shared link" },
      h("p", { class: "wb-consent-summary" }, summary),
      leftOut ? h("p", { class: "wb-banner-notice" }, leftOutNote(leftOut)) : null,
      items.length ? h("ul", { class: "wb-consent-list" }, ...items) : null,
      this.status,
      this.tools,
    );
    this.asking();
  }

  /** Before anything ran: Run (when there is something to run) or Discard. */
  asking(): void {
    const run = button("Run these edits", () => this.actions.run(), { class: "wb-consent-run" });
    run.disabled = !Object.keys(this.link.applicable.cells).length && !this.link.applicable.scratch.length;
    this.tools.replaceChildren(run, button("Discard", () => this.actions.discard(), { class: "wb-consent-discard" }));
    this.status.textContent = "";
  }

  /** The edits run (not saved): Keep or Discard. */
  running(): void {
    this.tools.replaceChildren(
      button("Keep these edits", () => this.actions.keep(), { class: "wb-consent-keep" }),
      button("Discard", () => this.actions.discard(), { class: "wb-consent-discard" }),
    );
    this.status.textContent = "The link's edits are running. They are not saved in this browser unless you keep them.";
  }

  remove(): void {
    this.element.remove();
  }
}
