// What a realm per notebook costs (src/publish/realm-host.ts): a generated notebook (bench/generate.mjs,
// the kernel, an input, a table, every fourth a Plot) is built once with the CLI, then evaluated here,
// in one thread, again and again:
//   fresh   a new realm per evaluation (what the build does): context, dist/realm.js, the library's
//           kernel modules and the notebook module, run anew each time
//   shared  one realm for every evaluation, as before isolation (the library's modules run once)
//   worker  a new worker thread per evaluation (the other way to isolate: dist/evaluate-worker.js
//           started, then the notebook evaluated in it), for comparison
// fresh − shared is the isolation cost per notebook.
//
//   node --import tsx bench/realm.ts        (about 10 s; run by `npm run bench realm`)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { generatedNotebook } from "./generate.mjs";
import { createRealm } from "../src/publish/realm-host.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const RUNS = 60;
const WORKER_RUNS = 12;
const TASK = { timeoutMs: 10_000, cellTimeoutMs: 5_000, maxOutputBytes: 5_000_000 };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** Starts a build worker, evaluates the notebook in it, ends it: milliseconds from start to result. */
function inFreshWorker(moduleUrl: string): Promise<number> {
  const started = performance.now();
  const worker = new Worker(path.join(ROOT, "dist/evaluate-worker.js"), { workerData: { running: new SharedArrayBuffer(12) } });
  return new Promise((resolve, reject) => {
    worker.once("message", (message: { type: string }) => {
      const elapsed = performance.now() - started;
      void worker.terminate();
      if (message.type === "result") resolve(elapsed);
      else reject(new Error(`worker: ${JSON.stringify(message)}`));
    });
    worker.once("error", reject);
    worker.postMessage({ type: "evaluate", taskId: 1, moduleUrl, ...TASK });
  });
}

const work = mkdtempSync(path.join(tmpdir(), "wattbook-bench-realm-"));
try {
  mkdirSync(path.join(work, "notebooks"));
  for (const i of [1, 4]) writeFileSync(path.join(work, "notebooks", `generated-${i}.md`), generatedNotebook(i));
  const built = spawnSync(process.execPath, [path.join(ROOT, "bin/wattbook.js"), "build"], { cwd: work, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  if (built.status !== 0) throw new Error(`build failed:\n${built.stderr}`);
  const scripts = path.join(work, "build", "_wattbook");
  for (const [label, stem] of [["kernel, input, table", "generated-1"], ["… and a Plot figure", "generated-4"]] as const) {
    const file = readdirSync(scripts).find((name) => name.startsWith(`notebook-${stem}-`))!;
    const moduleUrl = pathToFileURL(path.join(scripts, file)).href;
    const evaluate = async (realm: ReturnType<typeof createRealm>) => {
      const outcome = await realm.evaluate({ moduleUrl, ...TASK }, () => {});
      if ("crash" in outcome || outcome.failures.length) throw new Error(`evaluation failed: ${JSON.stringify(outcome).slice(0, 500)}`);
    };
    const fresh: number[] = [];
    const created: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const realm = createRealm();
      created.push(performance.now() - started);
      await evaluate(realm);
      realm.dispose();
      fresh.push(performance.now() - started);
    }
    const shared: number[] = [];
    const realm = createRealm();
    await evaluate(realm);
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      await evaluate(realm);
      shared.push(performance.now() - started);
    }
    realm.dispose();
    const workers: number[] = [];
    for (let run = 0; run < WORKER_RUNS; run++) workers.push(await inFreshWorker(moduleUrl));
    const cost = median(fresh) - median(shared);
    console.log(
      `  ${label.padEnd(22)} fresh realm ${median(fresh).toFixed(1)} ms (creating it ${median(created).toFixed(1)} ms)   shared realm ${median(shared).toFixed(1)} ms   isolation cost ${cost.toFixed(1)} ms per notebook   (a worker per notebook instead: ${median(workers).toFixed(0)} ms)`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
