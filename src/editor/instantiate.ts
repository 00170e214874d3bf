// A compiled edit's record source → a live CompiledCell. This is the one place the editor turns text into
// code, which is why edit pages (and only they) allow 'unsafe-eval'. The record is built inside a
// function whose parameters are the names it may see beyond its inputs: the notebook's imports, the
// kernel names it imports, and the loop guard; module code is strict, so this is too.
//
// The code is named (a `//# sourceURL`) so that its frames can be found in an error's stack, and the
// factory makes an Error on the record's first line: its frame says on which line of the script the
// record starts, in any engine, whatever the engine wraps around a Function's body. With the record's
// bodyLine, a frame's line is a line of the cell (edit-lines.ts maps the column).
import type { CompiledCell, SourcePosition, ThrownLine } from "../notebook/types.ts";
import type { CompiledEdit } from "./compile.ts";
import { typedPosition } from "./edit-lines.ts";
import { createLoopGuard, LOOP_GUARD } from "./loop-guard.ts";
import { frameIn, scriptName } from "./thrown-at.ts";

export interface InstantiateOptions {
  /** The notebook's imported bindings by local name (the compiled module's `imports`). */
  readonly imports: Readonly<Record<string, unknown>>;
  /** The kernel's exports, when the edit imports from it. */
  readonly kernel?: Readonly<Record<string, unknown>>;
  /** The notebook's other modules' namespaces by specifier (the compiled module's `modules`). */
  readonly modules?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Where the cell is in the .md, for the runtime's error locations. */
  readonly position: SourcePosition;
  /** How long edited code may run without giving the page a turn. */
  readonly loopBudgetMs: number;
  /** Called when the guard stops this cell's code. */
  readonly onTrip?: () => void;
  /** What the reader calls this code, in errors ("edited cell", "scratch cell"). */
  readonly code?: string;
}

let serial = 0;

export function instantiate(edit: CompiledEdit, options: InstantiateOptions): CompiledCell {
  const scope: Record<string, unknown> = { ...options.imports, [LOOP_GUARD]: createLoopGuard(options.loopBudgetMs, undefined, options.onTrip) };
  for (const { imported, local } of edit.kernelImports) {
    if (!options.kernel) throw new Error("the kernel was not loaded");
    scope[local] = imported === "*" ? options.kernel : options.kernel[imported];
  }
  for (const { specifier, imported, local } of edit.moduleImports) {
    const namespace = options.modules?.[specifier];
    if (!namespace) throw new Error(`the notebook does not import ${specifier}`);
    scope[local] = imported === "*" ? namespace : moduleExport(namespace, imported);
  }
  const names = Object.keys(scope);
  const script = scriptName(edit.checked.id, ++serial);
  const factory = new Function(...names, `"use strict";\nreturn [new Error(), ${edit.record}];\n//# sourceURL=${script}`) as (...values: unknown[]) => [Error, CompiledCell];
  const [probe, cell] = factory(...names.map((name) => scope[name]));
  const recordLine = frameIn(probe, script)?.line;
  const code = options.code ?? "edited cell";
  const locateThrown = (thrown: unknown): ThrownLine | undefined => {
    const frame = frameIn(thrown, script);
    if (!frame || recordLine === undefined || cell.bodyLine === undefined) return undefined;
    const at = typedPosition(edit.lines, frame.line - recordLine - cell.bodyLine + 2, frame.column);
    return at && { ...at, code };
  };
  return { ...cell, position: options.position, locateThrown };
}

/**
 * `name` of a module's namespace; for a CommonJS package, a name it has only at run time is read from
 * its default export, as the build reads it (publish/import-bindings.ts).
 */
export function moduleExport(namespace: Readonly<Record<string, unknown>>, name: string): unknown {
  if (name in namespace) return namespace[name];
  const fallback = namespace.default;
  return (typeof fallback === "object" || typeof fallback === "function") && fallback !== null ? (fallback as Record<string, unknown>)[name] : undefined;
}

/** Whether a module's namespace has `name`, or its default export has it (see moduleExport). */
export function hasModuleExport(namespace: Readonly<Record<string, unknown>>, name: string): boolean {
  const fallback = namespace.default;
  return name in namespace || ((typeof fallback === "object" || typeof fallback === "function") && fallback !== null && name in fallback);
}
