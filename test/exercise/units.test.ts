import { describe, expect, it } from "vitest";
import { describeDimension, parseUnit, sameDimension } from "../../src/exercise/units.ts";

const unit = (text: string, counted?: ReadonlySet<string> | true) => {
  const read = parseUnit(text, counted === undefined ? {} : { counted });
  if (!read.ok) throw new Error(read.problem);
  return read;
};
const problem = (text: string) => {
  const read = parseUnit(text);
  if (read.ok) throw new Error(`read ${text}`);
  return read.problem;
};

describe("parseUnit", () => {
  it("reads SI prefixes on energy, power, mass, volume, current and compute", () => {
    expect(unit("J").factor).toBe(1);
    expect(unit("kWh").factor).toBe(3.6e6);
    expect(unit("MWh").factor).toBe(3.6e9);
    expect(unit("GWh").factor).toBe(3.6e12);
    expect(unit("TWh").factor).toBe(3.6e15);
    expect(unit("mWh").factor).toBeCloseTo(3.6, 12);
    expect(unit("µW").factor).toBeCloseTo(1e-6, 18);
    expect(unit("uW").factor).toBeCloseTo(1e-6, 18);
    expect(unit("pJ").factor).toBeCloseTo(1e-12, 24);
    expect(unit("kg").factor).toBe(1e3);
    expect(unit("Mt").factor).toBe(1e12);
    expect(unit("ML").factor).toBe(1e3);
    expect(unit("mL").factor).toBeCloseTo(1e-6, 18);
    expect(unit("kA").factor).toBe(1e3);
    expect(unit("GFLOP").dimension).toEqual({ FLOP: 1 });
  });

  it("tells milli from mega by case, and accepts a lower-case spelling only when it names one unit", () => {
    expect(unit("mW").factor).toBe(1e-3);
    expect(unit("MW").factor).toBe(1e6);
    expect(unit("kwh").factor).toBe(3.6e6);
    expect(unit("KWh").factor).toBe(3.6e6);
    expect(unit("gwh").factor).toBe(3.6e12);
    expect(problem("mwh")).toBe('"mwh" could be mWh or MWh: mind the capital letters');
  });

  it("reads binary prefixes and bits for data sizes", () => {
    expect(unit("GB").factor).toBe(1e9);
    expect(unit("GiB").factor).toBe(2 ** 30);
    expect(unit("Mb").factor).toBe(1e6 / 8);
    expect(unit("bits").factor).toBe(1 / 8);
  });

  it("reads time from seconds to years (a 365-day year)", () => {
    expect(unit("ms").factor).toBe(1e-3);
    expect(unit("min").factor).toBe(60);
    expect(unit("h").factor).toBe(3600);
    expect(unit("hours").factor).toBe(3600);
    expect(unit("days").factor).toBe(86400);
    expect(unit("yr").factor).toBe(365 * 86400);
    expect(unit("Years").factor).toBe(365 * 86400);
    expect(unit("months").factor).toBe((365 * 86400) / 12);
  });

  it("reads spelt-out units with prefixes and plurals", () => {
    expect(unit("kilowatt-hours").factor).toBe(3.6e6);
    expect(unit("megawatts").factor).toBe(1e6);
    expect(unit("tonnes").factor).toBe(1e6);
    expect(unit("litres").factor).toBe(1e-3);
    expect(unit("gallons").factor).toBeCloseTo(3.785411784e-3, 15);
    expect(unit("million liters").factor).toBeCloseTo(1e3, 9);
  });

  it("combines units into quotients and products, with exponents", () => {
    expect(unit("g/kWh")).toEqual({ ok: true, factor: 1 / 3.6e6, dimension: { g: 1, J: -1 } });
    expect(unit("MWh/yr").dimension).toEqual({ J: 1, s: -1 });
    expect(unit("kWh per day").dimension).toEqual({ J: 1, s: -1 });
    expect(unit("W·h").factor).toBe(3600);
    expect(unit("W h").factor).toBe(3600);
    expect(unit("J s^-1").dimension).toEqual({ J: 1, s: -1 });
    expect(unit("m³").dimension).toEqual({ m3: 1 });
    expect(unit("m^3").dimension).toEqual({ m3: 1 });
    expect(unit("pJ/FLOP").dimension).toEqual({ J: 1, FLOP: -1 });
    expect(unit("FLOP/byte").dimension).toEqual({ FLOP: 1, B: -1 });
    expect(unit("FLOPS").dimension).toEqual({ FLOP: 1, s: -1 });
    expect(unit("$/kWh").dimension).toEqual({ USD: 1, J: -1 });
  });

  it("treats CO2 tags as saying what a mass is of", () => {
    for (const text of ["kg CO2e", "kgCO2e", "kg CO₂e", "t CO2", "tCO2-eq", "kg of CO2"]) expect(unit(text).dimension, text).toEqual({ g: 1 });
    expect(unit("gCO2/kWh").dimension).toEqual({ g: 1, J: -1 });
    expect(unit("g CO2e/kWh").factor).toBeCloseTo(1 / 3.6e6, 15);
  });

  it("reads percent, per mille and times as pure numbers", () => {
    expect(unit("%")).toEqual({ ok: true, factor: 0.01, dimension: {} });
    expect(unit("‰").factor).toBe(0.001);
    expect(unit("×")).toEqual({ ok: true, factor: 1, dimension: {} });
    expect(unit("x").factor).toBe(1);
    expect(unit("times").factor).toBe(1);
    expect(unit("").dimension).toEqual({});
  });

  it("reads counted words only where allowed: any for authors, the exercise's own for learners", () => {
    expect(unit("GPU-hours", true).dimension).toEqual({ gpu: 1, s: 1 });
    expect(unit("kWh per query", new Set(["query"])).dimension).toEqual({ J: 1, query: -1 });
    expect(unit("kWh/queries", new Set(["query"])).dimension).toEqual({ J: 1, query: -1 });
    expect(problem("kWh per query")).toBe('"query" is not a unit I know');
    expect(problem("furlongs")).toBe('"furlongs" is not a unit I know');
  });

  it("refuses a dangling slash", () => {
    expect(problem("kWh/")).toContain("nothing follows a /");
    expect(problem("/h")).toContain("starts with /");
  });
});

