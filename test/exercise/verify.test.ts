// What `wattbook check` asks of each exercise: a well-formed correct answer that passes its own checker
// as shown, a worked solution that agrees, and wrong answers that fail.
import { describe, expect, it } from "vitest";
import type { AnswerSpec, ExerciseSpec } from "../../src/exercise/spec.ts";
import { verifyExercise } from "../../src/exercise/verify.ts";

const exercise = (answer: AnswerSpec, extra: Partial<ExerciseSpec> = {}): ExerciseSpec => ({
  id: "x",
  position: { line: 1, column: 1 },
  correctPosition: { line: 3, column: 1 },
  answer,
  answerCell: "cell",
  hints: 0,
  ...extra,
});
const energy = exercise({ kind: "number", unit: "MWh", tolerance: { relative: 0.01 } }, { solutionCell: "solution" });

describe("verifyExercise", () => {
  it("passes a sound exercise and says how its answer is shown", () => {
    expect(verifyExercise(energy, { value: 1918.9 }, { value: 1918.93 })).toEqual({ shown: "1,919 MWh", problems: [] });
    expect(verifyExercise(energy, { value: 1918.9 }, { value: "1.92 GWh" }).problems).toEqual([]);
  });

  it("fails a worked solution that disagrees with the correct answer", () => {
    expect(verifyExercise(energy, { value: 1918.9 }, { value: 1744.5 })).toEqual({
      shown: "1,919 MWh",
      problems: [],
      solutionProblem: 'the worked solution\'s answer, "1744.5 MWh", does not pass the check against "1,919 MWh" (wrong: Not quite.)',
    });
    expect(verifyExercise(energy, { value: 1918.9 }, { value: "1.92 GW" }).solutionProblem).toContain("That is a power");
    expect(verifyExercise(energy, { value: 1918.9 }, { value: { facilityKWh: 1 } }).solutionProblem).toContain("end it with the answer");
  });

  it("fails an exercise whose tolerance lets a wrong answer through", () => {
    const loose = exercise({ kind: "number", unit: "MWh", tolerance: { relative: 10 } });
    expect(verifyExercise(loose, { value: 1918.9 }).problems).toEqual(["a deliberately wrong answer, 19,189 MWh, passes the check: the tolerance is too wide"]);
  });

  it("fails a correct answer of the wrong shape", () => {
    expect(verifyExercise(energy, { value: "lots" }).problems).toEqual(['the correct answer is "lots", but a number answer needs a number (in MWh)']);
    const choice = exercise({ kind: "choice", options: ["a", "b"] });
    expect(verifyExercise(choice, { value: "c" }).problems[0]).toContain("one option label (a–b)");
  });

  it("fails choices that cannot be wrong", () => {
    expect(verifyExercise(exercise({ kind: "choice", options: ["a"] }), { value: "a" }).problems).toEqual(["a choice needs at least two options"]);
    expect(verifyExercise(exercise({ kind: "order", items: ["a"] }), { value: ["a"] }).problems).toEqual(["an order needs at least two items"]);
    expect(verifyExercise(exercise({ kind: "classify", items: ["a"], categories: ["Scope 1"] }), { value: [1] }).problems).toEqual(["a classification needs at least two categories"]);
  });

  it("passes sound choice, order, classify and text exercises", () => {
    expect(verifyExercise(exercise({ kind: "choice", options: ["a", "b", "c", "d"] }), { value: "b" })).toEqual({ shown: "B", problems: [] });
    expect(verifyExercise(exercise({ kind: "choices", options: ["a", "b", "c"] }), { value: ["a", "c"] }).problems).toEqual([]);
    expect(verifyExercise(exercise({ kind: "order", items: ["1", "2", "3"] }, { solutionCell: "s" }), { value: [2, 3, 1] }, { value: "2, 3, 1" }).problems).toEqual([]);
    expect(verifyExercise(exercise({ kind: "classify", items: ["a", "b"], categories: ["Scope 1", "Scope 2"] }), { value: [2, 1] }).problems).toEqual([]);
    expect(verifyExercise(exercise({ kind: "text", accept: [] }), { value: "MLPerf Tiny" }).problems).toEqual([]);
  });

  it("fails an order solution that disagrees", () => {
    const order = exercise({ kind: "order", items: ["1", "2", "3"] }, { solutionCell: "s" });
    expect(verifyExercise(order, { value: [2, 3, 1] }, { value: [1, 2, 3] }).solutionProblem).toContain("the worked solution's answer");
  });

  it("leaves a correct answer whose cell failed to the cell's own error", () => {
    expect(verifyExercise(energy, { failed: true })).toEqual({ problems: [] });
  });

  it("reads a written-out correct answer from the spec", () => {
    const written = exercise({ kind: "choice", options: ["a", "b"] }, { answerCell: undefined, correct: "a" });
    expect(verifyExercise(written, { value: "a" }).problems).toEqual([]);
  });
});
