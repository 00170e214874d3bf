// An edited cell → the source of its compiled record, with the build's own compiler: the cell analyzed
// (analyzeCell), then checked against the notebook's other cells as they run now (checkNotebook: names
// defined twice, imports that disagree, cycles), so an edit the build would refuse is refused here with
// the build's words; then compiled (compileCell) with its loops guarded. Positions in errors are the
// edit's own: line 1, column 1 is the first character in the editor. Nothing here evaluates code (see
// instantiate.ts).
import { analyzeCell } from "../notebook/analyze.ts";
import { checkNotebook, type CheckedCell } from "../notebook/check.ts";
import { compileCell } from "../notebook/compile.ts";
import { LocatedError, LocatedErrors } from "../notebook/errors.ts";
import { LineIndex } from "../notebook/locate.ts";
import { type Diagnostic, diagnostic, type MessageCode } from "../notebook/messages.ts";
import type { TypeStripper } from "../notebook/type-stripper.ts";
import type { AnalyzedCell, CellImport, CellLanguage, ImportSpecifier, SourcePosition } from "../notebook/types.ts";
import type { EditLines } from "./edit-lines.ts";
import { guardLoopsMapped } from "./loop-guard.ts";

export const KERNEL = "wattbook/kernel";

/** What the editor knows of a cell: the page carries this for every cell (see publish/edit-twin.ts). */
export interface CellSource {
  readonly id: string;
  readonly kind: "block" | "inline";
  readonly lang: CellLanguage;
  readonly sourceText: string;
  /** Where the cell is in the notebook's .md (for runtime error locations). */
  readonly position: SourcePosition;
  /** The cell's imports (absent when it has none), for the notebook-wide checks of an edit. */
  readonly imports?: readonly CellImport[];
  /** Where each name the cell defines is declared, in order (absent when it defines none): the checks' "at". */
  readonly declarationPositions?: readonly SourcePosition[];
  /** ```js browser (absent when not): an edit of the cell stays marked, as the published one is. */
  readonly browser?: true;
}

export interface EditError {
  /** 1-based line and column in the edited code. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly hint?: string;
  /** The error's code in the catalog (notebook/messages.ts), the build's own when the build would refuse the same. */
  readonly code?: MessageCode;
}

export interface CompiledEdit {
  /** JavaScript source of the cell's record, `{id: …, inputs: […], …, body: (…) => …}`. */
  readonly record: string;
  /** Names the cell imports from the kernel that the notebook does not already bind, with the import's position. */
  readonly kernelImports: readonly KernelImport[];
  /** Names the cell imports from another module the notebook imports (a package, a local module) that the notebook does not already bind. */
  readonly moduleImports: readonly ModuleImport[];
  readonly declarations: readonly string[];
  /** How the record's lines map back to the code the reader typed: where a run-time error was thrown. */
  readonly lines: EditLines;
  /** The edit as the notebook-wide checks see it, in .md positions: how later edits are checked against it. */
  readonly checked: CheckedCell;
}

export interface KernelImport extends ImportSpecifier {
  readonly position: SourcePosition;
}

export interface ModuleImport extends KernelImport {
  /** The module, as the notebook's cells import it. */
  readonly specifier: string;
}

export type EditResult = { readonly ok: true; readonly edit: CompiledEdit } | { readonly ok: false; readonly errors: readonly EditError[] };

export interface CompileEditOptions {
  /** Names the notebook's imports bind: the cell may use them and import them again, not declare them. */
  readonly imported: ReadonlySet<string>;
  /** Kernel names the cell may use without importing them (scratch cells, for quick calculations). */
  readonly kernelNames?: ReadonlySet<string>;
  /** Modules besides the kernel that the notebook imports (by specifier): the cell may import from them too. */
  readonly modules?: ReadonlySet<string>;
  /** Strips a ts cell's types; without one, only js cells compile. */
  readonly typeStripper?: TypeStripper;
  /**
   * The notebook as it runs now, this cell included (its position says where the edit goes): the
   * checks across cells see the edit in its place. Without it, only the cell itself is checked.
   */
  readonly notebook?: { readonly path: string; readonly cells: readonly CheckedCell[] };
}

