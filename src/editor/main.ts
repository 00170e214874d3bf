// The editor's entry, loaded only by edit pages (`_edit/<page>.html`, whose CSP allows eval). It waits
// for the page to go live, restores the reader's edits (a shared link's first, else this browser's),
// applies input values carried from the read page, and opens the editor the reader asked for.
import type { NotebookRun } from "../runtime/notebook.ts";
import { useTypeStripper } from "../notebook/typescript.ts";
import { type Edits, editCount } from "./edits.ts";
import { fragmentParameters, readPageData } from "./page-data.ts";
import { EditSession } from "./session.ts";
import { decodeEdits, encodeEdits, SHARE_PARAMETER, shareUrl } from "./share.ts";
import { localEditStore, setAsideKey, storageKey } from "./store.ts";
import { Banner } from "./ui/banner.ts";
import { CellControls, containerOf } from "./ui/cells.ts";
import { outputOf } from "./ui/dom.ts";
import { applyInputValues, parseInputValues } from "./ui/inputs.ts";
import { EditorPanel } from "./ui/panel.ts";
import { installStyles } from "./ui/styles.ts";
import { ConsentPanel, fitEdits, leftOutNote } from "./ui/consent.ts";
import type { CellSource } from "./compile.ts";

/** Edited code may run this long without giving the page a turn (see loop-guard.ts). */
const LOOP_BUDGET_MS = 1000;

const SCRATCH_PLACEHOLDER = "A scratch cell: an expression shows its value. The notebook's values and the kernel's functions are at hand.";

function whenLive(): Promise<NotebookRun> {
  return new Promise((resolve) => {
    const check = () => window.wattbook && (resolve(window.wattbook), true);
    if (check()) return;
    const observer = new MutationObserver(() => check() && observer.disconnect());
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  });
}

class Editor {
  private readonly panels = new Map<string, EditorPanel>();
  private readonly store = localEditStore();
  private readonly controls: CellControls;
  private readonly banner: Banner;
  private readonly key: string;
  private readonly setAside: string;
  /** A shared link's edits run but are not kept: nothing is saved until the reader keeps or discards them. */
  private preview = false;

  constructor(
    private readonly run: NotebookRun,
    private readonly session: EditSession,
    readPage: string,
  ) {
    this.key = storageKey(run.notebook.path);
    this.setAside = setAsideKey(run.notebook.path);
    this.controls = new CellControls(session, { open: (id) => void this.open(id), addScratch: (after) => void this.addScratch(after) });
    this.banner = new Banner(readPage, {
      share: async () => shareUrl(location.href, await encodeEdits(session.edits())),
      resetAll: () => session.resetAll(),
      restoreSetAside: () => void this.restoreSetAside(),
    });
    session.onChange(() => this.changed());
  }

  install(cellIds: readonly string[]): void {
    installStyles();
    document.documentElement.classList.add("wb-editing");
    const main = document.querySelector(".wb-main") ?? document.body;
    main.prepend(this.banner.element);
    this.controls.install(cellIds);
    this.updateBanner();
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

  /** Applies saved or shared edits: cells this page no longer has are skipped. */
  async apply(edits: Edits): Promise<number> {
    let skipped = 0;
    for (const [id, source] of Object.entries(edits.cells)) {
      if (!this.session.cell(id)) skipped++;
      else await this.session.run(id, source);
    }
    for (const scratch of edits.scratch) {
      if (!this.session.cell(scratch.after)) skipped++;
      else await this.addScratch(scratch.after, scratch);
    }
    if (skipped) this.banner.note(leftOutNote(skipped));
    return skipped;
  }

  /**
   * A shared link: nothing from it runs until the reader says so. The panel shows what it changes;
   * Run applies it without saving, Keep makes it the reader's saved edits (theirs are set aside, to be
   * restored on request), Discard drops it and the page is what it was without the link.
   */
  async offerShared(encoded: string, cells: readonly CellSource[]): Promise<boolean> {
    const shared = await decodeEdits(encoded);
    if (!shared) return false;
    const link = fitEdits(shared, cells);
    let ran = false;
    const panel: ConsentPanel = new ConsentPanel(link, cells, {
      run: () => {
        if (ran) return;
        ran = true;
        this.preview = true;
        this.banner.fromLink = editCount(link.applicable) > 0;
        void this.apply(link.applicable).then(() => {
          panel.running();
          this.updateBanner();
        });
      },
      keep: () => {
        const own = this.store.load(this.key);
        if (own && editCount(own)) this.store.save(this.setAside, own);
        this.preview = false;
        this.store.save(this.key, this.session.edits());
        if (link.leftOut) this.banner.note(leftOutNote(link.leftOut));
        panel.remove();
        clearFragment();
        this.updateBanner();
      },
      discard: () => {
        panel.remove();
        clearFragment();
        void (async () => {
          this.session.resetAll();
          this.preview = false;
          this.banner.fromLink = false;
          const saved = this.store.load(this.key);
          if (saved) await this.apply(saved);
          this.updateBanner();
        })();
      },
    });
    this.banner.element.after(panel.element);
    return true;
  }

  private async restoreSetAside(): Promise<void> {
    const own = this.store.load(this.setAside);
    this.session.resetAll();
    this.store.save(this.setAside, { cells: {}, scratch: [] });
    if (own) await this.apply(own);
    this.updateBanner();
  }

  private changed(): void {
    if (!this.preview) this.store.save(this.key, this.session.edits());
    for (const element of document.querySelectorAll(".wb-scratch")) {
      const id = element.id.replace(/^cell-/, "");
      if (!this.session.isScratch(id)) (this.panels.get(id)?.close(), element.remove());
    }
    for (const panel of this.panels.values()) panel.sync();
    this.controls.refresh();
    this.updateBanner();
  }

  private updateBanner(): void {
    this.banner.update(this.session.edits(), Boolean(this.store.load(this.setAside)));
  }
}

async function start(): Promise<void> {
  const data = readPageData();
  const run = await whenLive();
  const session = new EditSession(run, data.cells, {
    // The page's own kernel module (a URL, so the editor's bundle does not carry a second kernel).
    loadKernel: () => import(/* @vite-ignore */ new URL(data.kernel, location.href).href),
    loadTypeScript: async () => void useTypeStripper((await import("./strip-types.ts")).sucraseStripper),
    loopBudgetMs: LOOP_BUDGET_MS,
  });
  const editor = new Editor(run, session, data.readPage);
  editor.install(data.cells.map((cell) => cell.id));

  const parameters = fragmentParameters(location.hash);
  const shared = parameters.get(SHARE_PARAMETER);
  const inputs = parseInputValues(parameters.get("inputs"));
  if (inputs) {
    await run.settled();
    applyInputValues(inputs);
  }
  const offered = shared ? await editor.offerShared(shared, data.cells) : false;
  if (!offered) {
    const saved = localEditStore().load(storageKey(run.notebook.path));
    if (saved) await editor.apply(saved);
  }
  const target = parameters.get("edit");
  // The fragment has done its work (a shared link's, once the reader has decided); a reload starts from what is stored.
  if ((shared && !offered) || inputs) history.replaceState(null, "", `${location.pathname}${location.search}${offered ? `#${SHARE_PARAMETER}=${shared}` : target ? `#edit=${encodeURIComponent(target)}` : ""}`);
  if (target) await editor.open(target);
  window.addEventListener("hashchange", () => {
    const id = fragmentParameters(location.hash).get("edit");
    if (id) void editor.open(id);
  });
}

function clearFragment(): void {
  history.replaceState(null, "", `${location.pathname}${location.search}`);
}

start().catch((error) => console.error("wattbook editor:", error));
