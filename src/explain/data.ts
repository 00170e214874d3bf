// The plain data an Explain panel and `wattbook explain` read: the notebook's cell graph (from the
// analysis, static.ts, or from the compiled notebook a page runs, compiled-graph.ts), and what each
// cell's run used and produced (capture.ts, from the runtime's provenance log: at build, into the page;
// live, in the browser). Plain JSON, so that the build can embed what it saw in the page and a panel can
// explain a value before the page's cells have run.
import type { Reference } from "../kernel/references.ts";

/**
 * A value as a trace shows it: JSON as it is for numbers, strings, booleans, null, small arrays and plain
 * objects; anything else, or anything too big, as an object tagged `$wb` (see `Special`).
 */
export type Summary = null | boolean | number | string | readonly Summary[] | Special | { readonly [key: string]: Summary };

/** The values JSON cannot hold, or that a trace shortens. */
export type Special =
  | { readonly $wb: "number"; readonly text: "NaN" | "Infinity" | "-Infinity" }
  | { readonly $wb: "undefined" }
  | { readonly $wb: "function"; readonly name: string }
  | { readonly $wb: "node"; readonly tag: string }
  /** An array with more items than are shown: the first few, its length, and its range when numeric. */
  | { readonly $wb: "array"; readonly length: number; readonly items: readonly Summary[]; readonly min?: number; readonly max?: number }
  /** An object with more keys than are shown (`more`), or one that has a key "$wb" of its own. */
  | { readonly $wb: "object"; readonly entries: { readonly [key: string]: Summary }; readonly more?: number }
  /** An object or array below the depth a summary goes to. */
  | { readonly $wb: "deep"; readonly size: number; readonly array?: true }
  /** A sourced record, by its key in the sources table. */
  | { readonly $wb: "source"; readonly key: string }
  /** Anything else, described: a Map, a Date, a class instance, a promise. */
  | { readonly $wb: "text"; readonly text: string };

/** What the compiler knows of a cell. */
export interface StaticCell {
  readonly id: string;
  /** The .md line the cell's code starts on. */
  readonly line: number;
  /** An inline `${…}` value. */
  readonly inline?: true;
  /** The cell is an expression: its value is what it shows. */
  readonly expression?: true;
  /** Names it declares. */
  readonly names?: readonly string[];
  /** Names it reads that other cells declare: its edges in the cell graph. */
  readonly reads?: readonly string[];
  /** Its code as written (shortened past SOURCE_LIMIT). */
  readonly source: string;
  /** Where the page shows it: the element id a step links to ("cell-<id>", or a figure's label). */
  readonly anchor?: string;
  /** "Figure 2", "Table 1" for a numbered cell. */
  readonly label?: string;
  /** It shows an input (it calls view): its value is the reader's to choose. */
  readonly input?: true;
  /** ```js browser, or downstream of one: the build did not run it. */
  readonly browser?: true;
}

/** One kernel call as a cell made it. */
export interface CallEntry {
  readonly fn: string;
  /** A sweep: the swept fields and the number of scenarios. */
  readonly sweep?: { readonly fields: readonly string[]; readonly length: number };
  /** The input the formula received (defaults filled in). */
  readonly input: Summary;
  /** Fields of the input that took their default (the caller left them out). */
  readonly defaults?: readonly string[];
  readonly output?: Summary;
  /** Records read during the call (its defaults, catalogs the formula reads), by source key. */
  readonly constants?: readonly string[];
  /** What the call threw. */
  readonly threw?: string;
}

/** What one cell's latest run used and produced. */
export interface CellRun {
  /** Each declared name's value. */
  readonly values?: { readonly [name: string]: Summary };
  /** An expression cell's value. */
  readonly value?: Summary;
  readonly calls?: readonly CallEntry[];
  /** Calls past the recorded few, counted by function. */
  readonly moreCalls?: { readonly [fn: string]: number };
  /** Records the body read outside kernel calls, by source key. */
  readonly constants?: readonly string[];
  /** The body returned a promise or a generator: what ran after that was not recorded. */
  readonly partial?: "async" | "generator";
  readonly failed?: string;
}

/**
 * A cited work in full, as the kernel's references give it (kernel/references.ts); a notebook's own
 * records may give a reference without the kernel's id and short form.
 */
export type ReferenceEntry = Omit<Reference, "id" | "short"> & Partial<Pick<Reference, "id" | "short">>;

/** A sourced record as a trace shows it: every field it has, `citation` as it is. */
export interface SourceEntry {
  /** Where the kernel's catalogs (or the notebook's own names) hold it: "accelerators.h100.watts". */
  readonly path?: string;
  /** What the value is, for readers ("US average grid"), when the kernel names it. */
  readonly name?: string;
  /** Where in the cited work the value is printed ("Table 6"). */
  readonly locator?: string;
  /** The work `citation` names, in full, when the kernel knows it. */
  readonly reference?: ReferenceEntry;
  /** A work the cited one cites for the value. */
  readonly cites?: ReferenceEntry;
  readonly value: Summary;
  readonly unit: string;
  readonly citation: string;
  readonly year: number;
  readonly note?: string;
  readonly low?: number;
  readonly high?: number;
  /** Its other fields (a display name, a full reference, a battery's volts), as they are. */
  readonly fields?: { readonly [key: string]: Summary };
}

/** What the build's realm (or the live page) captured: each cell's run, and the records they name. */
export interface CapturedProvenance {
  readonly cells: { readonly [cellId: string]: CellRun };
  readonly sources: { readonly [key: string]: SourceEntry };
}

/**
 * What a page embeds: what the build captured. The cell graph is not repeated: the page has the
 * compiled notebook it runs (compiled-graph.ts makes the graph from it), `wattbook explain` the analysis.
 */
export interface PageProvenance extends CapturedProvenance {
  readonly version: 1;
  /** The notebook, relative to the notebooks root. */
  readonly path: string;
}

/** What a trace reads: the cell graph, and each cell's run. */
export interface ExplainData extends CapturedProvenance {
  /** The notebook, relative to the notebooks root. */
  readonly path: string;
  readonly graph: readonly StaticCell[];
}

/** The id of the page element holding the page's PageProvenance (JSON in a script element that never runs). */
export const EXPLAIN_DATA_ELEMENT_ID = "wb-explain-data";

/** The key under which the realm hands its CapturedProvenance (as JSON) to the page renderer, among the outputs. */
export const PROVENANCE_OUTPUT = "provenance:";
