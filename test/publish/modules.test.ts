// Local modules and npm packages through the real CLI, in projects on disk with real files (see
// helpers/modules-project.ts): every kind of import builds and shows its value at build; a package is
// one file in the site however many pages import it; the notebook's module is not bundled; an error in
// a local module is reported at the module's own file:line, saying which cell called it; what is
// missing is named at the cell's import; the cache follows a local module's changes; and the site is
// the same with or without the cache.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli, type CliResult } from "../helpers/cli.ts";
import { fence, LOCAL_MODULES, PACKAGES, writeProject } from "../helpers/modules-project.ts";

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "wattbook-modules-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const IMPORTS_MD = `# Imports

${fence}js
import {scale} from "esm-scale";
import scaleName from "esm-scale";
import {extra} from "esm-scale/extra";
import {chunk, total} from "cjs-chunk";
import {sum, VERSION} from "lodashlike";
import _ from "lodashlike";
import {tripled, loadedAs, kgFor} from "./lib/helpers.js";
import {otherLoadedAs} from "./lib/other.mjs";
import {kilowatts} from "./lib/units.ts";
import {pairs} from "../lib/shared.js";
import regions from "../data/regions.json";
import * as ImportedPlot from "@observablehq/plot";
${fence}

${fence}js
[
  \`scale=\${scale(2, 5)}\`,
  \`name=\${scaleName}\`,
  \`extra=\${extra}\`,
  \`chunk=\${JSON.stringify(chunk([1, 2, 3], 2))}\`,
  \`total=\${total([1, 2, 3])}\`,
  \`sum=\${sum([1, 2, 3, 4])}\`,
  \`version=\${VERSION}\`,
  \`lodash=\${typeof _.sum}\`,
  \`tripled=\${tripled(2)}\`,
  \`counter=\${loadedAs !== otherLoadedAs && loadedAs + otherLoadedAs === 3 ? "shared" : "two instances"}\`,
  \`kg=\${kgFor(1000)}\`,
  \`kW=\${kilowatts(1500)}\`,
  \`pairs=\${pairs([1, 2, 3, 4, 5])}\`,
  \`regions=\${regions.map((r) => r.name).join("+")}\`,
  \`plot=\${typeof ImportedPlot.plot}\`,
].join(" ")
${fence}
`;

const SECOND_MD = `# Second

${fence}js
import {scale} from "esm-scale";
import {pairs} from "../lib/shared.js";
${fence}

Scaled: \${scale(3, 3)}, pairs: \${pairs([1, 2, 3])}.
`;

const EXPECTED = "scale=10 name=esm-scale extra=7 chunk=[[1,2],[3]] total=6 sum=10 version=4.17.0 lodash=function tripled=6 counter=shared kg=400 kW=1.5 pairs=3 regions=north+south plot=function";

async function build(cwd: string, ...args: string[]): Promise<CliResult> {
  const result = await runCli(["build", ...args], { cwd, timeoutMs: 120_000 });
  expect(result.code, result.stderr).toBe(0);
  return result;
}

/** The summary's counts: "… 2 from the cache, 1 evaluated …". */
function counts(result: CliResult): { fromCache: number; evaluated: number } {
  const match = /: (\d+) from the cache, (\d+) evaluated/.exec(result.stderr);
  if (!match) throw new Error(`no summary in:\n${result.stderr}`);
  return { fromCache: Number(match[1]), evaluated: Number(match[2]) };
}

/** Every file of a folder, relative and forward-slashed. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/")).sort();
}

async function fingerprint(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const file of await filesUnder(dir)) result[file] = createHash("sha256").update(await readFile(path.join(dir, file))).digest("hex");
  return result;
}

/** The text of a page's `<main>`, tags dropped. */
async function pageText(file: string): Promise<string> {
  const html = await readFile(file, "utf8");
  return html.replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/\s+/g, " ");
}