/** Compiles `code` as the new source of `cell`; it may also import more from the kernel. */
export function compileEdit(cell: Pick<CellSource, "id" | "kind" | "lang" | "browser"> & { readonly position?: SourcePosition }, code: string, options: CompileEditOptions): EditResult {
  const { imported, kernelNames } = options;
  const lines = new LineIndex(code);
  let analyzed: AnalyzedCell;
  try {
    const browser = cell.browser ? { browser: true as const } : {};
    analyzed = analyzeCell({ id: cell.id, kind: cell.kind, lang: cell.lang, sourceText: code, position: { line: 1, column: 1 }, echo: false, ...browser }, { file: "cell", lines, ...(options.typeStripper ? { typeStripper: options.typeStripper } : {}) });
  } catch (error) {
    if (error instanceof LocatedErrors) return { ok: false, errors: error.errors.map(editError) };
    if (error instanceof LocatedError) return { ok: false, errors: [editError(error)] };
    throw error;
  }
  const errors: EditError[] = [];
  const kernelImports: KernelImport[] = [];
  const moduleImports: ModuleImport[] = [];
  for (const declaration of analyzed.imports) {
    for (const specifier of declaration.specifiers) {
      if (imported.has(specifier.local)) continue; // the notebook's own binding (the checks compare the two)
      if (declaration.specifier === KERNEL) kernelImports.push({ ...specifier, position: declaration.position });
      else if (options.modules?.has(declaration.specifier)) moduleImports.push({ ...specifier, specifier: declaration.specifier, position: declaration.position });
      else {
        errors.push(editErrorAt(diagnostic("editor-import-not-allowed", { specifier: declaration.specifier }), declaration.position));
        break;
      }
    }
  }
  const bound = new Set([...imported, ...kernelImports.map((s) => s.local), ...moduleImports.map((s) => s.local), ...analyzed.declarations]);
  for (const name of analyzed.references) {
    if (kernelNames?.has(name) && !bound.has(name)) kernelImports.push({ imported: name, local: name, position: { line: 1, column: 1 } });
  }
  if (errors.length) return { ok: false, errors };
  const names = new Set([...imported, ...kernelImports.map((s) => s.local), ...moduleImports.map((s) => s.local)]);
  const { checked, problems } = checkInNotebook(cell, analyzed, names, options);
  if (problems.length) return { ok: false, errors: problems };
  const guarded = guardLoopsMapped(analyzed.js, analyzed.expression);
  const record = compileCell({ ...analyzed, js: guarded.js }, { imported: names });
  const table: EditLines = { source: code, js: analyzed.js, inserts: guarded.inserts };
  return { ok: true, edit: { record, kernelImports, moduleImports, declarations: analyzed.expression ? [] : analyzed.declarations, lines: table, checked } };
}

/**
 * The notebook-wide checks with the edit in its cell's place, as the build would run them. Positions are
 * the .md's while checking (so messages name the places the build would) and the edit's in the result;
 * a problem found at another cell is shown at the edit's start, prefixed with where that cell is.
 */
function checkInNotebook(cell: { readonly id: string; readonly position?: SourcePosition }, analyzed: AnalyzedCell, importedNames: ReadonlySet<string>, options: CompileEditOptions): { checked: CheckedCell; problems: EditError[] } {
  const origin = cell.position ?? { line: 1, column: 1 };
  const toMd = (p: SourcePosition): SourcePosition => ({ line: origin.line + p.line - 1, column: p.line === 1 ? origin.column + p.column - 1 : p.column });
  const toEdit = (p: SourcePosition): SourcePosition => ({ line: p.line - origin.line + 1, column: p.line === origin.line ? p.column - origin.column + 1 : p.column });
  const edited: CheckedCell = {
    id: cell.id,
    position: origin,
    declarations: analyzed.expression ? [] : analyzed.declarations,
    declarationPositions: (analyzed.declarationPositions ?? []).map(toMd),
    references: analyzed.references.filter((name) => !importedNames.has(name)),
    imports: analyzed.imports.map((i) => ({ ...i, position: toMd(i.position) })),
    ...(analyzed.foreignAssignments ? { foreignAssignments: analyzed.foreignAssignments.map((a) => ({ ...a, position: toMd(a.position) })) } : {}),
  };
  const notebook = options.notebook;
  const others = notebook?.cells ?? [];
  const cells = others.some((other) => other.id === cell.id) ? others.map((other) => (other.id === cell.id ? edited : other)) : [...others, edited];
  const where = (p: SourcePosition) => `${notebook?.path ?? "cell"}:${p.line}:${p.column}`;
  const problems = checkNotebook(cells, where).map((problem) => {
    const own = problem.cellId === cell.id;
    const at = own ? toEdit(problem.position) : { line: 1, column: 1 };
    const message = own ? problem.reason : `${where(problem.position)}: ${problem.reason}`;
    return { line: at.line, column: at.column, message, ...(problem.hint === undefined ? {} : { hint: problem.hint }), code: problem.code };
  });
  return { checked: edited, problems };
}

/** A catalog diagnostic at a position in the edited code. */
export function editErrorAt(found: Diagnostic, position: SourcePosition): EditError {
  return { line: position.line, column: position.column, message: found.reason, ...(found.hint === undefined ? {} : { hint: found.hint }), code: found.code };
}

function editError(error: LocatedError): EditError {
  return { line: error.line, column: error.column, message: error.reason, ...(error.hint ? { hint: error.hint } : {}), ...(error.code ? { code: error.code } : {}) };
}
