import { describe, expect, it } from "vitest";
import { diffLines } from "../../src/editor/diff.ts";
import { editCount, type Edits, parseEdits, serializeEdits } from "../../src/editor/edits.ts";
import { decodeEdits, encodeEdits, shareUrl } from "../../src/editor/share.ts";
import { localEditStore, storageKey } from "../../src/editor/store.ts";

const edits: Edits = {
  cells: { "1a2b3c4d": "const footprint = trainingFootprint({devices: gpus, pue: 1.5});", e5f6a7b8: "gpus * 2 // “quoted” ünïcode" },
  scratch: [{ id: "scratch-1", after: "1a2b3c4d", source: "footprint.totalKg / 1000" }],
};

describe("edits as data", () => {
  it("round-trips through text, and rejects what is not edits", () => {
    expect(parseEdits(serializeEdits(edits))).toEqual(edits);
    expect(editCount(edits)).toBe(3);
    for (const bad of ["", "{", "[]", '{"v":2,"cells":{},"scratch":[]}', '{"v":1,"cells":[],"scratch":[]}']) expect(parseEdits(bad)).toBeUndefined();
    // Stray entries are dropped, not trusted.
    expect(parseEdits('{"v":1,"cells":{"a":1,"b":"x"},"scratch":[{"id":"evil","after":"a","source":""}]}')).toEqual({ cells: { b: "x" }, scratch: [] });
  });

  it("round-trips through a share link's fragment, compressed", async () => {
    const encoded = await encodeEdits(edits);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encoded.length).toBeLessThan(serializeEdits(edits).length * 1.34);
    expect(await decodeEdits(encoded)).toEqual(edits);
    expect(await decodeEdits("not-deflate")).toBeUndefined();
    expect(shareUrl("http://x/_edit/a.html#edit=1", encoded)).toBe(`http://x/_edit/a.html#edits=${encoded}`);
  });

  it("persists per page, removes the key when nothing is edited, and survives a storage that throws", () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
    const store = localEditStore(storage);
    expect(store.save(storageKey("a.md"), edits)).toBe(true);
    expect(store.load(storageKey("a.md"))).toEqual(edits);
    expect(store.load(storageKey("b.md"))).toBeUndefined();
    store.save(storageKey("a.md"), { cells: {}, scratch: [] });
    expect(map.size).toBe(0);
    const broken = localEditStore({ getItem: () => { throw new Error("denied"); }, setItem: () => { throw new Error("quota"); }, removeItem: () => {} });
    expect(broken.load("k")).toBeUndefined();
    expect(broken.save("k", edits)).toBe(false);
  });
});

describe("diffLines", () => {
  it("shows removed lines before the added ones that replace them, and keeps the rest", () => {
    expect(diffLines("a\nb\nc", "a\nB\nc\nd")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "B" },
      { kind: "same", text: "c" },
      { kind: "added", text: "d" },
    ]);
    expect(diffLines("x", "x")).toEqual([{ kind: "same", text: "x" }]);
  });
});