describe("describeDimension", () => {
  it("names the kinds the chapter's answers need, with units to try", () => {
    expect(describeDimension({ J: 1 })).toEqual({ name: "an energy", examples: "J, kWh, MWh, GWh" });
    expect(describeDimension({ J: 1, s: -1 }).name).toBe("a power");
    expect(describeDimension({ g: 1 }).name).toBe("a mass");
    expect(describeDimension({ m3: 1 }).name).toBe("a volume");
    expect(describeDimension({ B: 1 }).name).toBe("a data size");
    expect(describeDimension({ USD: 1 }).name).toBe("an amount of money");
    expect(describeDimension({ s: 1 }).name).toBe("a time");
    expect(describeDimension({ g: 1, J: -1 }).name).toBe("a carbon intensity");
    expect(describeDimension({}).name).toBe("a pure number");
  });

  it("spells out a dimension without a name in base units", () => {
    expect(describeDimension({ J: 1, query: -1 })).toEqual({ name: "a quantity in J/query", examples: "J/query" });
    expect(describeDimension({ gpu: 1, s: 1 }).name).toBe("a quantity in gpu·s");
  });

  it("compares dimensions regardless of key order and zero exponents", () => {
    expect(sameDimension({ J: 1, s: -1 }, { s: -1, J: 1 })).toBe(true);
    expect(sameDimension({ J: 1, s: 0 }, { J: 1 })).toBe(true);
    expect(sameDimension({ J: 1 }, { J: 1, s: -1 })).toBe(false);
  });
});
