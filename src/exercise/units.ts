// Units as a learner types them: "kWh", "MWh/yr", "gCO2e/kWh", "pJ/FLOP", "GPU-hours". A unit is a
// factor to base units and a dimension (exponents over base dimensions), so that any two units of the
// same kind compare, and a wrong kind is named ("a power, not an energy"). Symbols are case-sensitive
// (mW is not MW); a lower-case spelling is accepted only when it names one unit ("kwh" is kWh, "mwh"
// could be mWh or MWh and is refused with both).

/** Exponents over base dimensions: s, J, g, m3, B, USD, A, FLOP, and any counted word ("query"). */
export type Dimension = Readonly<Record<string, number>>;

export interface Unit {
  /** Multiply a value in this unit by `factor` to get it in base units. */
  readonly factor: number;
  readonly dimension: Dimension;
}

export type UnitResult = ({ readonly ok: true } & Unit) | { readonly ok: false; readonly problem: string };

type PrefixSet = "si" | "large" | "binary" | "none";

interface Atom {
  readonly factor: number;
  readonly dimension: Dimension;
  readonly prefixes: PrefixSet;
}

const atom = (factor: number, dimension: Dimension, prefixes: PrefixSet = "none"): Atom => ({ factor, dimension, prefixes });

const SECOND = { s: 1 };
const JOULE = { J: 1 };
const WATT = { J: 1, s: -1 };
const GRAM = { g: 1 };
const CUBIC_METRE = { m3: 1 };
const BYTE = { B: 1 };
const DOLLAR = { USD: 1 };
const AMPERE = { A: 1 };
const VOLT = { J: 1, s: -1, A: -1 };
const FLOP = { FLOP: 1 };

const DAY = 86_400;
/** A 365-day year, as the chapter and the kernel count. */
const YEAR = 365 * DAY;
const LITRE = 1e-3;
const US_GALLON = 3.785411784e-3;

/** Symbols, by exact spelling. */
const SYMBOLS: Record<string, Atom> = {
  s: atom(1, SECOND, "si"),
  min: atom(60, SECOND),
  h: atom(3_600, SECOND),
  hr: atom(3_600, SECOND),
  d: atom(DAY, SECOND),
  wk: atom(7 * DAY, SECOND),
  mo: atom(YEAR / 12, SECOND),
  yr: atom(YEAR, SECOND),
  J: atom(1, JOULE, "si"),
  Wh: atom(3_600, JOULE, "si"),
  W: atom(1, WATT, "si"),
  g: atom(1, GRAM, "si"),
  t: atom(1e6, GRAM, "large"),
  L: atom(LITRE, CUBIC_METRE, "si"),
  l: atom(LITRE, CUBIC_METRE, "si"),
  m3: atom(1, CUBIC_METRE),
  "m^3": atom(1, CUBIC_METRE),
  gal: atom(US_GALLON, CUBIC_METRE),
  B: atom(1, BYTE, "binary"),
  b: atom(1 / 8, BYTE, "binary"),
  bit: atom(1 / 8, BYTE, "binary"),
  $: atom(1, DOLLAR),
  USD: atom(1, DOLLAR),
  A: atom(1, AMPERE, "si"),
  V: atom(1, VOLT, "si"),
  FLOP: atom(1, FLOP, "si"),
  FLOPs: atom(1, FLOP, "si"),
  FLOPS: atom(1, { FLOP: 1, s: -1 }, "si"),
  op: atom(1, FLOP, "si"),
  "%": atom(0.01, {}),
  "‰": atom(0.001, {}),
  "×": atom(1, {}),
  x: atom(1, {}),
};

