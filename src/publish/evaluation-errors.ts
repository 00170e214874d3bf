// An evaluation's failures as the author should read them: each located in the notebook (at the line
// that threw, see cell-failure.ts), cells stuck past the time limit, and exercises that cannot be
// answered or cannot tell right from wrong.
import { excerptAt, LocatedError } from "../notebook/errors.ts";
import { upstreamOf } from "../notebook/graph.ts";
import { LineIndex, normalizeNewlines } from "../notebook/locate.ts";
import { explainFailure } from "./cell-failure.ts";
import type { Compiled } from "./compile-for-site.ts";
import type { Evaluation, EvaluationLimits } from "./evaluate.ts";
import type { ExerciseCheck } from "./evaluate-protocol.ts";

/** Turns an evaluation's failures into located errors with excerpts of the notebook. */
export function evaluationErrors(compiled: Compiled, evaluation: Evaluation, limits: EvaluationLimits): LocatedError[] {
  const cellsById = new Map(compiled.notebook.cells.map((cell) => [cell.id, cell]));
  const lines = new LineIndex(normalizeNewlines(compiled.sourceText));
  const at = (cellId: string | undefined, reason: string, hint?: string) => {
    const cell = cellId ? cellsById.get(cellId) : undefined;
    const position = cell?.position ?? { line: 1, column: 1 };
    return new LocatedError(reason, { file: compiled.displayPath, position, cellId, excerpt: excerptAt(lines, position, 0, 2), hint });
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
    errors.push(at(cellId, `did not settle within ${limit} ms${waiting}`, `a promise that never resolves, or a generator that never yields; raise ${flag} if the cell is only slow`));
  }
  return errors;
}

const EXERCISE_HINT = "an exercise must be answerable (its correct answer, as shown, passes its own check) and must tell right from wrong (a deliberately wrong answer fails)";

/** An exercise that cannot be answered, or cannot tell a right answer from a wrong one, at its correct: line. */
function exerciseErrors(compiled: Compiled, lines: LineIndex, checks: readonly ExerciseCheck[]): LocatedError[] {
  const exercises = new Map((compiled.notebook.exercises ?? []).map((exercise) => [exercise.id, exercise]));
  const cells = new Map(compiled.notebook.cells.map((cell) => [cell.id, cell]));
  return checks.flatMap(({ id, problems, solution }) => {
    const position = exercises.get(id)?.correctPosition ?? { line: 1, column: 1 };
    const excerpt = excerptAt(lines, position, 0, 0);
    const errors = problems.map((problem) => new LocatedError(`exercise ${id}: ${problem}`, { file: compiled.displayPath, position, excerpt, hint: EXERCISE_HINT }));
    const cell = solution && cells.get(solution.cellId);
    if (solution && cell) {
      const hint = "the solution's last expression cell is its answer: make it agree with correct:, or fix correct:";
      errors.push(new LocatedError(`exercise ${id}: ${solution.problem}`, { file: compiled.displayPath, position: cell.position, cellId: cell.id, excerpt: excerptAt(lines, cell.position, 0, 0), hint }));
    }
    return errors;
  });
}
