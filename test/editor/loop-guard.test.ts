import { describe, expect, it } from "vitest";
import { createLoopGuard, guardLoops, LOOP_GUARD, LoopTimeout } from "../../src/editor/loop-guard.ts";

describe("guardLoops", () => {
  it("calls the guard at the start of every loop body, with the loop's line", () => {
    const js = "let n = 0;\nwhile (true) { n++; }\nfor (let i = 0; i < 3; i++) n += i;\ndo n--; while (n > 0)\nfor (const x of xs) {}\nfor (const k in o) if (k) n++;";
    const out = guardLoops(js, false);
    expect(out.split("\n")).toEqual([
      "let n = 0;",
      `while (true) {${LOOP_GUARD}(2); n++; }`,
      `for (let i = 0; i < 3; i++) {${LOOP_GUARD}(3);n += i;}`,
      `do {${LOOP_GUARD}(4);n--;} while (n > 0)`,
      `for (const x of xs) {${LOOP_GUARD}(5);}`,
      `for (const k in o) {${LOOP_GUARD}(6);if (k) n++;}`,
    ]);
  });

  it("guards loops inside functions and expression cells, and leaves loop-free code alone", () => {
    expect(guardLoops("(() => { while (x) {} })()", true)).toBe(`(() => { while (x) {${LOOP_GUARD}(1);} })()`);
    expect(guardLoops("const f = (n) => n * 2;", false)).toBe("const f = (n) => n * 2;");
  });

  it("keeps a statement body that ends without a semicolon apart from the next line", () => {
    const out = guardLoops("while (a) a--\nb()", false);
    expect(out).toBe(`while (a) {${LOOP_GUARD}(1);a--}\nb()`);
  });
});

describe("createLoopGuard", () => {
  it("throws once a turn has run past the budget, and forgives the next turn", async () => {
    let time = 0;
    const guard = createLoopGuard(100, () => time);
    guard(3);
    time = 90;
    guard(3);
    time = 101;
    expect(() => guard(3)).toThrow(LoopTimeout);
    expect(() => guard(3)).toThrow("the loop at line 3 ran for more than 100 ms, so it was stopped: it may loop forever");
    await new Promise((resolve) => setTimeout(resolve, 10));
    time = 500;
    expect(() => guard(3)).not.toThrow();
  });

  it("stops a real endless loop", () => {
    const guard = createLoopGuard(30);
    const run = new Function(LOOP_GUARD, guardLoops("let i = 0; while (true) { i++; }", false));
    const started = performance.now();
    expect(() => run(guard)).toThrow(LoopTimeout);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
