// The build cache through the real CLI: an unchanged notebook comes from the cache, a changed one (or
// one whose package changed) is evaluated again, a damaged entry is never served, and the site written
// is byte for byte the site a build without the cache writes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli, type CliResult } from "../helpers/cli.ts";

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "wattbook-cache-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const fence = "```";

const NOTEBOOKS: Record<string, string> = {
  "a.md": `---\ntitle: A\norder: 1\n---\n\n# A\n\n${fence}js\nimport {operationalCarbon} from "wattbook/kernel";\nconst kwh = view(Inputs.range([0, 1000], {value: 250, step: 10, label: "kWh"}));\n${fence}\n\nEmits \${operationalCarbon({energyKWh: kwh, gridGPerKWh: 400}).kgCO2e} kg.\n`,
  "b.md": `---\ntitle: B\norder: 2\n---\n\n# B\n\n${fence}js\nconst hours = 24 * 7;\n${fence}\n\nA week is \${hours} hours.\n`,
  "deep/c.md": `# C\n\n${fence}ts\nconst watts: number = 700;\n${fence}\n\n\${watts / 1000} kW.\n`,
};

async function project(name: string, notebooks: Record<string, string> = NOTEBOOKS): Promise<string> {
  const dir = path.join(work, name);
  for (const [file, text] of Object.entries(notebooks)) {
    await mkdir(path.dirname(path.join(dir, "notebooks", file)), { recursive: true });
    await writeFile(path.join(dir, "notebooks", file), text);
  }
  return dir;
}

/** Every file of a site with a hash of its bytes. */
async function fingerprint(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    result[path.relative(dir, file)] = createHash("sha256").update(await readFile(file)).digest("hex");
  }
  return result;
}

/** The summary's counts: "… 2 from the cache, 1 evaluated …". */
function counts(result: CliResult): { fromCache: number; evaluated: number } {
  const match = /: (\d+) from the cache, (\d+) evaluated/.exec(result.stderr);
  if (!match) throw new Error(`no summary in:\n${result.stderr}`);
  return { fromCache: Number(match[1]), evaluated: Number(match[2]) };
}

async function build(cwd: string, ...args: string[]): Promise<CliResult> {
  const result = await runCli(["build", ...args], { cwd });
  expect(result.code, result.stderr).toBe(0);
  return result;
}

/** The notebooks' entries in a cache folder (not the record of the site it wrote, in sites/). */
async function entries(cacheDir: string): Promise<string[]> {
  const dir = path.join(cacheDir, "notebooks");
  if (!existsSync(dir)) return [];
  return (await readdir(dir, { recursive: true })).filter((name) => name.endsWith(".json")).map((name) => path.join(dir, name));
}

