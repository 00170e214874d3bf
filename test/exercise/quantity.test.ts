import { describe, expect, it } from "vitest";
import { parseQuantity } from "../../src/exercise/quantity.ts";

const joules = (text: string) => {
  const read = parseQuantity(text);
  if (!read.ok) throw new Error(read.problem);
  expect(read.dimension, text).toEqual({ J: 1 });
  return read.value;
};

describe("parseQuantity", () => {
  it("reads the same energy however it is written", () => {
    const gwh = joules("1.9189 GWh");
    for (const text of ["1918.9 MWh", "1,918.9 MWh", "1,918,900 kWh", "1 918 900 kWh", "1918900kWh", "6.90804e12 J", "6.90804 × 10^12 J", "1.9189 million kWh", "1,918.9 megawatt-hours"]) {
      expect(joules(text), text).toBeCloseTo(gwh, -3);
    }
  });

  it("skips hedges and a closing full stop", () => {
    expect(joules("≈ 1.92 GWh")).toBe(joules("1.92 GWh"));
    expect(joules("about 1.92 GWh.")).toBe(joules("1.92 GWh"));
    expect(joules("~1.92 GWh")).toBe(joules("1.92 GWh"));
    expect(joules("roughly 1.92 GWh")).toBe(joules("1.92 GWh"));
  });

  it("reads money with a leading $ and a scale letter", () => {
    for (const text of ["$0.66M", "$660k", "$660,000", "660,000 USD", "$ 0.66 million", "USD 660000", "$0.66 M USD"]) {
      expect(parseQuantity(text), text).toMatchObject({ ok: true, value: 660000, dimension: { USD: 1 } });
    }
    expect(parseQuantity("$0.07/kWh")).toMatchObject({ ok: true, dimension: { USD: 1, J: -1 } });
    expect(parseQuantity("$1.2bn")).toMatchObject({ value: 1.2e9 });
  });

  it("reads ratios and percentages as pure numbers", () => {
    expect(parseQuantity("16×")).toMatchObject({ ok: true, value: 16, dimension: {} });
    expect(parseQuantity("16x")).toMatchObject({ value: 16 });
    expect(parseQuantity("×16")).toMatchObject({ value: 16 });
    expect(parseQuantity("16 times")).toMatchObject({ value: 16 });
    expect(parseQuantity("75 %")).toMatchObject({ value: 0.75, dimension: {} });
    expect(parseQuantity("75%")).toMatchObject({ value: 0.75 });
    expect(parseQuantity("0.75")).toMatchObject({ value: 0.75, dimension: {} });
  });

  it("reads masses of CO2e, volumes of water, data sizes, times and currents", () => {
    expect(parseQuantity("552 t CO2e")).toMatchObject({ value: 552e6, dimension: { g: 1 } });
    expect(parseQuantity("552,123 kg")).toMatchObject({ value: 552123e3, dimension: { g: 1 } });
    expect(parseQuantity("140 million liters")).toMatchObject({ dimension: { m3: 1 } });
    expect((parseQuantity("140 ML") as { value: number }).value).toBeCloseTo(140e3, 6);
    expect(parseQuantity("32 GB")).toMatchObject({ value: 32e9, dimension: { B: 1 } });
    expect(parseQuantity("432 days")).toMatchObject({ value: 432 * 86400, dimension: { s: 1 } });
    expect(parseQuantity("466.7 A")).toMatchObject({ value: 466.7, dimension: { A: 1 } });
  });

  it("keeps the decimal-comma reading of a lone comma, in base units", () => {
    expect(parseQuantity("1,918 MWh")).toMatchObject({ value: 1918 * 3.6e9, commaAsDecimal: 1.918 * 3.6e9 });
  });

  it("says what is wrong with an unreadable answer", () => {
    expect(parseQuantity("")).toEqual({ ok: false, problem: "the answer is empty" });
    expect(parseQuantity("  about ")).toEqual({ ok: false, problem: "the answer is empty" });
    expect(parseQuantity("lots")).toEqual({ ok: false, problem: '"lots" does not start with a number' });
    expect(parseQuantity("12 furlongs")).toEqual({ ok: false, problem: '"furlongs" is not a unit I know' });
    expect(parseQuantity("1918,9 MWh")).toMatchObject({ ok: false, problem: expect.stringContaining("write decimals with a point (1918.9)") });
    expect(parseQuantity("5 mwh")).toMatchObject({ ok: false, problem: expect.stringContaining("mWh or MWh") });
  });
});
