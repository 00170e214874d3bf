// A build worker: evaluates compiled notebooks in Node on the same runtime code the browser uses, with
// a linkedom document, and sends back each cell's serialized output. Globals from the DOM live only in
// this thread.
import { parentPort, workerData } from "node:worker_threads";
import { type CellResult, correctValue, verifyExercise } from "../exercise/verify.ts";
import type { CompiledNotebook } from "../notebook/types.ts";
import { BUILD_WIDTH, createBuiltins } from "../runtime/builtins.ts";
import { NotebookRun } from "../runtime/notebook.ts";
import { installBuildDom } from "./dom.ts";
import { noteThrows, type Thrown } from "./thrown.ts";
import { type EvaluateTask, type ExerciseCheck, HEARTBEAT_MS, heartbeatNow, type WorkerMessage } from "./evaluate-protocol.ts";

const port = parentPort;
if (!port) throw new Error("evaluate-worker.js must run in a worker thread");
const { document } = installBuildDom();
const send = (message: WorkerMessage) => port.postMessage(message);
const running = new Int32Array((workerData as { running: SharedArrayBuffer }).running);
// While the thread is free it says so; a cell that never gives it back silences this (see evaluate.ts).
Atomics.store(running, 2, heartbeatNow());
setInterval(() => Atomics.store(running, 2, heartbeatNow()), HEARTBEAT_MS).unref();

// In a worker, process.exit ends the thread: a cell calling it would take its neighbours down with it.
process.exit = (() => {
  throw new Error("process.exit() cannot end a build from a cell");
}) as typeof process.exit;

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
  const thrown: Record<string, Thrown> = {};
  notebook = noteThrows(notebook, task.moduleUrl, (cellId, what) => (thrown[cellId] = what));
  const roots = new Map<string, Element>();
  const results = new Map<string, CellResult>();
  const indexOf = new Map(notebook.cells.map((cell, index) => [cell.id, index]));
  // When each cell's body started, until the cell settles: the per-cell time limit.
  const runningSince = new Map<string, number>();
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
      runningSince.set(cellId, performance.now());
    },
    onStatus: (cellId, status) => {
      if (status !== "pending") runningSince.delete(cellId);
    },
    onResult: (cellId, result) => results.set(cellId, result),
  });
  const overdue = cellOverdue(runningSince, task.cellTimeoutMs);
  await Promise.race([run.settled().then(() => true), delay(task.timeoutMs), overdue.promise]);
  overdue.stop();
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
        message: `output is ${(html.length / 1e6).toFixed(1)} MB, over the limit of ${(task.maxOutputBytes / 1e6).toFixed(1)} MB`,
      });
    } else outputs[cellId] = html;
  }
  const exercises = checkExercises(notebook, results, outputs);
  const now = performance.now();
  const pending = run.pendingCells().map((cell) => {
    const since = runningSince.get(cell.id);
    return { cellId: cell.id, location: run.location(cell), ...(since === undefined ? {} : { runningMs: Math.round(now - since) }) };
  });
  run.dispose();
  send({ type: "result", taskId: task.taskId, outputs, failures, pending, exercises, thrown, elapsedMs: performance.now() - started });
}

/** Resolves once some cell has been running longer than `limitMs`. */
function cellOverdue(started: ReadonlyMap<string, number>, limitMs: number): { promise: Promise<void>; stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<void>((resolve) => {
    timer = setInterval(() => {
      const now = performance.now();
      for (const since of started.values()) if (now - since > limitMs) return resolve();
    }, Math.max(10, Math.min(100, limitMs / 4)));
    timer.unref();
  });
  return { promise, stop: () => clearInterval(timer) };
}

/** Every exercise checked against the values its cells settled on; its shown answer goes into the outputs. */
function checkExercises(notebook: CompiledNotebook, results: ReadonlyMap<string, CellResult>, outputs: Record<string, string>): ExerciseCheck[] {
  return (notebook.exercises ?? []).map((exercise) => {
    const correct = correctValue(exercise, exercise.answerCell === undefined ? undefined : results.get(exercise.answerCell));
    const solution = exercise.solutionCell === undefined ? undefined : results.get(exercise.solutionCell);
    const { shown, problems, solutionProblem } = verifyExercise(exercise, correct, solution);
    if (shown !== undefined) outputs[`answer:${exercise.id}`] = shown.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    return solutionProblem === undefined || exercise.solutionCell === undefined ? { id: exercise.id, problems } : { id: exercise.id, problems, solution: { cellId: exercise.solutionCell, problem: solutionProblem } };
  });
}

port.on("message", (task: EvaluateTask) => {
  evaluate(task).catch((error) => send({ type: "crash", taskId: task.taskId, message: String(error?.stack ?? error) }));
});
