// A project on disk for the local-module and npm-package tests: notebooks, the project's own modules
// and data, and small real packages in its node_modules, each a kind a team brings (ES module, CommonJS
// with names found statically, CommonJS whose names exist only at run time, a package with a dependency
// of its own, one that needs Node's fs).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

export const fence = "```";

/** Writes `files` (paths relative to `dir`) and returns `dir`. */
export async function writeProject(dir: string, files: Readonly<Record<string, string>>): Promise<string> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The packages, as files under node_modules/. */
export const PACKAGES: Readonly<Record<string, string>> = {
  // An ES module that imports a package of its own.
  "node_modules/esm-scale/package.json": json({ name: "esm-scale", version: "2.1.0", type: "module", exports: { ".": "./index.js", "./extra": "./extra.js" } }),
  "node_modules/esm-scale/index.js": 'import {plusOne} from "tiny-dep";\nexport const scale = (x, k) => plusOne(x * k) - 1;\nexport default "esm-scale";\n',
  "node_modules/esm-scale/extra.js": "export const extra = 7;\n",
  // The dependency: an ES module build ("module") beside a CommonJS one ("main").
  "node_modules/tiny-dep/package.json": json({ name: "tiny-dep", version: "0.3.0", module: "index.mjs", main: "index.cjs" }),
  "node_modules/tiny-dep/index.mjs": "export const plusOne = (x) => x + 1;\n",
  "node_modules/tiny-dep/index.cjs": "exports.plusOne = (x) => x + 1;\n",
  // CommonJS whose exports a reader of the source can see.
  "node_modules/cjs-chunk/package.json": json({ name: "cjs-chunk", version: "1.0.4", main: "lib/index.js" }),
  "node_modules/cjs-chunk/lib/index.js": 'const { chunk } = require("./chunk.js");\nexports.chunk = chunk;\nmodule.exports.total = (list) => list.reduce((a, b) => a + b, 0);\n',
  "node_modules/cjs-chunk/lib/chunk.js": "exports.chunk = (list, size) => {\n  const out = [];\n  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));\n  return out;\n};\n",
  // CommonJS built at run time, as lodash is: `module.exports = _`, its functions hung on it.
  "node_modules/lodashlike/package.json": json({ name: "lodashlike", version: "4.17.0", main: "lodashlike.js" }),
  "node_modules/lodashlike/lodashlike.js":
    ';(function () {\n  function _(value) { return value; }\n  _.sum = function (list) { var total = 0; for (var i = 0; i < list.length; i++) total += list[i]; return total; };\n  _.VERSION = "4.17.0";\n  var freeModule = typeof module == "object" && module;\n  if (freeModule) (freeModule.exports = _)._ = _;\n}.call(this));\n',
  // A package made for Node only.
  "node_modules/reads-files/package.json": json({ name: "reads-files", version: "1.0.0", main: "index.js" }),
  "node_modules/reads-files/index.js": 'const fs = require("fs");\nexports.read = (file) => fs.readFileSync(file, "utf8");\n',
};

/** The project's own modules and data. */
export const LOCAL_MODULES: Readonly<Record<string, string>> = {
  "notebooks/lib/helpers.js": [
    'import {scale} from "esm-scale";',
    'import {operationalCarbon} from "wattbook/kernel";',
    'import {next} from "./counter.js";',
    "",
    "export const loadedAs = next();",
    "",
    "export function tripled(x) {",
    "  return scale(x, 3);",
    "}",
    "",
    "export function kgFor(kwh) {",
    "  return operationalCarbon({energyKWh: kwh, gridGPerKWh: 400}).kgCO2e;",
    "}",
    "",
    "export function mustBeSmall(x) {",
    "  if (x > 10) {",
    '    throw new RangeError(`${x} is too large for mustBeSmall`);',
    "  }",
    "  return x;",
    "}",
    "",
  ].join("\n"),
  "notebooks/lib/counter.js": "let count = 0;\nexport function next() {\n  return ++count;\n}\n",
  "notebooks/lib/other.mjs": 'import {next} from "./counter.js";\nexport const otherLoadedAs = next();\n',
  "notebooks/lib/units.ts": "export const wattsPerKilowatt: number = 1000;\nexport function kilowatts(watts: number): number {\n  return watts / wattsPerKilowatt;\n}\n",
  "lib/shared.js": 'import {chunk} from "cjs-chunk";\nexport const pairs = (list) => chunk(list, 2).length;\n',
  "data/regions.json": json([{ name: "north", gridGPerKWh: 30 }, { name: "south", gridGPerKWh: 400 }]),
};
