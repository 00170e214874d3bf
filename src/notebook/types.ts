// The plain data shapes that flow between the phases: parse → analyze → compile. Each phase's output is
// data (no classes but the error), so that build, preview, check and the in-page editor can share them.
import type { ExerciseSpec } from "../exercise/spec.ts";

/** A position in the notebook's .md file: 1-based line, 1-based column (in UTF-16 code units). */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export interface FrontMatter {
  readonly title?: string;
  readonly description?: string;
  readonly order?: number;
  readonly toc?: boolean;
  readonly [key: string]: unknown;
}

/** A heading in the prose, for the table of contents. `id` is the anchor (slug, unique per page). */
export interface Heading {
  readonly level: number;
  readonly id: string;
  readonly text: string;
}

/** A numbered, referencable thing: `{#eq-name}`, `{#fig-name}`, `{#tbl-name}`. */
export interface Label {
  readonly name: string; // "eq-energy"
  readonly kind: "eq" | "fig" | "tbl";
  readonly number: number; // 1-based per kind, in document order
  readonly position: SourcePosition;
}

export type CellLanguage = "js" | "ts";

export interface ImportSpecifier {
  /** The exported name ("default" for a default import, "*" for a namespace import). */
  readonly imported: string;
  /** The local binding. */
  readonly local: string;
}

export interface CellImport {
  /** What the import names: "wattbook/kernel" or a bare package specifier. */
  readonly specifier: string;
  readonly specifiers: readonly ImportSpecifier[];
  readonly position: SourcePosition;
}

/** A cell as parsed: a fenced js/ts block, or an inline `${…}` expression in prose. */
export interface ParsedCell {
  /** Stable across edits of other cells: derived from the source text, with a suffix for repeats. */
  readonly id: string;
  readonly kind: "block" | "inline";
  readonly lang: CellLanguage;
  /** The cell's code exactly as written in the .md (for inline cells: the expression inside `${…}`). */
  readonly sourceText: string;
  /** Where `sourceText` starts in the .md file. */
  readonly position: SourcePosition;
  /** `echo` in the info string: show the source under the output. */
  readonly echo: boolean;
  /**
   * `browser` in the info string (present only when set): the cell runs only in the reader's browser.
   * The build runs neither it nor any cell that depends on it (see browser-only.ts).
   */
  readonly browser?: true;
  /** `{#fig-name}` or `{#tbl-name}` in the info string: the output is a numbered figure or table. */
  readonly label?: string;
  /** `caption="…"` in the info string (Markdown, inline only). */
  readonly caption?: string;
  /** `caption` rendered to HTML (math typeset, references linked), without the "Figure N:" prefix. */
  readonly captionHtml?: string;
}

/** What analysis learns about a cell. */
export interface CellAnalysis {
  /** JavaScript to run: `sourceText` for js cells, types stripped for ts cells. */
  readonly js: string;
  /** Top-level names the cell defines (const/let/var, function, class, destructuring), in order. */
  readonly declarations: readonly string[];
  /** Where each of `declarations` is declared in the .md, in the same order (for "defined twice" errors). */
  readonly declarationPositions?: readonly SourcePosition[];
  /** Free names the cell reads, in first-use order: other cells' names, builtins and globals. Excludes imported names. */
  readonly references: readonly string[];
  /** Static imports, hoisted to the notebook module; their local names are visible in every cell. */
  readonly imports: readonly CellImport[];
  /**
   * The files the cell attaches, `FileAttachment("data/usage.csv")`: each name as written (relative to
   * the notebook, or `/`-rooted at the notebooks root) and where the call is. Absent when none.
   */
  readonly attachments?: readonly CellAttachment[];
  /** The cell is a single expression (not a declaration): its value is displayed. */
  readonly expression: boolean;
  /** The cell uses top-level await. */
  readonly async: boolean;
  /**
   * Names the cell assigns without declaring them (absent when none): another cell's value or nothing,
   * which the notebook-wide check tells apart (check.ts). Either way an error.
   */
  readonly foreignAssignments?: readonly { readonly name: string; readonly position: SourcePosition }[];
}

