// The build's phases as functions the strict build and the lenient preview both use: compile one
// notebook file, explain an evaluation's failures as located errors, and name a page's output.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { LocatedError, LocatedErrors, excerptAt } from "../notebook/errors.ts";
import { analyzeNotebook, compileNotebook, parseNotebook } from "../notebook/index.ts";
import { decodeNotebook, MAX_NOTEBOOK_BYTES } from "../notebook/text.ts";
import type { AnalyzedNotebook } from "../notebook/types.ts";
import type { BundleError } from "./bundle.ts";
import type { Evaluation, EvaluationLimits } from "./evaluate.ts";
import { explainFailure } from "./explain.ts";
import type { ExerciseCheck } from "./evaluate-protocol.ts";

export interface Compiled {
  readonly source: string; // relative to root
  readonly file: string; // as shown to the author (relative to the project root)
  readonly text: string;
  readonly notebook: AnalyzedNotebook;
  readonly module: string;
}

export function asLocatedErrors(error: unknown, file: string): LocatedError[] {
  if (error instanceof LocatedErrors) return [...error.errors];
  if (error instanceof LocatedError) return [error];
  // Anything else escaping the pipeline is our bug; still say where it happened.
  const message = error instanceof Error ? error.message : String(error);
  return [new LocatedError(`internal error while compiling: ${message}`, { file, position: { line: 1, column: 1 }, hint: "this is a wattbook bug; please report it with the notebook" })];
}

/** Turns an evaluation's failures into located errors with excerpts of the notebook. */
export function evaluationErrors(compiled: Compiled, evaluation: Evaluation, limits: EvaluationLimits): LocatedError[] {
  const cellsById = new Map(compiled.notebook.cells.map((cell) => [cell.id, cell]));
  const at = (cellId: string | undefined, reason: string, hint?: string) => {
    const cell = cellId ? cellsById.get(cellId) : undefined;
    const position = cell?.position ?? { line: 1, column: 1 };
    return new LocatedError(reason, { file: compiled.file, position, cellId, excerpt: excerptAt(compiled.text, position, 0, 2), hint });
  };
  if (evaluation.type === "killed") {
    const hint =
      evaluation.reason === "memory"
        ? "the cell allocates without bound; raise --memory-mb if it really needs more"
        : evaluation.reason === "timeout"
          ? "look for a loop that never ends; raise --timeout-ms if the cell is only slow"
          : evaluation.reason === "cell-timeout"
            ? "look for a loop that never ends or data that grows without bound; raise --cell-timeout-ms if the cell is only slow"
          : "the worker evaluating the notebook stopped while this cell ran; look for what in the cell can crash Node";
    const cellId = evaluation.lastRunningCell === undefined ? undefined : compiled.notebook.cells[evaluation.lastRunningCell]?.id;
    return [at(cellId, `${evaluation.message}${cellId ? "" : " (no cell had started)"}`, hint)];
  }
  const errors = evaluation.failures.filter((failure) => failure.own).map((failure) => explainFailure(compiled, failure.cellId, failure.message, evaluation.thrown?.[failure.cellId]));
  errors.push(...exerciseErrors(compiled, evaluation.exercises ?? []));
  // Of the pending cells, report those that wait on nothing else pending: the ones actually stuck.
  const pending = new Set(evaluation.pending.map((p) => p.cellId));
  const declaredBy = new Map<string, string>();
  for (const cell of compiled.notebook.cells) for (const name of cell.declarations) declaredBy.set(name, cell.id);
  for (const { cellId, runningMs } of evaluation.pending) {
    const cell = cellsById.get(cellId);
    const waitsOnPending = cell?.references.some((name) => {
      const upstream = declaredBy.get(name);
      return upstream !== undefined && upstream !== cellId && pending.has(upstream);
    });
    if (waitsOnPending) continue;
    const dependents = pending.size - 1;
    const waiting = dependents > 0 ? ` (${dependents} other cell${dependents === 1 ? "" : "s"} waiting)` : "";
    const [limit, flag] = runningMs !== undefined && runningMs >= limits.cellTimeoutMs ? [limits.cellTimeoutMs, "--cell-timeout-ms"] : [limits.timeoutMs, "--timeout-ms"];
    errors.push(at(cellId, `did not settle within ${limit} ms${waiting}`, `a promise that never resolves, or a generator that never yields; raise ${flag} if the cell is only slow`));
  }
  return errors;
}

const EXERCISE_HINT = "an exercise must be answerable (its correct answer, as shown, passes its own check) and must tell right from wrong (a deliberately wrong answer fails)";

