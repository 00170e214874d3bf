import { describe, expect, it } from "vitest";
import { createLoopGuard, GUARD_CALL, GUARD_CATCH, guardLoops, LOOP_GUARD, LoopTimeout } from "../../src/editor/loop-guard.ts";

const G = LOOP_GUARD;

describe("guardLoops", () => {
  it("calls the guard at the start of every loop body, with the loop's line", () => {
    const js = "let n = 0;\nwhile (true) { n++; }\nfor (let i = 0; i < 3; i++) n += i;\ndo n--; while (n > 0)\nfor (const x of xs) {}\nfor (const k in o) if (k) n++;";
    const out = guardLoops(js, false);
    expect(out.split("\n")).toEqual([
      "let n = 0;",
      `while (true) {${G}(2); n++; }`,
      `for (let i = 0; i < 3; i++) {${G}(3);n += i;}`,
      `do {${G}(4);n--;} while (n > 0)`,
      `for (const x of xs) {${G}(5);}`,
      `for (const k in o) {${G}(6);if (k) n++;}`,
    ]);
  });

  it("guards every function body and catch clause, in expression cells too, without adding a line", () => {
    expect(guardLoops("(() => { while (x) {} })()", true)).toBe(`(() => {${G}(1, ${GUARD_CALL}); while (x) {${G}(1);} })()`);
    expect(guardLoops("const f = (n) => n * 2;", false)).toBe(`const f = (n) => (${G}(1, ${GUARD_CALL}), n * 2);`);
    expect(guardLoops("const o = () => ({a: 1});", false)).toBe(`const o = () => ((${G}(1, ${GUARD_CALL}), {a: 1}));`);
    const js = "function f(n) {\n  try { return f(n + 1); } catch { return f(n + 1); }\n}\nclass A { m() { try {} catch ({message}) {} } }";
    expect(guardLoops(js, false).split("\n")).toEqual([
      `function f(n) {${G}(1, ${GUARD_CALL});`,
      `  try { return f(n + 1); } catch {${G}(2, ${GUARD_CATCH}); return f(n + 1); }`,
      "}",
      `class A { m() {${G}(4, ${GUARD_CALL}); try {} catch ({message}) {${G}(4, ${GUARD_CATCH});} } }`,
    ]);
    expect(guardLoops("const x = 1 + 2;", false)).toBe("const x = 1 + 2;");
  });

  it("keeps a statement body that ends without a semicolon apart from the next line, and nests closers right", () => {
    expect(guardLoops("while (a) a--\nb()", false)).toBe(`while (a) {${G}(1);a--}\nb()`);
    const nested = guardLoops("for (;;) f = () => x", false);
    expect(nested).toBe(`for (;;) {${G}(1);f = () => (${G}(1, ${GUARD_CALL}), x)}`);
    expect(() => new Function(G, nested)).not.toThrow();
    const inner = guardLoops("while (a) while (b) c--", false);
    expect(inner).toBe(`while (a) {${G}(1);while (b) {${G}(1);c--}}`);
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

  it("stays tripped for the rest of the turn: calls and catch clauses throw the same error, and onTrip is told once", async () => {
    let time = 0;
    let trips = 0;
    const guard = createLoopGuard(100, () => time, () => trips++);
    guard(1);
    time = 200;
    let first: unknown;
    try {
      guard(2);
    } catch (error) {
      first = error;
    }
    expect(first).toBeInstanceOf(LoopTimeout);
    expect(() => guard(7, GUARD_CATCH)).toThrow(first as Error);
    expect(() => guard(8, GUARD_CALL)).toThrow(first as Error);
    expect(trips).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(() => guard(7, GUARD_CATCH)).not.toThrow();
  });

  it("stops a real endless loop", () => {
    const guard = createLoopGuard(30);
    const run = new Function(G, guardLoops("let i = 0; while (true) { i++; }", false));
    const started = performance.now();
    expect(() => run(guard)).toThrow(LoopTimeout);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("stops recursion that catches its own stack overflow and recurses again", () => {
    const guard = createLoopGuard(50);
    // Without the guard this never ends: every level that overflows calls again from its catch clause.
    const code = guardLoops("function f(n) {\n  try { return f(n + 1); } catch (e) { return f(n + 1); }\n}\nf(0);", false);
    const run = new Function(G, code);
    const started = performance.now();
    expect(() => run(guard)).toThrow(/the function at line 1 ran for more than 50 ms without giving the page a turn, so it was stopped: it may recurse forever/);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("stops loops that swallow every error, and recursion through finally", () => {
    const swallow = new Function(G, guardLoops("for (;;) { try { for (;;) {} } catch {} }", false));
    expect(() => swallow(createLoopGuard(30))).toThrow(LoopTimeout);
    const fin = new Function(G, guardLoops("function g() { try { g(); } finally { g(); } }\ng();", false));
    const started = performance.now();
    expect(() => fin(createLoopGuard(30))).toThrow();
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
