// The compiler's phases end to end: parse → analyze → check → compile, each a pure function over plain
// data, with what the compiler cannot do itself (strip types, map an import to a URL) passed in. The
// build, the preview, `check` and the in-page editor call these; nothing here knows where it runs.
import { analyzeCell } from "./analyze.ts";
import { checkNotebook } from "./check.ts";
import { compileNotebook, type CompileNotebookOptions } from "./compile.ts";
import { locatedError, LocatedError, LocatedErrors } from "./errors.ts";
import { LineIndex, normalizeNewlines } from "./locate.ts";
import { parseNotebook } from "./parse.ts";
import type { TypeStripper } from "./type-stripper.ts";
import type { AnalyzedCell, AnalyzedNotebook, ParsedNotebook, SourcePosition } from "./types.ts";

/** What the compiler is given rather than chooses: its dependencies. */
export interface CompilerDependencies {
  /** Strips the types of ts cells (the build passes esbuild's, the editor its own). */
  readonly typeStripper?: TypeStripper;
}

export interface NotebookSource {
  /** The .md text as read. */
  readonly sourceText: string;
  /** The notebook's path relative to the notebooks root, forward slashes: what the site and its module carry. */
  readonly sourcePath: string;
  /** The path errors name, as the author finds the file (relative to the working directory); `sourcePath` by default. */
  readonly displayPath?: string;
}

/**
 * Every cell analyzed, then checked against the others. Returns the cells that analyzed and every error
 * found (cell errors and the notebook's), sorted by position; the notebook compiles only without errors.
 */
export function analyzeNotebook(parsed: ParsedNotebook, lines: LineIndex, dependencies: CompilerDependencies = {}): { notebook: AnalyzedNotebook; errors: LocatedError[] } {
  const file = parsed.path;
  const context = { file, lines, ...(dependencies.typeStripper ? { typeStripper: dependencies.typeStripper } : {}) };
  const errors: LocatedError[] = [];
  const cells: AnalyzedCell[] = [];
  for (const cell of parsed.cells) {
    try {
      cells.push(analyzeCell(cell, context));
    } catch (error) {
      if (error instanceof LocatedErrors) errors.push(...error.errors);
      else if (error instanceof LocatedError) errors.push(error);
      else throw error;
    }
  }
  const where = (position: SourcePosition) => `${file}:${position.line}:${position.column}`;
  for (const problem of checkNotebook(cells, where)) errors.push(locatedError(problem, { file, lines, position: problem.position, cellId: problem.cellId }));
  // Imported names are module bindings, visible in every cell: not inputs of any cell.
  const imported = new Set(cells.flatMap((cell) => cell.imports.flatMap((i) => i.specifiers.map((s) => s.local))));
  const analyzed = cells.map((cell) => (cell.references.some((name) => imported.has(name)) ? { ...cell, references: cell.references.filter((name) => !imported.has(name)) } : cell));
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { notebook: { ...parsed, cells: analyzed }, errors };
}

export type CompileResult = { readonly ok: true; readonly notebook: AnalyzedNotebook; readonly module: string } | { readonly ok: false; readonly errors: readonly LocatedError[] };

/**
 * A notebook's text → its analysis and its module, or every error found. Parse errors stop before
 * analysis (their cells cannot be trusted). Never throws for a bad notebook; anything else that escapes
 * is a bug of ours.
 */
export function compileNotebookSource(source: NotebookSource, options: CompilerDependencies & CompileNotebookOptions = {}): CompileResult {
  const displayPath = source.displayPath ?? source.sourcePath;
  let parsed: ParsedNotebook;
  try {
    parsed = parseNotebook(source.sourceText, displayPath);
  } catch (error) {
    if (error instanceof LocatedErrors) return { ok: false, errors: error.errors };
    if (error instanceof LocatedError) return { ok: false, errors: [error] };
    throw error;
  }
  const { notebook, errors } = analyzeNotebook(parsed, new LineIndex(normalizeNewlines(source.sourceText)), options);
  if (errors.length) return { ok: false, errors };
  // Errors name the file as the author finds it; the notebook (and so the site) carries its root-relative path.
  const placed = { ...notebook, path: source.sourcePath };
  return { ok: true, notebook: placed, module: compileNotebook(placed, options) };
}
