// Constants come with their provenance. A catalog is a record of named Sourced values; notebooks show
// `citation` (and `note`) in a sources section so that every number on a page can be traced, and the
// page's Explain panels name each record a value read (see provenance.ts): a record's `value` is an
// accessor that notes the read while a cell is being recorded.
import { deepFrozen } from "./frozen.ts";
import { currentRecording, noteRead, SOURCED_VALUE } from "./provenance.ts";

export interface Sourced<T = number> {
  readonly value: T;
  /** Unit of `value`, spelled as in names elsewhere: "gCO2e/kWh", "W", "kg CO2e", "pJ", "MWh". */
  readonly unit: string;
  /** Who reported it: "Patterson et al. 2021", "Sustainable AI chapter, Table 1.3". */
  readonly citation: string;
  /** Year of the source. */
  readonly year: number;
  /** Present when the value is illustrative, derived, rounded or disputed: say which and how. */
  readonly note?: string;
}

/** The getter every record shares: the value, and a note of the read when a cell is being recorded. */
function readValue(this: { readonly [SOURCED_VALUE]: unknown }): unknown {
  const recording = currentRecording();
  if (recording !== undefined) noteRead(recording, this);
  return this[SOURCED_VALUE];
}

/**
 * The setter every accessor of a record shares: refuses as assigning to a frozen property does, in the
 * same words, so that a notebook that tries to change a catalog hears what it would without accessors.
 */
export function refuseAssignment(name: string): never {
  throw new TypeError(`Cannot assign to read only property '${name}' of object '#<Object>'`);
}

function refuseValue(): never {
  refuseAssignment("value");
}

/**
 * A record whose `value` notes its reads, followed by `fields` in their order. Not frozen: callers
 * freeze it with what they add. Spreading it (`{...record, value: 500}`) copies the value as plain data,
 * so a copy is not the cited record, and its reads are not noted.
 */
export function sourcedRecord<T, F extends object>(value: T, fields: F): { readonly value: T } & F {
  const record = Object.defineProperty({}, "value", { get: readValue, set: refuseValue, enumerable: true });
  Object.defineProperty(record, SOURCED_VALUE, { value });
  return Object.assign(record, fields) as { readonly value: T } & F;
}

/**
 * Builds a sourced record; the helper exists so that catalogs read as tables. The record is deep-frozen at
 * birth (its value too, when that is an array or object): catalogs are shared by every notebook.
 */
export function sourced<T>(value: T, unit: string, citation: string, year: number, note?: string): Sourced<T> {
  // Typed as the caller's T (a frozen array is still read as T), since catalogs declare their own readonly types.
  return deepFrozen(sourcedRecord(value, note === undefined ? { unit, citation, year } : { unit, citation, year, note })) as Sourced<T>;
}
// The function too: it is a public export, shared like the catalogs.
deepFrozen(sourced);
