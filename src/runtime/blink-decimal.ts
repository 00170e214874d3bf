// The decimal arithmetic Chromium's number and range inputs compute with (Blink's `Decimal`): 18
// significant digits, digits past them dropped (not rounded) when operands are aligned or a result is
// too long, division rounded on its last digit, `round` halves away from zero. Ported rule for rule so
// that the build gives an input exactly the value Chromium gives it, including where 18 digits are not
// enough (a min of 1e-20 with a step of 0.05 lands on a different point than exact arithmetic would).
// test/browser/html-number.test.ts compares it with Chromium on thousands of inputs.

export interface Decimal {
  readonly negative: boolean;
  /** 0 … 10^18 − 1. */
  readonly coefficient: bigint;
  readonly exponent: number;
}

const PRECISION = 18;
const MAX_COEFFICIENT = 10n ** 18n - 1n;
const UINT64 = 2n ** 64n;

export function decimal(negative: boolean, exponent: number, coefficient: bigint): Decimal {
  while (coefficient > MAX_COEFFICIENT) {
    coefficient /= 10n;
    exponent++;
  }
  return { negative, coefficient, exponent };
}

export const ZERO = decimal(false, 0, 0n);
export const isZero = (value: Decimal) => value.coefficient === 0n;

const digitCount = (value: bigint) => (value === 0n ? 0 : value.toString().length);
const scaleUp = (value: bigint, n: number) => value * 10n ** BigInt(n);
const scaleDown = (value: bigint, n: number) => value / 10n ** BigInt(n);

/** Decimal::FromString: at most 18 digits are read, the rest only move the exponent. Undefined for bad syntax. */
export function parseDecimal(text: string): Decimal | undefined {
  const match = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match || (!match[2] && !match[3])) return undefined;
  const [, sign, whole = "", fraction = "", exponentText = "0"] = match;
  let coefficient = 0n;
  let digits = 0;
  let exponent = Number(exponentText);
  // Leading zeros of the whole part are skipped; every other digit counts toward the precision.
  for (const char of whole.replace(/^0+/, "")) {
    if (digits < PRECISION) (coefficient = coefficient * 10n + BigInt(char)), digits++;
    else exponent++;
  }
  for (const char of fraction) {
    if (digits < PRECISION) (coefficient = coefficient * 10n + BigInt(char)), digits++, exponent--;
  }
  return decimal(sign === "-", exponent, coefficient);
}

/** Decimal::FromDouble: the number's shortest spelling, read as above. */
export function fromNumber(value: number): Decimal | undefined {
  return Number.isFinite(value) ? parseDecimal(String(value)) : undefined;
}

export function toNumber(value: Decimal): number {
  const magnitude = Number(`${value.coefficient}e${value.exponent}`);
  return value.negative ? -magnitude : magnitude;
}

function align(lhs: Decimal, rhs: Decimal): { lhs: bigint; rhs: bigint; exponent: number } {
  let exponent = Math.min(lhs.exponent, rhs.exponent);
  let l = lhs.coefficient;
  let r = rhs.coefficient;
  if (lhs.exponent > rhs.exponent) {
    const digits = digitCount(l);
    if (digits) {
      const shift = lhs.exponent - rhs.exponent;
      const overflow = digits + shift - PRECISION;
      if (overflow <= 0) l = scaleUp(l, shift);
      else (l = scaleUp(l, shift - overflow)), (r = scaleDown(r, overflow)), (exponent += overflow);
    }
  } else if (lhs.exponent < rhs.exponent) {
    const digits = digitCount(r);
    if (digits) {
      const shift = rhs.exponent - lhs.exponent;
      const overflow = digits + shift - PRECISION;
      if (overflow <= 0) r = scaleUp(r, shift);
      else (r = scaleUp(r, shift - overflow)), (l = scaleDown(l, overflow)), (exponent += overflow);
    }
  }
  return { lhs: l, rhs: r, exponent };
}

