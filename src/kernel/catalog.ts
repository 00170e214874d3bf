// Constants come with their provenance. A catalog is a record of named Sourced values; notebooks show
// `citation` (and `note`) in a sources section so that every number on a page can be traced.
import { deepFrozen } from "./frozen.ts";

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

/**
 * Builds a sourced record; the helper exists so that catalogs read as tables. The record is deep-frozen at
 * birth (its value too, when that is an array or object): catalogs are shared by every notebook.
 */
export function sourced<T>(value: T, unit: string, citation: string, year: number, note?: string): Sourced<T> {
  // Typed as the caller's T (a frozen array is still read as T), since catalogs declare their own readonly types.
  return deepFrozen(note === undefined ? { value, unit, citation, year } : { value, unit, citation, year, note }) as Sourced<T>;
}
// The function too: it is a public export, shared like the catalogs.
deepFrozen(sourced);
