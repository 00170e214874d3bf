// What runs inside one notebook's realm at build (see realm-host.ts): the build DOM, the runtime glue the
// browser uses, the notebook's module and the library's kernel, all created afresh for this notebook and
// thrown away after it. It evaluates the notebook and answers with plain JSON, so nothing of the realm
// reaches the worker but text.
import { host, callbackFaults, ownDelay, ownInterval, timers } from "./realm-prelude.ts";
import { correctValue, verifyExercise, type CellResult } from "../exercise/verify.ts";
import type { CompiledNotebook } from "../notebook/types.ts";
import { BUILD_WIDTH, createBuiltins } from "../runtime/builtins.ts";
import { NotebookRun, type CellFailure } from "../runtime/notebook.ts";
import { installBuildDom } from "./dom.ts";
import { describeThrown, noteThrows, type Thrown } from "./thrown.ts";
import { giveWebClasses } from "./realm-globals.ts";
import type { RealmOutcome, RealmTask } from "./realm-protocol.ts";
import type { EvaluateResult, ExerciseCheck, PendingCell } from "./evaluate-protocol.ts";
import { utf8ByteLength } from "../text/utf8.ts";
import { snapshotValues } from "../runtime/snapshot-values.ts";
import type { AttachedFile, AttachmentSource } from "../runtime/file-attachment.ts";
import { browserOnlyCells, compiledGraphCell } from "../notebook/browser-only.ts";
import { escapeHtml } from "../text/escape-html.ts";
import { captureProvenance } from "../explain/capture.ts";
import { PROVENANCE_OUTPUT } from "../explain/data.ts";
import { findMissingProperty, uselessDisplay, type MissingProperty } from "./missing-property.ts";

const { document } = installBuildDom();

/** Taken before any notebook runs: a notebook may replace the realm's JSON.stringify (its own page's concern). */
const stringify = JSON.stringify;

/** Modules loaded in this realm, by URL: each runs once, like an ES module. */
const modules = new Map<string, { exports: unknown }>();

function requireFrom(fromUrl: string): (specifier: string) => unknown {
  return (specifier) => {
    const url = host.resolve(specifier, fromUrl);
    const loaded = modules.get(url);
    if (loaded) return loaded.exports;
    const module = { exports: {} as unknown };
    modules.set(url, module);
    host.load(url)(requireFrom(url), module, module.exports);
    return module.exports;
  };
}