/** Words, matched without regard to case and with or without a plural s. */
const WORDS: Record<string, Atom> = {
  sec: SYMBOLS.s!,
  second: SYMBOLS.s!,
  minute: SYMBOLS.min!,
  hour: SYMBOLS.h!,
  day: SYMBOLS.d!,
  week: SYMBOLS.wk!,
  month: SYMBOLS.mo!,
  year: SYMBOLS.yr!,
  joule: SYMBOLS.J!,
  watt: SYMBOLS.W!,
  "watt-hour": SYMBOLS.Wh!,
  gram: SYMBOLS.g!,
  tonne: SYMBOLS.t!,
  ton: SYMBOLS.t!, // metric: the chapter's tons are tonnes
  litre: SYMBOLS.L!,
  liter: SYMBOLS.L!,
  gallon: SYMBOLS.gal!,
  byte: SYMBOLS.B!,
  bit: SYMBOLS.bit!,
  dollar: SYMBOLS.$!,
  amp: SYMBOLS.A!,
  ampere: SYMBOLS.A!,
  volt: SYMBOLS.V!,
  flop: SYMBOLS.FLOP!,
  percent: SYMBOLS["%"]!,
  times: SYMBOLS["×"]!,
  fold: SYMBOLS["×"]!,
  // Multiplier words stand for numbers, wherever they appear: "1.2 million kWh".
  thousand: atom(1e3, {}),
  million: atom(1e6, {}),
  billion: atom(1e9, {}),
  trillion: atom(1e12, {}),
};

const SI_PREFIXES: Record<string, number> = {
  Q: 1e30, R: 1e27, Y: 1e24, Z: 1e21, E: 1e18, P: 1e15, T: 1e12, G: 1e9, M: 1e6, k: 1e3, K: 1e3,
  m: 1e-3, µ: 1e-6, μ: 1e-6, u: 1e-6, n: 1e-9, p: 1e-12, f: 1e-15, a: 1e-18,
};
const LARGE_PREFIXES = ["k", "M", "G"];
const BINARY_PREFIXES: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50 };

function prefixFactor(prefix: string, set: PrefixSet): number | undefined {
  if (set === "none") return undefined;
  if (set === "large") return LARGE_PREFIXES.includes(prefix) ? SI_PREFIXES[prefix] : undefined;
  if (set === "binary" && prefix in BINARY_PREFIXES) return BINARY_PREFIXES[prefix];
  return SI_PREFIXES[prefix];
}

/** One token, spelt exactly: a symbol, a prefixed symbol, or a word. */
function exact(token: string): Atom | undefined {
  const symbol = SYMBOLS[token];
  if (symbol) return symbol;
  for (const size of [2, 1]) {
    const base = SYMBOLS[token.slice(size)];
    if (!base || token.length <= size) continue;
    const factor = prefixFactor(token.slice(0, size), base.prefixes);
    if (factor !== undefined) return { ...base, factor: base.factor * factor, prefixes: "none" };
  }
  return word(token);
}

function word(token: string): Atom | undefined {
  const lower = token.toLowerCase();
  for (const candidate of [lower, singular(lower)]) {
    if (WORDS[candidate]) return WORDS[candidate];
    // kilowatt-hours, megatonnes, gigabytes: spelt-out prefixes on words
    for (const [prefix, factor] of SPELT_PREFIXES) {
      const rest = candidate.startsWith(prefix) ? WORDS[candidate.slice(prefix.length)] : undefined;
      if (rest) return { ...rest, factor: rest.factor * factor };
    }
  }
  return undefined;
}

const SPELT_PREFIXES: [string, number][] = [
  ["kilo", 1e3], ["mega", 1e6], ["giga", 1e9], ["tera", 1e12], ["peta", 1e15], ["exa", 1e18],
  ["milli", 1e-3], ["micro", 1e-6], ["nano", 1e-9], ["pico", 1e-12],
];