describe("the build cache", () => {
  it("serves unchanged notebooks from the cache, writing the same site as a build without it", async () => {
    const cwd = await project("unchanged");
    expect(counts(await build(cwd))).toEqual({ fromCache: 0, evaluated: 3 });
    // Without node_modules in the project, the cache is .wattbook/cache.
    expect(await entries(path.join(cwd, ".wattbook", "cache"))).toHaveLength(3);
    const second = await build(cwd);
    expect(counts(second)).toEqual({ fromCache: 3, evaluated: 0 });
    expect(second.stderr).toContain("✓ notebooks/b.md  2 cells, from the cache");
    const cached = await fingerprint(path.join(cwd, "build"));
    expect(counts(await build(cwd, "--no-cache", "--out", "cold"))).toEqual({ fromCache: 0, evaluated: 3 });
    expect(await fingerprint(path.join(cwd, "cold"))).toEqual(cached);
    expect(Object.keys(cached)).toContain("deep/c.html");
  }, 60_000);

  it("writes every page of a larger site, whichever order its notebooks finish in", async () => {
    // Pages are written while other notebooks still evaluate: none may be left out.
    // Each waits a little, so that most finish after every notebook is compiled and pages are known.
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`n${String(i).padStart(2, "0")}.md`, `# N${i}\n\n${fence}js\nconst n = await new Promise((resolve) => setTimeout(() => resolve(${i} * ${i}), ${20 + (i % 5) * 10}));\n${fence}\n\nSquare: \${n}.\n`]));
    const cwd = await project("many", many);
    expect(counts(await build(cwd, "--no-cache"))).toEqual({ fromCache: 0, evaluated: 40 });
    const site = await fingerprint(path.join(cwd, "build"));
    for (const file of Object.keys(many)) expect(Object.keys(site)).toContain(file.replace(/\.md$/, ".html"));
    expect(await readFile(path.join(cwd, "build", "n39.html"), "utf8")).toContain(">1,521<");
    await build(cwd);
    expect(counts(await build(cwd))).toEqual({ fromCache: 40, evaluated: 0 });
    expect(await fingerprint(path.join(cwd, "build"))).toEqual(site);
  }, 60_000);

  it("evaluates only the notebook that changed, and its page shows the new value", async () => {
    const cwd = await project("one-changed");
    await build(cwd);
    await writeFile(path.join(cwd, "notebooks", "b.md"), NOTEBOOKS["b.md"]!.replace("24 * 7", "24 * 365"));
    expect(counts(await build(cwd))).toEqual({ fromCache: 2, evaluated: 1 });
    expect(await readFile(path.join(cwd, "build", "b.html"), "utf8")).toContain('<span class="wb-value wb-num">8,760</span>');
    // Back to the first text: its entry is still there.
    await writeFile(path.join(cwd, "notebooks", "b.md"), NOTEBOOKS["b.md"]!);
    expect(counts(await build(cwd))).toEqual({ fromCache: 3, evaluated: 0 });
    expect(await readFile(path.join(cwd, "build", "b.html"), "utf8")).toContain('<span class="wb-value wb-num">168</span>');
  }, 60_000);

  it("keys entries by the evaluation limits: other limits, another entry", async () => {
    const cwd = await project("limits", { "b.md": NOTEBOOKS["b.md"]! });
    await build(cwd);
    expect(counts(await build(cwd, "--timeout-ms", "9000"))).toEqual({ fromCache: 0, evaluated: 1 });
    expect(counts(await build(cwd, "--timeout-ms", "9000"))).toEqual({ fromCache: 1, evaluated: 0 });
  }, 60_000);

  it("never serves a damaged entry: it is rebuilt, and the site is the same", async () => {
    const cwd = await project("damaged");
    await build(cwd);
    const good = await fingerprint(path.join(cwd, "build"));
    const files = await entries(path.join(cwd, ".wattbook", "cache"));
    // One entry cut short, one with a value changed inside (its checksum no longer matches), one not JSON.
    await writeFile(files[0]!, (await readFile(files[0]!, "utf8")).slice(0, 100));
    await writeFile(files[1]!, (await readFile(files[1]!, "utf8")).replace(/wb-value/, "wb-valu3"));
    await writeFile(files[2]!, "\u0000\u0001 not an entry");
    expect(counts(await build(cwd))).toEqual({ fromCache: 0, evaluated: 3 });
    expect(await fingerprint(path.join(cwd, "build"))).toEqual(good);
    // Rewritten whole: served again.
    expect(counts(await build(cwd))).toEqual({ fromCache: 3, evaluated: 0 });
  }, 60_000);

  it("links the files the previous site holds unchanged, and writes afresh a file changed since it was built", async () => {
    const cwd = await project("links");
    await build(cwd);
    const site = path.join(cwd, "build");
    const before = (await stat(path.join(site, "b.html"))).ino;
    // Someone edits a page of the built site in place, keeping its size.
    const tampered = path.join(site, "a.html");
    const original = await readFile(tampered, "utf8");
    await writeFile(tampered, original.replace("<title>", "<titlf>"));
    await build(cwd);
    expect((await stat(path.join(site, "b.html"))).ino).toBe(before);
    expect(await readFile(tampered, "utf8")).toBe(original);
    await build(cwd, "--no-cache", "--out", "cold");
    expect(await fingerprint(site)).toEqual(await fingerprint(path.join(cwd, "cold")));
  }, 60_000);

  it("writes nothing to the cache with --no-cache", async () => {
    const cwd = await project("no-cache", { "b.md": NOTEBOOKS["b.md"]! });
    await build(cwd, "--no-cache");
    expect(await entries(path.join(cwd, ".wattbook", "cache"))).toHaveLength(0);
  }, 60_000);

  it("keeps a failing notebook out of the cache, and fails again next time", async () => {
    const cwd = await project("failing", { "f.md": `# F\n\n${fence}js\nconst x = undefinedName + 1;\n${fence}\n` });
    const first = await runCli(["build"], { cwd });
    expect(first.code).toBe(1);
    const second = await runCli(["build"], { cwd });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("notebooks/f.md:4:11: undefinedName is not defined");
  }, 60_000);

  it("serves a notebook that imports a package only while the package's files are unchanged", async () => {
    const cwd = await project("package", { "p.md": `# P\n\n${fence}js\nimport {double} from "tiny-double";\n${fence}\n\nTwice 21 is \${double(21)}.\n` });
    const pkg = path.join(cwd, "node_modules", "tiny-double");
    await mkdir(pkg, { recursive: true });
    await writeFile(path.join(pkg, "package.json"), JSON.stringify({ name: "tiny-double", version: "1.0.0", type: "module", main: "index.js" }));
    await writeFile(path.join(pkg, "index.js"), "export const double = (x) => 2 * x;\n");
    expect(counts(await build(cwd))).toEqual({ fromCache: 0, evaluated: 1 });
    // With node_modules in the project, the cache is node_modules/.cache/wattbook.
    expect(await entries(path.join(cwd, "node_modules", ".cache", "wattbook"))).toHaveLength(1);
    expect(counts(await build(cwd))).toEqual({ fromCache: 1, evaluated: 0 });
    await writeFile(path.join(pkg, "index.js"), "export const double = (x) => x + x + 1;\n");
    expect(counts(await build(cwd))).toEqual({ fromCache: 0, evaluated: 1 });
    expect(await readFile(path.join(cwd, "build", "p.html"), "utf8")).toContain(">43<");
  }, 60_000);

  it("builds the same site from the cache whichever folder it runs from", async () => {
    const cwd = await project("elsewhere");
    await build(cwd);
    const fromProject = await fingerprint(path.join(cwd, "build"));
    // From the notebooks folder: another project root, so another (empty) cache, the same site.
    const notebooks = path.join(cwd, "notebooks");
    const inside = await runCli(["build", "--root", ".", "--out", "../site2"], { cwd: notebooks });
    expect(inside.code, inside.stderr).toBe(0);
    expect(await fingerprint(path.join(cwd, "site2"))).toEqual(fromProject);
  }, 60_000);
});
