// A whole numeric answer as typed: "≈ 1.92 GWh", "1,918,900 kWh", "$0.66M", "16×", "75 %", "1.2 million kWh".
// The result is in base units (J, s, g, m³, B, $, A, FLOP) with its dimension, so that answers in any
// unit of the right kind compare.
import { readNumber } from "./number.ts";
import { type Dimension, parseUnit, type ParseUnitOptions } from "./units.ts";

export interface Quantity {
  readonly ok: true;
  /** In base units. */
  readonly value: number;
  readonly dimension: Dimension;
  /** The unit as written (after the number), "" for none. */
  readonly unit: string;
  /** The value in base units had a lone comma been a decimal separator ("1,918 MWh" → 1.918 MWh). */
  readonly commaAsDecimal?: number;
}

export type QuantityResult = Quantity | { readonly ok: false; readonly problem: string };

const HEDGES = /^(?:≈|~|∼|=|about|approx\.?|approximately|roughly|around|circa|ca\.|nearly|almost)\s*/i;
const MONEY_SCALE: Record<string, number> = { k: 1e3, K: 1e3, thousand: 1e3, M: 1e6, mn: 1e6, m: 1e6, million: 1e6, B: 1e9, bn: 1e9, billion: 1e9, T: 1e12, tn: 1e12, trillion: 1e12 };

export function parseQuantity(text: string, options: ParseUnitOptions = {}): QuantityResult {
  let rest = text.trim().replace(/[.;]$/, "").trim();
  while (HEDGES.test(rest)) rest = rest.replace(HEDGES, "");
  if (!rest) return { ok: false, problem: "the answer is empty" };

  const money = /^(?:US\$|\$|USD\s*)/.exec(rest);
  if (money) rest = rest.slice(money[0].length).trim();
  const leadingTimes = /^[×x]\s*(?=[\d.])/.exec(rest);
  if (leadingTimes) rest = rest.slice(leadingTimes[0].length);

  const number = readNumber(rest);
  if (!number.ok) return number;
  let value = number.value;
  let commaAsDecimal = number.commaAsDecimal;
  let unit = rest.slice(number.length).trim();

  if (money) {
    const scale = /^(k|K|M|mn|m|B|bn|T|tn|thousand|million|billion|trillion)\b/.exec(unit);
    if (scale) {
      value *= MONEY_SCALE[scale[1]!]!;
      if (commaAsDecimal !== undefined) commaAsDecimal *= MONEY_SCALE[scale[1]!]!;
      unit = unit.slice(scale[0].length).trim();
    }
    unit = unit.replace(/^(?:USD|dollars?)\b/i, "").trim();
    unit = unit.startsWith("/") ? `$${unit}` : `$ ${unit}`.trim();
  }
  if (leadingTimes) unit = `× ${unit}`.trim();

  const parsed = parseUnit(unit, options);
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  return {
    ok: true,
    value: value * parsed.factor,
    dimension: parsed.dimension,
    unit,
    ...(commaAsDecimal !== undefined ? { commaAsDecimal: commaAsDecimal * parsed.factor } : {}),
  };
}
