// Static checks the runtime cannot phrase well: a name declared by two cells, and cells that depend on
// each other in a cycle. The runtime only says "x is defined more than once" or "circular definition";
// these messages name every cell involved by location.
import type { CompiledCell } from "../notebook/types.ts";

export interface Conflict {
  readonly message: string;
}

export function conflictsOf(cells: readonly CompiledCell[], locate: (cell: CompiledCell) => string): Map<string, Conflict> {
  const conflicts = new Map<string, Conflict>();
  const definers = new Map<string, CompiledCell[]>();
  for (const cell of cells) {
    for (const name of cell.outputs) {
      const list = definers.get(name);
      if (list) list.push(cell);
      else definers.set(name, [cell]);
    }
  }
  for (const [name, list] of definers) {
    if (list.length < 2) continue;
    for (const cell of list) {
      const others = list.filter((c) => c !== cell).map(locate);
      conflicts.set(cell.id, { message: `${name} is defined more than once: here and at ${others.join(", ")}` });
    }
  }
  for (const cycle of cyclesOf(cells, definers)) {
    const path = cycle.map((cell) => `${cell.outputs.join(", ") || "cell"} (${locate(cell)})`).join(" → ");
    for (const cell of cycle) {
      if (!conflicts.has(cell.id)) conflicts.set(cell.id, { message: `circular definition: ${path} → back to the start` });
    }
  }
  return conflicts;
}

/**
 * Strongly connected components of more than one cell (Tarjan), each in document order. Iterative: a
 * chain of ten thousand cells, each reading the one before, must not overflow the stack.
 */
function cyclesOf(cells: readonly CompiledCell[], definers: Map<string, CompiledCell[]>): CompiledCell[][] {
  const index = new Map<CompiledCell, number>();
  const low = new Map<CompiledCell, number>();
  const onStack = new Set<CompiledCell>();
  const stack: CompiledCell[] = [];
  const cycles: CompiledCell[][] = [];
  let counter = 0;
  const order = new Map(cells.map((cell, i) => [cell, i]));
  const upstream = (cell: CompiledCell) => cell.inputs.flatMap((name) => definers.get(name) ?? []).filter((c) => c !== cell);

  for (const start of cells) {
    if (index.has(start)) continue;
    // Each frame: a cell, its upstream cells, and how many of them were looked at.
    const work: { cell: CompiledCell; next: CompiledCell[]; at: number }[] = [];
    const enter = (cell: CompiledCell) => {
      index.set(cell, counter);
      low.set(cell, counter++);
      stack.push(cell);
      onStack.add(cell);
      work.push({ cell, next: upstream(cell), at: 0 });
    };
    enter(start);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const { cell } = frame;
      if (frame.at < frame.next.length) {
        const next = frame.next[frame.at++]!;
        if (!index.has(next)) enter(next);
        else if (onStack.has(next)) low.set(cell, Math.min(low.get(cell)!, index.get(next)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.cell, Math.min(low.get(parent.cell)!, low.get(cell)!));
      if (low.get(cell) === index.get(cell)) {
        const component: CompiledCell[] = [];
        let member: CompiledCell;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== cell);
        if (component.length > 1) cycles.push(component.sort((a, b) => order.get(a)! - order.get(b)!));
      }
    }
  }
  return cycles;
}
