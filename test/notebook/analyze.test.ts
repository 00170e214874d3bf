import { describe, expect, it } from "vitest";
import { analyzeCell, BUILTINS } from "../../src/notebook/analyze.ts";
import { parseNotebook } from "../../src/notebook/parse.ts";
import { analyzeContext, analyzeText } from "../helpers/compiler.ts";
import type { AnalyzedCell, CellLanguage, ParsedCell } from "../../src/notebook/types.ts";
import { locatedErrors, md } from "./helpers.ts";

const fence = "```";

/** One block cell at line 1 of a .md made of just that fence: the source starts on line 2, column 1. */
function cell(source: string, lang: CellLanguage = "js"): AnalyzedCell {
  const text = md(`${fence}${lang}`, source, fence);
  const parsed: ParsedCell = { id: "c1", kind: "block", lang, sourceText: source, position: { line: 2, column: 1 }, echo: false };
  return analyzeCell(parsed, analyzeContext(text));
}

function notebook(text: string) {
  return analyzeText(text, "energy.md");
}

describe("declarations", () => {
  it("lists top-level const, let, var, functions and classes in order", () => {
    expect(cell("const a = 1, b = 2; let c; var d = 3;\nfunction f() {}\nclass K {}\nasync function* g() {}").declarations).toEqual(["a", "b", "c", "d", "f", "K", "g"]);
  });

  it("unpacks destructuring with defaults and rest", () => {
    expect(cell("const {a, b: {c}, d = 1, ...e} = o;\nconst [f, , [g], h = 2, ...i] = p;").declarations).toEqual(["a", "c", "d", "e", "f", "g", "h", "i"]);
  });

  it("does not export names declared inside blocks or functions", () => {
    expect(cell("for (var i = 0; i < 3; i++) {}\nif (x) { let y = 1; var z = 2; }\nfunction f() { var w; }").declarations).toEqual(["f"]);
  });

  it("records where each declaration is in the .md", () => {
    expect(cell("const a = 1;\n  let {b} = c;").declarationPositions).toEqual([
      { line: 2, column: 7 },
      { line: 3, column: 8 },
    ]);
  });
});

describe("references", () => {
  it("lists free names in first-use order, once each", () => {
    expect(cell("const y = f(x) + g(x, z) + f(y0);").references).toEqual(["f", "x", "g", "z", "y0"]);
  });

  it("excludes the cell's own declarations, including hoisted functions used before", () => {
    expect(cell("const b = a + h();\nconst a = 1;\nfunction h() { return a; }").references).toEqual([]);
  });

  it("excludes parameters, block scopes, catch parameters and shadowed names", () => {
    const c = cell(
      [
        "function f(p, {q}, [r = s], ...t) { return p + q + r + t + u; }",
        "const g = (v, w = v) => v + w + outer;",
        "{ let blockOnly = 1; blockOnly; }",
        "try { risky(); } catch (err) { err; }",
        "for (const item of items) item;",
        "const h = function named() { return named + arguments.length; };",
        "const k = class Self { m() { return Self; } };",
        "function shadow() { const items = 1; return items; }",
      ].join("\n"),
    );
    expect(c.references).toEqual(["s", "u", "outer", "risky", "items"]);
  });

  it("does not count member names, object keys or labels, but counts shorthand and computed keys", () => {
    const c = cell("const o = {key: 1, short, [computed]: 2, method() {}};\nconst v = obj.prop.deep + obj?.maybe;\nloop: for (;;) { break loop; }\nclass C { field = init; static s = 1; #p = 2; get g() { return this.#p; } }");
    expect(c.references).toEqual(["short", "computed", "obj", "init"]);
  });

  it("excludes imported names", () => {
    const c = cell('import {a, b as c} from "wattbook/kernel";\nimport * as d3 from "d3";\nconst x = a + c + d3.sum([]) + e;');
    expect(c.references).toEqual(["e"]);
  });

  it("counts builtins and globals as references (the runtime resolves them)", () => {
    expect(cell("display(Plot.plot({width}));\nMath.max(1, 2);").references).toEqual(["display", "Plot", "width", "Math"]);
  });
});

