// The editor inside the sandbox (see main.ts for the design): the page is live here, and the cell
// controls, CodeMirror panels, Diff and scratch cells work on it as they did on the edit page itself.
// What this side cannot do is keep anything: it tells the parent what runs (after each change has
// settled, with the cells whose last run tripped the loop guard marked unsafe) and the parent decides
// what to save. It takes edits, "open this cell" and input values from the parent, and tells it where
// the reader has moved the inputs (for the share link).

import type { NotebookRun } from "../runtime/notebook.ts";
import type { Edits } from "./edits.ts";
import type { SandboxApi } from "./sandbox/loader.ts";
import { EditSession } from "./session.ts";
import { CellControls, containerOf } from "./ui/cells.ts";
import { outputOf } from "./ui/dom.ts";
import { readInputValues } from "../runtime/edit-links.ts";
import { applyInputValues, movedInputValues, type InputValues } from "./ui/inputs.ts";
import { EditorPanel } from "./ui/panel.ts";
import { installStyles } from "./ui/styles.ts";

/** Edited code may run this long without giving the page a turn (see loop-guard.ts). */
export const LOOP_BUDGET_MS = 1000;

const SCRATCH_PLACEHOLDER = "A scratch cell: an expression shows its value. The notebook's values and the kernel's functions are at hand.";

function whenLive(): Promise<NotebookRun> {
  return new Promise((resolve) => {
    const check = () => window.wattbook && (resolve(window.wattbook), true);
    if (check()) return;
    const observer = new MutationObserver(() => check() && observer.disconnect());
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  });
}

class FrameEditor {
  private readonly panels = new Map<string, EditorPanel>();
  private readonly controls: CellControls;
  private reportTicket = 0;

  constructor(
    private readonly run: NotebookRun,
    private readonly session: EditSession,
    private readonly sandbox: SandboxApi,
  ) {
    this.controls = new CellControls(session, { open: (id) => void this.open(id), addScratch: (after) => void this.addScratch(after) });
    session.onChange(() => this.changed());
  }

  install(cellIds: readonly string[]): void {
    installStyles();
    document.documentElement.classList.add("wb-editing");
    this.controls.install(cellIds);
  }

  /** Opens (or focuses) the editor of a cell, below its output. */
  async open(id: string): Promise<void> {
    const existing = this.panels.get(id);
    if (existing) return existing.focus();
    const output = outputOf(id);
    const container = containerOf(id);
    if (!output || !container || !this.session.cell(id)) return;
    const panel = new EditorPanel(this.session, id, {
      onClose: (closed) => {
        this.panels.delete(id);
        const back = closed.cellId.startsWith("scratch-") ? outputOf(id) : (container.querySelector<HTMLElement>(`[data-for="${CSS.escape(id)}"] .wb-edit`) ?? output);
        back?.focus();
      },
      placeholder: this.session.isScratch(id) ? SCRATCH_PLACEHOLDER : undefined,
    });
    this.panels.set(id, panel);
    if (output.classList.contains("wb-inline")) container.after(panel.element);
    else output.after(panel.element);
    await panel.open();
    panel.element.scrollIntoView({ block: "nearest" });
  }

  async addScratch(after: string, saved?: { id: string; source: string }): Promise<void> {
    const scratch = this.session.addScratch(after, saved?.id);
    const element = this.controls.createScratch(scratch.id, after, () => {
      this.panels.get(scratch.id)?.close();
      this.session.removeScratch(scratch.id);
      element?.remove();
    });
    if (!element) return this.session.removeScratch(scratch.id);
    if (saved?.source) await this.session.run(scratch.id, saved.source);
    else await this.open(scratch.id);
  }

  /** Replaces what runs with `edits`: cells this page no longer has are skipped (and counted). */
  async apply(edits: Edits): Promise<number> {
    this.session.resetAll();
    let skipped = 0;
    for (const [id, source] of Object.entries(edits.cells)) {
      if (!this.session.cell(id)) skipped++;
      else await this.session.run(id, source);
    }
    for (const scratch of edits.scratch) {
      if (!this.session.cell(scratch.after)) skipped++;
      else await this.addScratch(scratch.after, scratch);
    }
    return skipped;
  }

  private changed(): void {
    for (const element of document.querySelectorAll(".wb-scratch")) {
      const id = element.id.replace(/^cell-/, "");
      if (!this.session.isScratch(id)) (this.panels.get(id)?.close(), element.remove());
    }
    for (const panel of this.panels.values()) panel.sync();
    this.controls.refresh();
    void this.report();
  }

  /** Tells the parent what runs once it has settled: only then is an edit known to have run once. */
  private async report(): Promise<void> {
    const ticket = ++this.reportTicket;
    await this.run.settled();
    if (ticket !== this.reportTicket) return;
    this.sandbox.post({ type: "edits", edits: this.session.edits(), unsafe: this.session.unsafe() });
  }
}

async function start(): Promise<void> {
  const sandbox = globalThis.__wattbookSandbox;
  if (!sandbox) throw new Error("the sandbox's loader did not start");
  const { init } = sandbox;
  const run = await whenLive();
  const session = new EditSession(run, init.cells, {
    loadKernel: () => sandbox.import(init.kernel),
    loadTypeScript: async () => (await import("./strip-types.ts")).sucraseStripper,
    loopBudgetMs: LOOP_BUDGET_MS,
  });
  // What a reset or a removal could bring back (a name defined twice, a cycle) shows in the build's words.
  run.useConflictCheck(session.conflicts);
  const editor = new FrameEditor(run, session, sandbox);
  editor.install(init.cells.map((cell) => cell.id));
  // One message at a time, in order: an apply that arrives while another runs waits for it.
  let queue = Promise.resolve();
  const enqueue = (task: () => Promise<void>) => (queue = queue.then(task, task));
  sandbox.onMessage((message) => {
    if (message.type === "apply") enqueue(async () => sandbox.post({ type: "applied", skipped: await editor.apply(message.edits) }));
    else if (message.type === "open") enqueue(() => editor.open(message.cell));
  });
  enqueue(async () => {
    await run.settled();
    // Where the author put the inputs: a share link carries only those the reader has moved.
    const published = readInputValues() ?? {};
    if (init.inputs) applyInputValues(init.inputs);
    const skipped = init.edits ? await editor.apply(init.edits) : 0;
    reportInputs(sandbox, published);
    sandbox.post({ type: "live" });
    sandbox.post({ type: "applied", skipped });
    if (init.open) await editor.open(init.open);
  });
}

/** Tells the parent which inputs stand elsewhere than the author put them: now, and after each move. */
function reportInputs(sandbox: SandboxApi, published: InputValues): void {
  let last = "";
  const report = () => {
    const moved = movedInputValues(published, readInputValues() ?? {});
    const text = JSON.stringify(moved);
    if (text !== last) sandbox.post({ type: "inputs", values: moved }), (last = text);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => (clearTimeout(timer), (timer = setTimeout(report, 100)));
  document.addEventListener("input", later, true);
  document.addEventListener("change", later, true);
  report();
}

start().catch((error) => {
  console.error("wattbook editor:", error);
  globalThis.__wattbookSandbox?.post({ type: "failed", message: error instanceof Error ? error.message : String(error) });
});
