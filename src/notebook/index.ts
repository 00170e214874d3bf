// The compiler's public surface: parse → analyze → check → compile, each usable alone, and the whole
// pipeline in one call (pipeline.ts). Environment-free: no Node built-ins, no DOM, no module state.
export { analyzeCell, BUILTINS } from "./analyze.ts";
export type { AnalyzeContext } from "./analyze.ts";
export { browserOnlyCells, browserOnlyNames, compiledGraphCell } from "./browser-only.ts";
export type { FlaggedCell } from "./browser-only.ts";
export { checkNotebook } from "./check.ts";
export type { CheckedCell, CheckProblem } from "./check.ts";
export { compileCell, compileNotebook } from "./compile.ts";
export type { CompileCellOptions, CompileNotebookOptions } from "./compile.ts";
export { excerptAt, LocatedError, LocatedErrors, locatedError } from "./errors.ts";
export { cycles, definers, downstreamOf, upstreamOf } from "./graph.ts";
export type { GraphCell } from "./graph.ts";
export { LineIndex, normalizeNewlines } from "./locate.ts";
export { diagnostic, MESSAGES } from "./messages.ts";
export type { Diagnostic, MessageCode } from "./messages.ts";
export { parseNotebook } from "./parse.ts";
export { analyzeNotebook, compileNotebookSource } from "./pipeline.ts";
export type { CompileResult, CompilerDependencies, NotebookSource } from "./pipeline.ts";
export type { StripFailure, StripResult, TypeStripper } from "./type-stripper.ts";
export type * from "./types.ts";