function signed(sign: boolean, exponent: number, result: bigint): Decimal {
  return result >= 0n ? decimal(sign, exponent, result) : decimal(!sign, exponent, -result);
}

export function add(lhs: Decimal, rhs: Decimal): Decimal {
  const aligned = align(lhs, rhs);
  const result = lhs.negative === rhs.negative ? aligned.lhs + aligned.rhs : aligned.lhs - aligned.rhs;
  if (lhs.negative && !rhs.negative && result === 0n) return decimal(false, aligned.exponent, 0n);
  return signed(lhs.negative, aligned.exponent, result);
}

export function subtract(lhs: Decimal, rhs: Decimal): Decimal {
  const aligned = align(lhs, rhs);
  const result = lhs.negative === rhs.negative ? aligned.lhs - aligned.rhs : aligned.lhs + aligned.rhs;
  if (lhs.negative && rhs.negative && result === 0n) return decimal(false, aligned.exponent, 0n);
  return signed(lhs.negative, aligned.exponent, result);
}

export function multiply(lhs: Decimal, rhs: Decimal): Decimal {
  let work = lhs.coefficient * rhs.coefficient;
  let exponent = lhs.exponent + rhs.exponent;
  while (work >= UINT64) (work /= 10n), exponent++;
  return decimal(lhs.negative !== rhs.negative, exponent, work);
}

/** rhs must not be zero (a step never is). */
export function divide(lhs: Decimal, rhs: Decimal): Decimal {
  const negative = lhs.negative !== rhs.negative;
  let exponent = lhs.exponent - rhs.exponent;
  if (isZero(lhs)) return decimal(negative, exponent, 0n);
  let remainder = lhs.coefficient;
  const divisor = rhs.coefficient;
  let result = 0n;
  for (;;) {
    while (remainder < divisor && result < MAX_COEFFICIENT / 10n) (remainder *= 10n), (result *= 10n), exponent--;
    if (remainder < divisor) break;
    const quotient = remainder / divisor;
    if (result > MAX_COEFFICIENT - quotient) break;
    result += quotient;
    remainder %= divisor;
    if (remainder === 0n) break;
  }
  if (remainder > divisor / 2n) result++;
  return decimal(negative, exponent, result);
}

/** To a whole number, halves away from zero. */
export function round(value: Decimal): Decimal {
  if (value.exponent >= 0) return value;
  let result = value.coefficient;
  const drop = -value.exponent;
  if (digitCount(result) < drop) return ZERO;
  result = scaleDown(result, drop - 1);
  if (result % 10n >= 5n) result += 10n;
  return decimal(value.negative, 0, result / 10n);
}

export const abs = (value: Decimal): Decimal => ({ ...value, negative: false });

/** Blink compares by subtracting, so what alignment drops is not seen. */
export const less = (lhs: Decimal, rhs: Decimal): boolean => {
  const difference = subtract(lhs, rhs);
  return difference.negative && !isZero(difference);
};
export const greater = (lhs: Decimal, rhs: Decimal): boolean => less(rhs, lhs);
export const lesser = (a: Decimal, b: Decimal): Decimal => (less(b, a) ? b : a);
export const larger = (a: Decimal, b: Decimal): Decimal => (less(a, b) ? b : a);

/**
 * Decimal::ToString, as a range input's value: a number with a fraction keeps 15 significant digits
 * (rounded on the first digit dropped), a whole number all of its digits. Returned as the number that
 * spelling reads as.
 */
export function serialized(value: Decimal): number {
  let { coefficient, exponent } = value;
  if (exponent < 0) {
    let last = 0n;
    while (digitCount(coefficient) > 15) (last = coefficient % 10n), (coefficient /= 10n), exponent++;
    if (last >= 5n) coefficient++;
  }
  if (coefficient === 0n) return value.negative ? -0 : 0;
  return toNumber({ negative: value.negative, coefficient, exponent });
}