describe("local modules and npm packages", () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await writeProject(path.join(work, "imports"), { ...PACKAGES, ...LOCAL_MODULES, "notebooks/imports.md": IMPORTS_MD, "notebooks/second.md": SECOND_MD });
  });

  it("builds every kind of import and shows its value at build", async () => {
    await build(cwd);
    expect(await pageText(path.join(cwd, "build", "imports.html"))).toContain(EXPECTED);
    expect(await pageText(path.join(cwd, "build", "second.html"))).toMatch(/Scaled: 9 ?, pairs: 2 ?\./);
  }, 120_000);

  it("makes each package one file in the site, shared by every page that imports it", async () => {
    const scripts = await filesUnder(path.join(cwd, "build", "_wattbook"));
    const packageFiles = scripts.filter((file) => file.startsWith("npm/"));
    expect(packageFiles.filter((file) => file.startsWith("npm/esm-scale@2.1.0/index-"))).toHaveLength(1);
    expect(packageFiles.filter((file) => file.startsWith("npm/tiny-dep@0.3.0/index-"))).toHaveLength(1);
    expect(packageFiles.filter((file) => file.startsWith("npm/cjs-chunk@1.0.4/index-"))).toHaveLength(1);
    expect(packageFiles.filter((file) => file.startsWith("npm/esm-scale@2.1.0/extra-"))).toHaveLength(1);
    // Plot is the library's own file, not a second copy from node_modules.
    expect(packageFiles.filter((file) => file.includes("plot"))).toEqual([]);
    const esmScale = packageFiles.find((file) => file.startsWith("npm/esm-scale@2.1.0/index-"))!;
    // The package imports its dependency's own file, not a copy of it.
    expect(await readFile(path.join(cwd, "build", "_wattbook", esmScale), "utf8")).toContain(`"../tiny-dep@0.3.0/`);
    const modules = scripts.filter((file) => /^notebook-(imports|second)-/.test(file));
    expect(modules).toHaveLength(2);
    for (const file of modules) expect(await readFile(path.join(cwd, "build", "_wattbook", file), "utf8")).toContain(`from "./${esmScale}"`);
    // Each page preloads it; the second page loads the shared module its local module imports too.
    expect(await readFile(path.join(cwd, "build", "second.html"), "utf8")).toContain(`href="_wattbook/${esmScale.replace("@", "%40")}"`);
    expect(await readFile(path.join(cwd, "build", "second.html"), "utf8")).toMatch(/href="_wattbook\/npm\/cjs-chunk%401\.0\.4\/index-[A-Z2-7]{8}\.js"/);
  });

  it("does not bundle the notebook's module: its cells keep their lines", async () => {
    const scripts = await filesUnder(path.join(cwd, "build", "_wattbook"));
    const module = await readFile(path.join(cwd, "build", "_wattbook", scripts.find((file) => file.startsWith("notebook-second-"))!), "utf8");
    expect(module.split("\n").slice(0, 4)).toEqual([
      expect.stringMatching(/^import \* as __wattbook_module_0 from "\.\/npm\/esm-scale@2\.1\.0\/index-[A-Z2-7]{8}\.js";$/),
      expect.stringMatching(/^import \{scale\} from "\.\/npm\/esm-scale@2\.1\.0\/index-[A-Z2-7]{8}\.js";$/),
      expect.stringMatching(/^import \* as __wattbook_module_1 from "\.\/local\/shared-[A-Z2-7]{8}\.js";$/),
      expect.stringMatching(/^import \{pairs\} from "\.\/local\/shared-[A-Z2-7]{8}\.js";$/),
    ]);
    expect(module).toContain("\nscale(3, 3)\n");
  });

  it("builds the same site from the cache as without it", async () => {
    expect(counts(await build(cwd))).toEqual({ fromCache: 2, evaluated: 0 });
    const cached = await fingerprint(path.join(cwd, "build"));
    await build(cwd, "--no-cache", "--out", "fresh");
    expect(await fingerprint(path.join(cwd, "fresh"))).toEqual(cached);
  }, 120_000);

  it("evaluates a notebook again when a local module it imports, or one that module imports, changes", async () => {
    expect(counts(await build(cwd))).toEqual({ fromCache: 2, evaluated: 0 });
    // counter.js is imported by helpers.js and other.mjs, not by a cell.
    await writeFile(path.join(cwd, "notebooks/lib/counter.js"), "let count = 10;\nexport function next() {\n  return ++count;\n}\n");
    expect(counts(await build(cwd))).toEqual({ fromCache: 1, evaluated: 1 });
    expect(await pageText(path.join(cwd, "build", "imports.html"))).toContain("counter=two instances");
    // shared.js, imported by both notebooks (one of them through "../lib/").
    await writeFile(path.join(cwd, "lib/shared.js"), 'import {chunk} from "cjs-chunk";\nexport const pairs = (list) => 100 * chunk(list, 2).length;\n');
    expect(counts(await build(cwd))).toEqual({ fromCache: 0, evaluated: 2 });
    expect(await pageText(path.join(cwd, "build", "second.html"))).toMatch(/pairs: 200 ?\./);
    expect(counts(await build(cwd))).toEqual({ fromCache: 2, evaluated: 0 });
  }, 120_000);
});

