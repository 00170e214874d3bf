// A compiled edit's record source → a live CompiledCell. This is the one place the editor turns text into
// code, which is why edit pages (and only they) allow 'unsafe-eval'. The record is built inside a
// function whose parameters are the names it may see beyond its inputs: the notebook's imports, the
// kernel names it imports, and the loop guard; module code is strict, so this is too.
import type { CompiledCell, SourcePosition } from "../notebook/types.ts";
import type { CompiledEdit } from "./compile.ts";
import { createLoopGuard, LOOP_GUARD } from "./loop-guard.ts";

export interface InstantiateOptions {
  /** The notebook's imported bindings by local name (the compiled module's `imports`). */
  readonly imports: Readonly<Record<string, unknown>>;
  /** The kernel's exports, when the edit imports from it. */
  readonly kernel?: Readonly<Record<string, unknown>>;
  /** Where the cell is in the .md, for the runtime's error locations. */
  readonly position: SourcePosition;
  /** How long edited code may run without giving the page a turn. */
  readonly loopBudgetMs: number;
  /** Called when the guard stops this cell's code. */
  readonly onTrip?: () => void;
}

export function instantiate(edit: CompiledEdit, options: InstantiateOptions): CompiledCell {
  const scope: Record<string, unknown> = { ...options.imports, [LOOP_GUARD]: createLoopGuard(options.loopBudgetMs, undefined, options.onTrip) };
  for (const { imported, local } of edit.kernelImports) {
    if (!options.kernel) throw new Error("the kernel was not loaded");
    scope[local] = imported === "*" ? options.kernel : options.kernel[imported];
  }
  const names = Object.keys(scope);
  const factory = new Function(...names, `"use strict";\nreturn ${edit.record};`) as (...values: unknown[]) => CompiledCell;
  return { ...factory(...names.map((name) => scope[name])), position: options.position };
}
