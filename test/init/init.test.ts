// `wattbook init`: the scaffold in an empty folder builds and checks as it is; in a folder that has a
// package.json and a notebooks/index.md of its own, those are kept (the package.json gains only what it
// lacks) and named; a second run writes nothing; a folder init cannot use is left untouched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { mergePackageJson, packageNameOf } from "../../src/init/package-json.ts";
import { titleOf } from "../../src/init/templates.ts";
import { runCli } from "../helpers/cli.ts";

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "wattbook-init-"));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/")).sort();
}

describe("mergePackageJson", () => {
  const options = { name: "energy-notes", version: "0.1.0" };

  it("makes a package.json with the scripts and wattbook as a dependency", () => {
    const made = mergePackageJson(undefined, options);
    expect(made).toMatchObject({ ok: true, created: true, addedScripts: ["dev", "build", "check"], keptScripts: [], addedDependency: true, esm: true });
    expect(made.ok && JSON.parse(made.text!)).toEqual({
      name: "energy-notes",
      private: true,
      type: "module",
      scripts: { dev: "wattbook preview", build: "wattbook build", check: "wattbook check" },
      dependencies: { wattbook: "^0.1.0" },
      engines: { node: ">=20" },
    });
  });

  it("keeps every field, every script, the key order and the indentation of an existing one", () => {
    const existing = `{\n    "name": "team",\n    "version": "2.0.0",\n    "scripts": {\n        "build": "vite build",\n        "test": "vitest"\n    },\n    "dependencies": {\n        "d3": "^7.0.0"\n    },\n    "license": "MIT"\n}\n`;
    const merged = mergePackageJson(existing, options);
    expect(merged).toMatchObject({ ok: true, created: false, addedScripts: ["dev", "check"], keptScripts: [["build", "vite build"]], addedDependency: true, esm: false });
    if (!merged.ok) return;
    expect(merged.text).toBe(`{\n    "name": "team",\n    "version": "2.0.0",\n    "scripts": {\n        "build": "vite build",\n        "test": "vitest",\n        "dev": "wattbook preview",\n        "check": "wattbook check"\n    },\n    "dependencies": {\n        "d3": "^7.0.0",\n        "wattbook": "^0.1.0"\n    },\n    "license": "MIT"\n}\n`);
  });

  it("changes nothing that has what it needs, and does not add wattbook next to a dev dependency on it", () => {
    const complete = JSON.stringify({ type: "module", scripts: { dev: "x", build: "y", check: "z" }, devDependencies: { wattbook: "^0.1.0" } });
    expect(mergePackageJson(complete, options)).toMatchObject({ ok: true, text: undefined, addedScripts: [], addedDependency: false, esm: true });
    const crlf = mergePackageJson(`{\r\n  "name": "w"\r\n}`, options);
    expect(crlf.ok && crlf.text).toBe(`{\r\n  "name": "w",\r\n  "scripts": {\r\n    "dev": "wattbook preview",\r\n    "build": "wattbook build",\r\n    "check": "wattbook check"\r\n  },\r\n  "dependencies": {\r\n    "wattbook": "^0.1.0"\r\n  }\r\n}`);
  });

  it("refuses a package.json it cannot read", () => {
    expect(mergePackageJson("{ name: 'x' }", options)).toMatchObject({ ok: false, reason: expect.stringMatching(/^it is not valid JSON/) });
    expect(mergePackageJson("[]", options)).toEqual({ ok: false, reason: "it does not hold a JSON object" });
    expect(mergePackageJson(`{"scripts": "build"}`, options)).toEqual({ ok: false, reason: 'its "scripts" is not an object' });
  });

  it("names a package and a site after their folder", () => {
    expect(packageNameOf("Energy Notes!")).toBe("energy-notes");
    expect(packageNameOf("...")).toBe("notebooks");
    expect(titleOf("energy-notes")).toBe("Energy notes");
    expect(titleOf("")).toBe("My notebooks");
  });
});

