// What search costs a reader of the chapter: the bytes the site's search sends once its box is first
// focused (the index, _wattbook/search.json, and the search code: the lazy chunk and every chunk it
// imports), and what every page carries for it before then (the chrome's script). Sizes as `gzip -c`
// gives them (level 6), from a fresh build of the chapter as `npm run build` makes it. Budget: the
// index and the search code together ≤ 30 KB gzipped.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_BYTES = 30 * 1024;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** A library file and every file it imports, statically or (with `lazy`) dynamically, by name. */
async function closure(libDir, file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = await readFile(path.join(libDir, file), "utf8");
  for (const [, name] of text.matchAll(/(?:from|import)\s*\(?\s*"\.\/([^"]+\.js)"/g)) await closure(libDir, name, seen);
  return seen;
}

/** Sizes in the built site `site` (the chapter): printed, and returned for callers. */
export async function benchSearch(site) {
  console.log("\nsearch (the chapter's site; gzip level 6, as `gzip -c`)");
  const libDir = path.join(site, "_wattbook/lib");
  const files = await readdir(libDir);
  const chrome = files.find((name) => /^chrome-[A-Z0-9]+\.js$/.test(name));
  const lazy = files.find((name) => /^search-box-[A-Z0-9]+\.js$/.test(name));
  if (!chrome || !lazy) throw new Error(`no chrome or search chunk in ${libDir}`);
  const size = async (file) => {
    const bytes = await readFile(file);
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
  };
  const rows = [];
  const index = await size(path.join(site, "_wattbook/search.json"));
  rows.push(["index (_wattbook/search.json)", index]);
  let code = { raw: 0, gzip: 0 };
  for (const file of await closure(libDir, lazy)) {
    const each = await size(path.join(libDir, file));
    rows.push([`  ${file}`, each]);
    code = { raw: code.raw + each.raw, gzip: code.gzip + each.gzip };
  }
  rows.push(["search code", code]);
  for (const [name, { raw, gzip }] of rows) console.log(`  ${name.padEnd(40)} ${kb(raw).padStart(9)} raw  ${kb(gzip).padStart(8)} gzip`);
  const total = index.gzip + code.gzip;
  console.log(`  loaded on first focus: ${kb(total)} gzip  budget ≤ ${kb(BUDGET_BYTES)}: ${total <= BUDGET_BYTES ? "within budget" : "OVER budget"}`);
  const always = await size(path.join(libDir, chrome));
  console.log(`  on every page before that (${chrome}): ${kb(always.gzip)} gzip`);
  return { indexGzip: index.gzip, codeGzip: code.gzip, totalGzip: total, chromeGzip: always.gzip };
}
