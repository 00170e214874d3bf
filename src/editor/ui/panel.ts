// One cell's editor: the code, Run (Ctrl/Cmd-Enter), Reset, Close, and a status line that says what
// happened — errors with their line and column, each a button that puts the cursor there.
import type { CodeEditor } from "../codemirror.ts";
import type { EditError } from "../compile.ts";
import type { EditSession } from "../session.ts";
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
      this.say(this.session.isEdited(this.cellId) || this.session.isScratch(this.cellId) ? "Ran. Every cell that depends on this one has followed." : "This is the author's version again.");
      this.element.classList.remove("wb-editor-failed");
    } else if (!result.stale) this.showErrors(result.errors);
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
