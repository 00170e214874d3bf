// `npm run bench editor`: what the cell editor costs. Sizes are read from a built site: the editor's entry
// and every chunk it loads (statically or with import()), raw and gzip — all of it on top of the page,
// since the editor is bundled on its own. Then the cost of stripping types from one TS cell, sucrase
// (the page's stripper) against esbuild (the build's).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Relative imports of a minified ES module: static (`from"./x.js"`, `import"./x.js"`) and dynamic. */
function importsOf(code) {
  const found = { static: new Set(), dynamic: new Set() };
  for (const match of code.matchAll(/(?:from|import)\s*"(\.\/[^"]+\.js)"/g)) found.static.add(match[1].slice(2));
  for (const match of code.matchAll(/import\(\s*"(\.\/[^"]+\.js)"\s*\)/g)) found.dynamic.add(match[1].slice(2));
  return found;
}

async function closure(dir, entries, { dynamic }) {
  const seen = new Set();
  const visit = async (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = await readFile(path.join(dir, file), "utf8");
    const { static: statics, dynamic: dynamics } = importsOf(code);
    for (const next of statics) await visit(next);
    if (dynamic) for (const next of dynamics) if (dynamic(next)) await visit(next);
  };
  for (const entry of entries) await visit(entry);
  return seen;
}

/** The editor's files on top of a read page, from an edit page of a site built by the caller. */
export async function editorSizes(site, page) {
  const dir = path.join(site, "_wattbook/editor");
  const edit = await readFile(path.join(site, "_edit", page), "utf8");
  const editor = /_wattbook\/editor\/(editor-[A-Z0-9]+\.js)/.exec(edit)[1];
  // Its own folder: every file the entry reaches is the editor's (the kernel it imports is the page's).
  const editorFiles = await closure(dir, [editor], { dynamic: () => true });
  const rows = [];
  for (const file of editorFiles) {
    const bytes = await readFile(path.join(dir, file));
    rows.push({ file, raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length });
  }
  return rows.sort((a, b) => b.gzip - a.gzip);
}

/** Microseconds per TS cell: best of several rounds over the given cells, sucrase and esbuild. */
export async function stripCost(cells) {
  const { transform } = await import("sucrase");
  const { transformSync } = await import("esbuild");
  const sucrase = (source) => transform(source, { transforms: ["typescript"], disableESTransforms: true, keepUnusedImports: true });
  const esbuild = (source) => transformSync(source, { loader: "ts", format: "esm", target: "es2022", sourcemap: "external", tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } } });
  const time = (strip) => {
    for (let i = 0; i < 50; i++) for (const cell of cells) strip(cell);
    let best = Infinity;
    for (let round = 0; round < 5; round++) {
      const started = performance.now();
      for (let i = 0; i < 100; i++) for (const cell of cells) strip(cell);
      best = Math.min(best, ((performance.now() - started) * 1000) / (100 * cells.length));
    }
    return best;
  };
  return { sucrase: time(sucrase), esbuild: time(esbuild) };
}

export async function benchEditor(site, root) {
  console.log("\neditor (the edit page's JS on top of the read page; gzip at level 6)");
  const rows = await editorSizes(site, "edge-battery.html");
  let raw = 0;
  let gzip = 0;
  for (const row of rows) {
    raw += row.raw;
    gzip += row.gzip;
    console.log(`  ${row.file.padEnd(30)} ${kb(row.raw).padStart(9)} raw  ${kb(row.gzip).padStart(8)} gzip`);
  }
  const budget = 250 * 1024;
  console.log(`  ${"editor in all".padEnd(30)} ${kb(raw).padStart(9)} raw  ${kb(gzip).padStart(8)} gzip  budget ≤ ${kb(budget)} gzip: ${gzip <= budget ? "within budget" : "OVER budget"}`);
  const text = await readFile(path.join(root, "examples/edge-battery.md"), "utf8");
  const cells = [...text.matchAll(/```ts\n([\s\S]*?)\n```/g)].map((m) => m[1]);
  const cost = await stripCost(cells);
  console.log(`  strip types, per TS cell (${cells.length} cells of examples/edge-battery.md): sucrase ${cost.sucrase.toFixed(0)} µs (in the page), esbuild ${cost.esbuild.toFixed(0)} µs (the build's transformSync)`);
}