export function singular(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 2 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** Spellings that differ only in case, each read as a unit: "kwh" → kWh; "mwh" → mWh and MWh. */
function caseInsensitive(token: string): { spelling: string; atom: Atom }[] {
  const found: { spelling: string; atom: Atom }[] = [];
  const lower = token.toLowerCase();
  for (const [symbol, base] of Object.entries(SYMBOLS)) {
    if (symbol.toLowerCase() === lower) found.push({ spelling: symbol, atom: base });
    if (!lower.endsWith(symbol.toLowerCase()) || lower.length === symbol.length) continue;
    const prefix = token.slice(0, token.length - symbol.length);
    for (const candidate of new Set([prefix, prefix.toLowerCase(), prefix.toUpperCase()])) {
      const factor = prefixFactor(candidate, base.prefixes);
      if (factor !== undefined && candidate !== "K") found.push({ spelling: candidate + symbol, atom: { ...base, factor: base.factor * factor } });
    }
  }
  // The same unit under two spellings (L and l) is one reading.
  return found.filter((f, i) => found.findIndex((g) => g.atom.factor === f.atom.factor && sameDimension(g.atom.dimension, f.atom.dimension)) === i);
}

/** "CO2", "CO₂e", "CO2-eq" say what a mass is of; they are not units. */
const CARBON_TAG = /(?:\s*(?:of\s+)?CO(?:2|₂)(?:-?eq?\.?|e)?)(?![\w₂])/gi;
const SUPERSCRIPTS: Record<string, string> = { "⁻": "-", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁰": "0" };

export interface ParseUnitOptions {
  /**
   * Counted words a unit may contain ("query" in "kWh per query"). The units in an exercise's answer
   * define them; a learner's answer may use only those. `true` accepts any word (for authors).
   */
  readonly counted?: ReadonlySet<string> | true;
}

/** Reads a unit expression: products (space, ·, *, -) and quotients (/, per) of symbols with exponents. */
export function parseUnit(text: string, options: ParseUnitOptions = {}): UnitResult {
  const normalized = text
    .replace(CARBON_TAG, "")
    .replace(/[⁻¹²³⁴⁵⁶⁷⁸⁹⁰]+/g, (s) => `^${[...s].map((c) => SUPERSCRIPTS[c]).join("")}`)
    .replace(/\bper\b/gi, "/")
    .replace(/\bsquare\s+/gi, "")
    .replace(/\bcubic\s+met(?:er|re)s?\b/gi, "m3")
    .replace(/\bm\s*\^\s*3\b/g, "m3")
    .trim();
  if (!normalized) return { ok: true, factor: 1, dimension: {} };
  let factor = 1;
  const dimension: Record<string, number> = {};
  const groups = normalized.split("/");
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!.trim();
    if (!group) return { ok: false, problem: g === 0 ? `"${text.trim()}" starts with /` : `nothing follows a / in "${text.trim()}"` };
    const sign = g === 0 ? 1 : -1;
    for (const part of group.split(/[\s·*⋅]+/).filter(Boolean)) {
      const match = /^(.+?)(?:\^(-?\d+))?$/.exec(part)!;
      const exponent = sign * (match[2] === undefined ? 1 : Number(match[2]));
      const read = readToken(match[1]!, options);
      if ("problem" in read) return { ok: false, problem: read.problem };
      factor *= read.factor ** exponent;
      for (const [base, power] of Object.entries(read.dimension)) dimension[base] = (dimension[base] ?? 0) + power * exponent;
    }
  }
  for (const base of Object.keys(dimension)) if (dimension[base] === 0) delete dimension[base];
  return { ok: true, factor, dimension };
}

function readToken(token: string, options: ParseUnitOptions): Unit | { problem: string } {
  const known = exact(token);
  if (known) return known;
  // GPU-hours, household-years: a product of a counted word and a unit.
  if (token.includes("-") && !/^-|-$/.test(token)) {
    let factor = 1;
    const dimension: Record<string, number> = {};
    for (const part of token.split("-")) {
      const read = readToken(part, options);
      if ("problem" in read) return read;
      factor *= read.factor;
      for (const [base, power] of Object.entries(read.dimension)) dimension[base] = (dimension[base] ?? 0) + power;
    }
    return { factor, dimension };
  }
  const readings = caseInsensitive(token);
  if (readings.length === 1) return readings[0]!.atom;
  if (readings.length > 1) return { problem: `"${token}" could be ${readings.map((r) => r.spelling).join(" or ")}: mind the capital letters` };
  const counted = singular(token.toLowerCase());
  if (/^[a-z][a-z]*$/i.test(token) && (options.counted === true || options.counted?.has(counted))) return { factor: 1, dimension: { [counted]: 1 } };
  return { problem: `"${token}" is not a unit I know` };
}

export function sameDimension(a: Dimension, b: Dimension): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if ((a[key] ?? 0) !== (b[key] ?? 0)) return false;
  return true;
}

