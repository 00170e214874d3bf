// `npm run bench`: the DESIGN.md budgets, measured on this machine and printed as numbers.
//
//   build      chapter notebooks, examples and 300 generated notebooks, each a fresh `wattbook build`
//              process, median of several runs: cold (--no-cache), unchanged (every notebook from the
//              build cache) and one notebook changed, with the ratios to cold the budgets set
//   preview    save → page rebuilt and reload sent, median of several saves
//   browser    JS a page loads (raw and gzip) with and without Plot, and input → dependent output
//              latency, in Chromium
//   editor     the cell editor's JS on top of a page (raw and gzip), type-stripping cost per TS cell
//   kernel     single call, sweep and bare-loop throughput, kernel bundle size (bench/kernel.mjs)
//   realm      what a realm per notebook costs: fresh against shared, and a worker per notebook
//              (bench/realm.ts)
//   typecheck  the chapter type-checked cold, and one saved notebook re-checked (bench/typecheck.ts)
//   search     the chapter's search index and search code, gzipped, against the 30 KB budget, and the
//              chrome's script every page loads (bench/search.mjs)
//   export     the size of `wattbook export` for each chapter notebook, and what it is made of (bench/export.mjs)
//
// Pass section names to run only some: `node bench/run.mjs build preview`.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { benchEditor } from "./editor.mjs";
import { benchSearch } from "./search.mjs";
import { benchExport } from "./export.mjs";
import { generateNotebooks } from "./generate.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(ROOT, "bin/wattbook.js");
const LIBRARY_CACHE = path.join(ROOT, ".wattbook-cache");
const sections = process.argv.slice(2);
const wanted = (name) => !sections.length || sections.includes(name);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => `${Math.round(value)} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (value, budget) => (value <= budget ? "within budget" : "OVER budget");

/** One `wattbook build` process; `cwd` is the project (and so where its build cache lives). */
function build(root, out, { cwd = ROOT, args = [] } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, "build", "--root", root, "--out", out, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`build of ${root} failed:\n${stderr}`));
      else {
        const counts = /: (\d+) from the cache, (\d+) evaluated/.exec(stderr);
        resolve({ wallMs: performance.now() - started, reported: /in ([\d.]+) s/.exec(stderr)?.[1], fromCache: Number(counts?.[1]), evaluated: Number(counts?.[2]) });
      }
    });
  });
}

/**
 * The repository's packages, linked one by one into the project's own node_modules: notebooks that import
 * npm packages (examples/team-data.md imports d3-dsv) find them, while the build cache
 * (node_modules/.cache) stays the project's own.
 */
async function linkPackages(project) {
  const modules = path.join(project, "node_modules");
  await mkdir(modules, { recursive: true });
  for (const entry of await readdir(path.join(ROOT, "node_modules"))) {
    if (entry !== ".cache") await symlink(path.join(ROOT, "node_modules", entry), path.join(modules, entry));
  }
}

async function clearLibraryCache() {
  await rm(LIBRARY_CACHE, { recursive: true, force: true });
}

/**
 * Cold (--no-cache), unchanged (everything from the build cache) and one notebook changed, each the
 * median of several fresh processes, wall time including Node's start-up. The project folder is a
 * temporary one, so the build cache starts empty and is this benchmark's own.
 */
async function benchBuilds(work) {
  console.log("\nbuild (fresh `wattbook build` process per run; median wall time, including Node start-up)");
  const generated = path.join(work, "generated");
  await generateNotebooks(generated, 300);
  // The library (wattbook's own runtime and kernel, bundled once per version of its sources) is bundled
  // once here, so that no figure below includes it.
  await clearLibraryCache();
  const first = await build(path.join(ROOT, "examples"), path.join(work, "site-library"), { args: ["--no-cache"] });
  console.log(`  library bundled on the first build of a version: ${ms(first.wallMs)} (examples, 4 notebooks)`);
  // [name, folder, cold budget (ms), whether the unchanged/one-changed ratio budgets apply]
  const targets = [
    ["chapter notebooks", path.join(ROOT, "notebooks"), 1500, false],
    ["example notebooks", path.join(ROOT, "examples"), undefined, false],
    ["300 generated notebooks", generated, undefined, true],
  ];
  for (const [name, source, coldBudget, ratioBudgets] of targets) {
    if (!existsSync(source)) continue;
    // A copy of the notebooks in a project of its own: its cache, and notebooks we may change.
    const project = path.join(work, `project-${name.replace(/\W+/g, "-")}`);
    const root = path.join(project, "notebooks");
    await rm(project, { recursive: true, force: true });
    await mkdir(project, { recursive: true });
    await cp(source, root, { recursive: true });
    await linkPackages(project);
    const out = path.join(project, "build");
    const runs = async (count, prepare, args = []) => {
      const results = [];
      for (let i = 0; i < count; i++) {
        await prepare?.(i);
        results.push(await build(root, out, { cwd: project, args }));
      }
      return results;
    };
    const cold = await runs(3, undefined, ["--no-cache"]);
    await build(root, out, { cwd: project }); // fills the cache
    const unchanged = await runs(3);
    // One notebook changed: a number in its text, different on every run, so each run misses once.
    const notebooks = (await readdir(root)).filter((file) => file.endsWith(".md")).sort();
    const changed = path.join(root, notebooks[notebooks.length >> 1]);
    const original = await readFile(changed, "utf8");
    const oneChanged = await runs(3, (i) => writeFile(changed, `${original}\n\nChanged ${i + 1} time${i ? "s" : ""}: \${${1000 + i} * 2}.\n`));
    const page = await readFile(path.join(out, path.relative(root, changed).replace(/\.md$/, ".html")), "utf8");
    const showsNewValue = page.includes(`>${(1002 * 2).toLocaleString("en-US")}<`);
    await writeFile(changed, original);
    const coldMs = median(cold.map((r) => r.wallMs));
    const unchangedMs = median(unchanged.map((r) => r.wallMs));
    const oneChangedMs = median(oneChanged.map((r) => r.wallMs));
    const counted = (results) => `${results.at(-1).fromCache} cached, ${results.at(-1).evaluated} evaluated`;
    const ratio = (value, budget) => `${(value / coldMs).toFixed(3)} of cold${ratioBudgets ? ` (budget ≤ ${budget}: ${value <= coldMs * budget ? "within budget" : "OVER budget"})` : ""}`;
    console.log(`  ${name}`);
    console.log(`    cold          ${ms(coldMs).padStart(8)}  (runs: ${cold.map((r) => ms(r.wallMs)).join(", ")}; ${counted(cold)})${coldBudget ? `  budget ≤ ${ms(coldBudget)}: ${verdict(coldMs, coldBudget)}` : ""}`);
    console.log(`    unchanged     ${ms(unchangedMs).padStart(8)}  ${ratio(unchangedMs, 0.1)}  (${counted(unchanged)})`);
    console.log(`    one changed   ${ms(oneChangedMs).padStart(8)}  ${ratio(oneChangedMs, 0.2)}  (${counted(oneChanged)}; its page shows the new value: ${showsNewValue ? "yes" : "NO"})`);
  }
}

/** Starts `wattbook preview --port 0` and resolves with its URL and a stop function. */
function startPreviewProcess(project) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "preview", "--port", "0"], { cwd: project, env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
      const url = /preview at (http:\/\/\S+)/.exec(stderr)?.[1];
      if (url) resolve({ url, stop: () => new Promise((done) => (child.once("close", done), child.kill("SIGINT"))) });
    });
    child.on("close", (code) => reject(new Error(`preview exited (${code}):\n${stderr}`)));
  });
}

async function benchPreview(work) {
  console.log("\npreview (`wattbook preview`: save → notebook rebuilt → reload event sent; median of 10 saves)");
  const project = path.join(work, "preview-project");
  await mkdir(path.join(project, "notebooks"), { recursive: true });
  const file = path.join(project, "notebooks/crossover.md");
  const original = await readFile(path.join(ROOT, "examples/crossover.md"), "utf8");
  await writeFile(file, original);
  const server = await startPreviewProcess(project);
  const url = new URL("_wattbook/events", server.url);
  const timings = [];
  try {
    const { request } = await import("node:http");
    for (let i = 0; i < 10; i++) {
      const reloaded = new Promise((resolve) => {
        const req = request(url, (res) => {
          res.setEncoding("utf8");
          res.on("data", (chunk) => {
            if (chunk.includes('"reload"')) {
              resolve(performance.now());
              req.destroy();
            }
          });
        });
        req.on("error", () => {});
        req.end();
      });
      await new Promise((r) => setTimeout(r, 150));
      const saved = performance.now();
      await writeFile(file, original.replace("value: 0.3", `value: 0.${(i % 8) + 2}`));
      timings.push((await reloaded) - saved);
    }
  } finally {
    await server.stop();
  }
  const value = median(timings);
  console.log(`  save → reload sent: median ${ms(value)} (min ${ms(Math.min(...timings))}, max ${ms(Math.max(...timings))}; includes the 15 ms save debounce)  budget ≤ 150 ms: ${verdict(value, 150)}`);
}

async function benchBrowser(work) {
  console.log("\nbrowser (Chromium; JS is what the page actually requested, gzip at level 6)");
  const site = path.join(work, "browser-site");
  await build(path.join(ROOT, "examples"), site);
  const { chromium } = await import("playwright-core");
  const { createServer } = await import("node:http");
  const { createReadStream } = await import("node:fs");
  const server = createServer((req, res) => {
    const file = path.join(site, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!file.startsWith(site) || !existsSync(file)) return res.writeHead(404).end();
    const type = file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css" : file.endsWith(".woff2") ? "font/woff2" : "text/html";
    res.writeHead(200, { "content-type": type });
    createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.WATTBOOK_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    for (const [name, page, budget] of [
      ["page without Plot (edge-battery)", "edge-battery.html", 40 * 1024],
      ["page with Plot (training-carbon)", "training-carbon.html", 200 * 1024],
    ]) {
      const tab = await browser.newPage();
      const scripts = new Map();
      tab.on("response", async (response) => {
        if (!response.url().endsWith(".js")) return;
        scripts.set(response.url(), await response.body().catch(() => Buffer.alloc(0)));
      });
      await tab.goto(base + page);
      await tab.waitForFunction(() => document.documentElement.classList.contains("wb-live"));
      await tab.waitForTimeout(500);
      let raw = 0;
      let gz = 0;
      for (const body of scripts.values()) {
        raw += body.length;
        gz += gzipSync(body, { level: 6 }).length;
      }
      console.log(`  ${name.padEnd(34)} ${String(scripts.size).padStart(2)} files  ${kb(raw).padStart(9)} raw  ${kb(gz).padStart(8)} gzip  budget ≤ ${kb(budget)} gzip: ${verdict(gz, budget)}`);
      // What the Explain panel adds when a reader first asks (loaded on demand, not counted above).
      const loaded = new Set(scripts.keys());
      const explain = tab.locator("button.wb-explain").first();
      if (await explain.count()) {
        await explain.evaluate((button) => button.click());
        await tab.waitForSelector("#wb-explain-panel[open]", { timeout: 5000 });
        await tab.waitForTimeout(300);
        const added = [...scripts].filter(([url]) => !loaded.has(url)).map(([, body]) => body);
        const addedGz = added.reduce((sum, body) => sum + gzipSync(body, { level: 6 }).length, 0);
        const addedRaw = added.reduce((sum, body) => sum + body.length, 0);
        console.log(`  ${"  + Explain panel, on first click".padEnd(34)} ${String(added.length).padStart(2)} files  ${kb(addedRaw).padStart(9)} raw  ${kb(addedGz).padStart(8)} gzip`);
      }
      await tab.close();
    }

    for (const [name, page, budget] of [
      ["input → inline values (edge-battery)", "edge-battery.html", 16],
      ["input → values and Plot (training-carbon)", "training-carbon.html", 50],
    ]) {
      const tab = await browser.newPage();
      await tab.goto(base + page);
      await tab.waitForFunction(() => document.documentElement.classList.contains("wb-live"));
      await tab.waitForTimeout(300);
      const samples = await tab.evaluate(async (runs) => {
        const input = document.querySelector(".wb-cell input[type=range], .wb-cell input[type=radio]");
        const target = document.querySelector(".wb-inline");
        const times = [];
        for (let i = 0; i < runs; i++) {
          const changed = new Promise((resolve) => {
            const observer = new MutationObserver(() => {
              observer.disconnect();
              resolve(performance.now());
            });
            observer.observe(target, { subtree: true, childList: true, characterData: true });
          });
          const started = performance.now();
          if (input.type === "radio") {
            const radios = [...document.querySelectorAll(`input[name="${input.name}"]`)];
            const next = radios[i % radios.length] === radios.find((r) => r.checked) ? radios[(i + 1) % radios.length] : radios[i % radios.length];
            next.checked = true;
            next.dispatchEvent(new Event("input", { bubbles: true }));
          } else {
            input.value = String(Number(input.min) + ((i % 7) + 1) * ((Number(input.max) - Number(input.min)) / 9));
            input.dispatchEvent(new Event("input", { bubbles: true }));
          }
          times.push((await changed) - started);
          await new Promise((r) => setTimeout(r, 30));
        }
        return times;
      }, 25);
      const value = median(samples);
      console.log(`  ${name.padEnd(42)} median ${value.toFixed(1)} ms  (p90 ${[...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.9)].toFixed(1)} ms)  budget ≤ ${budget} ms: ${verdict(value, budget)}`);
      await tab.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}

function benchKernel() {
  console.log("");
  const result = spawnSync(process.execPath, [path.join(ROOT, "bench/kernel.mjs")], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error("bench/kernel.mjs failed");
}

function benchRealm() {
  console.log("\nrealm per notebook (bench/realm.ts; one thread, median of 60 evaluations)");
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "bench/realm.ts")], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error("bench/realm.ts failed");
}

function benchTypecheck() {
  console.log("\ntype checking (bench/typecheck.ts; TypeScript 7's checker over the chapter)");
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "bench/typecheck.ts")], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error("bench/typecheck.ts failed");
}

const work = await mkdtemp(path.join(tmpdir(), "wattbook-bench-"));
try {
  console.log(`wattbook bench on ${process.platform}, Node ${process.version}, ${(await import("node:os")).availableParallelism()} cores`);
  if (wanted("build")) await benchBuilds(work);
  if (wanted("preview")) await benchPreview(work);
  if (wanted("browser")) await benchBrowser(work);
  if (wanted("editor")) {
    const site = path.join(work, "editor-site");
    await build(path.join(ROOT, "examples"), site);
    await benchEditor(site, ROOT);
  }
  if (wanted("kernel")) benchKernel();
  if (wanted("realm")) benchRealm();
  if (wanted("typecheck")) benchTypecheck();
  if (wanted("search")) {
    // The chapter as `npm run build` builds it. Sizes do not depend on time: generous limits, so that a
    // cold build on a busy machine does not fail on a cell's time limit.
    const site = path.join(work, "search-site");
    await build(path.join(ROOT, "notebooks"), site, { args: ["--cell-timeout-ms", "60000", "--timeout-ms", "120000"] });
    await benchSearch(site);
  }
  if (wanted("export")) await benchExport(ROOT, work, BIN);
} finally {
  await rm(work, { recursive: true, force: true });
}
