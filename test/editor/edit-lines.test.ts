// An error thrown by an edited cell is placed at the line (and column) the reader typed: the edit is
// compiled as the page compiles it (compileEdit: types stripped by sucrase, loops guarded, the record
// around the body), instantiated as the page does (new Function), run, and its error located.
import { describe, expect, it } from "vitest";
import { compileEdit } from "../../src/editor/compile.ts";
import { alignColumn, typedPosition } from "../../src/editor/edit-lines.ts";
import { instantiate } from "../../src/editor/instantiate.ts";
import { sucraseStripper } from "../../src/editor/strip-types.ts";
import * as kernel from "../../src/kernel/index.ts";
import type { CellLanguage, ThrownLine } from "../../src/notebook/types.ts";

/** Compiles and runs `code` as an edited cell; what its body threw, located. */
async function thrownAt(code: string, options: { lang?: CellLanguage; inputs?: Record<string, unknown>; kind?: "block" | "inline" } = {}): Promise<{ at: ThrownLine | undefined; error: unknown }> {
  const result = compileEdit({ id: "c1", kind: options.kind ?? "block", lang: options.lang ?? "js" }, code, { imported: new Set(), typeStripper: sucraseStripper });
  if (!result.ok) throw new Error(`did not compile: ${JSON.stringify(result.errors)}`);
  const cell = instantiate(result.edit, { imports: {}, kernel, position: { line: 40, column: 1 }, loopBudgetMs: 1000 });
  try {
    await cell.body(...cell.inputs.map((name) => options.inputs?.[name]));
  } catch (error) {
    return { at: cell.locateThrown?.(error), error };
  }
  throw new Error("the cell did not throw");
}

/** The 1-based column of `needle` in line `line` of `code`. */
const columnOf = (code: string, line: number, needle: string) => code.split("\n")[line - 1]!.indexOf(needle) + 1;

describe("where an edited cell threw", () => {
  it("is line 3 of a 5-line js cell that throws on line 3, at the column of the failing read", async () => {
    const code = ["const a = 1;", "const b = {c: null};", "const d = b.c.e + a;", "const f = d * 2;", "const g = f;"].join("\n");
    const { at, error } = await thrownAt(code);
    expect(String(error)).toMatch(/TypeError/);
    expect(at).toEqual({ line: 3, column: columnOf(code, 3, "e +"), code: "edited cell" });
  });

  it("is line 3 of a 5-line ts cell whose types sucrase strips, at the column the reader typed", async () => {
    const code = [
      "interface Box { c: {e: number} | null }",
      "const b: Box = {c: null};",
      "const d: number = (b.c as {e: number}).e + (1 as number);",
      "const f: number = d * 2;",
      "const g = f as number;",
    ].join("\n");
    const { at } = await thrownAt(code, { lang: "ts" });
    // V8 points at the property read; the typed line has the cast before it.
    expect(at?.line).toBe(3);
    expect(at?.column).toBe(columnOf(code, 3, "e + (1"));
  });

  it("is the calling line when the kernel throws: its frames are skipped", async () => {
    const code = [
      'import {batteryLife} from "wattbook/kernel";',
      "const volts = 3;",
      "const life = batteryLife({capacityMilliampHours: -5, volts, averageMilliwatts: 1});",
      "const days = life.days;",
      "const weeks = days / 7;",
    ].join("\n");
    const { at, error } = await thrownAt(code);
    expect((error as Error).name).toBe("KernelInputError");
    expect(at).toMatchObject({ line: 3, column: columnOf(code, 3, "batteryLife(") });
  });

  it("undoes the loop guard's inserts on the line that threw", async () => {
    // The guard puts a call at the start of the arrow's body, before the read that fails.
    const code = ["const a = 1;", "const b = null;", "const f = (x) => b.x; const y = f(a);", "const z = y;", "const w = z;"].join("\n");
    const { at } = await thrownAt(code);
    expect(at).toMatchObject({ line: 3, column: columnOf(code, 3, "x; const") });
  });

  it("is located in an expression cell (an inline value) too", async () => {
    const code = "[\n  1,\n  missing.value,\n  2\n]";
    const { at } = await thrownAt(code, { kind: "inline", inputs: { missing: undefined } });
    expect(at).toMatchObject({ line: 3, column: columnOf(code, 3, "value") });
  });

  it("is unknown for a thrown value without a stack", async () => {
    const { at } = await thrownAt('const a = 1;\nconst b = 2;\nthrow "plain";');
    expect(at).toBeUndefined();
  });
});

describe("the line table", () => {
  it("maps guarded columns back across inserts, and clamps to the line", () => {
    const table = { source: "ab\ncd", js: "ab\ncd", inserts: [{ at: 4, length: 3 }] };
    // The guarded code is "ab\nc___d": column 5 of line 2 is the "d".
    expect(typedPosition(table, 2, 5)).toEqual({ line: 2, column: 2 });
    // Inside the inserted text: the character it stands before.
    expect(typedPosition(table, 2, 3)).toEqual({ line: 2, column: 2 });
    expect(typedPosition(table, 1, 2)).toEqual({ line: 1, column: 2 });
    expect(typedPosition(table, 3, 1)).toBeUndefined();
    expect(typedPosition(table, 0, 1)).toBeUndefined();
  });

  it("aligns a stripped line to the line typed", () => {
    expect(alignColumn("const a = 1;", "const a: number = 1;", 11)).toBe(19);
    expect(alignColumn("f(x, y)", "f<T>(x: T, y)", 6)).toBe(12);
    expect(alignColumn("same", "same", 3)).toBe(3);
  });
});
