// The kernel's unit vocabulary: how a field name says its unit. Every number a kernel function takes or
// returns is named `<what><Unit>` (`facilityKWh`, `activeMilliwatts`, `periodMs`), a rate joins units with
// `Per` (`gridGPerKWh`, `embodiedKgPerDevice`), and a name without a unit is dimensionless by a rule or a
// list below. No two suffixes differ only by case, so a name that starts with its unit may write it in
// lower case (`kWhPerQuery`, `kgCO2e`, `mwhPerYear`) and still name one unit. `MW` is megawatts; milli
// units are spelled out (`Milliwatts`, `MilliwattHours`, `Millijoules`, `MilliampHours`) so that they
// cannot be read as mega. test/kernel/unit-names.test.ts holds every kernel function's fields to this
// list; docs/units.md is its page for notebook authors. Not part of the public surface ("wattbook/kernel").
import { deepFrozen } from "./frozen.ts";

export interface UnitSuffix {
  /** How the unit ends a field name: "KWh" in `facilityKWh`. */
  readonly suffix: string;
  /** What the unit is. */
  readonly unit: string;
  /** The singular a rate's `Per` takes (`flopsPerJoule`, `kgCO2ePerDeviceHour`), where it differs. */
  readonly singular?: string;
  /**
   * The SI symbol a catalog record's `unit` starts with when its name ends in this suffix, where the symbol
   * tells prefixes apart by case: a record named `…Milliwatts` holds "mW", one named `…MW` holds "MW".
   */
  readonly symbol?: string;
}

const unit = (suffix: string, meaning: string, more: { singular?: string; symbol?: string } = {}): UnitSuffix => ({ suffix, unit: meaning, ...more });

/** The units, by kind. Where both a symbol and a word are in use (`W`, `Watts`), both are listed. */
export const unitSuffixes = deepFrozen({
  energy: [
    unit("TWh", "terawatt-hours", { symbol: "TWh" }),
    unit("GWh", "gigawatt-hours", { symbol: "GWh" }),
    unit("MWh", "megawatt-hours", { symbol: "MWh" }),
    unit("KWh", "kilowatt-hours", { symbol: "kWh" }),
    unit("Wh", "watt-hours", { symbol: "Wh" }),
    unit("MilliwattHours", "milliwatt-hours", { symbol: "mWh" }),
    unit("KJ", "kilojoules", { symbol: "kJ" }),
    unit("J", "joules", { symbol: "J" }),
    unit("Joules", "joules", { singular: "Joule", symbol: "J" }),
    unit("Millijoules", "millijoules", { symbol: "mJ" }),
    unit("UJ", "microjoules", { symbol: "µJ" }),
    unit("UJMs", "microjoule-milliseconds (energy-delay product)"),
    unit("NJ", "nanojoules", { symbol: "nJ" }),
    unit("PJ", "picojoules (the kernel has no petajoules; spell them out if one ever needs them)", { symbol: "pJ" }),
  ],
  power: [
    unit("GW", "gigawatts", { symbol: "GW" }),
    unit("MW", "megawatts", { symbol: "MW" }),
    unit("Megawatts", "megawatts", { symbol: "MW" }),
    unit("KW", "kilowatts", { symbol: "kW" }),
    unit("W", "watts", { symbol: "W" }),
    unit("Watts", "watts", { singular: "Watt", symbol: "W" }),
    unit("Milliwatts", "milliwatts", { symbol: "mW" }),
    unit("UW", "microwatts", { symbol: "µW" }),
  ],
  carbonAndMass: [
    unit("TCO2e", "tonnes of CO2-equivalent"),
    unit("Tonnes", "tonnes (of CO2-equivalent, in carbon prices)", { singular: "Tonne" }),
    unit("KgCO2e", "kilograms of CO2-equivalent"),
    unit("Kg", "kilograms: of CO2-equivalent in the carbon functions, of coolant in coolantFlow"),
    unit("G", "grams of CO2-equivalent, in carbon intensities (gridGPerKWh)"),
  ],
  time: [
    unit("Years", "years of 365 days", { singular: "Year" }),
    unit("Months", "months"),
    unit("Days", "days", { singular: "Day" }),
    unit("Hours", "hours; a name ending in the singular `Hour` (nowHour, bestStartHour) is an hour of the day, 0–23", { singular: "Hour" }),
    unit("Seconds", "seconds", { singular: "Second" }),
    unit("S", "seconds, in rates (`massFlowKgPerS`)"),
    unit("Ms", "milliseconds (there are no megaseconds)", { symbol: "ms" }),
    unit("Us", "microseconds", { symbol: "µs" }),
  ],
  electrical: [
    unit("V", "volts"),
    unit("Volts", "volts", { symbol: "V" }),
    unit("Amps", "amperes"),
    unit("UA", "microamperes", { symbol: "µA" }),
    unit("MilliampHours", "milliampere-hours (battery capacity)", { symbol: "mAh" }),
    unit("Milliohm", "milliohms"),
    unit("Farads", "farads"),
    unit("Hz", "hertz", { symbol: "Hz" }),
  ],
  temperature: [
    unit("Celsius", "degrees Celsius"),
    unit("K", "kelvin (temperature differences, `deltaTK`, `JPerKgK`)"),
  ],
  waterAreaAndDistance: [
    unit("Litres", "litres"),
    unit("L", "litres"),
    unit("M3", "cubic metres"),
    unit("Cfm", "cubic feet per minute"),
    unit("Cm2", "square centimetres"),
    unit("Km", "kilometres"),
  ],
  money: [
    unit("Usd", "US dollars"),
    unit("Cost", "money, in the currency of the prices given"),
    unit("Savings", "money, in the currency of the prices given"),
    unit("Capex", "money, in the currency of the prices given"),
    unit("Price", "money per unit, in the currency the caller uses (`pricePerKWh`)"),
    unit("Premium", "money per unit, in the currency of the carbon price (`premiumPerKWh`)"),
  ],
  workAndData: [
    unit("Flops", "floating-point operations (`peakFlopsPerSecond` is FLOP/s)", { singular: "Flop" }),
    unit("Ops", "operations", { singular: "Op" }),
    unit("Bytes", "bytes", { singular: "Byte" }),
    unit("Bits", "bits", { singular: "Bit" }),
    unit("Tokens", "tokens", { singular: "Token" }),
    unit("Params", "model parameters", { singular: "Param" }),
    unit("Elements", "matrix or vector elements", { singular: "Element" }),
    unit("Queries", "queries", { singular: "Query" }),
  ],
  thingsCounted: [
    unit("Devices", "devices", { singular: "Device" }),
    unit("Accelerators", "accelerators", { singular: "Accelerator" }),
    unit("Gpus", "GPUs", { singular: "Gpu" }),
    unit("Racks", "racks", { singular: "Rack" }),
    unit("Nodes", "nodes", { singular: "Node" }),
    unit("Clients", "clients", { singular: "Client" }),
    unit("Flights", "passenger flights", { singular: "Flight" }),
  ],
} satisfies Record<string, readonly UnitSuffix[]>);

