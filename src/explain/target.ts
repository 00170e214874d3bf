// Which cells `wattbook explain NOTEBOOK NAME|LINE` means: the cell declaring NAME, or, for a line
// number, the block cell whose code holds the line (or whose fence opens on it) or every inline value on it.
import { nearestName } from "../text/similar.ts";
import type { StaticCell } from "./data.ts";

export function cellsFor(graph: readonly StaticCell[], target: string): { cells: StaticCell[] } | { problem: string } {
  if (/^\d+$/.test(target)) {
    const line = Number(target);
    const inline = graph.filter((cell) => cell.inline && cell.anchor && cell.line === line);
    if (inline.length) return { cells: inline };
    const block = graph.find((cell) => !cell.inline && cell.line - 1 <= line && line <= cell.line + lineCount(cell.source) - 1);
    if (block) return { cells: [block] };
    return { problem: `no cell or inline value on line ${line}; give a line of a cell's code or of a \${…} value, or a name a cell declares` };
  }
  const cell = graph.find((candidate) => candidate.names?.includes(target));
  if (cell) return { cells: [cell] };
  const names = graph.flatMap((candidate) => candidate.names ?? []);
  const near = nearestName(target, names);
  return { problem: `no cell declares "${target}"${near ? ` (did you mean ${near}?)` : ""}; give a name a cell declares, or a line number` };
}

function lineCount(source: string): number {
  return source.split("\n").length;
}
