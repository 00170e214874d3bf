import { sourced, type Sourced } from "../catalog.ts";
import { deepFrozen } from "../frozen.ts";

/** A sourced value the source gives as a range; `value` is the midpoint unless the note says otherwise. */
export interface SourcedRange extends Sourced {
  readonly low: number;
  readonly high: number;
}

export function sourcedRange(low: number, high: number, unit: string, citation: string, year: number, note?: string): SourcedRange {
  const midpoint = `value is the midpoint of the published ${low}–${high} ${unit}`;
  return deepFrozen({ ...sourced((low + high) / 2, unit, citation, year, note ? `${midpoint}; ${note}` : midpoint), low, high });
}
deepFrozen(sourcedRange);
