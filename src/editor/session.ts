// An editing session over a live notebook: runs edited code in place of a cell's (the runtime's
// redefine, so dependents follow), keeps what was edited, resets, adds scratch cells. No DOM here but
// what the runtime itself touches; the page's controls are in ui/.
import { checkNotebook, type CheckedCell } from "../notebook/check.ts";
import { missingKernelExport } from "../notebook/kernel-export.ts";
import { diagnostic } from "../notebook/messages.ts";
import type { TypeStripper } from "../notebook/type-stripper.ts";
import type { CompiledCell, CompiledNotebook, SourcePosition } from "../notebook/types.ts";
import { cellName } from "../runtime/failure-place.ts";
import type { CellFailure } from "../runtime/notebook.ts";
import { type CellSource, compileEdit, type EditError, editErrorAt } from "./compile.ts";
import type { Edits, ScratchCell } from "./edits.ts";
import { hasModuleExport, instantiate } from "./instantiate.ts";

/** The part of the runtime's NotebookRun a session needs. */
export interface LiveNotebook {
  readonly notebook: CompiledNotebook;
  redefine(cell: CompiledCell): void;
  delete(cellId: string): void;
  /** Resolves once every cell has a value or an error. */
  settled(): Promise<void>;
  /** Every cell failing now. */
  failures(): readonly CellFailure[];
}

/** How a run went once the page settled (see EditSession.outcome). */
export type RunOutcome =
  | { readonly settled: false }
  | {
      readonly settled: true;
      /** The cell's own error, at the line that threw when known. */
      readonly failure?: CellFailure;
      /** The name of the failed cell this one waits on, when an input of it failed. */
      readonly waitsOn?: string;
      /** The cells that wait on it, each with its name for a reader. */
      readonly waiting: readonly WaitingCell[];
    };

export interface WaitingCell {
  readonly cellId: string;
  /** What it defines ("kwsPower"), else what it is and where ("the inline value at line 119"). */
  readonly name: string;
  readonly inline: boolean;
}

/** How long outcome() waits for the page to settle (a cell may await something slow). */
const SETTLE_MS = 3000;

export interface SessionOptions {
  /** The kernel's exports, loaded when an edit first imports from it. */
  readonly loadKernel: () => Promise<Readonly<Record<string, unknown>>>;
  /** The type stripper, loaded before the first TypeScript cell is compiled. */
  readonly loadTypeScript: () => Promise<TypeStripper>;
  /** How long edited code may run without giving the page a turn (see loop-guard.ts). */
  readonly loopBudgetMs: number;
}

export type RunResult = { readonly ok: true } | { readonly ok: false; readonly errors: readonly EditError[]; readonly stale?: boolean };

export class EditSession {
  private readonly authorSources: ReadonlyMap<string, CellSource>;
  private readonly authorCells: ReadonlyMap<string, CompiledCell>;
  private readonly imported: ReadonlySet<string>;
  private readonly edited = new Map<string, string>();
  private readonly scratch = new Map<string, ScratchCell>();
  private readonly runs = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  /** Edited cells whose code tripped the loop guard since it last ran: not to be saved. */
  private readonly tripped = new Set<string>();
  /** Edited and scratch cells as the notebook-wide checks see them (author cells come from the page). */
  private readonly checked = new Map<string, CheckedCell>();
  private typeStripper: TypeStripper | undefined;
  private lastScratch = 0;

  constructor(
    private readonly live: LiveNotebook,
    sources: readonly CellSource[],
    private readonly options: SessionOptions,
  ) {
    this.authorSources = new Map(sources.map((cell) => [cell.id, cell]));
    this.authorCells = new Map(live.notebook.cells.map((cell) => [cell.id, cell]));
    this.imported = new Set(Object.keys(live.notebook.imports ?? {}));
  }

  /** The author's cell, or a scratch cell's description (js, block, placed like the cell it follows). */
  cell(id: string): CellSource | undefined {
    const author = this.authorSources.get(id);
    if (author) return author;
    const scratch = this.scratch.get(id);
    if (!scratch) return undefined;
    return { id, kind: "block", lang: "js", sourceText: "", position: this.cell(scratch.after)?.position ?? { line: 1, column: 1 } };
  }

  /** What runs now: the edited source, the author's, or a scratch cell's. */
  source(id: string): string {
    return this.edited.get(id) ?? this.scratch.get(id)?.source ?? this.authorSources.get(id)?.sourceText ?? "";
  }

