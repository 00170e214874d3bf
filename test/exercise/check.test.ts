// Each answer kind's checker: correct, close, wrong and invalid, and what the feedback says.
import { describe, expect, it } from "vitest";
import { checkAnswer, type Response } from "../../src/exercise/check.ts";
import { answerKey } from "../../src/exercise/key.ts";
import type { AnswerSpec } from "../../src/exercise/spec.ts";

function checker(spec: AnswerSpec, correct: unknown) {
  const read = answerKey(spec, correct);
  if (!read.ok) throw new Error(read.problem);
  return (response: Response) => checkAnswer(spec, read.key, response);
}

describe("number answers", () => {
  // Checkpoint 1.1: 1,918.9 MWh at the meter, within 1 %.
  const check = checker({ kind: "number", unit: "MWh", tolerance: { relative: 0.01 } }, 1918.9);

  it("accepts the same energy in any unit and notation", () => {
    for (const text of ["1918.9 MWh", "1.92 GWh", "1,918,900 kWh", "1.9189e6 kWh", "6.908e12 J", "≈1.91 GWh", "1,918 MWh"]) expect(check(text).verdict, text).toBe("correct");
  });

  it("is close within twice the tolerance, and says so without giving the answer", () => {
    expect(check("1.95 GWh")).toEqual({ verdict: "close", message: "Close, but not within ±1 %. Check your rounding and each step." });
    expect(check("1.885 GWh").verdict).toBe("close");
  });

  it("is wrong beyond, and points at a power-of-ten slip", () => {
    expect(check("2.2 GWh")).toEqual({ verdict: "wrong", message: "Not quite." });
    expect(check("1918.9 kWh")).toEqual({
      verdict: "wrong",
      message: "Not quite: the digits look right, but the size is off by a factor of 1,000. Check the unit conversions.",
    });
  });

  it("names the wrong kind of unit", () => {
    expect(check("1.92 GW")).toEqual({ verdict: "wrong", message: "That is a power (GW), but the answer is an energy (J, kWh, MWh, GWh)." });
    expect(check("552 t CO2e")).toMatchObject({ message: expect.stringContaining("That is a mass (t CO2e)") });
  });

  it("asks for a unit, or for a readable number, without counting an attempt", () => {
    expect(check("1918.9")).toEqual({ verdict: "invalid", message: "Give a unit: the answer is an energy (J, kWh, MWh, GWh)." });
    expect(check("")).toEqual({ verdict: "invalid", message: "Type an answer first." });
    expect(check("lots of MWh")).toEqual({ verdict: "invalid", message: '"lots of MWh" does not start with a number. The answer is an energy (J, kWh, MWh, GWh).' });
    expect(check("1918,9 MWh").verdict).toBe("invalid");
    expect(check("1918,9 MWh").message).toContain("write decimals with a point (1918.9)");
    expect(check("5 mwh").message).toContain("mWh or MWh");
  });

  it("explains a lone comma meant as a decimal, when that reading would be right", () => {
    const gwh = checker({ kind: "number", unit: "GWh", tolerance: { relative: 0.01 } }, 1.9189);
    expect(gwh("1,919 GWh")).toMatchObject({ verdict: "invalid", message: expect.stringContaining("A comma groups thousands here") });
    expect(gwh("1.919 GWh").verdict).toBe("correct");
  });

  it("takes a pure number as a ratio, times or percentage, and spots a fraction given as a percentage", () => {
    const ratio = checker({ kind: "number", unit: "×", tolerance: { relative: 0.01 } }, 16);
    for (const text of ["16", "16×", "16x", "16 times", "1600 %"]) expect(ratio(text).verdict, text).toBe("correct");
    const share = checker({ kind: "number", unit: "", tolerance: { relative: 0.02 } }, 0.75);
    expect(share("75 %").verdict).toBe("correct");
    expect(share("0.75").verdict).toBe("correct");
    expect(share("75")).toEqual({ verdict: "close", message: "Close: check whether the answer is a fraction or a percentage." });
  });

  it("uses an absolute tolerance in the answer's unit", () => {
    const days = checker({ kind: "number", unit: "days", tolerance: { absolute: 86400 } }, 432);
    expect(days("433 days").verdict).toBe("correct");
    expect(days("1.18 years").verdict).toBe("close"); // 430.7 days: within two days
    expect(days("1.17 years").verdict).toBe("wrong");
    expect(days("1.183 years").verdict).toBe("correct");
    expect(days("433.5 d")).toEqual({ verdict: "close", message: "Close, but not within ±1 days. Check your rounding and each step." });
  });

  it("accepts the answer's counted words, and only those", () => {
    const perQuery = checker({ kind: "number", unit: "Wh per query", tolerance: { relative: 0.05 } }, 1);
    expect(perQuery("1 Wh/query").verdict).toBe("correct");
    expect(perQuery("3600 J per query").verdict).toBe("correct");
    expect(perQuery("1 Wh").message).toBe("That is an energy (Wh), but the answer is a quantity in J/query (J/query).");
    expect(perQuery("1 Wh/token").message).toContain('"token" is not a unit I know');
  });

  it("reads money", () => {
    const cost = checker({ kind: "number", unit: "$", tolerance: { relative: 0.02 } }, 660000);
    for (const text of ["$0.66M", "$660k", "660,000 USD", "$ 660,000"]) expect(cost(text).verdict, text).toBe("correct");
  });
});

