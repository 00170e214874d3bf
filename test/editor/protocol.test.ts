// What the edit page accepts from its sandbox: only known messages with fields of the right types and
// sizes; edits only of the page's own cells; scripts only under _wattbook/.
import { describe, expect, it } from "vitest";
import { isScriptPath, LIMITS, parseFrameMessage, validEdits } from "../../src/editor/protocol.ts";

const known = new Set(["1a2b3c4d", "e5f6a7b8"]);

describe("parseFrameMessage", () => {
  it("accepts each known message as it is", () => {
    for (const type of ["hello", "beat", "live"]) expect(parseFrameMessage({ type }, known)).toEqual({ type });
    expect(parseFrameMessage({ type: "applied", skipped: 2 }, known)).toEqual({ type: "applied", skipped: 2 });
    expect(parseFrameMessage({ type: "height", px: 1288 }, known)).toEqual({ type: "height", px: 1288 });
    expect(parseFrameMessage({ type: "scroll", y: -20.5 }, known)).toEqual({ type: "scroll", y: -20.5 });
    expect(parseFrameMessage({ type: "link", index: 3 }, known)).toEqual({ type: "link", index: 3 });
    expect(parseFrameMessage({ type: "module", id: 7, path: "_wattbook/lib/runtime-J3IT7EGJ.js" }, known)).toEqual({ type: "module", id: 7, path: "_wattbook/lib/runtime-J3IT7EGJ.js" });
    const edits = { cells: { "1a2b3c4d": "const x = 2;" }, scratch: [{ id: "scratch-1", after: "1a2b3c4d", source: "x * 2" }] };
    expect(parseFrameMessage({ type: "edits", edits, unsafe: ["scratch-1"] }, known)).toEqual({ type: "edits", edits, unsafe: ["scratch-1"] });
    expect(parseFrameMessage({ type: "failed", message: "x".repeat(5000) }, known)).toEqual({ type: "failed", message: "x".repeat(LIMITS.message) });
  });

  it("refuses anything else: unknown types, extra fields, wrong types, sizes out of range", () => {
    const bad: unknown[] = [
      null,
      "hello",
      [],
      { type: "navigate", href: "https://evil.example/" },
      { type: "setItem", key: "wattbook:progress", value: "x" },
      { type: "html", html: "<img src=x onerror=alert(1)>" },
      { type: "hello", extra: 1 },
      { type: "height", px: "100" },
      { type: "height", px: -1 },
      { type: "height", px: Infinity },
      { type: "height", px: 1e12 },
      { type: "scroll", y: Number.NaN },
      { type: "link", index: 1.5 },
      { type: "link", index: -1 },
      { type: "applied", skipped: "2" },
      { type: "module", id: 1, path: "../secret.js" },
      { type: "module", id: 1, path: "_wattbook/../../etc/passwd.js" },
      { type: "module", id: 1, path: "https://evil.example/x.js" },
      { type: "module", id: 1, path: "_wattbook/lib/x.json" },
      { type: "module", id: -1, path: "_wattbook/lib/x.js" },
      { type: "edits", edits: { cells: {}, scratch: [] } },
      { type: "edits", edits: { cells: { other: "x" }, scratch: [] }, unsafe: [] },
      { type: "edits", edits: { cells: { "1a2b3c4d": 1 }, scratch: [] }, unsafe: [] },
      { type: "edits", edits: { cells: {}, scratch: [] }, unsafe: ["1a2b3c4d"] },
      { type: "edits", edits: { cells: { "1a2b3c4d": "x".repeat(LIMITS.source + 1) }, scratch: [] }, unsafe: [] },
      { type: "edits", edits: { cells: {}, scratch: [{ id: "evil", after: "1a2b3c4d", source: "" }] }, unsafe: [] },
      { type: "edits", edits: { cells: {}, scratch: [{ id: "scratch-1", after: "nowhere", source: "" }] }, unsafe: [] },
      { type: "edits", edits: { cells: {}, scratch: [{ id: "scratch-1", after: "1a2b3c4d", source: "" }, { id: "scratch-1", after: "1a2b3c4d", source: "" }] }, unsafe: [] },
    ];
    for (const message of bad) expect(parseFrameMessage(message, known), JSON.stringify(message)).toBeUndefined();
  });
});

describe("validEdits and isScriptPath", () => {
  it("takes the inputs the reader moved only for the page's cells, as strings and booleans", () => {
    const values = { "1a2b3c4d": ["20000000", "20000000"], e5f6a7b8: [true, false] };
    expect(parseFrameMessage({ type: "inputs", values }, known)).toEqual({ type: "inputs", values });
    expect(parseFrameMessage({ type: "inputs", values: { "1a2b3c4d": ["2", { toString: 1 }, 3, "x".repeat(20_000)], evil: ["1"] } }, known)).toEqual({ type: "inputs", values: { "1a2b3c4d": ["2"] } });
    for (const bad of [{ type: "inputs" }, { type: "inputs", values: [] }, { type: "inputs", values: "x" }, { type: "inputs", values: {}, extra: 1 }]) expect(parseFrameMessage(bad, known)).toBeUndefined();
  });

  it("bounds the edits in all: count of scratch cells and total size", () => {
    const scratch = Array.from({ length: LIMITS.scratch + 1 }, (_, i) => ({ id: `scratch-${i + 1}`, after: "1a2b3c4d", source: "1" }));
    expect(validEdits({ cells: {}, scratch }, known)).toBeUndefined();
    expect(validEdits({ cells: {}, scratch: scratch.slice(0, 3) }, known)?.scratch).toHaveLength(3);
    const big = "x".repeat(LIMITS.source);
    const many = new Set(Array.from({ length: 11 }, (_, i) => `c${i}`));
    expect(validEdits({ cells: Object.fromEntries([...many].map((id) => [id, big])), scratch: [] }, many)).toBeUndefined();
    // A scratch cell may follow another scratch cell placed before it.
    expect(validEdits({ cells: {}, scratch: [{ id: "scratch-1", after: "1a2b3c4d", source: "" }, { id: "scratch-2", after: "scratch-1", source: "" }] }, known)).toBeDefined();
  });

  it("hands out only the site's scripts", () => {
    expect(isScriptPath("_wattbook/editor/frame-NEUBTROO.js")).toBe(true);
    expect(isScriptPath("_wattbook/page-cost 1-X.js")).toBe(true);
    for (const path of ["_wattbook/x.js?y", "_wattbook//x.js", "_wattbook/./x.js", "_wattbook/a\\b.js", "_wattbook/%2e%2e/x.js", "wattbook.css", "_edit/x.html", "_wattbook/x.js\u0000"]) expect(isScriptPath(path), path).toBe(false);
  });
});
