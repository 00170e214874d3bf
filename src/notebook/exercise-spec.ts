// Parsed exercises → the specs the notebook module carries. Analysis has run by now, so the worked
// solution's answer can be named: its last block cell that is an expression. A cell that declares names
// is working, and a numbered figure or table is illustration: neither is an answer.
import type { ExerciseSpec } from "../exercise/spec.ts";
import type { AnalyzedNotebook } from "./types.ts";

export function exerciseSpecs(nb: AnalyzedNotebook): ExerciseSpec[] {
  const expressions = new Set(nb.cells.filter((cell) => cell.expression && cell.label === undefined).map((cell) => cell.id));
  return (nb.exercises ?? []).map(({ solutionCells, ...exercise }) => {
    const solutionCell = solutionCells.findLast((id) => expressions.has(id));
    return solutionCell === undefined ? exercise : { ...exercise, solutionCell };
  });
}