describe("imports", () => {
  it("records named, default and namespace imports with their positions", () => {
    const c = cell('const z = 1;\nimport {a, b as c} from "wattbook/kernel";\nimport d, * as ns from "d3";');
    expect(c.imports).toEqual([
      { specifier: "wattbook/kernel", specifiers: [{ imported: "a", local: "a" }, { imported: "b", local: "c" }], position: { line: 3, column: 1 } },
      { specifier: "d3", specifiers: [{ imported: "default", local: "d" }, { imported: "*", local: "ns" }], position: { line: 4, column: 1 } },
    ]);
    expect(c.declarations).toEqual(["z"]);
  });

  it("rejects absolute paths, data files and URL imports", () => {
    const errors = locatedErrors(() => cell('import a from "/abs/local.js";\nimport b from "https://cdn.example/b.js";\nimport * as d3 from "npm:d3@7";\nimport rows from "../data/rows.csv";\nimport "./theme.css";'));
    expect(errors.map((e) => [e.line, e.reason, e.hint])).toEqual([
      [2, 'import from an absolute path ("/abs/local.js") is not supported', 'write the path relative to the notebook, e.g. "./lib/helpers.js" or "../data/regions.json"'],
      [3, 'import from a URL ("https://cdn.example/b.js") is not supported; cells import "wattbook/kernel" and installed packages by name', expect.any(String)],
      [4, 'import from "npm:d3@7" is not supported; install the package and import it by name ("d3")', expect.any(String)],
      [5, '"../data/rows.csv" is a data file; a cell imports JavaScript and TypeScript modules and JSON', 'read it with FileAttachment("../data/rows.csv").csv()'],
      [6, '"./theme.css" is a stylesheet; the build bundles JavaScript, TypeScript and JSON for a page, not CSS', expect.stringContaining("static/")],
    ]);
  });

  it("records relative imports of modules and JSON (the build bundles them), a JSON import's type attribute too", () => {
    const c = cell('import {f} from "./lib/helpers.js";\nimport regions from "../data/regions.json" with {type: "json"};\nimport * as t from "./lib/types";');
    expect(c.imports.map((i) => i.specifier)).toEqual(["./lib/helpers.js", "../data/regions.json", "./lib/types"]);
    expect(locatedErrors(() => cell('import x from "./lib/helpers.js" with {type: "json"};')).map((e) => e.code)).toEqual(["import-attributes"]);
  });

  it("rejects Node's modules, import() and import.meta, each at its place", () => {
    const errors = locatedErrors(() => cell('import fs from "node:fs";\nimport {spawn} from "child_process";\nimport {readFile} from "fs/promises";\nconst m = await import("./dynamic.js");\nconst u = import.meta.url;'));
    expect(errors.map((e) => [e.line, e.column, e.reason])).toEqual([
      [2, 1, '"node:fs" is a Node.js built-in module; cells run in the browser too, where it does not exist'],
      [3, 1, '"child_process" is a Node.js built-in module; cells run in the browser too, where it does not exist'],
      [4, 1, '"fs/promises" is a Node.js built-in module; cells run in the browser too, where it does not exist'],
      [5, 17, "import(…) is not supported in a cell: the build must know every module a page loads"],
      [6, 11, "import.meta is not available in a cell: a cell is not a module of its own"],
    ]);
    // A registry package that shares a name with a Node module is the package.
    expect(cell('import {EventEmitter} from "events";').imports.map((i) => i.specifier)).toEqual(["events"]);
  });

  it("rejects export", () => {
    const [error] = locatedErrors(() => cell("const a = 1;\nexport const b = 2;"));
    expect(error!.reason).toBe("a cell cannot export; its top-level declarations are already visible to every other cell");
    expect([error!.line, error!.column]).toEqual([3, 1]);
  });
});

describe("top-level await", () => {
  it("is detected at the top level, in for await, and in expressions", () => {
    expect(cell("const r = await fetch(url);").async).toBe(true);
    expect(cell("for await (const x of stream) display(x);").async).toBe(true);
    expect(cell("await sleep(1)").async).toBe(true);
    expect(cell("const r = await fetch(url);").expression).toBe(false);
  });

  it("is not detected inside nested functions", () => {
    expect(cell("const f = async () => await g();\nasync function h() { for await (const x of s) x; }").async).toBe(false);
  });
});

