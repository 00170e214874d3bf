// Numbers as a learner types them: 1918.9, 1,918,900, 1 918 900, 3.14e23, 3.14 × 10^23, 3.14·10²³, −5, .5.
//
// The decimal separator is a point. A comma only ever groups thousands, so it must be followed by exactly
// three digits: "1918,9" and "1,92" are refused with the point reading offered, rather than guessed at.
// "1,918" is one thousand nine hundred and eighteen; because a reader used to decimal commas may have
// meant 1.918, the result carries that other reading and a checker can say so when it would have been right.

export interface NumberRead {
  readonly ok: true;
  readonly value: number;
  /** Characters of the text the number took. */
  readonly length: number;
  /** The value had the comma been a decimal separator ("1,918" → 1.918), when that reading exists. */
  readonly commaAsDecimal?: number;
}

export interface NumberProblem {
  readonly ok: false;
  readonly problem: string;
}

const SUPERSCRIPT_DIGITS: Record<string, string> = { "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-", "⁺": "+" };

// Groups of three after the first: separated by commas, spaces (plain, thin, no-break) or apostrophes.
const GROUPED = /^(\d{1,3})((?:(?:,|[ \u00a0\u2009\u202f'’])\d{3})+)(?!\d)/;
const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)/;
const FRACTION = /^\.\d+/;
const E_EXPONENT = /^[eE]([+\-−]?\d+)/;
// × 10^23, x10^-3, * 10**6, ·10²³
const TIMES_TEN = /^\s*[×xX*·⋅]\s*10\s*(?:(?:\^|\*\*)\s*([+\-−]?\d+)|([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))/;
const BARE_POWER = /^10\s*(?:(?:\^|\*\*)\s*([+\-−]?\d+)|([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))/;

function exponentOf(caret: string | undefined, superscript: string | undefined): number {
  const text = caret ?? [...(superscript ?? "")].map((c) => SUPERSCRIPT_DIGITS[c]).join("");
  return Number(text.replace("−", "-"));
}

/** Reads the number at the start of `text` (after leading spaces are trimmed by the caller). */
export function readNumber(text: string): NumberRead | NumberProblem {
  let at = 0;
  let sign = 1;
  if (/^[+\-−]/.test(text)) {
    sign = text[0] === "+" ? 1 : -1;
    at = 1;
  }
  const rest = () => text.slice(at);

  const power = BARE_POWER.exec(rest());
  if (power) return { ok: true, value: sign * 10 ** exponentOf(power[1], power[2]), length: at + power[0].length };

  let mantissa: number;
  let commaAsDecimal: number | undefined;
  const grouped = GROUPED.exec(rest());
  if (grouped) {
    const separators = new Set(grouped[2]!.replace(/\d/g, ""));
    if (separators.size > 1) return { ok: false, problem: `"${text.slice(at, at + grouped[0].length)}" mixes separators; group thousands with commas: 1,918,900` };
    let digits = grouped[1]! + grouped[2]!.replace(/\D/g, "");
    at += grouped[0].length;
    const fraction = FRACTION.exec(rest());
    if (fraction) {
      digits += fraction[0];
      at += fraction[0].length;
    } else if (separators.has(",") && grouped[2]!.length === 4) {
      commaAsDecimal = sign * Number(`${grouped[1]}.${grouped[2]!.slice(1)}`);
    }
    mantissa = Number(digits);
  } else {
    const plain = PLAIN.exec(rest());
    if (!plain) return { ok: false, problem: text.trim() ? `"${text.trim()}" does not start with a number` : "the answer is empty" };
    at += plain[0].length;
    mantissa = Number(plain[0]);
  }

  // A comma that cannot be grouping: a decimal comma ("1918,9") or a typo ("1,92", "1,9189").
  const comma = /^,(\d+)/.exec(rest());
  if (comma) {
    const written = text.slice(0, at + comma[0].length).trim();
    const asPoint = written.replace(/,(?=\d+$)/, ".").replace(/,/g, "");
    return { ok: false, problem: `"${written}": write decimals with a point (${asPoint}); a comma only groups thousands (1,918,900)` };
  }

  let value = mantissa;
  const exponent = E_EXPONENT.exec(rest()) ?? TIMES_TEN.exec(rest());
  if (exponent) {
    value = mantissa * 10 ** exponentOf(exponent[1], exponent[2]);
    at += exponent[0].length;
    commaAsDecimal = commaAsDecimal === undefined ? undefined : commaAsDecimal * 10 ** exponentOf(exponent[1], exponent[2]);
  }
  if (!Number.isFinite(value)) return { ok: false, problem: `"${text.slice(0, at)}" is too large a number` };
  return { ok: true, value: sign * value, length: at, ...(commaAsDecimal !== undefined ? { commaAsDecimal } : {}) };
}