  authorSource(id: string): string | undefined {
    return this.authorSources.get(id)?.sourceText;
  }

  isEdited(id: string): boolean {
    return this.edited.has(id);
  }

  isScratch(id: string): boolean {
    return this.scratch.has(id);
  }

  edits(): Edits {
    return { cells: Object.fromEntries(this.edited), scratch: [...this.scratch.values()] };
  }

  /** Edited and scratch cells whose last run tripped the loop guard: they run, but are not to be saved. */
  unsafe(): string[] {
    return [...this.tripped].filter((id) => this.edited.has(id) || this.scratch.has(id));
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Compiles `code` and runs it in place of the cell; the previous definition keeps running when it
   * does not compile. A newer run of the same cell makes an older, still loading one stale.
   */
  async run(id: string, code: string): Promise<RunResult> {
    const cell = this.cell(id);
    if (!cell) return { ok: false, errors: [editErrorAt(diagnostic("editor-no-such-cell", { id }), { line: 1, column: 1 })] };
    const ticket = (this.runs.get(id) ?? 0) + 1;
    this.runs.set(id, ticket);
    if (cell.sourceText === code && this.authorSources.has(id)) {
      this.reset(id);
      return { ok: true };
    }
    if (cell.lang === "ts") this.typeStripper ??= await this.options.loadTypeScript();
    // Scratch cells have the kernel at hand: its names that no cell defines need no import.
    const kernelNames = this.scratch.has(id) ? await this.scratchKernelNames() : undefined;
    const modules = this.live.notebook.modules ?? {};
    const result = compileEdit(cell, code, {
      imported: this.imported,
      kernelNames,
      modules: new Set(Object.keys(modules)),
      ...(this.typeStripper ? { typeStripper: this.typeStripper } : {}),
      notebook: { path: this.live.notebook.path, cells: this.checkedCells(id) },
    });
    if (!result.ok) return result;
    const { edit } = result;
    let kernel: Readonly<Record<string, unknown>> | undefined;
    if (edit.kernelImports.length) {
      kernel = await this.options.loadKernel();
      const missing = edit.kernelImports.filter((s) => s.imported !== "*" && !(s.imported in kernel!));
      if (missing.length) return { ok: false, errors: missing.map((s) => editErrorAt(missingKernelExport(s.imported, Object.keys(kernel!)), s.position)) };
    }
    const absent = edit.moduleImports.filter((s) => s.imported !== "*" && !hasModuleExport(modules[s.specifier]!, s.imported));
    if (absent.length) return { ok: false, errors: absent.map((s) => editErrorAt(diagnostic("editor-export-missing", { specifier: s.specifier, name: s.imported }), s.position)) };
    if (this.runs.get(id) !== ticket) return { ok: false, errors: [], stale: true };
    this.tripped.delete(id);
    const onTrip = () => {
      if (this.tripped.has(id) || this.runs.get(id) !== ticket) return;
      this.tripped.add(id);
      // Not from inside the code the guard has just stopped.
      setTimeout(() => this.changed(), 0);
    };
    const what = this.scratch.has(id) ? "scratch cell" : "edited cell";
    const compiled = instantiate(edit, { imports: this.live.notebook.imports ?? {}, kernel, modules, position: cell.position, loopBudgetMs: this.options.loopBudgetMs, onTrip, code: what });
    this.checked.set(id, edit.checked);
    this.live.redefine(compiled);
    const scratch = this.scratch.get(id);
    if (scratch) this.scratch.set(id, { ...scratch, source: code });
    else this.edited.set(id, code);
    this.changed();
    return { ok: true };
  }

  /**
   * Once the page has settled after a run of `id`: whether the cell failed (its own error) and which
   * cells could not follow because they wait on it.
   */
  async outcome(id: string): Promise<RunOutcome> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), SETTLE_MS)));
    const settled = await Promise.race([this.live.settled().then(() => true as const), timeout]);
    clearTimeout(timer);
    if (!settled) return { settled: false };
    const failures = this.live.failures();
    const failure = failures.find((f) => f.cellId === id && f.own);
    const waiting = failures.filter((f) => !f.own && f.waitingOn?.cellId === id).map((f) => ({ cellId: f.cellId, name: this.nameOf(f.cellId), inline: this.cell(f.cellId)?.kind === "inline" }));
    const waitsOn = failures.find((f) => f.cellId === id && !f.own)?.waitingOn?.name;
    return { settled: true, ...(failure ? { failure } : {}), ...(waitsOn ? { waitsOn } : {}), waiting };
  }

  /** A cell by what it defines now, as a reader finds it on the page. */
  nameOf(id: string): string {
    const cell = this.cell(id);
    const author = this.authorCells.get(id);
    const outputs = this.checked.get(id)?.declarations ?? author?.outputs ?? [];
    if (this.scratch.has(id) && !outputs.length) return "a scratch cell";
    return cellName({ outputs, inline: cell?.kind === "inline", position: cell?.position ?? { line: 1, column: 1 } });
  }

  /** The author's version again (a scratch cell is removed). */
  reset(id: string): void {
    if (this.scratch.has(id)) return this.removeScratch(id);
    const author = this.authorCells.get(id);
    if (!author || !this.edited.has(id)) return;
    this.runs.set(id, (this.runs.get(id) ?? 0) + 1);
    this.edited.delete(id);
    this.tripped.delete(id);
    this.checked.delete(id);
    this.live.redefine(author);
    this.changed();
  }

  resetAll(): void {
    for (const id of [...this.scratch.keys()].reverse()) this.removeScratch(id);
    for (const id of [...this.edited.keys()]) this.reset(id);
  }

  /** A new, empty scratch cell below `after`; it runs once given code. `id` restores a saved one. */
  addScratch(after: string, id?: string): ScratchCell {
    const number = id ? Number(id.slice("scratch-".length)) : ++this.lastScratch;
    this.lastScratch = Math.max(this.lastScratch, number);
    const scratch: ScratchCell = { id: `scratch-${number}`, after, source: "" };
    this.scratch.set(scratch.id, scratch);
    return scratch;
  }

  removeScratch(id: string): void {
    if (!this.scratch.delete(id)) return;
    this.tripped.delete(id);
    this.checked.delete(id);
    this.runs.set(id, (this.runs.get(id) ?? 0) + 1);
    this.live.delete(id);
    this.changed();
  }

  /**
   * The notebook's cells as they run now, in page order (each scratch cell after the cell it follows),
   * with `including` in its place even before its first run: what an edit is checked against.
   */
  private checkedCells(including: string): CheckedCell[] {
    const authorCell = (cell: CompiledCell) => this.authorChecked(cell);
    const placeholder = (id: string): CheckedCell => ({ id, position: this.cell(id)?.position ?? { line: 1, column: 1 }, declarations: [], references: [] });
    const scratchAfter = new Map<string, string[]>();
    for (const scratch of this.scratch.values()) scratchAfter.set(scratch.after, [...(scratchAfter.get(scratch.after) ?? []), scratch.id]);
    const cells: CheckedCell[] = [];
    for (const cell of this.live.notebook.cells) {
      cells.push(this.checked.get(cell.id) ?? authorCell(cell));
      for (const id of scratchAfter.get(cell.id) ?? []) cells.push(this.checked.get(id) ?? placeholder(id));
    }
    if (!cells.some((cell) => cell.id === including)) cells.push(placeholder(including));
    return cells;
  }

  /** An author's cell as the checks see it: what it defines and reads, and where. */
  private authorChecked(cell: CompiledCell): CheckedCell {
    const source = this.authorSources.get(cell.id);
    return {
      id: cell.id,
      position: source?.position ?? cell.position,
      declarations: cell.outputs,
      references: cell.inputs,
      ...(source?.declarationPositions ? { declarationPositions: source.declarationPositions } : {}),
      ...(source?.imports ? { imports: source.imports } : {}),
    };
  }

  /**
   * The compiler's notebook-wide checks over the cells as the runtime now runs them, by cell: what the
   * live page shows for a cell the checks object to (NotebookRun.useConflictCheck). An edit that would
   * make a conflict is refused before it runs; this catches what a reset or a removal brings back.
   */
  readonly conflicts = (cells: readonly CompiledCell[]): ReadonlyMap<string, string> => {
    const where = (position: SourcePosition) => `${this.live.notebook.path}:${position.line}:${position.column}`;
    const found = new Map<string, string>();
    for (const problem of checkNotebook(cells.map((cell) => this.checked.get(cell.id) ?? this.authorChecked(cell)), where)) {
      if (!found.has(problem.cellId)) found.set(problem.cellId, problem.reason);
    }
    return found;
  };

  private async scratchKernelNames(): Promise<ReadonlySet<string>> {
    const defined = new Set(this.live.notebook.cells.flatMap((cell) => cell.outputs));
    return new Set(Object.keys(await this.options.loadKernel()).filter((name) => !defined.has(name)));
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
