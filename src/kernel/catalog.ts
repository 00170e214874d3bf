// Constants come with their provenance. A catalog is a record of named Sourced values; notebooks show
// each record's `name`, `citation` (and `note`) in a sources section so that every number on a page can be
// traced, the section's references give the full work behind each citation, and `id` is where the record
// lives in the kernel ("grids.usAverage"), which a page anchors its row at (`ref-grids-usAverage`). The
// page's Explain panels name each record a value read (see provenance.ts): a record's `value` is an
// accessor that notes the read while a cell is being recorded.
import { deepFrozen, type DeepReadonly } from "./frozen.ts";
import { currentRecording, noteRead, SOURCED_VALUE } from "./provenance.ts";
import { resolveCitation, type Reference } from "./references.ts";

export interface Sourced<T = number> {
  readonly value: T;
  /** Unit of `value`, spelled as in names elsewhere: "gCO2e/kWh", "W", "kg CO2e", "pJ", "MWh". */
  readonly unit: string;
  /** Who reported it, in short: "Patterson et al. 2021", "Sustainable AI chapter, Table 1.3". */
  readonly citation: string;
  /** Year of the source. */
  readonly year: number;
  /** Present when the value is illustrative, derived, rounded or disputed: say which and how. */
  readonly note?: string;
  /** What the value is, for readers: "US average grid". Menus, prose and Sources tables show it; code uses the key. */
  readonly name?: string;
  /** Where the record lives in the kernel: "grids.usAverage", "accelerators.h100.watts" (set by `catalog`). */
  readonly id?: string;
  /** The work `citation` names, in full (set when the kernel knows the citation; see references.ts). */
  readonly reference?: Reference;
  /** Where in `reference` the value is printed: "Table 6", "footnote 39". */
  readonly locator?: string;
  /** A work `reference` cites for the value: the chapter's footnote 39 cites Radovanovic et al. 2021. */
  readonly cites?: Reference;
}

/** What a record says besides its value, unit, citation and year: a note, or a name and a note. */
export type SourcedDetails = string | { readonly name?: string; readonly note?: string };

/** The getter every record shares: the value, and a note of the read when a cell is being recorded. */
function readValue(this: { readonly [SOURCED_VALUE]: unknown }): unknown {
  const recording = currentRecording();
  if (recording !== undefined) noteRead(recording, this);
  return this[SOURCED_VALUE];
}

/**
 * A record whose `value` notes its reads, followed by `fields` in their order. Not frozen: callers
 * freeze it with what they add. Spreading it (`{...record, value: 500}`) copies the value as plain data,
 * so a copy is not the cited record, and its reads are not noted.
 */
export function sourcedRecord<T, F extends object>(value: T, fields: F): { readonly value: T } & F {
  // Getter only, like a frozen property: assigning throws in strict code (modules, cells) and is ignored
  // in sloppy code. A setter that threw would throw in sloppy code too.
  const record = Object.defineProperty({}, "value", { get: readValue, enumerable: true });
  Object.defineProperty(record, SOURCED_VALUE, { value });
  return Object.assign(record, fields) as { readonly value: T } & F;
}

/** A record's details as its name and note (a string is the note). */
export function splitDetails(details: SourcedDetails | undefined): { readonly name?: string; readonly note?: string } {
  return typeof details === "string" ? { note: details } : (details ?? {});
}

/**
 * A record's fields besides its value, in their order: unit, citation, year, then the note and name
 * `details` gives and the full reference the citation resolves to. Optional fields are left out rather
 * than undefined, so that a record's keys say what it has.
 */
export function sourcedFields(unit: string, citation: string, year: number, details?: SourcedDetails): Record<string, unknown> {
  const { name, note } = splitDetails(details);
  const fields: Record<string, unknown> = { unit, citation, year };
  if (note !== undefined) fields.note = note;
  if (name !== undefined) fields.name = name;
  const resolved = resolveCitation(citation);
  if (resolved) Object.assign(fields, resolved);
  return fields;
}

/**
 * Builds a sourced record; the helper exists so that catalogs read as tables. `details` is the note, or
 * `{name, note}`. The record is deep-frozen at birth (its value too, when that is an array or object):
 * catalogs are shared by every notebook.
 */
export function sourced<T>(value: T, unit: string, citation: string, year: number, details?: SourcedDetails): Sourced<T> {
  // Typed as the caller's T (a frozen array is still read as T), since catalogs declare their own readonly types.
  return deepFrozen(sourcedRecord(value, sourcedFields(unit, citation, year, details))) as unknown as Sourced<T>;
}
// The function too: it is a public export, shared like the catalogs.
deepFrozen(sourced);

/** Whether `value` has a sourced record's shape (a record made by `sourced`, or one extended from it). */
export function isSourced(value: unknown): value is Sourced<unknown> {
  return value !== null && typeof value === "object" && "citation" in value && "unit" in value && "value" in value;
}

/**
 * A catalog: deep-frozen like any kernel constant, with each record given its `id`, the path it is
 * reached by from the name the catalog is exported as ("accelerators.h100.watts"). Records are copied to
 * take their id (they are frozen at birth); everything else keeps its shape.
 */
export function catalog<T>(name: string, tree: T): DeepReadonly<T> {
  return deepFrozen(withIds(tree, name) as T);
}
deepFrozen(catalog);

function withIds(value: unknown, path: string): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  if (isSourced(value)) return Object.assign(Object.defineProperties({}, Object.getOwnPropertyDescriptors(value)), { id: path });
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, withIds(child, `${path}.${key}`)]));
}
