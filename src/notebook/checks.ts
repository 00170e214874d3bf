// Checks across a notebook's cells: one binding per imported name, one definition per name, no cycles.
// Each reports into the shared error list, so a build shows every problem at once.
import { excerptAt, LocatedError } from "./errors.ts";
import type { AnalyzedCell, SourcePosition } from "./types.ts";

export interface Context {
  readonly file: string;
  readonly source: string;
}

export function located(context: Context, reason: string, position: SourcePosition, cellId: string, hint?: string): LocatedError {
  return new LocatedError(reason, { file: context.file, position, cellId, excerpt: excerptAt(context.source, position), ...(hint ? { hint } : {}) });
}

export function where(context: Context, position: SourcePosition): string {
  return `${context.file}:${position.line}:${position.column}`;
}

/** Every imported local name with what it binds; two different bindings of one name are an error. */
export function checkImports(cells: readonly AnalyzedCell[], context: Context, errors: LocatedError[]): Map<string, { key: string; position: SourcePosition }> {
  const imported = new Map<string, { key: string; position: SourcePosition }>();
  for (const cell of cells) {
    for (const declaration of cell.imports) {
      for (const { imported: name, local } of declaration.specifiers) {
        const from = JSON.stringify(declaration.source);
        const key = name === "*" ? `the namespace of ${from}` : name === "default" ? `the default export of ${from}` : `${name} from ${from}`;
        const first = imported.get(local);
        if (!first) imported.set(local, { key, position: declaration.position });
        else if (first.key !== key) {
          errors.push(located(context, `${local} is imported twice, as ${key} here and as ${first.key} at ${where(context, first.position)}`, declaration.position, cell.id, "import it under another name in one of them"));
        }
      }
    }
  }
  return imported;
}

/** Reports names defined twice, or defined and imported; returns where each name is defined. */
export function checkDeclarations(cells: readonly AnalyzedCell[], imported: ReadonlyMap<string, { position: SourcePosition }>, context: Context, errors: LocatedError[]): Map<string, SourcePosition> {
  const defined = new Map<string, SourcePosition>();
  for (const cell of cells) {
    cell.declarations.forEach((name, index) => {
      const position = cell.declarationPositions?.[index] ?? cell.position;
      const imports = imported.get(name);
      const first = defined.get(name);
      if (imports) {
        errors.push(located(context, `${name} is defined here and imported at ${where(context, imports.position)}`, position, cell.id, "rename one of them"));
      } else if (first) {
        errors.push(located(context, `${name} is defined twice: here and at ${where(context, first)}`, position, cell.id, "each name is defined by one cell; rename one of them"));
      } else defined.set(name, position);
    });
  }
  return defined;
}

/** Cells that depend on each other in a circle never run: report each circle once, naming every cell. */
export function checkCycles(cells: readonly AnalyzedCell[], context: Context, errors: LocatedError[]): void {
  const definedBy = new Map<string, number>();
  cells.forEach((cell, index) => cell.declarations.forEach((name) => definedBy.has(name) || definedBy.set(name, index)));
  const edges = cells.map((cell) => [...new Set(cell.references.map((name) => definedBy.get(name)).filter((i): i is number => i !== undefined))]);
  for (const component of stronglyConnected(edges)) {
    if (component.length < 2) continue;
    const members = new Set(component);
    const ordered = [...component].sort((a, b) => a - b);
    const describe = (index: number) => {
      const cell = cells[index]!;
      const reads = cell.references.filter((name) => members.has(definedBy.get(name) ?? -1));
      return `${where(context, cell.position)} defines ${cell.declarations.join(", ")} and reads ${reads.join(", ")}`;
    };
    const first = cells[ordered[0]!]!;
    errors.push(
      located(context, `these cells depend on each other in a cycle: ${ordered.map(describe).join("; ")}`, first.position, first.id, "a cell cannot read a value computed from its own; move the shared part into one cell"),
    );
  }
}

/** Tarjan's algorithm, iterative: the strongly connected components of a graph of cell indices. */
function stronglyConnected(edges: readonly (readonly number[])[]): number[][] {
  const index: number[] = new Array(edges.length).fill(-1);
  const low: number[] = new Array(edges.length).fill(0);
  const onStack: boolean[] = new Array(edges.length).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let start = 0; start < edges.length; start++) {
    if (index[start] !== -1) continue;
    const work: [number, number][] = [[start, 0]];
    while (work.length) {
      const frame = work[work.length - 1]!;
      const [node, next] = frame;
      if (next === 0 && index[node] === -1) {
        index[node] = low[node] = counter++;
        stack.push(node);
        onStack[node] = true;
      }
      const targets = edges[node]!;
      if (next < targets.length) {
        frame[1]++;
        const target = targets[next]!;
        if (index[target] === -1) work.push([target, 0]);
        else if (onStack[target]) low[node] = Math.min(low[node]!, index[target]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[node]!);
      if (low[node] === index[node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = false;
          component.push(member);
        } while (member !== node);
        components.push(component);
      }
    }
  }
  return components;
}