export type AnalyzedCell = ParsedCell & CellAnalysis;

/**
 * A parsed notebook. `html` is the prose rendered to HTML (math already typeset by KaTeX, labels
 * numbered, references linked) with one placeholder per cell where its output goes:
 * `<!--wb:cell:ID-->` for block cells, `<!--wb:inline:ID-->` for inline expressions.
 */
export interface ParsedNotebook {
  /** Path of the .md file relative to the notebooks root, with forward slashes: "energy.md". */
  readonly path: string;
  readonly frontMatter: FrontMatter;
  readonly title: string; // front matter title, else the first h1, else the file name
  readonly html: string;
  readonly headings: readonly Heading[];
  readonly labels: readonly Label[];
  readonly cells: readonly ParsedCell[];
  /** The page's exercises, in document order (absent when it has none). */
  readonly exercises?: readonly ParsedExercise[];
}

/**
 * A `::: exercise` as parsed: its answer's kind and data, and where the correct answer comes from: a
 * hidden inline cell (`correct: ${…}`) or the value written out. See notebook/exercise.ts.
 */
export interface ParsedExercise extends Omit<ExerciseSpec, "solutionCell"> {
  /** The block cells of its ::: solution; the last that is an expression gives the solution's answer. */
  readonly solutionCells: readonly string[];
}

export interface AnalyzedNotebook extends Omit<ParsedNotebook, "cells"> {
  readonly cells: readonly AnalyzedCell[];
}

/**
 * The compiled notebook is the source text of one ES module (see compile.ts) whose default export
 * has this shape at run time. It is the only executable form of a notebook: the build evaluates it in
 * Node and the browser runs the same module.
 */
export interface CellAttachment {
  readonly name: string;
  readonly position: SourcePosition;
}

export interface CompiledCell {
  readonly id: string;
  /** Names the body takes as parameters, in order: builtins, other cells' names, globals. */
  readonly inputs: readonly string[];
  /** Names the body returns as properties of an object (empty for expression cells). */
  readonly outputs: readonly string[];
  /** The value of an expression cell (or inline expression) is displayed. */
  readonly expression: boolean;
  readonly inline: boolean;
  /** ```js browser (present only when set): the build does not run it; the browser runs it like any cell. */
  readonly browser?: true;
  readonly position: SourcePosition;
  /** The module line holding the cell's first source line: md line = position.line + (module line − bodyLine). */
  readonly bodyLine?: number;
  readonly body: (...inputs: any[]) => unknown;
  /**
   * Where in the code the reader typed an error this cell's body threw was thrown, when the cell can
   * tell: a cell compiled in the page by the editor maps the error's stack through its line table
   * (editor/edit-lines.ts). Absent for the notebook's own cells.
   */
  readonly locateThrown?: (thrown: unknown) => ThrownLine | undefined;
}

/** A place in an edited cell's code (1-based line and column), and what the reader calls that code. */
export interface ThrownLine extends SourcePosition {
  /** "edited cell", "scratch cell". */
  readonly code: string;
}

export interface CompiledNotebook {
  readonly path: string;
  readonly cells: readonly CompiledCell[];
  /** The notebook's imported bindings by local name, for cells compiled in the page (the editor's). */
  readonly imports?: Readonly<Record<string, unknown>>;
  /** Each module the notebook imports besides the kernel, its namespace by specifier (see compile.ts). */
  readonly modules?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** The page's exercises (absent when it has none): what the page checks answers against. */
  readonly exercises?: readonly ExerciseSpec[];
}

/**
 * A cell's latest result as the runtime reports it: its value (an expression cell's value; a declaring
 * cell's names as an object), or that it failed. Exercises check answers against these.
 */
export type CellResult = { readonly value: unknown } | { readonly failed: true };
