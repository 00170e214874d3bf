// Runs a compiled notebook on @observablehq/runtime: one variable per cell (observed, so it always
// runs) plus one per declared name. The same code runs at build time in Node and in the browser; only
// the builtins and the output roots differ.
import { Runtime, type Module, type Variable } from "@observablehq/runtime";
import type { CellResult, CompiledCell, CompiledNotebook } from "../notebook/types.ts";
import { CellOutput } from "./output.ts";
import { cellLocation, cellName, failurePlace } from "./failure-place.ts";
import { input } from "./generators.ts";
import { ProvenanceLog } from "./provenance-log.ts";

export type CellStatus = "pending" | "fulfilled" | "rejected";

/** Why a cell shows an error. `own` is false when the cell only inherits a failure from an input. */
export interface CellFailure {
  readonly cellId: string;
  readonly own: boolean;
  readonly message: string;
  /** `file:line:col` of the cell, or the line that threw in an edited cell's code (see failure-place.ts). */
  readonly location: string;
  /** The line and column that threw in the code the reader typed (edited cells only). */
  readonly at?: { readonly line: number; readonly column: number };
  /** Not its own: the cell whose failure it waits on (its id, and its name for a reader). */
  readonly waitingOn?: { readonly cellId: string; readonly name: string };
}

/** What a failure says beyond its message and whether it is the cell's own. */
type FailureDetail = Pick<CellFailure, "at" | "waitingOn"> & { readonly location?: string };

export interface RunNotebookOptions {
  /** Runtime builtins: Plot, Inputs, html, width, … (display and view are per cell and added here). */
  readonly builtins: Record<string, unknown>;
  /** The element a cell's output goes into; prerendered content in it stays until the cell displays. */
  readonly root: (cell: CompiledCell) => Element | null;
  /** Called after each change of a cell's status. */
  readonly onStatus?: (cellId: string, status: CellStatus) => void;
  /** Called as a cell's body starts running; a build uses it to name the cell stuck in an endless loop. */
  readonly onRun?: (cellId: string) => void;
  /**
   * Called with each new value of a cell (an expression cell's value; a declaring cell's names as an
   * object), or when it fails: what exercises check answers against.
   */
  readonly onResult?: (cellId: string, result: CellResult) => void;
  /**
   * Called when a name the cell declares holds a promise that rejects (`const r = fetch(…)`): the cell
   * ran, but its value failed. The cell shows the error as its own.
   */
  readonly onValueRejected?: (cellId: string, error: unknown) => void;
  /**
   * Called with each new value of a name a cell declares, as other cells see it (an input's current
   * value, a promise's result): what value snapshots record.
   */
  readonly onValue?: (cellId: string, name: string, value: unknown) => void;
}

/** Thrown by a cell's own body; wraps whatever was thrown so ownership survives the runtime. */
export class CellError extends Error {
  override name = "CellError";
  constructor(
    readonly cellId: string,
    readonly thrown: unknown,
  ) {
    super(thrown instanceof Error ? thrown.message : `threw ${String(thrown)}`);
    if (thrown instanceof Error && thrown.stack) this.stack = thrown.stack;
  }
}

interface CellState {
  cell: CompiledCell;
  variable: Variable;
  outputs: Map<string, Variable>;
  output: CellOutput;
  status: CellStatus;
  failure: CellFailure | undefined;
  /** What the notebook-wide checks say of the cell (see useConflictCheck), when they object. */
  conflict: string | undefined;
  /** The input the cell last showed with view(). */
  view?: EventTarget;
}

const cellVariableName = (id: string) => `cell ${id}`;

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return value !== null && (typeof value === "object" || typeof value === "function") && typeof (value as { then?: unknown }).then === "function";
}

export class NotebookRun {
  readonly runtime: Runtime;
  readonly module: Module;
  /** What each cell's latest run used and produced: what an Explain panel shows (provenance-log.ts). */
  readonly provenance = new ProvenanceLog();
  private readonly states = new Map<string, CellState>();
  private waiters: (() => void)[] = [];

  constructor(
    readonly notebook: CompiledNotebook,
    private readonly options: RunNotebookOptions,
  ) {
    this.runtime = new Runtime(options.builtins);
    this.module = this.runtime.module();
    for (const cell of notebook.cells) this.define(cell);
  }

  /** The notebook-wide checks over the cells as they are now defined (see useConflictCheck). */
  private findConflicts: ((cells: readonly CompiledCell[]) => ReadonlyMap<string, string>) | undefined;

