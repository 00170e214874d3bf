// The cell graph a page's panel walks, made from the compiled notebook the page runs (the same records
// the runtime defines) and the page itself: the code of each cell is its compiled body's text (which
// keeps the cell's lines, see notebook/compile.ts), and where the page shows a cell is read from the page.
import type { CompiledCell, CompiledNotebook } from "../notebook/types.ts";
import type { StaticCell } from "./data.ts";

export function compiledGraph(notebook: CompiledNotebook, page: Document): StaticCell[] {
  const definedBy = new Map<string, string>();
  for (const cell of notebook.cells) for (const name of cell.outputs) if (!definedBy.has(name)) definedBy.set(name, cell.id);
  return notebook.cells.map((cell) => {
    const reads = [...new Set(cell.inputs.filter((name) => definedBy.has(name) && definedBy.get(name) !== cell.id))];
    const { anchor, label } = placeOf(cell, page);
    return {
      id: cell.id,
      line: cell.position.line,
      ...(cell.inline ? { inline: true as const } : {}),
      ...(cell.expression ? { expression: true as const } : {}),
      ...(cell.outputs.length ? { names: cell.outputs } : {}),
      ...(reads.length ? { reads } : {}),
      source: sourceOf(cell),
      ...(anchor ? { anchor } : {}),
      ...(label ? { label } : {}),
      ...(cell.inputs.includes("view") ? { input: true as const } : {}),
      ...(cell.browser ? { browser: true as const } : {}),
    };
  });
}

/**
 * The cell's code from its body's text: the compiler writes `(inputs) => (⏎code⏎)` for an expression and
 * `(inputs) => {⏎code⏎return {names};⏎}` for the rest (TypeScript as stripped).
 */
export function sourceOf(cell: Pick<CompiledCell, "body" | "expression" | "outputs">): string {
  const lines = String(cell.body).split("\n");
  const inner = lines.slice(1, -1);
  if (!cell.expression && cell.outputs.length && /^return \{.*\};$/.test(inner[inner.length - 1] ?? "")) inner.pop();
  return inner.join("\n").trim();
}

/** Where the page shows the cell: its element's id, and "Figure 2" for a numbered one. */
function placeOf(cell: CompiledCell, page: Document): { anchor?: string; label?: string } {
  const own = page.getElementById(`cell-${cell.id}`);
  if (own) return { anchor: own.id };
  const figure = page.querySelector(`[data-cell="${cell.id}"]`)?.closest("figure[id]");
  if (!figure) return {};
  const label = figure.querySelector(".wb-label")?.textContent?.replace(/\.$/, "").trim();
  return { anchor: figure.id, ...(label ? { label } : {}) };
}
