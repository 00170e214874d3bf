// Reading a project's configuration for real: a temporary project per case, the module imported as
// build, check and preview import it. Every problem is a located error in the file, at the key's line.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../src/config/load.ts";
import { readProjectSettings } from "../../src/config/read.ts";
import { DEFAULT_LIMITS } from "../../src/publish/evaluate.ts";
import { DEFAULT_SITE_CONFIG } from "../../src/publish/site-config.ts";

let work: string;
let count = 0;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "wattbook-config-"));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A project holding `files` (and notebooks/index.md, notebooks/energy.md), for one case. */
async function project(files: Record<string, string>): Promise<string> {
  const dir = path.join(work, `p${++count}`);
  await mkdir(path.join(dir, "notebooks"), { recursive: true });
  await writeFile(path.join(dir, "notebooks/index.md"), "# Home\n");
  await writeFile(path.join(dir, "notebooks/energy.md"), "# Energy\n");
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

/** The errors of a configuration, as `file:line:col: reason [code]`. */
async function errorsOf(files: Record<string, string>): Promise<string[]> {
  const read = await readProjectSettings(await project(files), {});
  if (read.ok) return [];
  return read.errors.map((error) => `${error.file}:${error.line}:${error.column}: ${error.reason} [${error.code}]`);
}

describe("loadConfig", () => {
  it("gives every default to a project without a configuration", async () => {
    const dir = await project({});
    expect(await loadConfig(dir)).toEqual({ ok: true, config: {} });
    const read = await readProjectSettings(dir, {}, dir);
    expect(read).toMatchObject({ ok: true, settings: { root: path.join(dir, "notebooks"), out: path.join(dir, "build"), staticDir: path.join(dir, "static"), limits: DEFAULT_LIMITS, typecheck: "error", site: DEFAULT_SITE_CONFIG } });
  });

  it("reads the default export's settings", async () => {
    const dir = await project({ "wattbook.config.js": `export default {\n  title: "Energy notebooks",\n  editing: false,\n  pages: ["index.md", {name: "Topics", pages: [{path: "energy.md", title: "Energy"}]}],\n  timeoutMs: 20000,\n};\n` });
    const read = await readProjectSettings(dir, {}, dir);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.settings.site).toEqual({ ...DEFAULT_SITE_CONFIG, title: "Energy notebooks", editing: false, pages: [{ path: "index.md" }, { name: "Topics", pages: [{ path: "energy.md", title: "Energy" }] }] });
    expect(read.settings.limits).toEqual({ ...DEFAULT_LIMITS, timeoutMs: 20_000 });
    expect(read.configFile).toBe(path.join(dir, "wattbook.config.js"));
  });

  it("names an unknown key at its line, with the key meant", async () => {
    expect(await errorsOf({ "wattbook.config.js": `export default {\n  titel: "Energy",\n};\n` })).toEqual(["wattbook.config.js:2:3: unknown key titel (did you mean title?) [config-unknown-key-near]"]);
  });

  it("names a value of the wrong type at its key's line, also inside pages", async () => {
    expect(
      await errorsOf({
        "wattbook.config.js": `const topics = {name: "Topics", pages: [{path: "energy.md", title: 7}]};\nexport default {\n  toc: "no",\n  pages: ["index.md", topics],\n};\n`,
      }),
    ).toEqual([
      "wattbook.config.js:1:61: pages[1].pages[0].title must be text (not empty) (got 7) [config-wrong-type]",
      'wattbook.config.js:3:3: toc must be true or false (got "no") [config-wrong-type]',
    ]);
  });

  it("refuses a module without a default export, and a default export that is no object", async () => {
    expect(await errorsOf({ "wattbook.config.js": `export const title = "x";\n` })).toEqual(["wattbook.config.js:1:1: the configuration has no default export, so it gives no settings [config-no-default-export]"]);
    expect(await errorsOf({ "wattbook.config.js": `// settings\nexport default "Energy";\n` })).toEqual(['wattbook.config.js:2:16: the configuration\'s default export is "Energy", not an object of settings [config-not-object]']);
  });

  it("reports a configuration that throws at the line that threw, and a syntax error at its place", async () => {
    const [thrown] = await errorsOf({ "wattbook.config.js": `const pages = [];\nif (!pages.length) throw new Error("no pages yet");\nexport default {pages};\n` });
    expect(thrown).toMatch(/^wattbook\.config\.js:2:\d+: the configuration threw while it loaded: Error: no pages yet \[config-threw\]$/);
    expect(await errorsOf({ "wattbook.config.js": `export default {\n  title: "x",,\n};\n` })).toEqual(["wattbook.config.js:2:14: syntax error: Unexpected token [config-syntax]"]);
  });

  it("names an import that cannot be found at the import", async () => {
    const [missing] = await errorsOf({ "wattbook.config.js": `import {pages} from "./pages.js";\nexport default {pages};\n` });
    expect(missing).toMatch(/^wattbook\.config\.js:1:21: the configuration imports \.\/pages\.js, and there is no such file \[config-module-missing\]$/);
  });

  it("follows a module the configuration imports", async () => {
    const dir = await project({ "wattbook.config.js": `import {pages} from "./site/pages.js";\nexport default {title: "Imported", pages};\n`, "site/pages.js": `export const pages = ["energy.md", "index.md"];\n` });
    const read = await readProjectSettings(dir, {}, dir);
    expect(read.ok && read.settings.site.pages).toEqual([{ path: "energy.md" }, { path: "index.md" }]);
  });

  it("refuses two configurations", async () => {
    expect(await errorsOf({ "wattbook.config.js": "export default {};\n", "wattbook.config.ts": "export default {};\n" })).toEqual([
      "wattbook.config.js:1:1: wattbook.config.js and wattbook.config.ts are both here, and wattbook reads one configuration file [config-two-files]",
    ]);
  });

  it("checks that each page is a notebook, listed once, and that the favicon is a file of the static folder", async () => {
    expect(
      await errorsOf({
        "wattbook.config.js": `export default {\n  pages: [\n    "index.md",\n    {path: "enrgy.md"},\n    "guides.md",\n    "index.md",\n  ],\n  favicon: "icon.svg",\n};\n`,
      }),
    ).toEqual([
      'wattbook.config.js:4:6: pages[1].path: there is no notebook notebooks/enrgy.md (did you mean "energy.md"?) [config-page-missing-near]',
      'wattbook.config.js:5:5: pages[2]: there is no notebook notebooks/guides.md [config-page-missing]',
      'wattbook.config.js:6:5: pages[3]: "index.md" is listed twice (also at pages[0]) [config-page-twice]',
      "wattbook.config.js:8:3: favicon: there is no file static/icon.svg [config-favicon-missing]",
    ]);
    expect(await errorsOf({ "wattbook.config.js": `export default {favicon: "icon.svg"};\n`, "static/icon.svg": "<svg/>" })).toEqual([]);
  });

  it("reads the configuration anew each time (the preview reads it again when it changes)", async () => {
    const dir = await project({ "wattbook.config.js": `export default {title: "First"};\n` });
    expect(await loadConfig(dir)).toMatchObject({ ok: true, config: { title: "First" } });
    await writeFile(path.join(dir, "wattbook.config.js"), `export default {title: "Second"};\n`);
    expect(await loadConfig(dir)).toMatchObject({ ok: true, config: { title: "Second" } });
  });
});
