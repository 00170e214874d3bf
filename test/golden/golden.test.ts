// Golden tests (issue 11): the notebooks in test/golden/fixtures/ are built once with the real CLI, and
// each one's compiled module (`_wattbook/notebook-<stem>-<hash>.js`) and rendered page (`<stem>.html`)
// must equal its file in test/golden/__snapshots__/ (`<stem>.module.js`, `<stem>.html`; the site's
// index page is `site-index.html`). A change to the compiler or the page renderer fails here and shows
// up as a diff of those files in review.
//
// After an intended change: `node scripts/compile.mjs && npx vitest run test/golden -u` rewrites the
// snapshots (the CLI runs from dist/, so compile first). Then read every changed snapshot as you would
// code under review (values computed at build are right, outputs are prerendered, figures and
// equations are numbered) before committing it: an unread `-u` turns a regression into the expected
// output. Fixtures must stay deterministic (no Date.now, Math.random, network). test/golden/.gitattributes
// keeps snapshots and fixtures byte for byte; a fixture added here gets its snapshots on the next `-u`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { transform } from "esbuild";
import { REPO_ROOT, runCli } from "../helpers/cli.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(HERE, "fixtures");
const SNAPSHOTS = path.join(HERE, "__snapshots__");
const INDEX_SNAPSHOT = "site-index.html";

/** The fixtures, as forward-slash paths relative to FIXTURES (one is a folder down, for `../` links). */
async function fixtureSources(): Promise<string[]> {
  const entries = await readdir(FIXTURES, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.relative(FIXTURES, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** "deep/async.md" → "deep-async": the stem the build names a notebook's scripts by. */
function stemOf(source: string): string {
  return source.replace(/\.md$/, "").replace(/[^A-Za-z0-9_-]+/g, "-");
}

// Normalisations, kept to what would churn for reasons that are not the compiler's or the renderer's:
//
// 1. Content hashes in script names (`notebook-cells-XEOZHPOK.js`, `lib/kernel-lifecycle-SJU6JSZM.js`,
//    `chunk-5QCEGDPQ.js`, `page-cells-WDYPL6D5.js`) become `-[hash].js`. The library's hashes move with
//    any edit to the kernel, the runtime or Plot, and the notebook's and page's own hashes follow from
//    those; the snapshot already holds the text the hash is of. Which files are imported or preloaded,
//    and in what order, stays in the snapshot.
// 2. A notebook is never bundled: one that imports an npm package imports the package's own file in
//    the site (`_wattbook/npm/<name>@<version>/<entry>-<hash>.js`, minified, shared by every page, and
//    no part of the snapshot; its name, hash normalised, is), so its module is as readable as any other.
//    Should a module import chunks of the site's own (`./chunk-….js`), each is appended, reprinted by
//    esbuild's transform (without minifying, one statement a line) so that a diff shows the statement
//    that changed.
const HASHED_SCRIPT = /-[A-Z2-7]{8}\.js(?=["'])/g;
const normalise = (text: string) => text.replace(HASHED_SCRIPT, "-[hash].js");
const normaliseName = (name: string) => name.replace(/-[A-Z2-7]{8}\.js$/, "-[hash].js");

const SOURCES = await fixtureSources();

let work: string;
let site: string;
let buildOutput: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "wattbook-golden-"));
  site = path.join(work, "site");
  // From the repository root, so that the npm fixture's bare import resolves from its node_modules.
  // A static folder that does not exist: the repository's static/ is no part of these pages.
  const built = await runCli(["build", "--root", FIXTURES, "--out", site, "--static", path.join(work, "no-static")]);
  buildOutput = built.stderr;
  expect(built.code, built.stderr).toBe(0);
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** The compiled module of a notebook, with the site's own chunks it imports appended (normalisation 2). */
async function compiledModule(stem: string): Promise<string> {
  const assets = path.join(site, "_wattbook");
  const names = (await readdir(assets)).filter((name) => new RegExp(`^notebook-${stem}-[A-Z2-7]{8}\\.js$`).test(name));
  expect(names, `one compiled module for ${stem} in ${(await readdir(assets)).join(", ")}`).toHaveLength(1);
  const text = await readFile(path.join(assets, names[0]!), "utf8");
  const chunks = [...text.matchAll(/from\s*"\.\/(chunk-[A-Z2-7]{8}\.js)"/g)].map((match) => match[1]!);
  if (!chunks.length) return normalise(text);
  const parts = [`// ${normaliseName(names[0]!)}, reprinted\n${(await transform(text, { format: "esm" })).code}`];
  for (const chunk of [...new Set(chunks)]) {
    const chunkText = await readFile(path.join(assets, chunk), "utf8");
    parts.push(`// ${normaliseName(chunk)}, reprinted\n${(await transform(chunkText, { format: "esm" })).code}`);
  }
  return normalise(parts.join("\n"));
}

describe("golden: fixture notebooks compile and render as their snapshots", () => {
  it("builds every fixture", () => {
    expect(SOURCES.length).toBeGreaterThanOrEqual(6);
    for (const source of SOURCES) expect(buildOutput).toContain(`✓ ${path.relative(REPO_ROOT, path.join(FIXTURES, source))}`);
  });

  for (const source of SOURCES) {
    const stem = stemOf(source);
    it(`${source}: compiled module`, async () => {
      await expect(await compiledModule(stem)).toMatchFileSnapshot(path.join(SNAPSHOTS, `${stem}.module.js`));
    });
    it(`${source}: rendered page`, async () => {
      const html = await readFile(path.join(site, source.replace(/\.md$/, ".html")), "utf8");
      await expect(normalise(html)).toMatchFileSnapshot(path.join(SNAPSHOTS, `${stem}.html`));
    });
  }

  it("index page", async () => {
    const html = await readFile(path.join(site, "index.html"), "utf8");
    await expect(normalise(html)).toMatchFileSnapshot(path.join(SNAPSHOTS, INDEX_SNAPSHOT));
  });

  // toMatchFileSnapshot never reports a snapshot nothing compares any more: a renamed or removed
  // fixture would leave a stale file that looks reviewed. Remove those by hand.
  it("has no snapshot without a fixture", async () => {
    const expected = new Set([INDEX_SNAPSHOT, ...SOURCES.flatMap((source) => [`${stemOf(source)}.module.js`, `${stemOf(source)}.html`])]);
    const present = await readdir(SNAPSHOTS).catch(() => [] as string[]);
    expect(present.filter((name) => !expected.has(name))).toEqual([]);
  });
});
