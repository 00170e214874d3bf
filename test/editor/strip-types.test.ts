// The editor's type stripper (sucrase) against the build's (esbuild), through the same analysis: a TS
// cell must mean the same in the page as it did at build time.
import { describe, expect, it } from "vitest";
import { sucraseStripper } from "../../src/editor/strip-types.ts";
import { analyzeCell } from "../../src/notebook/analyze.ts";
import { LocatedError, LocatedErrors } from "../../src/notebook/errors.ts";
import type { TypeStripper } from "../../src/notebook/type-stripper.ts";
import type { AnalyzedCell, ParsedCell } from "../../src/notebook/types.ts";
import { esbuildStripper } from "../../src/publish/strip-types-esbuild.ts";
import { analyzeContext } from "../helpers/compiler.ts";

function analyze(source: string, stripper: TypeStripper): AnalyzedCell | { line: number; column: number } {
  const parsed: ParsedCell = { id: "c1", kind: "block", lang: "ts", sourceText: source, position: { line: 1, column: 1 }, echo: false };
  try {
    return analyzeCell(parsed, analyzeContext(source, stripper));
  } catch (error) {
    const first = error instanceof LocatedErrors ? error.errors[0]! : (error as LocatedError);
    if (!(first instanceof LocatedError)) throw error;
    return { line: first.line, column: first.column };
  }
}

function withBoth(source: string) {
  return { esbuild: analyze(source, esbuildStripper), sucrase: analyze(source, sucraseStripper) };
}

const summary = (cell: AnalyzedCell) => ({ declarations: cell.declarations, references: cell.references, expression: cell.expression, async: cell.async, imports: cell.imports.map((i) => i.specifiers) });

const CELLS = [
  "(1 as number) + 2",
  "(1 as number) + 2;",
  "let x: number = 1",
  "function f(a: number): number { return a; }",
  "class K { n: number = 1 }",
  "{a: 1, b: 2 as number}",
  "(function f() {})",
  "interface Budget { averageMilliwatts: number; days: number }\nconst average = dutyCyclePower({activeMilliwatts: 50, periodMs: period});\nconst budget: Budget = {averageMilliwatts: average.averageMilliwatts, days: 3};",
  'import {dutyCyclePower, type Sourced} from "wattbook/kernel";',
  "const period: number = view(Inputs.radio([100, 1000], {value: 1000}));",
  "enum Tier { Micro, Edge }\nconst t = Tier.Edge;",
  "class Device { constructor(public watts: number, private readonly name?: string) {} }",
  "const m = new Map<string, number>();\nconst n = m.get('a')!;",
  "const xs = await Promise.all([1, 2].map(async (v): Promise<number> => v * gpus));",
  "type Row = {year: number};\nconst rows: Row[] = years.map((year) => ({year})) satisfies Row[];",
  "<T,>(value: T): T[] => [value]",
];

describe("sucrase strips types as esbuild does, as far as analysis can tell", () => {
  for (const source of CELLS) {
    it(JSON.stringify(source.length > 60 ? `${source.slice(0, 60)}…` : source), () => {
      const { esbuild, sucrase } = withBoth(source);
      expect("declarations" in sucrase).toBe("declarations" in esbuild);
      if ("declarations" in sucrase && "declarations" in esbuild) expect(summary(sucrase)).toEqual(summary(esbuild));
    });
  }

  it("keeps every line on its line", () => {
    const cell = analyze("interface A {\n  a: number;\n}\nconst a: A = {a: 1};\nconst b = a.a as number;", sucraseStripper) as AnalyzedCell;
    const lines = cell.js.split("\n");
    expect(lines[3]).toContain("const a = {a: 1}");
    expect(lines[4]).toContain("const b = a.a");
  });

  it("locates syntax errors on the same line (columns may differ by the removed types)", () => {
    for (const source of ["const x: number = ;", "const é: string = 'é';\nconst y: number = 1 +* 2;", "let t: number\nt = )"]) {
      const { esbuild, sucrase } = withBoth(source);
      expect(sucrase).toEqual(esbuild);
    }
  });
});
