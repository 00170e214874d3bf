// The small pure parts behind local modules and npm packages: a CommonJS module's names read from its
// source, a module's imports bound to the site's files (a CommonJS package's run-time names read from
// its default export), any ES module run as a function body with its lines kept, and a package
// specifier split into its name and entry.
import { parse } from "acorn";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commonJsExports } from "../../src/publish/commonjs-exports.ts";
import { bindImports } from "../../src/publish/import-bindings.ts";
import { moduleBodyKeepingLines, notebookModuleBody, wrapModuleBody } from "../../src/publish/module-form.ts";
import { entryName, splitSpecifier } from "../../src/publish/package-specifier.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "wattbook-module-forms-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(file: string, text: string): Promise<string> {
  const at = path.join(dir, file);
  await mkdir(path.dirname(at), { recursive: true });
  await writeFile(at, text);
  return at;
}

describe("commonJsExports", () => {
  it("reads exports.x, module.exports.x, defineProperty and an object literal", async () => {
    const file = await write("a.js", 'exports.a = 1;\nmodule.exports.b = 2;\nexports["c"] = 3;\nObject.defineProperty(exports, "d", {get() {}});\nObject.defineProperty(exports, "__esModule", {value: true});\n');
    expect(commonJsExports(file)).toEqual(["a", "b", "c", "d"]);
    const literal = await write("b.js", "const f = 1;\nmodule.exports = {f, g: 2, 'not an identifier': 3};\n");
    expect(commonJsExports(literal)).toEqual(["f", "g"]);
  });

  it("follows re-exports into the required files: module.exports = require, TypeScript's and esbuild's helpers, Babel's loop", async () => {
    await write("inner.js", "exports.inner = 1;\n");
    expect(commonJsExports(await write("c.js", 'module.exports = require("./inner.js");\n'))).toEqual(["inner"]);
    expect(commonJsExports(await write("d.js", 'exports.own = 1;\n__exportStar(require("./inner"), exports);\n'))).toEqual(["inner", "own"]);
    expect(commonJsExports(await write("e.js", 'var _inner = require("./inner.js");\nObject.keys(_inner).forEach(function (key) { exports[key] = _inner[key]; });\n'))).toEqual(["inner"]);
    const esbuild = 'var src_exports = {};\n__export(src_exports, {\n  alpha: () => alpha,\n  beta: () => beta\n});\nmodule.exports = __toCommonJS(src_exports);\nconst alpha = 1, beta = 2;\n';
    expect(commonJsExports(await write("f.js", esbuild))).toEqual(["alpha", "beta"]);
  });

  it("finds nothing in a module that builds its exports at run time, or that does not parse", async () => {
    expect(commonJsExports(await write("g.js", "function _() {}\n_.chunk = 1;\nmodule.exports = _;\n"))).toEqual([]);
    expect(commonJsExports(await write("h.js", "this is not JavaScript\n"))).toEqual([]);
  });
});

describe("bindImports", () => {
  const targets = {
    esm: { url: "./npm/esm@1.0.0/index-AAAAAAAA.js", exports: ["default", "scale"] },
    cjs: { url: "./npm/cjs@1.0.0/index-BBBBBBBB.js", exports: ["default", "chunk"], commonJs: true },
  };
  const bind = (code: string) => bindImports(code, (source) => targets[source as keyof typeof targets]);

  it("points each import at its file and reports a name an ES module lacks", () => {
    const { code, missing } = bind('import {scale, scael} from "esm";\nimport other from "elsewhere";\n');
    expect(code).toBe('import {scale, scael} from "./npm/esm@1.0.0/index-AAAAAAAA.js";\nimport other from "elsewhere";\n');
    expect(missing).toEqual([{ source: "esm", name: "scael", offset: 0 }]);
  });

  it("reads a CommonJS package's run-time names from its default export, in the statement's own lines", () => {
    const { code, missing } = bind('import {chunk,\n  sum as total} from "cjs";\nconst after = 1;\n');
    expect(missing).toEqual([]);
    expect(code).toBe('import {default as __wattbook_cjs_0, chunk} from "./npm/cjs@1.0.0/index-BBBBBBBB.js"; const {sum: total} = __wattbook_cjs_0;\n\nconst after = 1;\n');
    // The notebook module's form of that line runs in a realm as requires (module-form.ts).
    expect(notebookModuleBody(`${code.split("\n")[0]}\nexport default {path: "x.md", cells: []};`)).toBe(
      'const {default: __wattbook_cjs_0, chunk} = require("./npm/cjs@1.0.0/index-BBBBBBBB.js"); const {sum: total} = __wattbook_cjs_0;\nexports.default = {path: "x.md", cells: []};',
    );
  });
});

