// The cell graph a trace walks, from the compiler's analysis: each cell's line, code, the names it
// declares and the names of other cells it reads, and where the page shows it. `wattbook explain` and
// the tests use it; a page makes the same graph from its compiled notebook (compiled-graph.ts).
import { browserOnlyCells } from "../notebook/browser-only.ts";
import { definers } from "../notebook/graph.ts";
import type { AnalyzedNotebook } from "../notebook/types.ts";
import type { CapturedProvenance, ExplainData, StaticCell } from "./data.ts";

/** Code past this many characters is cut: a trace shows what a step computes, the page shows the rest. */
export const SOURCE_LIMIT = 2_000;

/** A block cell's element id on the page: its label for a numbered figure or table, else `cell-<id>`. */
export function cellAnchor(cell: { readonly id: string; readonly label?: string }): string {
  return cell.label ?? `cell-${cell.id}`;
}

export function staticGraph(notebook: AnalyzedNotebook): StaticCell[] {
  const definedBy = definers(notebook.cells);
  const browserOnly = browserOnlyCells(notebook.cells);
  const numbers = new Map(notebook.labels.map((label) => [label.name, label.number]));
  return notebook.cells.map((cell, index) => {
    const names = cell.expression ? [] : cell.declarations;
    const reads = [...new Set(cell.references.filter((name) => definedBy.has(name) && definedBy.get(name) !== index))];
    const placed = notebook.html.includes(`<!--wb:${cell.kind === "inline" ? "inline" : "cell"}:${cell.id}-->`);
    const source = cell.sourceText.length > SOURCE_LIMIT ? `${cell.sourceText.slice(0, SOURCE_LIMIT)}…` : cell.sourceText;
    const label = cell.label ? `${cell.label.startsWith("tbl-") ? "Table" : "Figure"} ${numbers.get(cell.label) ?? "?"}` : undefined;
    return {
      id: cell.id,
      line: cell.position.line,
      ...(cell.kind === "inline" ? { inline: true as const } : {}),
      ...(cell.expression ? { expression: true as const } : {}),
      ...(names.length ? { names } : {}),
      ...(reads.length ? { reads } : {}),
      source,
      ...(placed ? { anchor: cellAnchor(cell) } : {}),
      ...(label ? { label } : {}),
      ...(cell.references.includes("view") ? { input: true as const } : {}),
      ...(browserOnly.has(cell.id) ? { browser: true as const } : {}),
    };
  });
}

/** A trace's data: the graph, with what a run captured (none when it captured nothing). */
export function explainData(notebook: AnalyzedNotebook, captured: CapturedProvenance | undefined): ExplainData {
  return { path: notebook.path, graph: staticGraph(notebook), cells: captured?.cells ?? {}, sources: captured?.sources ?? {} };
}
