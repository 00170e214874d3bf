// Where a cell's failure is shown to be, and how a cell that only waits on a failed one names it. A
// cell's own error is placed at the line that threw when the cell can tell (an edited cell maps its
// stack, see CompiledCell.locateThrown), else at the cell in the notebook's file. A cell whose input
// failed did nothing wrong: it shows that it waits on the failed cell, named by what it defines.
import type { CompiledCell, SourcePosition } from "../notebook/types.ts";

export interface FailurePlace {
  /** What the output shows before the message: `file:line:col`, or the line of the edited code. */
  readonly location: string;
  /** The line and column in the code the reader typed, when known. */
  readonly at?: SourcePosition;
}

/** Where `thrown`, thrown by `cell`'s own body, is shown to be. */
export function failurePlace(notebookPath: string, cell: CompiledCell, thrown: unknown): FailurePlace {
  const at = thrown === undefined ? undefined : cell.locateThrown?.(thrown);
  if (at) return { location: `Line ${at.line}, column ${at.column} of the ${at.code}:`, at: { line: at.line, column: at.column } };
  return { location: cellLocation(notebookPath, cell) };
}

/** Where a cell is, as `file:line:col`. */
export function cellLocation(notebookPath: string, cell: CompiledCell): string {
  return `${notebookPath}:${cell.position.line}:${cell.position.column}`;
}

/**
 * A cell as a reader can find it on the page: the names it defines ("kwsSleep", "a, b and c", "a, b and
 * 3 more"), else
 * what it is and its line in the notebook.
 */
export function cellName(cell: Pick<CompiledCell, "outputs" | "inline" | "position">): string {
  const names = cell.outputs.length > 3 ? [...cell.outputs.slice(0, 2), `${cell.outputs.length - 2} more`] : cell.outputs;
  if (names.length === 1) return names[0]!;
  if (names.length > 1) return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `the ${cell.inline ? "inline value" : "cell"} at line ${cell.position.line}`;
}
