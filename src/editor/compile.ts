// An edited cell → the source of its compiled record, with the build's own analysis and compile
// (analyzeCell, compileCell) and the loops guarded. Positions in errors are the cell's own: line 1,
// column 1 is the first character in the editor. Nothing here evaluates code (see instantiate.ts).
import { analyzeCell } from "../notebook/analyze.ts";
import { compileCell } from "../notebook/compile.ts";
import { LocatedError, LocatedErrors } from "../notebook/errors.ts";
import type { AnalyzedCell, CellLanguage, ImportSpecifier, SourcePosition } from "../notebook/types.ts";
import { guardLoops } from "./loop-guard.ts";

export const KERNEL = "wattbook/kernel";

/** What the editor knows of a cell: the page carries this for every cell (see publish/edit-twin.ts). */
export interface CellSource {
  readonly id: string;
  readonly kind: "block" | "inline";
  readonly lang: CellLanguage;
  readonly source: string;
  /** Where the cell is in the notebook's .md (for runtime error locations). */
  readonly position: SourcePosition;
}

export interface EditError {
  /** 1-based line and column in the edited code. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly hint?: string;
}

export interface CompiledEdit {
  /** JavaScript source of the cell's record, `{id: …, inputs: […], …, body: (…) => …}`. */
  readonly record: string;
  /** Names the cell imports from the kernel that the notebook does not already bind, with the import's position. */
  readonly kernelImports: readonly KernelImport[];
  readonly declarations: readonly string[];
}

export interface KernelImport extends ImportSpecifier {
  readonly position: SourcePosition;
}

export type EditResult = { readonly ok: true; readonly edit: CompiledEdit } | { readonly ok: false; readonly errors: readonly EditError[] };

export interface CompileEditOptions {
  /** Names the notebook's imports bind: the cell may use them and import them again, not declare them. */
  readonly imported: ReadonlySet<string>;
  /** Kernel names the cell may use without importing them (scratch cells, for quick calculations). */
  readonly kernelNames?: ReadonlySet<string>;
}

/** Compiles `code` as the new source of `cell`; it may also import more from the kernel. */
export function compileEdit(cell: Pick<CellSource, "id" | "kind" | "lang">, code: string, { imported, kernelNames }: CompileEditOptions): EditResult {
  let analyzed: AnalyzedCell;
  try {
    analyzed = analyzeCell({ id: cell.id, kind: cell.kind, lang: cell.lang, source: code, position: { line: 1, column: 1 }, echo: false }, { file: "cell", source: code });
  } catch (error) {
    if (error instanceof LocatedErrors) return { ok: false, errors: error.errors.map(editError) };
    if (error instanceof LocatedError) return { ok: false, errors: [editError(error)] };
    throw error;
  }
  const errors: EditError[] = [];
  const kernelImports: KernelImport[] = [];
  for (const declaration of analyzed.imports) {
    for (const specifier of declaration.specifiers) {
      if (imported.has(specifier.local)) continue; // the notebook's own binding
      if (declaration.source === KERNEL) kernelImports.push({ ...specifier, position: declaration.position });
      else {
        errors.push({
          ...declaration.position,
          message: `"${declaration.source}" cannot be imported while editing in the page`,
          hint: `import from "${KERNEL}", or use what the notebook already imports`,
        });
        break;
      }
    }
  }
  const bound = new Set([...imported, ...kernelImports.map((s) => s.local), ...analyzed.declarations]);
  for (const name of analyzed.references) {
    if (kernelNames?.has(name) && !bound.has(name)) kernelImports.push({ imported: name, local: name, position: { line: 1, column: 1 } });
  }
  analyzed.declarations.forEach((name, index) => {
    if (!imported.has(name)) return;
    const position = analyzed.declarationPositions?.[index] ?? { line: 1, column: 1 };
    errors.push({ ...position, message: `${name} is imported by the notebook; a cell cannot redefine it`, hint: `pick another name, e.g. my${name[0]!.toUpperCase()}${name.slice(1)}` });
  });
  if (errors.length) return { ok: false, errors };
  const names = new Set([...imported, ...kernelImports.map((s) => s.local)]);
  const record = compileCell({ ...analyzed, js: guardLoops(analyzed.js, analyzed.expression) }, { imported: names });
  return { ok: true, edit: { record, kernelImports, declarations: analyzed.expression ? [] : analyzed.declarations } };
}

function editError(error: LocatedError): EditError {
  return { line: error.line, column: error.column, message: error.reason, ...(error.hint ? { hint: error.hint } : {}) };
}