const rejections: unknown[] = [];

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function evaluate(task: RealmTask): Promise<RealmOutcome> {
  const started = performance.now();
  // The notebook's own scripts besides its module (its local modules): where its errors may be thrown.
  const localModules = new Set(Object.keys(task.modules ?? {}).filter((url) => url !== task.moduleUrl));
  let notebook: CompiledNotebook;
  try {
    notebook = (requireFrom(task.moduleUrl)(task.moduleUrl) as { default: CompiledNotebook }).default;
  } catch (error) {
    const thrown = describeThrown(error, task.moduleUrl, [], localModules);
    return { crash: error instanceof Error ? error.message : String(error), ...(thrown.module ? { thrown } : {}) };
  }
  // Cells marked ```js browser, and every cell that depends on one, run in the reader's browser only.
  const browserOnly = browserOnlyCells(notebook.cells.map(compiledGraphCell));
  // Reading an attached file needs TextDecoder, TextEncoder (Arrow) and Blob, whether or not a cell names them.
  const inputs = notebook.cells.flatMap((cell) => (browserOnly.has(cell.id) ? [] : cell.inputs));
  giveWebClasses(host, inputs.includes("FileAttachment") ? [...inputs, "TextDecoder", "TextEncoder", "Blob"] : inputs);
  const thrown: Record<string, Thrown> = {};
  // As compiled: a body's own text says which module lines are its (the wrapped bodies' text does not).
  const compiledCells = notebook.cells;
  notebook = noteThrows(notebook, task.moduleUrl, (cellId, what) => (thrown[cellId] = what), localModules);
  const roots = new Map<string, Element>();
  const results = new Map<string, CellResult>();
  const indexOf = new Map(notebook.cells.map((cell, index) => [cell.id, index]));
  const runningSince = new Map<string, number>();
  /** The latest value of each declared name, as other cells see it. */
  const named = new Map<string, unknown>();
  let lastRun: string | undefined;
  const run = new NotebookRun(browserOnly.size ? { ...notebook, cells: notebook.cells.filter((cell) => !browserOnly.has(cell.id)) } : notebook, {
    builtins: createBuiltins({ width: BUILD_WIDTH, files: buildFiles(notebook.path, task.attachments ?? {}) }),
    root: (cell) => {
      const root = document.createElement(cell.inline ? "span" : "div");
      roots.set(cell.id, root);
      return root;
    },
    onRun: (cellId) => {
      lastRun = cellId;
      host.onRun(indexOf.get(cellId) ?? -1);
      runningSince.set(cellId, performance.now());
    },
    onStatus: (cellId, status) => {
      if (status !== "pending") runningSince.delete(cellId);
    },
    onResult: (cellId, result) => results.set(cellId, result),
    onValue: (_cellId, name, value) => void named.set(name, value),
    onValueRejected: (cellId, error) => void (thrown[cellId] ??= describeThrown(error, task.moduleUrl, compiledCells, localModules)),
  });
  const overdue = cellOverdue(runningSince, task.cellTimeoutMs);
  const deadline = started + task.timeoutMs;
  const limit = ownDelay(task.timeoutMs);
  await Promise.race([run.settled(), limit.promise, overdue.promise]);
  limit.cancel();
  // A declared name is its own variable, computed from its cell's value just after the cell settles:
  // one more turn, so that a name no other cell reads has its value too (for the value snapshots).
  await frame();
  // What the page shows is the first settled state; what fails later still fails the build.
  const outputs: Record<string, string> = {};
  const oversized: CellFailure[] = [];
  for (const [cellId, root] of roots) {
    const html = root.innerHTML;
    const bytes = utf8ByteLength(html);
    if (bytes > task.maxOutputBytes) {
      const cell = notebook.cells.find((c) => c.id === cellId)!;
      oversized.push({ cellId, own: true, location: run.location(cell), message: `output is ${(bytes / 1e6).toFixed(1)} MB, over the limit of ${(task.maxOutputBytes / 1e6).toFixed(1)} MB` });
    } else outputs[cellId] = html;
  }
  // The values the page shows, for value snapshots (wattbook check): the same settled state.
  const values = snapshotValues(Object.fromEntries(named));
  // And what each cell used to compute them, for the page's Explain panels (explain/capture.ts).
  // A value that cannot be read (a proxy that throws) costs the page its traces, never the build.
  try {
    outputs[PROVENANCE_OUTPUT] = stringify(captureProvenance(notebook.cells, (cellId) => run.provenance.get(cellId), notebook.imports));
  } catch {
    // the page's Explain panels then say the build recorded nothing
  }
  const pending = run.pendingCells();
  if (!pending.length) await quiesce(deadline);
  overdue.stop();

  const failures = [...run.failures(), ...oversized];
  const failing = new Set(failures.map((f) => f.cellId));
  const missing = missingProperties(compiledCells, results, named, failing, thrown);
  // A fault after the run: the cell whose line threw, or else the cell that ran last.
  const late = (error: unknown, how: string) => {
    const at = describeThrown(error, task.moduleUrl, compiledCells, localModules);
    const owner = at.at?.cellId ?? lastRun ?? notebook.cells[0]?.id;
    const cell = owner === undefined ? undefined : notebook.cells.find((c) => c.id === owner);
    if (!cell || failing.has(cell.id)) return;
    failing.add(cell.id);
    thrown[cell.id] = at;
    failures.push({ cellId: cell.id, own: true, location: run.location(cell), message: `${messageOf(error)} (${how})` });
  };
  for (const error of callbackFaults) late(error, "thrown by a timer, frame or microtask callback after the cell ran");
  for (const error of rejections) late(error, "a promise rejected and nothing handled the rejection");

  const exercises = checkExercises(notebook, results, outputs);
  const now = performance.now();
  const stuck: PendingCell[] = pending.map((cell) => {
    const since = runningSince.get(cell.id);
    return { cellId: cell.id, location: run.location(cell), ...(since === undefined ? {} : { runningMs: Math.round(now - since) }) };
  });
  run.dispose();
  timers.cancelAll();
  return { outputs, values, failures, pending: stuck, exercises, thrown, ...(Object.keys(missing).length ? { missing } : {}) };
}

