// "8,409.6 MWh/yr" answers "how much energy in a year": an amount per unit of time is a rate (an energy
// per time is a power), and a question about a period says how long the rate runs. An exercise that
// names its period (`over: 1 yr`) accepts the rate and grades the amount it comes to over that period.
import type { Quantity } from "./quantity.ts";
import { type Dimension, sameDimension } from "./units.ts";

/** The answer's amount over `periodS` seconds, when the answer is a rate of the key's kind; else undefined. */
export function amountOverPeriod(answer: Quantity, keyDimension: Dimension, periodS: number | undefined): number | undefined {
  if (periodS === undefined) return undefined;
  const timesTime: Record<string, number> = { ...answer.dimension, s: (answer.dimension.s ?? 0) + 1 };
  if (timesTime.s === 0) delete timesTime.s;
  return sameDimension(timesTime, keyDimension) ? answer.value * periodS : undefined;
}
