// Which cells `wattbook explain NOTEBOOK NAME|LINE` means: the cell declaring NAME, or, for a line
// number, the block cell whose code holds the line (or whose fence opens on it) or every inline value on it.
// What cannot be found is worded by the catalog (notebook/messages.ts), naming the names nearest to it.
import { diagnostic, type Diagnostic } from "../notebook/messages.ts";
import { editDistance, nearestName } from "../text/similar.ts";
import type { StaticCell } from "./data.ts";

/** How many names an unknown name's error lists. */
const NEARBY_NAMES = 5;

export function cellsFor(graph: readonly StaticCell[], target: string): { cells: StaticCell[] } | { problem: Diagnostic } {
  if (/^\d+$/.test(target)) {
    const line = Number(target);
    const inline = graph.filter((cell) => cell.inline && cell.anchor && cell.line === line);
    if (inline.length) return { cells: inline };
    const block = graph.find((cell) => !cell.inline && cell.line - 1 <= line && line <= cell.line + lineCount(cell.source) - 1);
    if (block) return { cells: [block] };
    const lines = graph.filter((cell) => !cell.inline).map((cell) => cell.line);
    return { problem: diagnostic("explain-no-cell-on-line", { line, lines: listed(lines.map(String)) || "none" }) };
  }
  const cell = graph.find((candidate) => candidate.names?.includes(target));
  if (cell) return { cells: [cell] };
  const names = [...new Set(graph.flatMap((candidate) => candidate.names ?? []))];
  if (!names.length) return { problem: diagnostic("explain-declares-nothing", { name: target }) };
  const nearby = listed(nearestNames(target, names, NEARBY_NAMES));
  const near = nearestName(target, names);
  return { problem: near ? diagnostic("explain-unknown-name-near", { name: target, near, nearby }) : diagnostic("explain-unknown-name", { name: target, nearby }) };
}

/** The `count` names closest to `name` (fewest edits, ignoring case), closest first. */
export function nearestNames(name: string, names: readonly string[], count: number): string[] {
  const lower = name.toLowerCase();
  return names
    .map((candidate, index) => ({ candidate, index, distance: editDistance(lower, candidate.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .slice(0, count)
    .map(({ candidate }) => candidate);
}

function listed(items: readonly string[]): string {
  return items.length > NEARBY_NAMES ? `${items.slice(0, NEARBY_NAMES).join(", ")}, …` : items.join(", ");
}

function lineCount(source: string): number {
  return source.split("\n").length;
}
