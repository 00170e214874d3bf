// A build worker: evaluates compiled notebooks in Node on the same runtime code the browser uses, with
// a linkedom document, and sends back each cell's serialized output. Globals from the DOM live only in
// this thread.
import { parentPort, workerData } from "node:worker_threads";
import type { CompiledNotebook } from "../notebook/types.ts";
import { BUILD_WIDTH, createBuiltins } from "../runtime/builtins.ts";
import { NotebookRun } from "../runtime/notebook.ts";
import { installBuildDom } from "./dom.ts";
import type { EvaluateTask, WorkerMessage } from "./evaluate-protocol.ts";

const port = parentPort;
if (!port) throw new Error("evaluate-worker.js must run in a worker thread");
const { document } = installBuildDom();
const send = (message: WorkerMessage) => port.postMessage(message);
const running = new Int32Array((workerData as { running: SharedArrayBuffer }).running);

function delay(ms: number): Promise<false> {
  return new Promise((resolve) => setTimeout(() => resolve(false), ms).unref());
}

async function evaluate(task: EvaluateTask): Promise<void> {
  const started = performance.now();
  let notebook: CompiledNotebook;
  try {
    notebook = (await import(task.moduleUrl)).default as CompiledNotebook;
  } catch (error) {
    send({ type: "crash", taskId: task.taskId, message: error instanceof Error ? error.message : String(error) });
    return;
  }
  const roots = new Map<string, Element>();
  const indexOf = new Map(notebook.cells.map((cell, index) => [cell.id, index]));
  const run = new NotebookRun(notebook, {
    builtins: createBuiltins({ width: BUILD_WIDTH }),
    root: (cell) => {
      const root = document.createElement(cell.inline ? "span" : "div");
      roots.set(cell.id, root);
      return root;
    },
    onRun: (cellId) => {
      Atomics.store(running, 0, task.taskId);
      Atomics.store(running, 1, indexOf.get(cellId) ?? -1);
    },
  });
  await Promise.race([run.settled().then(() => true), delay(task.timeoutMs)]);
  const failures = [...run.failures()];
  const outputs: Record<string, string> = {};
  for (const [cellId, root] of roots) {
    const html = root.innerHTML;
    if (html.length > task.maxOutputBytes) {
      const cell = notebook.cells.find((c) => c.id === cellId)!;
      failures.push({
        cellId,
        own: true,
        location: run.location(cell),
        message: `output is ${(html.length / 1e6).toFixed(1)} MB, over the limit of ${(task.maxOutputBytes / 1e6).toFixed(1)} MB; display a summary, or raise --max-output-mb`,
      });
    } else outputs[cellId] = html;
  }
  const pending = run.pendingCells().map((cell) => ({ cellId: cell.id, location: run.location(cell) }));
  run.dispose();
  send({ type: "result", taskId: task.taskId, outputs, failures, pending, elapsedMs: performance.now() - started });
}

port.on("message", (task: EvaluateTask) => {
  evaluate(task).catch((error) => send({ type: "crash", taskId: task.taskId, message: String(error?.stack ?? error) }));
});