describe("choice answers", () => {
  const spec: AnswerSpec = { kind: "choice", options: ["a", "b", "c", "d"] };
  const check = checker(spec, "b");
  it("is correct only for the right option, in any case", () => {
    expect(check("b").verdict).toBe("correct");
    expect(check("B").verdict).toBe("correct");
    expect(check("c")).toEqual({ verdict: "wrong", message: "Not quite." });
    expect(check(undefined)).toEqual({ verdict: "invalid", message: "Choose one of the options." });
    expect(check("z").verdict).toBe("invalid");
  });
  it("takes the correct option as a label or a 1-based position", () => {
    expect(checker(spec, 2)("b").verdict).toBe("correct");
    expect(checker({ kind: "choice", options: ["1", "2", "3"] }, "(2)")("2").verdict).toBe("correct");
  });
});

describe("choices answers", () => {
  const check = checker({ kind: "choices", options: ["a", "b", "c", "d"] }, ["a", "c"]);
  it("is correct for exactly the right set, close one off, wrong otherwise", () => {
    expect(check(["c", "a"]).verdict).toBe("correct");
    expect(check(["a"])).toEqual({ verdict: "close", message: "Close: one option too many or too few." });
    expect(check(["a", "c", "d"]).verdict).toBe("close");
    expect(check(["b", "d"]).verdict).toBe("wrong");
    expect(check([])).toEqual({ verdict: "invalid", message: "Choose every option that applies." });
  });
  it("reads a written list of labels", () => {
    expect(checker({ kind: "choices", options: ["a", "b", "c"] }, "a, C")(["a", "c"]).verdict).toBe("correct");
  });
});

describe("order answers", () => {
  // The lifecycle estimate: (2), (4), (1), (3).
  const check = checker({ kind: "order", items: ["1", "2", "3", "4"] }, [2, 4, 1, 3]);
  it("is correct in the right order, close with one swap, wrong otherwise (saying how many are in place)", () => {
    expect(check(["2", "4", "1", "3"]).verdict).toBe("correct");
    expect(check(["4", "2", "1", "3"])).toEqual({ verdict: "close", message: "Close: two of them are swapped." });
    expect(check(["1", "2", "3", "4"])).toEqual({ verdict: "wrong", message: "Not quite: none of them is in the right place." });
    expect(check(["2", "1", "3", "4"])).toEqual({ verdict: "wrong", message: "Not quite: 1 of them is in the right place." });
  });
  it("refuses an incomplete order", () => {
    expect(check(["2", "4", "1"]).verdict).toBe("invalid");
    expect(check(["2", "2", "1", "3"]).verdict).toBe("invalid");
  });
});

