// The correct answer as the author gives it (written out or computed by a cell), read into a key; a
// value of the wrong shape says what the kind expects.
import { describe, expect, it } from "vitest";
import { answerKey } from "../../src/exercise/key.ts";
import { formatKey, formatQuantity } from "../../src/exercise/format.ts";
import type { AnswerSpec } from "../../src/exercise/spec.ts";

const problem = (spec: AnswerSpec, value: unknown) => {
  const read = answerKey(spec, value);
  if (read.ok) throw new Error("expected a problem");
  return read.problem;
};
const shown = (spec: AnswerSpec, value: unknown) => {
  const read = answerKey(spec, value);
  if (!read.ok) throw new Error(read.problem);
  return formatKey(spec, read.key);
};

describe("answerKey", () => {
  const number: AnswerSpec = { kind: "number", unit: "MWh", tolerance: { relative: 0.01 } };
  it("needs a finite number for a number answer", () => {
    expect(answerKey(number, 1918.9)).toMatchObject({ ok: true, key: { value: 1918.9 * 3.6e9, dimension: { J: 1 }, unit: "MWh" } });
    expect(problem(number, "1918.9")).toBe('the correct answer is "1918.9", but a number answer needs a number (in MWh)');
    expect(problem(number, Number.NaN)).toBe("the correct answer is NaN, but a number answer needs a finite number");
    expect(problem(number, undefined)).toContain("needs a number");
  });

  it("needs option labels for choices, and a permutation for an order", () => {
    const choice: AnswerSpec = { kind: "choice", options: ["a", "b", "c", "d"] };
    expect(problem(choice, "e")).toBe('the correct answer is "e", but a choice answer is one option label (a–d); for several right options use `::: answer choices`');
    expect(problem(choice, ["a", "b"])).toContain("one option label");
    const order: AnswerSpec = { kind: "order", items: ["1", "2", "3"] };
    expect(problem(order, [1, 2])).toContain("lists every item's label once (1, 2, 3)");
    expect(problem(order, [1, 1, 3])).toContain("once");
  });

  it("needs one known category per item", () => {
    const classify: AnswerSpec = { kind: "classify", items: ["a", "b"], categories: ["Scope 1", "Scope 2"] };
    expect(problem(classify, ["Scope 1"])).toContain("one category per item (2 of them)");
    expect(problem(classify, ["Scope 1", "Scope 4"])).toContain("from: Scope 1, Scope 2");
    expect(problem(classify, [1, 3])).toContain("from: Scope 1, Scope 2");
  });
});

describe("formatKey: the answer as the solution shows it", () => {
  it("gives a number as few digits as the tolerance allows, never fewer than four", () => {
    expect(shown({ kind: "number", unit: "MWh", tolerance: { relative: 0.01 } }, 1918.9)).toBe("1,919 MWh");
    expect(shown({ kind: "number", unit: "MWh", tolerance: { relative: 0.00001 } }, 1918.9)).toBe("1,918.9 MWh");
    expect(shown({ kind: "number", unit: "A", tolerance: { relative: 0.01 } }, 5600 / 12)).toBe("466.7 A");
    expect(shown({ kind: "number", unit: "×", tolerance: { relative: 0.01 } }, 16)).toBe("16×");
    expect(shown({ kind: "number", unit: "", tolerance: { relative: 0.01 } }, 0.75)).toBe("0.75");
    expect(shown({ kind: "number", unit: "FLOP", tolerance: { relative: 0.01 } }, 3.14e23)).toBe("3.14 × 10^23 FLOP");
  });

  it("keeps the digits an absolute tolerance needs", () => {
    expect(formatQuantity(0.123456, "kWh", { absolute: 1e-4 * 3.6e6 }, 3.6e6)).toBe("0.1235 kWh");
  });

  it("names options by their labels", () => {
    expect(shown({ kind: "choice", options: ["a", "b"] }, "b")).toBe("B");
    expect(shown({ kind: "choices", options: ["a", "b", "c"] }, ["c", "a"])).toBe("A, C");
    expect(shown({ kind: "order", items: ["1", "2", "3", "4"] }, [2, 4, 1, 3])).toBe("2, 4, 1, 3");
    expect(shown({ kind: "classify", items: ["a", "b"], categories: ["Scope 1", "Scope 2"] }, [2, 1])).toBe("A: Scope 2; B: Scope 1");
    expect(shown({ kind: "text", accept: ["Tiny MLPerf"] }, "MLPerf Tiny")).toBe("MLPerf Tiny");
  });
});
