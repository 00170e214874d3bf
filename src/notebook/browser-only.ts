// Which cells run only in the reader's browser: those marked ```js browser (or ```ts browser), and every
// cell that depends on one, however indirectly (inline ${…} values and exercises' hidden answer cells
// included). The build runs none of them and writes a placeholder in their place; the page runs them all.
// Both the analysis (names declared and read) and the compiled records (outputs and inputs) can ask.
import { downstreamOf, type GraphCell } from "./graph.ts";

/** What the question needs of a cell: the graph's view of it, and its flag. */
export interface FlaggedCell extends GraphCell {
  readonly browser?: boolean;
}

/** The ids of the cells the build must not run: the flagged ones and everything downstream of them. */
export function browserOnlyCells(cells: readonly FlaggedCell[]): Set<string> {
  const flagged = cells.flatMap((cell, index) => (cell.browser ? [index] : []));
  if (!flagged.length) return new Set();
  return new Set([...downstreamOf(cells, flagged)].map((index) => cells[index]!.id));
}

/** A compiled cell record seen as a graph cell: it declares its outputs and reads its inputs. */
export function compiledGraphCell(cell: { readonly id: string; readonly position: GraphCell["position"]; readonly outputs: readonly string[]; readonly inputs: readonly string[]; readonly browser?: boolean }): FlaggedCell {
  return { id: cell.id, position: cell.position, declarations: cell.outputs, references: cell.inputs, ...(cell.browser ? { browser: true } : {}) };
}

/** The names declared by cells the build does not run: value snapshots neither record nor compare them. */
export function browserOnlyNames(cells: readonly FlaggedCell[], skipped: ReadonlySet<string> = browserOnlyCells(cells)): Set<string> {
  return new Set(cells.flatMap((cell) => (skipped.has(cell.id) ? cell.declarations : [])));
}
