// The latest value (or failure) of each cell, for code outside the runtime that follows cells: the
// page's exercises. Listeners hear every later change; the latest is kept for those who subscribe late
// (the exercise code loads after the first cells have run).
import type { CellResult } from "../notebook/types.ts";

export class CellResults {
  private readonly latest = new Map<string, CellResult>();
  private readonly listeners = new Map<string, Set<(result: CellResult) => void>>();

  set(cellId: string, result: CellResult): void {
    this.latest.set(cellId, result);
    for (const listener of this.listeners.get(cellId) ?? []) listener(result);
  }

  get(cellId: string): CellResult | undefined {
    return this.latest.get(cellId);
  }

  /** Calls `listener` with the latest result now (if there is one) and with every later one. */
  subscribe(cellId: string, listener: (result: CellResult) => void): () => void {
    let set = this.listeners.get(cellId);
    if (!set) this.listeners.set(cellId, (set = new Set()));
    set.add(listener);
    const now = this.latest.get(cellId);
    if (now) listener(now);
    return () => set.delete(listener);
  }
}