describe("expression or program", () => {
  it("follows Framework: a whole-source expression is an expression; a trailing semicolon makes a statement", () => {
    expect(cell("1 + 2").expression).toBe(true);
    expect(cell("1 + 2 // the sum\n").expression).toBe(true);
    expect(cell("1 + 2;").expression).toBe(false);
    expect(cell("{a: 1, b: 2}").expression).toBe(true);
    expect(cell("(x) => x * 2").expression).toBe(true);
    expect(cell("display(1)\ndisplay(2)").expression).toBe(false);
    expect(cell("const x = 1").expression).toBe(false);
  });

  it("treats named functions and classes as declarations", () => {
    const f = cell("function f() { return 1; }");
    expect([f.expression, f.declarations]).toEqual([false, ["f"]]);
    expect(cell("class K {}").expression).toBe(false);
    expect(cell("(function () { return 1; })").expression).toBe(true);
    // Parentheses say "this is a value", so a parenthesized named function is an expression.
    expect(cell("(function f() { return 1; })").expression).toBe(true);
    expect(cell("(x)").expression).toBe(true);
    expect(cell("({a: 1})").expression).toBe(true);
  });

  it("applies the same rule to ts cells", () => {
    const e = cell("(1 as number) + 2", "ts");
    expect([e.expression, e.js]).toEqual([true, "1 + 2"]);
    expect(cell("(1 as number) + 2;", "ts").expression).toBe(false);
    expect(cell("let x: number = 1", "ts").declarations).toEqual(["x"]);
    const f = cell("function f(a: number): number { return a; }", "ts");
    expect([f.expression, f.declarations]).toEqual([false, ["f"]]);
    expect(cell("class K { n: number = 1 }", "ts").declarations).toEqual(["K"]);
    expect(cell("{a: 1, b: 2 as number}", "ts").expression).toBe(true);
    expect(cell("(function f() {})", "ts").expression).toBe(true);
  });
});

describe("syntax errors are located in the .md", () => {
  // A cell whose fence is at line 4, inside a list item indented by 3 spaces for later lines.
  it("on the first line of a js cell", () => {
    const [error] = locatedErrors(() => cell("const x = ;"));
    expect(error!.message).toBe("t.md:2:11: syntax error: Unexpected token");
    expect(error!.cellId).toBe("c1");
    expect(error!.excerpt).toBe(["1 | ```js", "2 | const x = ;", "  |           ^", "3 | ```"].join("\n"));
  });

  it("on a later line of a js cell", () => {
    const [error] = locatedErrors(() => cell("const a = 1;\nconst b = a +* 2;"));
    expect([error!.line, error!.column]).toEqual([3, 14]);
  });

  it("in a ts cell, first and later lines", () => {
    const [first] = locatedErrors(() => cell("const x: number = ;", "ts"));
    expect([first!.line, first!.column]).toEqual([2, 19]);
    expect(first!.reason).toBe('TypeScript: Unexpected ";"');
    const [later] = locatedErrors(() => cell("const é: string = 'é';\nconst y: number = 1 +* 2;", "ts"));
    expect([later!.line, later!.column]).toEqual([3, 22]);
  });

  it("in cells inside a blockquote, an indented list item, and an inline expression after front matter", () => {
    const text = md("---", "title: T", "---", "> ```js", "> const a = 1;", "> const b = ;", "> ```", "", "1. item", "", "   ```ts", "   let t: number", "   t = )", "   ```", "", "Value ${a +", "(x = 1)}.");
    const errors = locatedErrors(() => notebook(text));
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [6, 13],
      [13, 8],
      [17, 2],
    ]);
  });
});