/**
 * Endings that make a name dimensionless: shares, ratios and factors of two quantities in the same unit.
 * `…Rate` is a fraction (`escalationRate`) unless a `Per` follows (`infrastructureRatePerYear`).
 */
export const dimensionlessSuffixes = deepFrozen([
  "Fraction",
  "Share",
  "Ratio",
  "Factor",
  "Rate",
  "Growth",
  "Gain",
  "Cut",
  "Reduction",
  "Efficiency",
  "Pue",
] as const);

/** Names that carry no unit suffix, each with what it is: counts, ratios, and quantities whose unit is their definition. */
export const dimensionlessNames = deepFrozen({
  n: "elements: per side of a matrix, or in a vector",
  batch: "sequences decoded together",
  scope: "GHG Protocol scope, 1–3",
  factors: "factors that multiply",
  doublings: "doublings",
  pauses: "pauses in a checkpointed schedule",
  plantsNeeded: "power plants",
  bitsSent: "bits",
  duty: "active time over period",
  coverage: "delivered power over load",
  activity: "switching activity α, a fraction",
  utilization: "a fraction of peak throughput",
  ere: "energy reuse effectiveness: (facility − reused) energy over IT energy",
  aOverB: "site a's carbon over site b's",
  tdpUnderestimate: "a fraction of the TDP-only estimate",
  arithmeticIntensity: "FLOP per byte",
  crossoverIntensity: "FLOP per byte",
  overheadPerITKWh: "kWh of overhead per IT kWh (PUE − 1)",
  lossPerOutputW: "watts lost per watt delivered",
  finishOffset: "whole hours after now",
  runOffsets: "whole hours after now",
} as const);

/** Words after the unit that say which one (before or after a change, a share of what), not what unit. */
const QUALIFIER = /(?:Before|After|AtReference|(?:Of|Vs)[A-Z][A-Za-z0-9]*)$/;

const unitWords = Object.values(unitSuffixes)
  .flat()
  .flatMap((u) => (u.singular ? [u.suffix, u.singular] : [u.suffix]));

/** Every word of the vocabulary: unit suffixes and their singulars, dimensionless endings and names. */
export function vocabularyWords(): string[] {
  return [...unitWords, ...dimensionlessSuffixes, ...Object.keys(dimensionlessNames)];
}

/** The words a part of a name can end with, longest first, so that `facilityKWh` reads as KWh and not Wh. */
const endings = [...unitWords, ...dimensionlessSuffixes].sort((a, b) => b.length - a.length);
const byLowerCase = new Map(endings.map((word) => [word.toLowerCase(), word]));

/** The word `part` ends with; a name's first part may be the unit alone, in lower case (`kWh`, `watts`, `mwh`). */
function wordAtEnd(part: string, first: boolean): string | undefined {
  return (first ? byLowerCase.get(part.toLowerCase()) : undefined) ?? endings.find((word) => part.endsWith(word));
}

/**
 * How a field name reads in the vocabulary: the unit word of each part a `Per` separates (`gridGPerKWh` →
 * ["G", "KWh"]), [] for a dimensionless name, or undefined when the name says no unit the vocabulary knows.
 */
export function readUnitName(name: string): string[] | undefined {
  if (Object.hasOwn(dimensionlessNames, name)) return [];
  const base = name.replace(QUALIFIER, "");
  if (!base) return undefined;
  if (dimensionlessSuffixes.some((suffix) => base.endsWith(suffix) || base === suffix.toLowerCase())) return [];
  const read: string[] = [];
  for (const [index, part] of base.split(/Per(?=[A-Z])/).entries()) {
    const word = wordAtEnd(part, index === 0);
    if (!word) return undefined;
    read.push(word);
  }
  return read;
}
