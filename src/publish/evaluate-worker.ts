// A build worker: evaluates compiled notebooks, each in a realm of its own (realm-host.ts), on the same
// runtime code the browser uses, and sends back each cell's serialized output. Several notebooks may be
// in flight at once; nothing of one reaches another. What a realm's promises reject with unhandled is
// routed back to that realm, so it fails its own notebook, never the worker or a neighbour.
import { parentPort, workerData } from "node:worker_threads";
import { createRealm, type NotebookRealm, useProjectModuleCache } from "./realm-host.ts";
import { type EvaluateTask, HEARTBEAT_MS, heartbeatNow, type WorkerMessage } from "./evaluate-protocol.ts";

const port = parentPort;
if (!port) throw new Error("evaluate-worker.js must run in a worker thread");
const send = (message: WorkerMessage) => port.postMessage(message);
const running = new Int32Array((workerData as { running: SharedArrayBuffer }).running);
useProjectModuleCache((workerData as { moduleCacheDir?: string }).moduleCacheDir);
// While the thread is free it says so; a cell that never gives it back silences this (see evaluate.ts).
Atomics.store(running, 2, heartbeatNow());
setInterval(() => Atomics.store(running, 2, heartbeatNow()), HEARTBEAT_MS).unref();

const realms = new Set<NotebookRealm>();


process.on("unhandledRejection", (reason, promise) => {
  for (const realm of realms) {
    if (realm.owns(promise)) return realm.unhandledRejection(reason);
  }
  // Not a notebook's: the worker's own fault, reported as a crash by the pool.
  throw reason;
});

async function evaluate(task: EvaluateTask): Promise<void> {
  const started = performance.now();
  let realm: NotebookRealm;
  try {
    realm = createRealm();
  } catch (error) {
    send({ type: "crash", taskId: task.taskId, message: error instanceof Error ? error.message : String(error) });
    return;
  }
  realms.add(realm);
  try {
    const { timeoutMs, cellTimeoutMs, maxOutputBytes, moduleUrl, modules, attachments } = task;
    const files = attachments ? { attachments: attachments.table } : {};
    const onRun = (cellIndex: number) => {
      Atomics.store(running, 0, task.taskId);
      Atomics.store(running, 1, cellIndex);
    };
    const outcome = await realm.evaluate({ moduleUrl, timeoutMs, cellTimeoutMs, maxOutputBytes, ...(modules ? { modules } : {}), ...files }, onRun, attachments?.sources);
    if ("crash" in outcome) send({ type: "crash", taskId: task.taskId, message: outcome.crash, ...(outcome.thrown ? { thrown: outcome.thrown } : {}) });
    else send({ type: "result", taskId: task.taskId, ...outcome, elapsedMs: performance.now() - started });
  } finally {
    realms.delete(realm);
    realm.dispose();
  }
}

port.on("message", (task: EvaluateTask) => {
  evaluate(task).catch((error) => send({ type: "crash", taskId: task.taskId, message: String(error?.stack ?? error) }));
});