describe("classify answers", () => {
  const spec: AnswerSpec = { kind: "classify", items: ["a", "b", "c", "d", "e"], categories: ["Scope 1", "Scope 2", "Scope 3"] };
  // Checkpoint 1.2, from the kernel's scopes (numbers are category positions).
  const check = checker(spec, [1, 2, 2, 3, 3]);
  it("is correct when every item is in its category", () => {
    expect(check(["Scope 1", "Scope 2", "Scope 2", "Scope 3", "Scope 3"]).verdict).toBe("correct");
    expect(check(["scope 1", "SCOPE 2", "Scope 2", "Scope 3", "Scope 3"]).verdict).toBe("correct");
  });
  it("is close with one misplaced, wrong with more (saying how many are right)", () => {
    expect(check(["Scope 1", "Scope 2", "Scope 3", "Scope 3", "Scope 3"])).toEqual({ verdict: "close", message: "Close: one is in the wrong category." });
    expect(check(["Scope 2", "Scope 1", "Scope 3", "Scope 3", "Scope 3"])).toEqual({ verdict: "wrong", message: "Not quite: 2 of them are in the right category." });
  });
  it("asks for every item", () => {
    expect(check(["Scope 1", undefined, "Scope 2", "Scope 3", "Scope 3"])).toEqual({ verdict: "invalid", message: "Put every item in a category." });
  });
  it("takes the correct categories by name, too", () => {
    expect(checker(spec, "Scope 1, Scope 2, Scope 2, Scope 3, Scope 3")(["Scope 1", "Scope 2", "Scope 2", "Scope 3", "Scope 3"]).verdict).toBe("correct");
  });
});

describe("text answers", () => {
  const check = checker({ kind: "text", accept: ["Tiny MLPerf"] }, "MLPerf Tiny");
  it("ignores case, punctuation and spacing, and accepts other spellings", () => {
    for (const text of ["MLPerf Tiny", "mlperf-tiny", "  MLPERF   tiny. ", "Tiny MLPerf"]) expect(check(text).verdict, text).toBe("correct");
  });
  it("is close with a typo, wrong otherwise", () => {
    expect(check("MLPref Tiny")).toEqual({ verdict: "close", message: "Close: check the spelling." });
    expect(check("MLPerf Inference").verdict).toBe("wrong");
    expect(check("  ").verdict).toBe("invalid");
  });
});

describe("an amount asked over a period, answered as a rate", () => {
  // 07's self-check: what a lower PUE saves in a year, 8,409.6 MWh; a learner writes it per year.
  const spec: AnswerSpec = { kind: "number", unit: "MWh", tolerance: { relative: 0.03 }, over: { seconds: 365 * 86_400, text: "1 yr" } };
  const check = checker(spec, 8409.6);

  it("grades an energy per time (a power) as the energy over the exercise's period", () => {
    expect(check("8409.6 MWh/yr")).toEqual({ verdict: "correct", message: "Correct (MWh/yr read as the energy over 1 yr)." });
    for (const text of ["8409.6 MWh per year", "8.41 GWh/yr", "0.96 MW", "960 kW", "23.04 MWh/day", "8409.6 MWh"]) expect(check(text).verdict, text).toBe("correct");
  });

  it("is wrong for a rate that comes to the wrong amount, and says how it was read", () => {
    expect(check("8409.6 MWh/day")).toEqual({ verdict: "wrong", message: "Not quite. (MWh/day read as the energy over 1 yr.)" });
  });

  it("refuses a rate when the exercise names no period, and a rate of another kind", () => {
    const noPeriod = checker({ kind: "number", unit: "MWh", tolerance: { relative: 0.03 } }, 8409.6);
    expect(noPeriod("8409.6 MWh/yr").message).toBe("That is a power (MWh/yr), but the answer is an energy (J, kWh, MWh, GWh).");
    expect(check("8409.6 MWh/GB").verdict).toBe("wrong");
    expect(check("8409.6 MWh/GB").message).toContain("That is");
  });
});