/** An exercise that cannot be answered, or cannot tell a right answer from a wrong one, at its correct: line. */
function exerciseErrors(compiled: Compiled, checks: readonly ExerciseCheck[]): LocatedError[] {
  const exercises = new Map((compiled.notebook.exercises ?? []).map((exercise) => [exercise.id, exercise]));
  const cells = new Map(compiled.notebook.cells.map((cell) => [cell.id, cell]));
  return checks.flatMap(({ id, problems, solution }) => {
    const position = exercises.get(id)?.correctPosition ?? { line: 1, column: 1 };
    const excerpt = excerptAt(compiled.text, position, 0, 0);
    const errors = problems.map((problem) => new LocatedError(`exercise ${id}: ${problem}`, { file: compiled.file, position, excerpt, hint: EXERCISE_HINT }));
    const cell = solution && cells.get(solution.cellId);
    if (solution && cell) {
      const hint = "the solution's last expression cell is its answer: make it agree with correct:, or fix correct:";
      errors.push(new LocatedError(`exercise ${id}: ${solution.problem}`, { file: compiled.file, position: cell.position, cellId: cell.id, excerpt: excerptAt(compiled.text, cell.position, 0, 0), hint }));
    }
    return errors;
  });
}

export interface NotebookText {
  readonly source: string; // relative to the notebooks root
  readonly file: string; // as shown to the author
  readonly text?: string;
  readonly errors: LocatedError[];
}

/**
 * Reads one notebook; `source` is relative to `root`. A file that cannot be read, is too large, or is
 * not UTF-8 text is an error, not a throw (see notebook/text.ts).
 */
export async function readNotebookFile(projectRoot: string, root: string, source: string): Promise<NotebookText> {
  const file = path.relative(projectRoot, path.join(root, source)).split(path.sep).join("/");
  let decoded;
  try {
    const { size } = await stat(path.join(root, source));
    decoded = decodeNotebook(size > MAX_NOTEBOOK_BYTES ? new Uint8Array(0) : await readFile(path.join(root, source)), file, size);
  } catch (error) {
    const hint = "check that the file exists and that you may read it";
    return { source, file, errors: [new LocatedError(`cannot read the notebook: ${(error as Error).message}`, { file, position: { line: 1, column: 1 }, hint })] };
  }
  return "text" in decoded ? { source, file, text: decoded.text, errors: [] } : { source, file, errors: [decoded.error] };
}

/**
 * Compiles a notebook that was read. Never throws for a bad notebook. Errors name the file as the
 * author sees it (`file`, relative to the working directory); the notebook itself, and so everything
 * written into the site (its module, storage keys, the site's exercise counts), carries its path
 * relative to the notebooks root (`source`), so a site's bytes do not depend on where it was built from.
 */
export function compileNotebookText({ source, file, text, errors }: NotebookText): { compiled?: Compiled; errors: LocatedError[] } {
  if (text === undefined) return { errors };
  try {
    const notebook = { ...analyzeNotebook(parseNotebook(text, file), text), path: source };
    const module = compileNotebook(notebook);
    return { compiled: { source, file, text, notebook, module }, errors: [] };
  } catch (error) {
    return { errors: asLocatedErrors(error, file) };
  }
}

/** Reads and compiles one notebook. */
export async function compileNotebookFile(projectRoot: string, root: string, source: string): Promise<{ compiled?: Compiled; errors: LocatedError[] }> {
  return compileNotebookText(await readNotebookFile(projectRoot, root, source));
}

/** "chapters/energy.md" → "chapters/energy.html". */
export function pageOutputPath(source: string): string {
  return source.replace(/\.md$/i, ".html");
}

/** From a page to the site root: "" or "../", "../../", … */
export function toRootOf(output: string): string {
  return "../".repeat(output.split("/").length - 1);
}

export function sortErrors(errors: readonly LocatedError[]): LocatedError[] {
  return [...errors].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** esbuild's complaints about a notebook's module, located at the import they concern when there is one. */
export function bundleErrors(error: BundleError, compiled: readonly Compiled[]): LocatedError[] {
  return error.messages.map((message) => {
    // Messages from a notebook module point into the compiled module; name the notebook and, when the
    // text mentions an import, the import's line in the .md.
    const source = message.location?.file.replace(/^wattbook:wattbook-notebook:/, "");
    const c = compiled.find((x) => x.source === source);
    const specifier = /"([^"]+)"/.exec(message.text)?.[1];
    const importPosition = c && specifier ? c.notebook.cells.flatMap((cell) => cell.imports).find((i) => i.source === specifier)?.position : undefined;
    const position = importPosition ?? { line: 1, column: 1 };
    const file = c?.file ?? message.location?.file ?? "(bundle)";
    return new LocatedError(message.text, { file, position, excerpt: c ? excerptAt(c.text, position, 0, 0) : undefined, hint: specifier ? `is "${specifier}" installed? Cells can import "wattbook/kernel" and packages in node_modules` : undefined });
  });
}
