// The trace of one displayed value: its cell, then every cell it depends on (nearest first), each with its
// values, the kernel calls it made (input received, output and the fields of it the cell names) and the
// sourced records it read; then every record reached, once, with where it was read. A pure function of
// the page's data (data.ts), so the panel, `wattbook explain` and the tests share it.
import type { CallEntry, CellRun, ExplainData, SourceEntry, StaticCell, Summary } from "./data.ts";

export interface Trace {
  /** The notebook, relative to the notebooks root. */
  readonly path: string;
  /** The explained cell's step is the first. */
  readonly steps: readonly TraceStep[];
  readonly sources: readonly TraceSource[];
  /** What the trace could not see, in words. */
  readonly notes: readonly string[];
}

export interface TraceStep {
  readonly cell: StaticCell;
  /** 0 for the explained value, 1 for the cells it reads, … */
  readonly depth: number;
  /** An expression cell's value, or each declared name's (absent when the cell has not run). */
  readonly value?: Summary;
  readonly names: readonly { readonly name: string; readonly value?: Summary }[];
  readonly calls: readonly TraceCall[];
  readonly moreCalls: readonly { readonly fn: string; readonly count: number }[];
  /** Records the cell read outside kernel calls, by source key. */
  readonly constants: readonly string[];
  readonly run?: CellRun;
}

export interface TraceCall extends CallEntry {
  /**
   * The output's fields that the code of the trace (the calling cell's, or a cell's between it and the
   * value) names, when it names some but not all (`run.facilityKWh`): the outputs the value used. Absent
   * when it names none or all: the output was used whole.
   */
  readonly used?: readonly string[];
}

export interface TraceSource {
  readonly key: string;
  readonly entry: SourceEntry;
  /** Who read it: each cell (by id) and, when inside a call, the kernel function. */
  readonly readBy: readonly { readonly cellId: string; readonly fn?: string }[];
}

export class UnknownCellError extends Error {}

export function traceOf(data: ExplainData, cellId: string): Trace {
  const byId = new Map(data.graph.map((cell) => [cell.id, cell]));
  const start = byId.get(cellId);
  if (!start) throw new UnknownCellError(`${data.path} has no cell ${cellId}`);
  const definer = new Map<string, StaticCell>();
  for (const cell of data.graph) for (const name of cell.names ?? []) if (!definer.has(name)) definer.set(name, cell);

  // Breadth first from the value: each cell once, at its nearest distance.
  const order: { cell: StaticCell; depth: number }[] = [{ cell: start, depth: 0 }];
  const seen = new Set([start.id]);
  for (let i = 0; i < order.length; i++) {
    const { cell, depth } = order[i]!;
    for (const name of cell.reads ?? []) {
      const upstream = definer.get(name);
      if (!upstream || seen.has(upstream.id)) continue;
      seen.add(upstream.id);
      order.push({ cell: upstream, depth: depth + 1 });
    }
  }

  const notes: string[] = [];
  const sources = new Map<string, { key: string; entry: SourceEntry; readBy: { cellId: string; fn?: string }[] }>();
  const reached = (key: string, cellId: string, fn?: string) => {
    const entry = data.sources[key];
    if (!entry) return;
    const source = sources.get(key) ?? { key, entry, readBy: [] };
    sources.set(key, source);
    if (!source.readBy.some((by) => by.cellId === cellId && by.fn === fn)) source.readBy.push(fn === undefined ? { cellId } : { cellId, fn });
  };

  // The outputs a call's value was used for are named by the code between it and the value: any step's.
  const traceSource = order.map(({ cell }) => cell.source).join("\n");
  const steps = order.map(({ cell, depth }): TraceStep => {
    const run = data.cells[cell.id];
    const where = describeCell(cell);
    if (!run) notes.push(cell.browser ? `${where} runs only in the browser; the build did not run it.` : `${where} has not run.`);
    else {
      if (run.failed !== undefined) notes.push(`${where} failed: ${run.failed}`);
      if (run.partial === "async") notes.push(`${where} awaits: kernel calls and records read after its first await are not recorded.`);
      if (run.partial === "generator") notes.push(`${where} is a generator: what it computes as it yields is not recorded.`);
    }
    const calls = (run?.calls ?? []).map((call) => withUsed(call, traceSource));
    for (const call of calls) for (const key of call.constants ?? []) reached(key, cell.id, call.fn);
    for (const key of run?.constants ?? []) reached(key, cell.id);
    const names = (cell.names ?? []).map((name) => (run?.values && Object.hasOwn(run.values, name) ? { name, value: run.values[name]! } : { name }));
    return {
      cell,
      depth,
      ...(run && Object.hasOwn(run, "value") ? { value: run.value! } : {}),
      names,
      calls,
      moreCalls: Object.entries(run?.moreCalls ?? {}).map(([fn, count]) => ({ fn, count })),
      constants: run?.constants ?? [],
      ...(run ? { run } : {}),
    };
  });
  return { path: data.path, steps, sources: [...sources.values()], notes };
}

/** "the cell at line 52", "the input at line 40", "Figure 2 (line 70)", "the value at line 61". */
export function describeCell(cell: StaticCell): string {
  if (cell.label) return `${cell.label} (line ${cell.line})`;
  if (cell.inline) return `the value at line ${cell.line}`;
  if (cell.input) return `the input at line ${cell.line}`;
  return `the cell at line ${cell.line}`;
}

function withUsed(call: CallEntry, source: string): TraceCall {
  const output = call.output;
  if (output === null || typeof output !== "object" || Array.isArray(output)) return call;
  const special = "$wb" in output ? (output as { $wb: string; entries?: object }) : undefined;
  if (special && special.$wb !== "object") return call;
  const fields = Object.keys(special?.entries ?? output);
  const used = fields.filter((field) => new RegExp(`(?<![\\w$])${field.replace(/\$/g, "\\$")}(?![\\w$])`).test(source));
  return used.length && used.length < fields.length ? { ...call, used } : call;
}