describe("wattbook init in an empty folder", () => {
  let dir: string;
  let output: string;

  beforeAll(async () => {
    dir = path.join(work, "empty-site");
    await mkdir(dir);
    const result = await runCli(["init"], { cwd: dir });
    output = result.stderr;
    expect(result.code, result.stderr).toBe(0);
  });

  it("writes the scaffold and says what it wrote and what to run next", async () => {
    expect(await files(dir)).toEqual([".github/workflows/deploy.yml", ".gitignore", "notebooks/404.md", "notebooks/data/grids.csv", "notebooks/example.md", "notebooks/index.md", "package.json", "wattbook.config.js"]);
    expect(output).toContain("Made a wattbook site in this folder:");
    for (const file of [".github/workflows/deploy.yml", "notebooks/example.md", "package.json", "wattbook.config.js"]) expect(output).toMatch(new RegExp(`wrote ${file.replace(/\./g, "\\.")} `));
    expect(output).toMatch(/Next:\n {2}npm install +installs wattbook/);
    expect(output).toContain("npm run dev");
    expect(output).not.toContain("cd ");
    expect(JSON.parse(await readFile(path.join(dir, "package.json"), "utf8"))).toMatchObject({ name: "empty-site", type: "module", scripts: { dev: "wattbook preview", build: "wattbook build", check: "wattbook check" } });
    expect(await readFile(path.join(dir, "wattbook.config.js"), "utf8")).toContain('title: "Empty site"');
  });

  it("writes a GitHub Pages workflow that installs, builds and deploys the configured output", async () => {
    const workflow = await readFile(path.join(dir, ".github/workflows/deploy.yml"), "utf8");
    for (const step of ["actions/checkout@v4", "actions/setup-node@v4", "run: npm ci", "run: npx wattbook build", "actions/upload-pages-artifact@v3", "path: build", "actions/deploy-pages@v4", "pages: write", "id-token: write"]) expect(workflow).toContain(step);
    expect(workflow.indexOf("npm ci")).toBeLessThan(workflow.indexOf("actions/cache@v4"));
    expect(await readFile(path.join(dir, ".gitignore"), "utf8")).toMatch(/^node_modules\/\n\/build\/\n\.wattbook\/\n\.wattbook-cache\/$/m);
  });

  it("makes a site that builds, with the example's input, table, figure and attached data", async () => {
    const built = await runCli(["build"], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).not.toContain("warning:");
    const html = await readFile(path.join(dir, "build/example.html"), "utf8");
    expect(html).toContain("<title>A training run&#39;s footprint · Empty site</title>");
    expect(html).toMatch(/<input[^>]*type="range"/);
    expect(html).toContain("Table 1.");
    expect(html).toMatch(/<figure class="wb-cell wb-figure" id="fig-footprints">[\s\S]*?<svg/);
    // 512 GPUs × 700 W × 14 days × 24 h × PUE 1.2 = 144.5 MWh; on Quebec's 20 g/kWh, 2.9 t.
    const text = html.replace(/<[^>]+>/g, "");
    expect(text).toContain("draw 144.5 MWh at the facility meter");
    expect(text).toContain("emits 2.9 t CO₂e in Quebec and\n118.5 t in Poland");
    expect((await files(path.join(dir, "build"))).filter((file) => file.startsWith("_file/"))).toEqual([expect.stringMatching(/^_file\/data\/grids\.[A-Z0-9]+\.csv$/)]);
    expect(existsSync(path.join(dir, "build/_edit/example.html"))).toBe(true);
    // The scaffold's 404 page is built for hosts to serve at missing addresses, and listed nowhere.
    expect(await readFile(path.join(dir, "build/404.html"), "utf8")).toContain("Page not found");
    expect(existsSync(path.join(dir, "build/_edit/404.html"))).toBe(false);
    expect(await readFile(path.join(dir, "build/index.html"), "utf8")).not.toContain("404.html");
  }, 120_000);

  it("names its scripts and data files by their content, as docs/deploy.md's cache headers assume", async () => {
    // The patterns docs/deploy.md gives for files that may be cached for ever.
    const immutable = [/\/_wattbook\/.+-[A-Z0-9]{8}\.js$/, /\/_file\/.+\.[A-Z0-9]{8}(\.[^/]*)?$/];
    const site = await files(path.join(dir, "build"));
    const forEver = site.filter((file) => immutable.some((pattern) => pattern.test(`/${file}`)));
    // Every script under _wattbook/ and every attached file is named by its content ...
    expect(site.filter((file) => (file.startsWith("_wattbook/") && file.endsWith(".js")) || file.startsWith("_file/")).filter((file) => !forEver.includes(file))).toEqual([]);
    // ... and nothing else matches: pages, styles, fonts, the sandbox page, the search index and the marker revalidate.
    expect(forEver.filter((file) => !file.startsWith("_wattbook/") && !file.startsWith("_file/"))).toEqual([]);
    expect(site.filter((file) => !forEver.includes(file) && file.startsWith("_wattbook/") && !file.startsWith("_wattbook/katex/"))).toEqual(["_wattbook/editor/sandbox.html", "_wattbook/search.json", "_wattbook/site.json"]);
    expect(forEver.length).toBeGreaterThan(20);
  });

  it("makes a site that checks: it evaluates and type-checks every notebook", async () => {
    const checked = await runCli(["check"], { cwd: dir });
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stderr).toContain("Checked 3 notebooks");
  }, 120_000);

  it("writes nothing when run again, and says so", async () => {
    const again = await runCli(["init"], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain("Nothing to write in this folder");
    expect(again.stderr).toMatch(/kept +notebooks\/example\.md/);
    expect(again.stderr).toMatch(/kept +package\.json +it has the scripts and the dependency already/);
  });
});