describe("a notebooks folder outside the project", () => {
  it("imports the project's packages, and its own local modules", async () => {
    const cwd = await writeProject(path.join(work, "outside-project"), { ...PACKAGES });
    const notebooks = await writeProject(path.join(work, "outside-notebooks"), {
      "lib/half.js": "export const half = (x) => x / 2;\n",
      "o.md": `# O\n\n${fence}js\nimport {scale} from "esm-scale";\nimport {half} from "./lib/half.js";\n${fence}\n\nValue: \${half(scale(2, 5))}.\n`,
    });
    await build(cwd, "--root", notebooks, "--out", "site");
    expect(await pageText(path.join(cwd, "site", "o.html"))).toMatch(/Value: 5 ?\./);
  }, 120_000);
});

describe("errors in imports", () => {
  let result: CliResult;
  beforeAll(async () => {
    const cwd = await writeProject(path.join(work, "errors"), {
      ...PACKAGES,
      ...LOCAL_MODULES,
      "notebooks/lib/broken.js": "const table = {};\nexport const deep = table.missing.value;\n",
      "notebooks/throws.md": `# Throws\n\n${fence}js\nimport {mustBeSmall} from "./lib/helpers.js";\nconst input = 50;\n${fence}\n\n${fence}js\nmustBeSmall(input)\n${fence}\n`,
      "notebooks/missing.md": `# Missing\n\n${fence}js\nimport {x} from "not-installed-anywhere";\nimport {y} from "./lib/absent.js";\n${fence}\n`,
      "notebooks/node.md": `# Node\n\n${fence}js\nimport {read} from "reads-files";\n${fence}\n`,
      "notebooks/misspelt.md": `# Misspelt\n\n${fence}js\nimport {scal} from "esm-scale";\nimport {trippled} from "./lib/helpers.js";\n${fence}\n`,
      "notebooks/loads.md": `# Loads\n\n${fence}js\nimport {deep} from "./lib/broken.js";\n${fence}\n`,
    });
    result = await runCli(["build"], { cwd, timeoutMs: 120_000 });
  }, 120_000);

  it("fails the build", () => {
    expect(result.code).toBe(1);
  });

  it("reports an error thrown in a local module at the module's own line, saying which cell called it", () => {
    expect(result.stderr).toContain("notebooks/lib/helpers.js:17:11: 50 is too large for mustBeSmall (called by the cell at notebooks/throws.md:9:1) [cell-threw]");
    // The excerpt is the module's.
    expect(result.stderr).toContain("17 |     throw new RangeError(`${x} is too large for mustBeSmall`);");
  });

  it("reports a module that throws while the page loads it at its line", () => {
    expect(result.stderr).toContain("notebooks/lib/broken.js:2:35: Cannot read properties of undefined (reading 'value') [module-threw-on-load]");
    expect(result.stderr).toContain("(imported at notebooks/loads.md:4:1)");
  });

  it("names a missing package and a missing module at the cell's import", () => {
    expect(result.stderr).toContain('notebooks/missing.md:4:1: the package "not-installed-anywhere" is not installed [package-not-installed]');
    expect(result.stderr).toContain("hint: npm install not-installed-anywhere");
    expect(result.stderr).toContain('notebooks/missing.md:5:1: cannot find the module "./lib/absent.js": notebooks/lib/absent.js does not exist [module-not-found]');
  });

  it("refuses a package that needs Node at the import, saying cells run in the browser too", () => {
    expect(result.stderr).toMatch(/notebooks\/node\.md:4:1: "reads-files" needs the Node\.js built-in module "fs" \(imported at node_modules\/reads-files\/index\.js:1:\d+\); cells run in the browser too/);
  });

  it("names an export a module lacks, with the name it was likely meant to be", () => {
    expect(result.stderr).toContain('notebooks/misspelt.md:4:1: "esm-scale" has no export named "scal" [export-misspelled]');
    expect(result.stderr).toContain('hint: did you mean "scale"?');
    expect(result.stderr).toContain('notebooks/misspelt.md:5:1: "./lib/helpers.js" has no export named "trippled" [export-misspelled]');
  });
});
