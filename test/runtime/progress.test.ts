// The progress store's resets give back what they forgot, and Undo puts it back without losing what
// was answered since on other pages; kept input positions are plain data or nothing.
import { describe, expect, it } from "vitest";
import { ProgressStore } from "../../src/runtime/progress.ts";
import { parsePositions, positionOf, samePosition } from "../../src/runtime/input-positions.ts";

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

describe("ProgressStore resets and undo", () => {
  it("undoes a reset of all progress, keeping what was answered after it", () => {
    const storage = memoryStorage();
    const store = new ProgressStore("wattbook:progress:/", storage);
    store.update("a.md", "q1", { solved: true, response: "42", inputs: { c1: 1.5 } });
    store.update("b.md", "q2", { solved: true, response: "7" });
    const forgotten = store.resetAll();
    expect(store.solved()).toBe(0);
    expect(storage.getItem("wattbook:progress:/")).toBeNull();
    store.update("c.md", "q3", { solved: true });
    store.restore(forgotten);
    expect(store.solved()).toBe(3);
    expect(store.get("a.md", "q1")).toEqual({ solved: true, response: "42", inputs: { c1: 1.5 } });
    // What a reload reads back.
    expect(new ProgressStore("wattbook:progress:/", storage).solved()).toBe(3);
  });

  it("undoes a reset of one page, leaving the others alone", () => {
    const store = new ProgressStore("k", memoryStorage());
    store.update("a.md", "q1", { solved: true });
    store.update("b.md", "q2", { solved: true });
    const forgotten = store.resetPage("a.md");
    expect([store.solved("a.md"), store.solved("b.md")]).toEqual([0, 1]);
    store.restore(forgotten);
    expect([store.solved("a.md"), store.solved("b.md")]).toEqual([1, 1]);
    expect(store.pageCount()).toBe(2);
  });
});

describe("input positions", () => {
  it("are plain JSON values, compared exactly", () => {
    expect(positionOf(1.5)).toBe(1.5);
    expect(positionOf(["a", 2, true, null])).toEqual(["a", 2, true, null]);
    for (const value of [Number.NaN, Infinity, { a: 1 }, new Date(0), [{}], undefined]) expect(positionOf(value)).toBeUndefined();
    expect(samePosition(["a", 2], ["a", 2])).toBe(true);
    expect(samePosition(0.30000000000000004, 0.3)).toBe(false);
  });

  it("from storage: all valid or none", () => {
    expect(parsePositions({ c1: 1.5, c2: ["x"] })).toEqual({ c1: 1.5, c2: ["x"] });
    expect(parsePositions({ c1: 1.5, c2: { x: 1 } })).toBeUndefined();
    expect(parsePositions([1])).toBeUndefined();
    expect(parsePositions(undefined)).toBeUndefined();
  });
});
