// An evaluation's failures as the author should read them: each located in the notebook (at the line
// that threw, see cell-failure.ts), cells stuck past the time limit, and exercises that cannot be
// answered or cannot tell right from wrong.
import { locatedError, type LocatedError } from "../notebook/errors.ts";
import { upstreamOf } from "../notebook/graph.ts";
import { LineIndex, normalizeNewlines } from "../notebook/locate.ts";
import { type Diagnostic, diagnostic } from "../notebook/messages.ts";
import { explainFailure } from "./cell-failure.ts";
import type { Compiled } from "./compile-for-site.ts";
import type { Evaluation, EvaluationLimits } from "./evaluate.ts";
import type { ExerciseCheck } from "./evaluate-protocol.ts";
import { locateFrame, type ModuleSources } from "./module-frames.ts";

/**
 * Turns an evaluation's failures into located errors with excerpts of the notebook; `modules` maps a
 * frame in one of its local modules back to the author's file.
 */
export function evaluationErrors(compiled: Compiled, evaluation: Evaluation, limits: EvaluationLimits, modules?: ModuleSources): LocatedError[] {
  const cellsById = new Map(compiled.notebook.cells.map((cell) => [cell.id, cell]));
  const lines = new LineIndex(normalizeNewlines(compiled.sourceText));
  const at = (cellId: string | undefined, found: Diagnostic) => {
    const cell = cellId ? cellsById.get(cellId) : undefined;
    return locatedError(found, { file: compiled.displayPath, lines, position: cell?.position ?? { line: 1, column: 1 }, ...(cellId === undefined ? {} : { cellId }) }, { before: 0, after: 2 });
  };
  const moduleThrew = evaluation.type === "killed" && evaluation.thrown?.module && modules ? locateFrame(modules, evaluation.thrown.module.url, evaluation.thrown.module.line, evaluation.thrown.module.column) : undefined;
  if (moduleThrew) {
    // A local module threw while the page loaded its imports: at the module's line.
    const local = compiled.notebook.cells.flatMap((cell) => cell.imports).find((i) => i.specifier.startsWith("."));
    const importer = local ? `${compiled.displayPath}:${local.position.line}:${local.position.column}` : compiled.displayPath;
    const found = diagnostic("module-threw-on-load", { thrown: evaluation.type === "killed" ? evaluation.message : "", importer });
    return [locatedError(found, { file: moduleThrew.file, ...(moduleThrew.text === undefined ? {} : { lines: moduleThrew.text }), position: { line: moduleThrew.line, column: moduleThrew.column } }, { before: 1, after: 1 })];
  }
  if (evaluation.type === "killed") {
    const cellId = evaluation.lastRunningCell === undefined ? undefined : compiled.notebook.cells[evaluation.lastRunningCell]?.id;
    const reason = `${evaluation.message}${cellId ? "" : " (no cell had started)"}`;
    return [at(cellId, diagnostic(KILLED[evaluation.reason], { reason }))];
  }
  const errors = evaluation.failures.filter((failure) => failure.own).map((failure) => explainFailure(compiled, failure.cellId, failure.message, evaluation.thrown?.[failure.cellId], evaluation.missing?.[failure.cellId], modules));
  errors.push(...exerciseErrors(compiled, lines, evaluation.exercises ?? []));
  // Of the pending cells, report those that wait on nothing else pending: the ones actually stuck.
  const pending = new Set(evaluation.pending.map((p) => p.cellId));
  const cells = compiled.notebook.cells;
  const upstream = upstreamOf(cells);
  const indexOf = new Map(cells.map((cell, index) => [cell.id, index]));
  for (const { cellId, runningMs } of evaluation.pending) {
    const index = indexOf.get(cellId);
    const waitsOnPending = index !== undefined && upstream[index]!.some((other) => pending.has(cells[other]!.id));
    if (waitsOnPending) continue;
    const dependents = pending.size - 1;
    const waiting = dependents > 0 ? ` (${dependents} other cell${dependents === 1 ? "" : "s"} waiting)` : "";
    const [limit, flag] = runningMs !== undefined && runningMs >= limits.cellTimeoutMs ? [limits.cellTimeoutMs, "--cell-timeout-ms"] : [limits.timeoutMs, "--timeout-ms"];
    errors.push(at(cellId, diagnostic("cell-never-settled", { limit, waiting, flag })));
  }
  return errors;
}

/** Why the worker was stopped → the code whose hint says what to do about it. */
const KILLED = { memory: "evaluation-out-of-memory", timeout: "evaluation-timeout", "cell-timeout": "cell-timeout", crash: "evaluation-crashed" } as const;

/** An exercise that cannot be answered, or cannot tell a right answer from a wrong one, at its correct: line. */
function exerciseErrors(compiled: Compiled, lines: LineIndex, checks: readonly ExerciseCheck[]): LocatedError[] {
  const exercises = new Map((compiled.notebook.exercises ?? []).map((exercise) => [exercise.id, exercise]));
  const cells = new Map(compiled.notebook.cells.map((cell) => [cell.id, cell]));
  return checks.flatMap(({ id, problems, solution }) => {
    const position = exercises.get(id)?.correctPosition ?? { line: 1, column: 1 };
    const errors = problems.map((problem) => locatedError(diagnostic("exercise-self-check-failed", { id, problem }), { file: compiled.displayPath, lines, position }, { before: 0, after: 0 }));
    const cell = solution && cells.get(solution.cellId);
    if (solution && cell) {
      const found = diagnostic("exercise-solution-disagrees", { id, problem: solution.problem });
      errors.push(locatedError(found, { file: compiled.displayPath, lines, position: cell.position, cellId: cell.id }, { before: 0, after: 0 }));
    }
    return errors;
  });
}