describe("moduleBodyKeepingLines", () => {
  /** Runs a module body with `require` answering from `modules`; returns its exports. */
  const run = (code: string, modules: Record<string, unknown> = {}) => {
    const module = { exports: {} as Record<string, unknown> };
    const factory = (0, eval)(wrapModuleBody(moduleBodyKeepingLines(code, parse)));
    factory((specifier: string) => modules[specifier], module, module.exports);
    return module.exports;
  };

  it("keeps every line of code where it was, and exports stay live", () => {
    const code = 'import {\n  a,\n  b as c\n} from "./dep.js";\nimport * as ns from "./dep.js";\nlet count = 0;\nfunction bump() {\n  return ++count + a + c + ns.a;\n}\nexport {\n  bump,\n  count\n};\n';
    const body = moduleBodyKeepingLines(code, parse);
    expect(body.split("\n").slice(0, 9)).toEqual(['const {"a": a, "b": c} = require("./dep.js");', "", "", "", 'const ns = require("./dep.js");', "let count = 0;", "function bump() {", "  return ++count + a + c + ns.a;", "}"]);
    const exports = run(code, { "./dep.js": { a: 1, b: 10 } }) as { bump: () => number; count: number };
    expect(exports.bump()).toBe(13);
    expect(exports.count).toBe(1);
  });

  it("handles declarations exported in place, defaults, re-exports and import.meta", () => {
    const code = 'export const x = 1, {y} = {y: 2};\nexport default function named() { return import.meta; }\nexport * from "./all.js";\nexport {z as zed} from "./z.js";\n';
    const exports = run(code, { "./all.js": { w: 3, default: "no" }, "./z.js": { z: 4 } }) as Record<string, unknown>;
    expect({ x: exports.x, y: exports.y, w: exports.w, zed: exports.zed }).toEqual({ x: 1, y: 2, w: 3, zed: 4 });
    expect((exports.default as () => unknown)()).toEqual({});
    // `export ` became spaces: the declaration's columns are where they were.
    expect(moduleBodyKeepingLines(code, parse).split("\n")[0]).toBe("       const x = 1, {y} = {y: 2};");
  });
});

describe("package specifiers", () => {
  it("split into the package's name and its entry", () => {
    expect(splitSpecifier("lodash/fp")).toEqual({ name: "lodash", subpath: "fp" });
    expect(splitSpecifier("@observablehq/plot")).toEqual({ name: "@observablehq/plot", subpath: "" });
    expect(splitSpecifier("@scope/pkg/deep/file.js")).toEqual({ name: "@scope/pkg", subpath: "deep/file.js" });
    expect(splitSpecifier("./local.js")).toBeUndefined();
    expect(splitSpecifier("https://cdn.example/x.js")).toBeUndefined();
  });

  it("name an entry's file in the site", () => {
    expect(entryName("")).toBe("index");
    expect(entryName("fp")).toBe("fp");
    expect(entryName("src/sum.js")).toBe("src/sum");
    expect(entryName("../escape")).toBe("_/escape");
  });
});
