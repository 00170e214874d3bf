// How numbers read on the page. Integers keep every digit with thousands separators; other values keep
// at least four significant digits and never fewer than the integer part needs (1,918.9 not 1,919);
// very large or very small magnitudes switch to scientific notation (1.23e+15, 4.5e-7).

const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const bySignificantDigits = new Map<number, Intl.NumberFormat>();

function significant(digits: number): Intl.NumberFormat {
  let format = bySignificantDigits.get(digits);
  if (!format) bySignificantDigits.set(digits, (format = new Intl.NumberFormat("en-US", { maximumSignificantDigits: digits })));
  return format;
}

export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  if (Object.is(value, -0) || value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e15 || magnitude < 1e-4) return value.toExponential(3).replace(/\.?0+e/, "e").replace("-", "−");
  if (Number.isInteger(value)) return grouped.format(value).replace("-", "−");
  const integerDigits = magnitude >= 1 ? Math.floor(Math.log10(magnitude)) + 1 : 0;
  return significant(Math.min(21, Math.max(4, integerDigits + 1))).format(value).replace("-", "−");
}
