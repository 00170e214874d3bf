import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeCell } from "../../src/notebook/analyze.ts";
import { compileCell, hoistImports } from "../../src/notebook/compile.ts";
import { analyzeContext, processNotebook } from "../helpers/compiler.ts";
import type { CompiledCell, CompiledNotebook, ParsedCell } from "../../src/notebook/types.ts";
import { md } from "./helpers.ts";

const root = path.resolve(import.meta.dirname, "../..");
const fence = "```";
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "wattbook-compile-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Bundles the module as the build does ("wattbook/kernel" aliased to the source) and imports it in Node. */
async function load(module: string, name: string): Promise<CompiledNotebook> {
  const result = await build({
    stdin: { contents: module, resolveDir: root, loader: "js", sourcefile: `${name}.js` },
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    logLevel: "silent",
    alias: { "wattbook/kernel": path.join(root, "src/kernel/index.ts") },
  });
  const file = path.join(dir, `${name}.mjs`);
  await writeFile(file, result.outputFiles[0]!.text);
  return ((await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default: CompiledNotebook }).default;
}

const source = md(
  "---",
  "title: Compile",
  "---",
  "",
  `${fence}js`,
  'import {KernelInputError} from "wattbook/kernel";',
  'import {sum} from "d3-array";',
  fence,
  "",
  `${fence}js`,
  "const gpus = view(Inputs.range([1, 1024], {value: 64}));",
  fence,
  "",
  "Doubled: ${gpus * 2}.",
  "",
  `${fence}ts`,
  "const hours: number = 24; // a day",
  "",
  "function energyKWh(kw: number): number {",
  "  return kw * hours;",
  "}",
  fence,
  "",
  `${fence}js`,
  'import {sum} from "d3-array";',
  "const total = sum([energyKWh(gpus), 1]);",
  fence,
  "",
  `${fence}js`,
  "const later = await Promise.resolve(total + 1);",
  fence,
  "",
  `${fence}js`,
  "typeof KernelInputError // a class",
  fence,
  "",
  `${fence}js`,
  "display(total);",
  fence,
);

describe("compileNotebook", () => {
  const { notebook, module } = processNotebook(source, "compile.md");
  let compiled: CompiledNotebook;
  const cell = (index: number): CompiledCell => compiled.cells[index]!;

  beforeAll(async () => {
    compiled = await load(module, "compile");
  });

  it("hoists imports once, above the default export, with each module's namespace but the kernel's", () => {
    const lines = module.split("\n");
    expect(lines.slice(0, 4)).toEqual(['import {KernelInputError} from "wattbook/kernel";', 'import * as __wattbook_module_0 from "d3-array";', 'import {sum} from "d3-array";', 'export default {path: "compile.md", cells: [']);
    expect(module.match(/import \{sum\}/g)).toHaveLength(1);
  });

  it("exports each module's namespace by specifier, for edited cells that import more of it", () => {
    expect(Object.keys(compiled.modules ?? {})).toEqual(["d3-array"]);
    expect(typeof compiled.modules?.["d3-array"]?.mean).toBe("function");
  });

  it("exports the imported bindings by local name, for cells compiled later in the page", () => {
    expect(Object.keys(compiled.imports ?? {})).toEqual(["KernelInputError", "sum"]);
    expect((compiled.imports?.KernelInputError as { name: string }).name).toBe("KernelInputError");
    expect(typeof compiled.imports?.sum).toBe("function");
  });

  it("describes every cell: ids, inputs, outputs, kinds and positions", () => {
    expect(compiled.path).toBe("compile.md");
    expect(compiled.cells.map((c) => c.id)).toEqual(notebook.cells.map((c) => c.id));
    expect(compiled.cells.map((c) => [c.inputs, c.outputs, c.expression, c.inline])).toEqual([
      [[], [], false, false],
      [["view", "Inputs"], ["gpus"], false, false],
      [["gpus"], [], true, true],
      [[], ["hours", "energyKWh"], false, false],
      [["energyKWh", "gpus"], ["total"], false, false],
      [["Promise", "total"], ["later"], false, false],
      [[], [], true, false],
      [["display", "total"], [], false, false],
    ]);
    expect(compiled.cells.map((c) => c.position)).toEqual([
      { line: 6, column: 1 },
      { line: 11, column: 1 },
      { line: 14, column: 12 },
      { line: 17, column: 1 },
      { line: 25, column: 1 },
      { line: 30, column: 1 },
      { line: 34, column: 1 },
      { line: 38, column: 1 },
    ]);
  });

  it("runs each body with its inputs passed by hand", async () => {
    expect(cell(0).body()).toBeUndefined();
    const view = (input: { value: number }) => input.value;
    const Inputs = { range: (_extent: number[], options: { value: number }) => ({ value: options.value }) };
    expect(cell(1).body(view, Inputs)).toEqual({ gpus: 64 });
    expect(cell(2).body(64)).toBe(128);
    const { hours, energyKWh } = cell(3).body() as { hours: number; energyKWh: (kw: number) => number };
    expect([hours, energyKWh(2)]).toEqual([24, 48]);
    expect(cell(4).body(energyKWh, 64)).toEqual({ total: 64 * 24 + 1 });
    const later = cell(5).body(Promise, 1537);
    expect(later).toBeInstanceOf(Promise);
    await expect(later).resolves.toEqual({ later: 1538 });
    expect(cell(6).body()).toBe("function");
    const shown: unknown[] = [];
    expect(cell(7).body((value: unknown) => shown.push(value), 1537)).toBeUndefined();
    expect(shown).toEqual([1537]);
  });

  it("makes only cells with top-level await async", () => {
    expect(compiled.cells.map((c) => c.body.constructor.name)).toEqual(["Function", "Function", "Function", "Function", "Function", "AsyncFunction", "Function", "Function"]);
  });

  it("keeps each cell's lines: bodyLine maps module lines back to the .md", () => {
    const lines = module.split("\n");
    const sourceLines = source.split("\n");
    for (const [index, c] of compiled.cells.entries()) {
      const analyzed = notebook.cells[index]!;
      if (analyzed.kind === "inline") continue;
      analyzed.js.split("\n").forEach((jsLine, k) => {
        if (!jsLine.trim() || jsLine.startsWith("import")) return;
        expect(lines[c.bodyLine! - 1 + k]).toBe(jsLine);
        // The same line in the .md: identical for js cells, types stripped for the ts cell.
        if (analyzed.lang === "js") expect(sourceLines[c.position.line - 1 + k]).toBe(jsLine);
      });
    }
    // "return kw * hours;" is on the .md's line 20, and the module line that holds it maps there.
    const moduleLine = lines.indexOf("  return kw * hours;") + 1;
    const ts = cell(3);
    expect(ts.position.line + (moduleLine - ts.bodyLine!)).toBe(20);
  });
});

