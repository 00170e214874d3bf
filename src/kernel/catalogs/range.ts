import { refuseAssignment, sourcedRecord, type Sourced } from "../catalog.ts";
import { deepFrozen } from "../frozen.ts";
import { currentRecording, noteRead } from "../provenance.ts";

/** A sourced value the source gives as a range; `value` is the midpoint unless the note says otherwise. */
export interface SourcedRange extends Sourced {
  readonly low: number;
  readonly high: number;
}

export function sourcedRange(low: number, high: number, unit: string, citation: string, year: number, note?: string): SourcedRange {
  const midpoint = `value is the midpoint of the published ${low}–${high} ${unit}`;
  const record = sourcedRecord((low + high) / 2, { unit, citation, year, note: note ? `${midpoint}; ${note}` : midpoint });
  // The ends are read like the value: a cell that prints a range's low end used the record.
  const end = (name: string, value: number) => ({
    get(this: object) {
      const recording = currentRecording();
      if (recording !== undefined) noteRead(recording, this);
      return value;
    },
    set: () => refuseAssignment(name),
    enumerable: true,
  });
  return deepFrozen(Object.defineProperties(record, { low: end("low", low), high: end("high", high) })) as SourcedRange;
}
deepFrozen(sourcedRange);
