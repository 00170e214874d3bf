// The notebook-wide checks, after each cell is analyzed on its own: one binding per imported name, one
// definition per name, no cell assigning another's value, no circles. Pure over plain data, so that the
// build, the preview, `check` and the in-page editor run the very same checks and say the same things.
import { cycles, definers, type GraphCell } from "./graph.ts";
import { diagnostic, type Diagnostic } from "./messages.ts";
import type { CellImport, SourcePosition } from "./types.ts";

/** What the checks need of a cell: its place in the graph, its imports and its assignments to free names. */
export interface CheckedCell extends GraphCell {
  readonly imports?: readonly CellImport[];
  readonly foreignAssignments?: readonly { readonly name: string; readonly position: SourcePosition }[];
}

/** A problem the checks found, located at a cell (its own position, or the position of the name). */
export interface CheckProblem extends Diagnostic {
  readonly cellId: string;
  readonly position: SourcePosition;
}

/**
 * Every problem across the cells, in document order of the cells involved. `where` writes a position
 * as the author finds it ("notebooks/a.md:12:3"), for messages that point at another cell.
 */
export function checkNotebook(cells: readonly CheckedCell[], where: (position: SourcePosition) => string): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const report = (cell: CheckedCell, position: SourcePosition, found: Diagnostic) => problems.push({ ...found, cellId: cell.id, position });

  // Imports: every local name binds one thing.
  const imported = new Map<string, { key: string; position: SourcePosition }>();
  for (const cell of cells) {
    for (const declaration of cell.imports ?? []) {
      for (const { imported: name, local } of declaration.specifiers) {
        const from = JSON.stringify(declaration.specifier);
        const key = name === "*" ? `the namespace of ${from}` : name === "default" ? `the default export of ${from}` : `${name} from ${from}`;
        const first = imported.get(local);
        if (!first) imported.set(local, { key, position: declaration.position });
        else if (first.key !== key) report(cell, declaration.position, diagnostic("import-conflict", { local, here: key, first: first.key, at: where(first.position) }));
      }
    }
  }

  // Definitions: one cell per name, and no name both defined and imported.
  const defined = new Map<string, SourcePosition>();
  for (const cell of cells) {
    cell.declarations.forEach((name, index) => {
      const position = cell.declarationPositions?.[index] ?? cell.position;
      const imports = imported.get(name);
      const first = defined.get(name);
      if (imports) report(cell, position, diagnostic("defined-and-imported", { name, at: where(imports.position) }));
      else if (first) report(cell, position, diagnostic("defined-twice", { name, at: where(first) }));
      else defined.set(name, position);
    });
  }

  // Assignments to names the cell does not declare: another cell's value, or nothing at all.
  for (const cell of cells) {
    for (const { name, position } of cell.foreignAssignments ?? []) {
      const definition = defined.get(name);
      if (definition) report(cell, position, diagnostic("assigns-other-cell", { name, at: where(definition) }));
      else report(cell, position, diagnostic("assigns-undeclared", { name }));
    }
  }

  // Circles: reported once each, at the first cell, naming every cell in it.
  const definedBy = definers(cells);
  for (const circle of cycles(cells)) {
    const members = new Set(circle);
    const describe = (index: number) => {
      const cell = cells[index]!;
      const reads = cell.references.filter((name) => members.has(definedBy.get(name) ?? -1));
      return `${where(cell.position)} defines ${cell.declarations.join(", ")} and reads ${reads.join(", ")}`;
    };
    const first = cells[circle[0]!]!;
    report(first, first.position, diagnostic("cycle", { cells: circle.map(describe).join("; ") }));
  }
  return problems;
}
