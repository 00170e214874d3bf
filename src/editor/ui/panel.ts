// One cell's editor: the code, Run (Ctrl/Cmd-Enter), Reset, Close, and a status line that says what
// happened — errors with their line and column, each a button that puts the cursor there.
import type { CodeEditor } from "../codemirror.ts";
import type { EditError } from "../compile.ts";
import type { EditSession, RunOutcome, WaitingCell } from "../session.ts";
import { button, h } from "./dom.ts";

const loadCodeMirror = () => import("../codemirror.ts");

const MOD = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘" : "Ctrl";

export interface PanelHooks {
  /** The panel closed (focus goes back to where editing started). */
  readonly onClose: (panel: EditorPanel) => void;
  readonly placeholder?: string;
}

export class EditorPanel {
  readonly element: HTMLElement;
  private readonly host: HTMLElement;
  private readonly status: HTMLElement;
  private editor: CodeEditor | undefined;
  private opening: Promise<void> | undefined;
  /** Counts runs, so that only the latest run's outcome is shown. */
  private runs = 0;

  constructor(
    private readonly session: EditSession,
    readonly cellId: string,
    private readonly hooks: PanelHooks,
  ) {
    const cell = session.cell(cellId);
    const what = session.isScratch(cellId) ? "scratch cell" : cell?.kind === "inline" ? "inline value" : "cell";
    this.host = h("div", { class: "wb-editor-code" });
    this.status = h("div", { class: "wb-editor-status", role: "status", "aria-live": "polite" }, `${MOD}-Enter runs the code; Escape closes the editor.`);
    const tools = h(
      "div",
      { class: "wb-editor-tools" },
      button("Run", () => void this.run(), { class: "wb-run", title: `${MOD}-Enter` }),
      session.isScratch(cellId) ? null : button("Reset", () => this.reset(), { class: "wb-reset-cell", title: "Put the author's code back" }),
      button("Close", () => this.close(), { class: "wb-close", title: "Escape" }),
    );
    this.element = h("div", { class: "wb-editor", role: "group", "aria-label": `Edit the code of this ${what}`, "data-editor": cellId }, this.host, tools, this.status);
  }

  /** Loads CodeMirror (the first time), shows the cell's current code and focuses it. */
  open(): Promise<void> {
    this.opening ??= (async () => {
      this.host.setAttribute("aria-busy", "true");
      const { createCodeEditor } = await loadCodeMirror();
      this.host.removeAttribute("aria-busy");
      const cell = this.session.cell(this.cellId);
      this.editor = createCodeEditor(this.host, {
        doc: this.session.source(this.cellId),
        typescript: cell?.lang === "ts",
        label: `Code of the ${cell?.lang === "ts" ? "TypeScript" : "JavaScript"} cell`,
        placeholder: this.hooks.placeholder,
        onRun: () => void this.run(),
        onEscape: () => this.close(),
      });
    })();
    return this.opening.then(() => this.editor?.focus());
  }

  /** The code in the editor (the current source until the editor has loaded). */
  value(): string {
    return this.editor?.value() ?? this.session.source(this.cellId);
  }

  async run(): Promise<void> {
    await this.opening;
    if (!this.editor) return;
    this.say("Running…");
    const run = ++this.runs;
    let result;
    try {
      result = await this.session.run(this.cellId, this.editor.value());
    } catch (error) {
      // A bug of the editor's, or a chunk that failed to load: say so rather than hang on "Running…".
      this.element.classList.add("wb-editor-failed");
      return this.say(`Not run: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (result.ok) {
      this.editor.markError(null);
      this.element.classList.remove("wb-editor-failed");
      if (!this.session.isEdited(this.cellId) && !this.session.isScratch(this.cellId)) return this.say("This is the author's version again.");
      const outcome = await this.session.outcome(this.cellId);
      if (run === this.runs) this.showOutcome(outcome);
    } else if (!result.stale) this.showErrors(result.errors);
  }

  /** What came of a run that compiled: it ran and every dependent followed, or it threw and they wait. */
  private showOutcome(outcome: RunOutcome): void {
    if (!outcome.settled) return this.say("Ran. Some cells are still computing.");
    const { failure, waiting } = outcome;
    if (outcome.waitsOn) return this.say(`Ran, but this cell waits on ${outcome.waitsOn}, which failed.`);
    if (!failure) return this.say("Ran. Every cell that depends on this one has followed.");
    this.element.classList.add("wb-editor-failed");
    const at = failure.at;
    this.editor?.markError(at ?? null);
    const where = at
      ? button(`line ${at.line}, column ${at.column}`, () => {
          this.editor?.markError(at, true);
          this.editor?.focus();
        }, { class: "wb-error-at" })
      : null;
    const followers = waiting.length ? `${capitalize(couldNotFollow(waiting))} could not follow: ${waiting.length === 1 ? "it waits" : "they wait"} on this cell.` : "No other cell depends on this one.";
    this.status.replaceChildren(
      h("span", { class: "wb-error-summary" }, "The edit failed", where ? " at " : "", where, `: ${failure.message}`),
      h("span", { class: "wb-edit-followers" }, ` ${followers}`),
    );
  }

  /** The session changed this cell from elsewhere (reset): show what runs now. */
  sync(): void {
    if (!this.editor || this.editor.value() === this.session.source(this.cellId)) return;
    this.editor.setValue(this.session.source(this.cellId));
    this.say("Showing the author's version.");
  }

  reset(): void {
    this.session.reset(this.cellId);
    this.editor?.setValue(this.session.source(this.cellId));
    this.element.classList.remove("wb-editor-failed");
    this.say("Showing the author's version.");
  }

  close(): void {
    this.editor?.destroy();
    this.element.remove();
    this.hooks.onClose(this);
  }

  focus(): void {
    this.editor?.focus();
  }

  private showErrors(errors: readonly EditError[]): void {
    this.element.classList.add("wb-editor-failed");
    const [first] = errors;
    this.editor?.markError(first ? { line: first.line, column: first.column } : null);
    const items = errors.map((error) => {
      const where = button(`Line ${error.line}, column ${error.column}`, () => {
        this.editor?.markError(error, true);
        this.editor?.focus();
      }, { class: "wb-error-at" });
      return h("li", {}, where, `: ${error.message}`, error.hint ? h("span", { class: "wb-error-hint" }, ` (${error.hint})`) : null);
    });
    this.status.replaceChildren(h("span", { class: "wb-error-summary" }, "Not run: the previous version keeps running."), h("ul", { class: "wb-edit-errors" }, ...items));
  }

  private say(text: string): void {
    this.status.replaceChildren(text);
  }
}

/** The cells that wait, for a sentence: the names of those that define something, then inline values counted. */
export function couldNotFollow(waiting: readonly WaitingCell[]): string {
  const named = waiting.filter((cell) => !cell.inline).map((cell) => cell.name);
  const inline = waiting.length - named.length;
  const parts = [...named, ...(inline ? [`${inline} inline value${inline === 1 ? "" : "s"}`] : [])];
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? "no cell");
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
