import { describe, expect, it } from "vitest";
import { readNumber } from "../../src/exercise/number.ts";

const value = (text: string) => {
  const read = readNumber(text);
  if (!read.ok) throw new Error(read.problem);
  return read.value;
};
const problem = (text: string) => {
  const read = readNumber(text);
  if (read.ok) throw new Error(`read ${text} as ${read.value}`);
  return read.problem;
};

describe("readNumber", () => {
  it("reads plain, signed and fractional numbers", () => {
    expect(value("1918.9")).toBe(1918.9);
    expect(value("42")).toBe(42);
    expect(value(".5")).toBe(0.5);
    expect(value("5.")).toBe(5);
    expect(value("-5")).toBe(-5);
    expect(value("−5")).toBe(-5); // U+2212, as pages print it
    expect(value("+3")).toBe(3);
  });

  it("groups thousands with commas, spaces (plain, thin, no-break) or apostrophes", () => {
    expect(value("1,918,900")).toBe(1918900);
    expect(value("1 918 900")).toBe(1918900);
    expect(value("1\u2009918\u2009900")).toBe(1918900);
    expect(value("1\u202f918\u202f900")).toBe(1918900);
    expect(value("1'918'900")).toBe(1918900);
    expect(value("1,918.9")).toBe(1918.9);
    expect(value("12,345,678.25")).toBe(12345678.25);
  });

  it("reads scientific notation in the ways people type it", () => {
    expect(value("3.14e23")).toBe(3.14e23);
    expect(value("3.14E+23")).toBe(3.14e23);
    expect(value("1e-3")).toBe(1e-3);
    expect(value("3.14 × 10^23")).toBeCloseTo(3.14e23, -10);
    expect(value("3.14x10^23")).toBeCloseTo(3.14e23, -10);
    expect(value("3.14 * 10**23")).toBeCloseTo(3.14e23, -10);
    expect(value("3.14·10²³")).toBeCloseTo(3.14e23, -10);
    expect(value("5 × 10⁻³")).toBeCloseTo(5e-3, 15);
    expect(value("10^6")).toBe(1e6);
    expect(value("−10^3")).toBe(-1000);
  });

  it("says how much of the text the number took", () => {
    const read = readNumber("1,918.9 MWh");
    expect(read).toMatchObject({ ok: true, value: 1918.9, length: 7 });
  });

  it("refuses a decimal comma, offering the point reading", () => {
    expect(problem("1918,9")).toBe('"1918,9": write decimals with a point (1918.9); a comma only groups thousands (1,918,900)');
    expect(problem("1,92")).toContain("(1.92)");
    expect(problem("1,9189")).toContain("(1.9189)");
    expect(problem("1,918,90")).toContain("write decimals with a point");
  });

  it("reads one comma before three digits as thousands, and keeps the decimal reading for the checker", () => {
    expect(readNumber("1,918")).toEqual({ ok: true, value: 1918, length: 5, commaAsDecimal: 1.918 });
    expect(readNumber("1,918,900")).not.toHaveProperty("commaAsDecimal");
    expect(readNumber("1,918.5")).not.toHaveProperty("commaAsDecimal");
  });

  it("refuses text without a number, mixed separators and overflow", () => {
    expect(problem("")).toBe("the answer is empty");
    expect(problem("about")).toBe('"about" does not start with a number');
    expect(problem("kWh 5")).toContain("does not start with a number");
    expect(problem("1,918 900")).toContain("mixes separators");
    expect(problem("1e999")).toContain("too large");
  });
});