describe("notebook checks", () => {
  it("reports a name defined by two cells at the second, naming the first", () => {
    const text = md("# Energy", "", `${fence}js`, "const x = 1;", fence, "", `${fence}js`, "const y = 2, x = 3;", fence);
    const [error] = locatedErrors(() => notebook(text));
    expect(error!.message).toBe("energy.md:8:14: x is defined twice: here and at energy.md:4:7");
  });

  it("reports a cycle, naming every cell in it", () => {
    const text = md(`${fence}js`, "const a = b + 1;", fence, `${fence}js`, "const c = 0;", fence, `${fence}js`, "const b = a * 2;", fence);
    const [error] = locatedErrors(() => notebook(text));
    expect(error!.message).toBe(
      "energy.md:2:1: these cells depend on each other in a cycle: energy.md:2:1 defines a and reads b; energy.md:8:1 defines b and reads a",
    );
  });

  it("reports an assignment to another cell's name", () => {
    const text = md(`${fence}js`, "let count = 0;", fence, `${fence}js`, "count = count + 1;", fence);
    const [error] = locatedErrors(() => notebook(text));
    expect(error!.message).toBe("energy.md:5:1: count is defined by another cell (energy.md:2:5); cells cannot reassign each other's values");
    // Which cell defines a name is the notebook's to know: a cell alone records what it assigns.
    expect(cell("count = 1").foreignAssignments).toEqual([{ name: "count", position: { line: 2, column: 1 } }]);
    const alone = (code: string) => locatedErrors(() => notebook(md(`${fence}js`, code, fence)));
    expect(alone("count = 1")[0]!.message).toBe("energy.md:2:1: cannot assign to count: it is not declared in this cell, and cells cannot reassign each other's values");
    expect(alone("count = 1")[0]!.code).toBe("assigns-undeclared");
    expect(locatedErrors(() => cell("width = 1"))[0]!.reason).toBe("width is built in; cells cannot reassign it");
    expect(alone("({a, b: [c]} = o);").map((e) => e.reason.split(":")[0])).toEqual(["cannot assign to a", "cannot assign to c"]);
    expect(alone("n++").length).toBe(1);
    expect(cell("let n = 0; n++; function f() { let m; m = 1; }").declarations).toEqual(["n", "f"]);
  });

  it("reports two imports binding one name differently, and a cell redefining an import", () => {
    const text = md(`${fence}js`, 'import {sum} from "d3";', fence, `${fence}js`, 'import {sum} from "lodash";', fence, `${fence}js`, "const sum = 1;", fence);
    const errors = locatedErrors(() => notebook(text));
    expect(errors.map((e) => e.message)).toEqual([
      'energy.md:5:1: sum is imported twice, as sum from "lodash" here and as sum from "d3" at energy.md:2:1',
      "energy.md:8:7: sum is defined here and imported at energy.md:2:1",
    ]);
  });

  it("names namespace and default imports plainly when they clash", () => {
    const text = md(`${fence}js`, 'import * as d3 from "d3";', fence, `${fence}js`, 'import d3 from "d3-old";', fence);
    expect(locatedErrors(() => notebook(text))[0]!.reason).toBe('d3 is imported twice, as the default export of "d3-old" here and as the namespace of "d3" at energy.md:2:1');
  });

  it("allows the same import in several cells and removes imported names from every cell's references", () => {
    const text = md(`${fence}js`, 'import {sum} from "d3";', fence, `${fence}js`, 'import {sum} from "d3";\nconst t = sum(xs);', fence, `${fence}js`, "sum([t])", fence);
    const nb = notebook(text);
    expect(nb.cells.map((c) => c.references)).toEqual([[], ["xs"], ["t"]]);
  });

  it("forbids redefining builtins", () => {
    expect(BUILTINS).toEqual(["display", "view", "Plot", "Inputs", "html", "width", "invalidation", "FileAttachment", "svg", "md", "tex", "Generators", "Mutable", "now", "dark", "resize", "visibility"]);
    const [error] = locatedErrors(() => cell("const width = 3;"));
    expect(error!.reason).toBe("width is built in; a cell cannot redefine it");
    // Observable Framework's built-ins are reserved too, so that a Framework page means the same here.
    expect(locatedErrors(() => cell("const now = Date.now();"))[0]!.reason).toBe("now is built in; a cell cannot redefine it");
    expect(locatedErrors(() => cell('import {Mutable} from "somewhere";'))[0]!.reason).toBe("Mutable is built in; an import cannot rebind it");
    expect(cell("function f(width) { return width; }").declarations).toEqual(["f"]);
  });

  it("collects every cell's errors into one LocatedErrors", () => {
    const text = md(`${fence}js`, "const = 1", fence, "", "${)}", "", `${fence}js`, "export default 1", fence);
    expect(() => parseNotebook(text, "energy.md")).toThrow(/does not parse/);
    const fine = md(`${fence}js`, "const = 1", fence, "", `${fence}js`, "export default 1", fence);
    const errors = locatedErrors(() => notebook(fine));
    expect(errors.map((e) => e.line)).toEqual([2, 6]);
  });
});
