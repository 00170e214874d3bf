// A notebook as one TypeScript module, for type checking: every cell at the top level, in the order
// its dependencies run (so each cell sees the names it reads with their inferred types), inline values
// and expression cells as expression statements. Cells keep their own lines, so a diagnostic in the
// module maps back to its cell's line. The built-ins are declared by a file of their own (see
// publish/typecheck.ts); this module only writes the notebook. Pure: the checker is the caller's.
import { upstreamOf } from "./graph.ts";
import type { AnalyzedCell, AnalyzedNotebook } from "./types.ts";

/** Where a line of the module came from: a line of a cell (1-based), or nothing (scaffolding). */
export interface SourceLine {
  readonly cellId: string;
  readonly line: number;
}

export interface TypecheckSource {
  /** The module's text. */
  readonly text: string;
  /** For each line of `text` (index 0 is line 1), its cell and line in it. */
  readonly lines: readonly (SourceLine | undefined)[];
  /** Whether any cell is TypeScript: only TypeScript cells' diagnostics are reported. */
  readonly hasTypeScript: boolean;
}

/**
 * The cells in the order their inputs are defined (a cell after every cell it reads), document order
 * otherwise. The notebook has no cycles (the checks refuse them), so every cell is placed.
 */
export function dependencyOrder(cells: readonly AnalyzedCell[]): AnalyzedCell[] {
  const upstream = upstreamOf(cells);
  const placed = new Set<number>();
  const order: AnalyzedCell[] = [];
  const place = (index: number, visiting: Set<number>) => {
    if (placed.has(index) || visiting.has(index)) return;
    visiting.add(index);
    for (const before of upstream[index]!) place(before, visiting);
    placed.add(index);
    order.push(cells[index]!);
  };
  cells.forEach((_, index) => place(index, new Set()));
  return order;
}

export function typecheckSource(notebook: AnalyzedNotebook): TypecheckSource {
  const out: string[] = [];
  const lines: (SourceLine | undefined)[] = [];
  const scaffold = (text: string) => {
    out.push(text);
    lines.push(undefined);
  };
  scaffold("// wattbook: the notebook's cells in the order they run, for type checking.");
  for (const cell of dependencyOrder(notebook.cells)) {
    // The semicolon ends what the cell before left open: "a = 1⏎[b].map()" must not read as one.
    scaffold(`; // ${cell.kind} cell ${cell.id} (${cell.lang})`);
    const own = cell.sourceText.split("\n");
    // An expression (an inline value, an expression cell) is checked as one: `{a: 1}` is an object.
    const expression = cell.expression;
    if (expression) scaffold("(");
    own.forEach((text, index) => {
      out.push(text);
      lines.push({ cellId: cell.id, line: index + 1 });
    });
    if (expression) scaffold(");");
  }
  // A module, so that a notebook's names are its own and never another's.
  scaffold("export {};");
  return { text: `${out.join("\n")}\n`, lines, hasTypeScript: notebook.cells.some((cell) => cell.lang === "ts") };
}