  /**
   * Checks the cells against each other from now on, on every redefinition: a cell the check objects to
   * shows its message instead of running. The editor plugs in the compiler's own checks (a built page's
   * cells passed them already, so read pages need none): the runtime keeps no second copy of them.
   */
  useConflictCheck(findConflicts: (cells: readonly CompiledCell[]) => ReadonlyMap<string, string>): void {
    this.findConflicts = findConflicts;
    this.checkConflicts();
  }

  /** Where a cell is, as `file:line:col`. */
  location(cell: CompiledCell): string {
    return cellLocation(this.notebook.path, cell);
  }

  private define(cell: CompiledCell): void {
    const root = this.options.root(cell);
    const output = new CellOutput(root, cell.inline);
    const display = (value: unknown) => (output.display(value), value);
    const view = (element: EventTarget) => (output.display(element), (state.view = element), input(element));
    const state: CellState = { cell, output, status: "pending", failure: undefined, conflict: undefined, outputs: new Map(), variable: undefined! };
    state.variable = this.module.variable(this.observer(state), { shadow: { display: () => display, view: () => view } });
    this.states.set(cell.id, state);
    this.defineBody(state);
  }

  private defineBody(state: CellState): void {
    const { cell } = state;
    const body = (...args: unknown[]) => {
      this.options.onRun?.(cell.id);
      state.output.begin();
      try {
        const result = this.provenance.run(cell.id, () => cell.body(...args));
        return isPromiseLike(result)
          ? Promise.resolve(result).catch((thrown) => {
              throw new CellError(cell.id, thrown);
            })
          : result;
      } catch (thrown) {
        throw new CellError(cell.id, thrown);
      }
    };
    state.variable.define(cell.outputs.length ? cellVariableName(cell.id) : null, cell.inputs, body);
    const wanted = new Set(cell.outputs);
    for (const [name, variable] of state.outputs) {
      if (!wanted.has(name)) variable.delete(), state.outputs.delete(name);
    }
    for (const name of cell.outputs) {
      // Observed, as Observable Framework does: a variable nothing reads would be disposed, and a
      // generator it holds (a view's input) ended, so a cell that reads it again would wait forever.
      const variable = state.outputs.get(name) ?? this.module.variable(this.valueObserver(state, name));
      variable.define(name, [cellVariableName(cell.id)], (exports: Record<string, unknown>) => exports[name]);
      state.outputs.set(name, variable);
    }
  }

  private observer(state: CellState) {
    return {
      // The runtime's visibility() waits for this element to scroll into view: the cell, not its output
      // element, which takes no room (display: none) while it is empty.
      _node: state.output.root?.parentElement ?? state.output.root,
      pending: () => {
        this.setStatus(state, "pending");
        state.output.pending();
      },
      fulfilled: (value: unknown) => {
        if (state.conflict) return this.fail(state, state.conflict, true);
        state.failure = undefined;
        state.output.fulfilled(state.cell.expression ? value : undefined, state.cell.expression);
        if (state.cell.expression) this.provenance.result(state.cell.id, value);
        this.setStatus(state, "fulfilled");
        this.options.onResult?.(state.cell.id, { value });
      },
      rejected: (error: unknown) => {
        const { message, own, detail } = state.conflict ? { message: state.conflict, own: true, detail: {} } : this.explain(state, error);
        this.fail(state, message, own, detail);
      },
    };
  }

  /** A declared name's own observer: a promise value that rejects fails its cell (inputs' failures do not). */
  private valueObserver(state: CellState, name: string) {
    return {
      fulfilled: (value: unknown) => {
        this.provenance.value(state.cell.id, name, value);
        this.options.onValue?.(state.cell.id, name, value);
      },
      rejected: (error: unknown) => {
        // The runtime's own errors (a name defined twice) concern the definition, not a promise the
        // cell holds: the notebook-wide checks name those (see useConflictCheck).
        if (state.status !== "fulfilled" || error instanceof CellError || (error as Error | null)?.name === "RuntimeError") return;
        const message = error instanceof Error ? error.message : `threw ${String(error)}`;
        this.options.onValueRejected?.(state.cell.id, error);
        this.fail(state, `${name} is a promise that rejected: ${message}`, true);
      },
    };
  }

  private fail(state: CellState, message: string, own: boolean, detail: FailureDetail = {}): void {
    const failure: CellFailure = { cellId: state.cell.id, own, message, ...detail, location: detail.location ?? this.location(state.cell) };
    state.failure = failure;
    state.output.failed(failure);
    this.provenance.failed(state.cell.id, message);
    this.setStatus(state, "rejected");
    this.options.onResult?.(state.cell.id, { failed: true });
  }

