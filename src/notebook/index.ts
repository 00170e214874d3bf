// The notebook pipeline's public surface: parse → analyze → compile, each usable alone.
import { analyzeNotebook } from "./analyze.ts";
import { compileNotebook } from "./compile.ts";
import { parseNotebook } from "./parse.ts";
import type { AnalyzedNotebook } from "./types.ts";

export { analyzeCell, analyzeNotebook, BUILTINS } from "./analyze.ts";
export type { AnalyzeContext } from "./analyze.ts";
export { compileCell, compileNotebook } from "./compile.ts";
export type { CompileCellOptions, CompileNotebookOptions } from "./compile.ts";
export { excerptAt, LocatedError, LocatedErrors } from "./errors.ts";
export { parseNotebook } from "./parse.ts";
export type * from "./types.ts";

export interface ProcessedNotebook {
  readonly notebook: AnalyzedNotebook;
  /** The source of the notebook's ES module (see compile.ts). */
  readonly module: string;
}

/** All three phases. Throws LocatedError or LocatedErrors (parse errors stop before analysis). */
export function processNotebook(source: string, path: string): ProcessedNotebook {
  const notebook = analyzeNotebook(parseNotebook(source, path), source);
  return { notebook, module: compileNotebook(notebook) };
}
