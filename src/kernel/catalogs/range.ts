import { sourcedFields, sourcedRecord, splitDetails, type Sourced, type SourcedDetails } from "../catalog.ts";
import { deepFrozen } from "../frozen.ts";
import { currentRecording, noteRead } from "../provenance.ts";

/** A sourced value the source gives as a range; `value` is the midpoint unless the note says otherwise. */
export interface SourcedRange extends Sourced {
  readonly low: number;
  readonly high: number;
}

/** `details` is the note, or `{name, note}`, as for `sourced`; the note is prefixed with what the value is. */
export function sourcedRange(low: number, high: number, unit: string, citation: string, year: number, details?: SourcedDetails): SourcedRange {
  const { name, note } = splitDetails(details);
  const midpoint = `value is the midpoint of the published ${low}–${high} ${unit}`;
  const noted = note ? `${midpoint}; ${note}` : midpoint;
  const record = sourcedRecord((low + high) / 2, sourcedFields(unit, citation, year, name === undefined ? noted : { name, note: noted }));
  // The ends are read like the value: a cell that prints a range's low end used the record.
  const end = (value: number) => ({
    get(this: object) {
      const recording = currentRecording();
      if (recording !== undefined) noteRead(recording, this);
      return value;
    },
    enumerable: true,
  });
  return deepFrozen(Object.defineProperties(record, { low: end(low), high: end(high) })) as unknown as SourcedRange;
}
deepFrozen(sourcedRange);