  /** Says whether a rejection is the cell's own fault, and in words an author can act on. */
  private explain(state: CellState, error: unknown): { message: string; own: boolean; detail?: FailureDetail } {
    if (error instanceof CellError) {
      if (error.cellId === state.cell.id) return { message: error.message, own: true, detail: failurePlace(this.notebook.path, state.cell, error.thrown) };
      const failed = this.states.get(error.cellId);
      return { message: error.message, own: false, ...(failed ? { detail: { waitingOn: this.waitingOn(failed) } } : {}) };
    }
    const message = error instanceof Error ? error.message : String(error);
    const input = (error as { input?: string } | null)?.input;
    if (input && message === `${input} is not defined` && !this.definer(input)) return { message, own: true };
    if (message === "circular definition") return { message, own: true };
    if (input) {
      const upstream = this.definer(input);
      const where = upstream ? ` (${this.location(upstream.cell)})` : "";
      const waiting = upstream?.status === "rejected" ? { detail: { waitingOn: this.waitingOn(upstream) } } : {};
      return { message: `${input}${where} failed: ${message}`, own: false, ...waiting };
    }
    return { message, own: true };
  }

  /** The cell a dependent of `failed` waits on: the one that failed of its own, up the chain. */
  private waitingOn(failed: CellState): NonNullable<CellFailure["waitingOn"]> {
    return failed.failure?.waitingOn ?? { cellId: failed.cell.id, name: cellName(failed.cell) };
  }

  private definer(name: string): CellState | undefined {
    for (const state of this.states.values()) if (state.cell.outputs.includes(name)) return state;
    return undefined;
  }

  private setStatus(state: CellState, status: CellStatus): void {
    state.status = status;
    this.options.onStatus?.(state.cell.id, status);
    if (status !== "pending" && this.waiters.length && this.isSettled()) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  /** Duplicate names and cycles, named by cell; the runtime alone would not say which cells clash. */
  private checkConflicts(): void {
    if (!this.findConflicts) return;
    const conflicts = this.findConflicts([...this.states.values()].map((s) => s.cell));
    for (const state of this.states.values()) {
      const conflict = conflicts.get(state.cell.id);
      const before = state.conflict;
      state.conflict = conflict;
      if (conflict === before || state.status === "pending") continue;
      // A new conflict shows at once; a resolved one needs a fresh run to show the cell's own output.
      if (conflict) this.fail(state, conflict, true);
      else this.defineBody(state);
    }
  }

  isSettled(): boolean {
    for (const state of this.states.values()) if (state.status === "pending") return false;
    return true;
  }

  /** Resolves once every cell has a value or an error (generators count once they yield). */
  settled(): Promise<void> {
    return new Promise((resolve) => {
      // The runtime computes on the next frame; check after it has had a chance to start.
      this.waiters.push(resolve);
      setTimeout(() => {
        if (this.isSettled() && this.waiters.includes(resolve)) {
          this.waiters = this.waiters.filter((w) => w !== resolve);
          resolve();
        }
      }, 0);
    });
  }

  /** Each cell's input (what it last showed with view()), by cell id: what share links and progress record. */
  views(): Map<string, EventTarget> {
    const views = new Map<string, EventTarget>();
    for (const [id, state] of this.states) if (state.view) views.set(id, state.view);
    return views;
  }

  status(cellId: string): CellStatus | undefined {
    return this.states.get(cellId)?.status;
  }

  /** Cells still pending, e.g. when a time limit runs out. */
  pendingCells(): CompiledCell[] {
    return [...this.states.values()].filter((s) => s.status === "pending").map((s) => s.cell);
  }

  /** Every cell currently failing, own failures first. */
  failures(): CellFailure[] {
    const failures = [...this.states.values()].flatMap((s) => (s.status === "rejected" && s.failure ? [s.failure] : []));
    return failures.sort((a, b) => Number(b.own) - Number(a.own));
  }

  /** Replaces a cell's definition (same id), or adds a cell when the id is new; dependents follow. */
  redefine(cell: CompiledCell): void {
    const state = this.states.get(cell.id);
    if (!state) this.define(cell);
    else {
      state.cell = cell;
      // Pending from now, not from the runtime's next frame, so that settled() right after waits for it.
      this.setStatus(state, "pending");
      this.defineBody(state);
    }
    this.checkConflicts();
  }

  /** Removes a cell and the names it declared; cells that used them report them undefined. */
  delete(cellId: string): void {
    const state = this.states.get(cellId);
    if (!state) return;
    for (const variable of state.outputs.values()) variable.delete();
    state.variable.delete();
    state.output.clear();
    this.states.delete(cellId);
    this.provenance.delete(cellId);
    this.checkConflicts();
  }

  dispose(): void {
    this.runtime.dispose();
  }
}