/** The counted words a dimension uses: what a learner's answer may name besides known units. */
export function countedWords(dimension: Dimension): Set<string> {
  const bases = new Set(["s", "J", "g", "m3", "B", "USD", "A", "FLOP"]);
  return new Set(Object.keys(dimension).filter((key) => !bases.has(key)));
}

interface Kind {
  readonly name: string;
  readonly dimension: Dimension;
  readonly examples: string;
}

const KINDS: readonly Kind[] = [
  { name: "a pure number", dimension: {}, examples: "a number, ×, or %" },
  { name: "an energy", dimension: JOULE, examples: "J, kWh, MWh, GWh" },
  { name: "a power", dimension: WATT, examples: "W, kW, MW" },
  { name: "a time", dimension: SECOND, examples: "s, h, days, years" },
  { name: "a mass", dimension: GRAM, examples: "g, kg, t" },
  { name: "a volume", dimension: CUBIC_METRE, examples: "L, kL, m³" },
  { name: "a data size", dimension: BYTE, examples: "B, MB, GB" },
  { name: "an amount of money", dimension: DOLLAR, examples: "$, USD" },
  { name: "a current", dimension: AMPERE, examples: "A, mA, kA" },
  { name: "a voltage", dimension: VOLT, examples: "V, kV" },
  { name: "an amount of compute", dimension: FLOP, examples: "FLOP, TFLOP" },
  { name: "a compute rate", dimension: { FLOP: 1, s: -1 }, examples: "FLOP/s, TFLOP/s" },
  { name: "an energy efficiency", dimension: { FLOP: 1, J: -1 }, examples: "FLOP/J, GFLOP/J" },
  { name: "an energy per operation", dimension: { J: 1, FLOP: -1 }, examples: "pJ/FLOP" },
  { name: "an energy per byte", dimension: { J: 1, B: -1 }, examples: "pJ/B" },
  { name: "an arithmetic intensity", dimension: { FLOP: 1, B: -1 }, examples: "FLOP/B" },
  { name: "a bandwidth", dimension: { B: 1, s: -1 }, examples: "GB/s, TB/s" },
  { name: "a carbon intensity", dimension: { g: 1, J: -1 }, examples: "g/kWh, kg/kWh" },
  { name: "a price of energy", dimension: { USD: 1, J: -1 }, examples: "$/kWh" },
  { name: "a water intensity", dimension: { m3: 1, J: -1 }, examples: "L/kWh" },
];

const BASE_NAMES: Record<string, string> = { s: "s", J: "J", g: "g", m3: "m³", B: "B", USD: "$", A: "A", FLOP: "FLOP" };

/** "an energy", "a power", or, for a dimension without a name, its base units: "a quantity in J/query". */
export function describeDimension(dimension: Dimension): { name: string; examples: string } {
  const kind = KINDS.find((k) => sameDimension(k.dimension, dimension));
  if (kind) return { name: kind.name, examples: kind.examples };
  const part = (sign: 1 | -1) =>
    Object.entries(dimension)
      .filter(([, power]) => Math.sign(power) === sign)
      .map(([base, power]) => `${BASE_NAMES[base] ?? base}${Math.abs(power) === 1 ? "" : `^${Math.abs(power)}`}`)
      .join("·");
  const top = part(1) || "1";
  const bottom = part(-1);
  const units = bottom ? `${top}/${bottom}` : top;
  return { name: `a quantity in ${units}`, examples: units };
}
