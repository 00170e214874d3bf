import { describe, expect, it } from "vitest";
import { bound, grade, parseTolerance } from "../../src/exercise/tolerance.ts";

describe("parseTolerance", () => {
  it("reads a percentage as relative", () => {
    expect(parseTolerance("1%", "MWh")).toEqual({ ok: true, tolerance: { relative: 0.01 } });
    expect(parseTolerance("± 2.5 %", "MWh")).toEqual({ ok: true, tolerance: { relative: 0.025 } });
  });

  it("reads an amount as absolute, in base units; a bare number is in the answer's unit", () => {
    expect(parseTolerance("0.5 MWh", "MWh")).toEqual({ ok: true, tolerance: { absolute: 0.5 * 3.6e9 } });
    expect(parseTolerance("500 kWh", "MWh")).toEqual({ ok: true, tolerance: { absolute: 500 * 3.6e6 } });
    expect(parseTolerance("0.5", "MWh")).toEqual({ ok: true, tolerance: { absolute: 0.5 * 3.6e9 } });
    expect(parseTolerance("2", "days")).toEqual({ ok: true, tolerance: { absolute: 2 * 86400 } });
    expect(parseTolerance("0.01", "")).toEqual({ ok: true, tolerance: { absolute: 0.01 } });
  });

  it("refuses a tolerance of another kind, zero, or nonsense", () => {
    expect(parseTolerance("1 MW", "MWh")).toEqual({ ok: false, problem: 'the tolerance "1 MW" is a power, but the answer is an energy' });
    expect(parseTolerance("0%", "MWh")).toMatchObject({ ok: false, problem: expect.stringContaining("only the exact value") });
    expect(parseTolerance("0 MWh", "MWh")).toMatchObject({ ok: false, problem: expect.stringContaining("only the exact value") });
    expect(parseTolerance("some", "MWh")).toMatchObject({ ok: false, problem: expect.stringContaining("neither a percentage") });
  });
});

describe("grade", () => {
  const onePercent = { relative: 0.01 };
  it("is correct within the tolerance, close within twice it, wrong beyond", () => {
    expect(grade(100, 100, onePercent)).toBe("correct");
    expect(grade(101, 100, onePercent)).toBe("correct"); // on the bound
    expect(grade(99, 100, onePercent)).toBe("correct");
    expect(grade(101.5, 100, onePercent)).toBe("close");
    expect(grade(102, 100, onePercent)).toBe("close"); // on twice the bound
    expect(grade(98, 100, onePercent)).toBe("close");
    expect(grade(102.01, 100, onePercent)).toBe("wrong");
    expect(grade(-100, 100, onePercent)).toBe("wrong");
  });

  it("takes relative tolerances of the size of the expected value, for negatives too", () => {
    expect(grade(-101, -100, onePercent)).toBe("correct");
    expect(grade(-103, -100, onePercent)).toBe("wrong");
    expect(bound(-100, onePercent)).toBe(1);
  });

  it("forgives floating-point noise at the bound", () => {
    expect(grade(0.1 + 0.2, 0.3, { absolute: 0 + Number.EPSILON })).toBe("correct");
    expect(grade(1.01 * 1918.9, 1918.9, onePercent)).toBe("correct");
  });

  it("uses absolute tolerances as given, so an expected zero can be answered", () => {
    expect(grade(0.4, 0, { absolute: 0.5 })).toBe("correct");
    expect(grade(0.9, 0, { absolute: 0.5 })).toBe("close");
    expect(grade(1.1, 0, { absolute: 0.5 })).toBe("wrong");
    expect(grade(0, 0, onePercent)).toBe("correct");
    expect(grade(1e-9, 0, onePercent)).toBe("wrong");
  });
});