describe("compileCell", () => {
  it("compiles one cell alone to a record whose body starts on the record's second line", () => {
    const parsed: ParsedCell = { id: "x1", kind: "block", lang: "js", sourceText: "const y = x * 2;", position: { line: 2, column: 1 }, echo: false };
    const analyzed = analyzeCell(parsed, analyzeContext(md(`${fence}js`, parsed.sourceText, fence)));
    const code = compileCell(analyzed);
    expect(code.split("\n")[1]).toBe("const y = x * 2;");
    const record = new Function(`return ${code}`)() as CompiledCell;
    expect(record).toMatchObject({ id: "x1", inputs: ["x"], outputs: ["y"], expression: false, inline: false, bodyLine: 2 });
    expect(record.body(21)).toEqual({ y: 42 });
  });

  it("removes imports without joining the statements around them", () => {
    const source = 'const a = 1\nimport {sum} from "d3-array"\n(() => {})()';
    const parsed: ParsedCell = { id: "i", kind: "block", lang: "js", sourceText: source, position: { line: 2, column: 1 }, echo: false };
    const code = compileCell(analyzeCell(parsed, analyzeContext(md(`${fence}js`, source, fence))));
    expect(code.split("\n").slice(1, 4)).toEqual(["const a = 1", ";                           ", "(() => {})()"]);
    const record = new Function(`return ${code}`)() as CompiledCell;
    expect(record.body()).toEqual({ a: 1 });
  });

  it("numbers bodyLine from the given line", () => {
    const parsed: ParsedCell = { id: "e", kind: "inline", lang: "js", sourceText: "a + 1", position: { line: 1, column: 3 }, echo: false };
    const analyzed = analyzeCell(parsed, analyzeContext("${a + 1}"));
    expect(compileCell(analyzed, { line: 10 })).toBe('{id: "e", inputs: ["a"], outputs: [], expression: true, inline: true, position: {line: 1, column: 3}, bodyLine: 11, body: (a) => (\na + 1\n)}');
  });
});

describe("hoistImports", () => {
  it("merges by source, keeps namespaces apart, and imports each binding once", () => {
    const at = { line: 1, column: 1 };
    expect(
      hoistImports([
        { specifier: "d3", specifiers: [{ imported: "sum", local: "sum" }, { imported: "*", local: "d3" }], position: at },
        { specifier: "wattbook/kernel", specifiers: [{ imported: "a", local: "b" }], position: at },
        { specifier: "d3", specifiers: [{ imported: "sum", local: "sum" }, { imported: "default", local: "d3default" }, { imported: "max", local: "max" }], position: at },
        { specifier: "side-effect", specifiers: [], position: at },
        { specifier: "odd", specifiers: [{ imported: "a-b", local: "ab" }], position: at },
      ]),
    ).toEqual([
      'import * as d3 from "d3";',
      'import {sum, default as d3default, max} from "d3";',
      'import {a as b} from "wattbook/kernel";',
      'import "side-effect";',
      'import {"a-b" as ab} from "odd";',
    ]);
  });
});