describe("wattbook init in a folder of a project", () => {
  const manifest = { name: "team-site", version: "1.2.0", description: "Our team's site", scripts: { build: "vite build", test: "vitest" }, dependencies: { d3: "^7.9.0" } };
  const ownIndex = "---\ntitle: Our own home\n---\n\n# Our own home\n\nWritten by us.\n";
  let dir: string;
  let output: string;

  beforeAll(async () => {
    dir = path.join(work, "existing");
    await mkdir(path.join(dir, "notebooks"), { recursive: true });
    await writeFile(path.join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    await writeFile(path.join(dir, "notebooks/index.md"), ownIndex);
    await writeFile(path.join(dir, ".gitignore"), "node_modules\n");
    // Run from the folder above, naming the project's folder.
    const result = await runCli(["init", "existing"], { cwd: work });
    output = result.stderr;
    expect(result.code, result.stderr).toBe(0);
  });

  it("leaves the notebook it has alone, and names it", async () => {
    expect(await readFile(path.join(dir, "notebooks/index.md"), "utf8")).toBe(ownIndex);
    expect(output).toMatch(/kept +notebooks\/index\.md +it was there already; left as it was/);
    expect(output).toMatch(/kept +\.gitignore/);
    expect(output).toContain(".gitignore does not leave out /build/, .wattbook/, .wattbook-cache/");
    expect(existsSync(path.join(dir, "notebooks/example.md"))).toBe(true);
  });

  it("keeps every field and script of its package.json, adds what it lacks, and says which script it kept", async () => {
    const merged = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8"));
    expect(merged).toEqual({ ...manifest, scripts: { build: "vite build", test: "vitest", dev: "wattbook preview", check: "wattbook check" }, dependencies: { d3: "^7.9.0", wattbook: expect.stringMatching(/^\^\d+\.\d+\.\d+/) } });
    expect(output).toContain(`package.json's own script build ("vite build")`);
    // Its own build script is not wattbook's: the next steps say how to build the site instead.
    expect(output).toContain("npx wattbook build");
    expect(output).toContain("npm run dev");
    expect(output).toContain("cd existing");
  });

  it("writes the configuration as an ES module Node reads as one: .mjs, since package.json has no \"type\": \"module\"", async () => {
    expect(existsSync(path.join(dir, "wattbook.config.mjs"))).toBe(true);
    expect(existsSync(path.join(dir, "wattbook.config.js"))).toBe(false);
    const built = await runCli(["build"], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).not.toMatch(/MODULE_TYPELESS|Warning/);
    expect(await readFile(path.join(dir, "build/index.html"), "utf8")).toContain("<title>Our own home · Existing</title>");
  }, 120_000);
});

describe("wattbook init refuses, writing nothing", () => {
  it("a package.json it cannot read", async () => {
    const dir = path.join(work, "broken-package");
    await mkdir(dir);
    await writeFile(path.join(dir, "package.json"), "{ not json");
    const result = await runCli(["init"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^wattbook init: package\.json: it is not valid JSON .*; fix it and run init again \(nothing was written\)$/m);
    expect(await files(dir)).toEqual(["package.json"]);
  });

  it("a file where a folder of the scaffold would go", async () => {
    const dir = path.join(work, "notebooks-file");
    await mkdir(dir);
    await writeFile(path.join(dir, "notebooks"), "not a folder");
    const result = await runCli(["init"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("notebooks is a file, where init would make the folder that holds notebooks/index.md");
    expect(await files(dir)).toEqual(["notebooks"]);
  });

  it("more than one folder", async () => {
    const result = await runCli(["init", "a", "b"], { cwd: work });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('wattbook init takes at most 1 argument (got "a", "b")');
  });
});