/**
 * Cells that show nothing (an expression whose value is undefined or NaN) or threw a TypeError, because
 * they read a property their input does not have: by cell id, the read that went wrong.
 */
function missingProperties(cells: CompiledNotebook["cells"], results: ReadonlyMap<string, CellResult>, named: ReadonlyMap<string, unknown>, failing: ReadonlySet<string>, thrown: Readonly<Record<string, Thrown>>): Record<string, MissingProperty> {
  const found: Record<string, MissingProperty> = {};
  for (const cell of cells) {
    const result = results.get(cell.id);
    const shows = !failing.has(cell.id) && cell.expression && result !== undefined && "value" in result ? uselessDisplay(result.value) : undefined;
    if (shows === undefined && !(failing.has(cell.id) && thrown[cell.id]?.name === "TypeError")) continue;
    const inputs = new Set(cell.inputs);
    const missing = findMissingProperty(String(cell.body), (name) => (inputs.has(name) && named.has(name) ? { value: named.get(name) } : undefined));
    if (missing) found[cell.id] = shows === undefined ? missing : { ...missing, shows };
  }
  return found;
}

/**
 * After the first settled state: lets generators take their next steps and the timers already set fire
 * (up to the notebook's time limit), so that what throws a moment later is still this build's error.
 * A round waits for the timers pending at its start, then two frames; it ends when neither its start
 * nor its frames left a timer to wait for, or after a few rounds (a clock that ticks forever is not waited for).
 */
async function quiesce(deadline: number): Promise<void> {
  for (let round = 0; round < 4; round++) {
    const due = timers.pendingFirstRuns().filter((at) => at <= deadline);
    const last = Math.max(performance.now(), ...due);
    if (last > performance.now()) await ownDelay(Math.min(last, deadline) - performance.now() + 1).promise;
    await frame();
    await frame();
    if (!due.length && !timers.pendingFirstRuns().some((at) => at <= deadline)) return;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return `threw ${typeof error === "object" && error !== null ? JSON.stringify(error) : String(error)}`;
  } catch {
    return "threw a value that cannot be shown";
  }
}

/** Resolves once some cell has been running longer than `limitMs`. */
function cellOverdue(started: ReadonlyMap<string, number>, limitMs: number): { promise: Promise<void>; stop: () => void } {
  let stop = () => {};
  const promise = new Promise<void>((resolve) => {
    stop = ownInterval(() => {
      const now = performance.now();
      for (const since of started.values()) if (now - since > limitMs) return resolve();
    }, Math.max(10, Math.min(100, limitMs / 4)));
  });
  return { promise, stop: () => stop() };
}

/** Every exercise checked against the values its cells settled on; its shown answer goes into the outputs. */
function checkExercises(notebook: CompiledNotebook, results: ReadonlyMap<string, CellResult>, outputs: Record<string, string>): ExerciseCheck[] {
  return (notebook.exercises ?? []).map((exercise) => {
    const correct = correctValue(exercise, exercise.answerCell === undefined ? undefined : results.get(exercise.answerCell));
    const solution = exercise.solutionCell === undefined ? undefined : results.get(exercise.solutionCell);
    const { shown, problems, solutionProblem } = verifyExercise(exercise, correct, solution);
    if (shown !== undefined) outputs[`answer:${exercise.id}`] = escapeHtml(shown);
    return solutionProblem === undefined || exercise.solutionCell === undefined ? { id: exercise.id, problems } : { id: exercise.id, problems, solution: { cellId: exercise.solutionCell, problem: solutionProblem } };
  });
}

host.register({
  evaluate: async (task) => JSON.stringify(await evaluate(task)),
  unhandledRejection: (reason) => void rejections.push(reason),
  promisePrototype: Promise.prototype,
});

/** The notebook's attached files at build: read from disk by the worker, copied into this realm. */
function buildFiles(notebookPath: string, files: Readonly<Record<string, AttachedFile>>): AttachmentSource {
  return {
    notebookPath,
    files,
    read: async (path) => {
      const bytes = host.readAttachment(path);
      const own = new Uint8Array(bytes.length);
      own.set(bytes);
      return own.buffer;
    },
    imagesLoad: false,
  };
}
