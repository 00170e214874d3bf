// The cell graph: which cell defines each name, which cells each cell reads (and, through them, which
// cells depend on which), and the circles in it.
// The compiler's checks, the build's report of stuck cells and the in-page editor all ask this module,
// so that every consumer sees the same graph.
import type { SourcePosition } from "./types.ts";

/** What the graph needs of a cell: the names it defines and the free names it reads. */
export interface GraphCell {
  readonly id: string;
  readonly position: SourcePosition;
  /** Names the cell defines, in order. */
  readonly declarations: readonly string[];
  /** Where each of `declarations` is declared (defaults to the cell's position). */
  readonly declarationPositions?: readonly SourcePosition[];
  /** Free names the cell reads (not its imports). */
  readonly references: readonly string[];
}

/** Each name → the index of the first cell (in document order) that defines it. */
export function definers(cells: readonly GraphCell[]): Map<string, number> {
  const definedBy = new Map<string, number>();
  cells.forEach((cell, index) => {
    for (const name of cell.declarations) if (!definedBy.has(name)) definedBy.set(name, index);
  });
  return definedBy;
}

/** For each cell, the indices of the cells it reads (its upstream), without itself and without repeats. */
export function upstreamOf(cells: readonly GraphCell[], definedBy: ReadonlyMap<string, number> = definers(cells)): number[][] {
  return cells.map((cell, index) => [...new Set(cell.references.map((name) => definedBy.get(name)).filter((i): i is number => i !== undefined && i !== index))]);
}

/** The cells that the cells at `seeds` read, directly or through other cells: cell indices, the seeds included. */
export function upstreamClosureOf(cells: readonly GraphCell[], seeds: Iterable<number>): Set<number> {
  const inputs = upstreamOf(cells);
  const found = new Set<number>();
  const stack = [...seeds];
  while (stack.length) {
    const index = stack.pop()!;
    if (found.has(index)) continue;
    found.add(index);
    stack.push(...(inputs[index] ?? []));
  }
  return found;
}

/**
 * The cells that read, directly or through other cells, any of the cells at `seeds`: as a set of cell
 * indices, the seeds included. Iterative, like everything here: a chain of ten thousand cells is fine.
 */
export function downstreamOf(cells: readonly GraphCell[], seeds: Iterable<number>): Set<number> {
  const readers: number[][] = cells.map(() => []);
  upstreamOf(cells).forEach((inputs, reader) => {
    for (const input of inputs) readers[input]!.push(reader);
  });
  const reached = new Set<number>();
  const work = [...seeds];
  while (work.length) {
    const index = work.pop()!;
    if (reached.has(index)) continue;
    reached.add(index);
    for (const reader of readers[index] ?? []) if (!reached.has(reader)) work.push(reader);
  }
  return reached;
}

/**
 * The circles of the graph: sets of two or more cells that each depend on the others, each as cell
 * indices in document order, the circles ordered by their first cell.
 */
export function cycles(cells: readonly GraphCell[]): number[][] {
  return stronglyConnected(upstreamOf(cells))
    .filter((component) => component.length > 1)
    .map((component) => component.sort((a, b) => a - b))
    .sort((a, b) => a[0]! - b[0]!);
}

/**
 * Tarjan's algorithm, iterative: the strongly connected components of a graph of cell indices. A chain
 * of ten thousand cells, each reading the one before, must not overflow the stack.
 */
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
