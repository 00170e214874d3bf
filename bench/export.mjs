// `npm run bench export`: the size of `wattbook export` for each chapter notebook: the whole file, and
// what it is made of (the one script: runtime, cells, kernel, Plot, Inputs; the styles with the KaTeX
// fonts the page uses; the rest: prerendered HTML, attached files), raw and gzip, and the time each
// export took (a fresh process, the build cache warm after the first).
import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function exportOne(bin, notebook, out, cwd) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, "export", notebook, "--out", out], { cwd, env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`export of ${notebook} failed:\n${stderr}`))));
  });
}

/** Bytes of the export's inline script, its styles, and everything else. */
function parts(html) {
  const inner = (pattern) => [...html.matchAll(pattern)].reduce((sum, match) => sum + Buffer.byteLength(match[1]), 0);
  const script = inner(/<script>([\s\S]*?)<\/script>/g);
  const styles = inner(/<style>([\s\S]*?)<\/style>/g);
  const fonts = [...html.matchAll(/url\(data:font\/woff2;base64,([^)]*)\)/g)].length;
  return { script, styles, fonts, rest: Buffer.byteLength(html) - script - styles };
}

export async function benchExport(root, work, bin) {
  console.log("\nexport (`wattbook export` of each chapter notebook: one self-contained HTML file)");
  const notebooks = (await readdir(path.join(root, "notebooks"))).filter((file) => file.endsWith(".md")).sort();
  console.log(`  ${"notebook".padEnd(34)} ${"file".padStart(10)} ${"gzip".padStart(9)}   ${"script".padStart(9)} ${"styles".padStart(9)} fonts ${"rest".padStart(9)}   time`);
  let total = 0;
  for (const notebook of notebooks) {
    const out = path.join(work, `export-${notebook.replace(/\.md$/, ".html")}`);
    const elapsedMs = await exportOne(bin, path.join("notebooks", notebook), out, root);
    const html = await readFile(out);
    const { script, styles, fonts, rest } = parts(html.toString("utf8"));
    total += html.length;
    console.log(`  ${notebook.padEnd(34)} ${kb(html.length).padStart(10)} ${kb(gzipSync(html, { level: 6 }).length).padStart(9)}   ${kb(script).padStart(9)} ${kb(styles).padStart(9)} ${String(fonts).padStart(5)} ${kb(rest).padStart(9)}   ${Math.round(elapsedMs)} ms`);
  }
  console.log(`  ${"all chapter notebooks".padEnd(34)} ${kb(total).padStart(10)}`);
}
