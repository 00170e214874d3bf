// A notebook's sources section: the catalog records it used, as rows a table can show.
import type { Sourced } from "./catalog.ts";
import { deepFrozen } from "./frozen.ts";

export interface SourceRow {
  readonly quantity: string;
  readonly value: number | string;
  readonly unit: string;
  readonly citation: string;
  readonly year: number;
  readonly note: string;
}

/** Rows for `{label: record}`, in the order given. Ranges show as "low–high". */
export function sourceRows(records: Readonly<Record<string, Sourced<unknown> & { low?: number; high?: number }>>): SourceRow[] {
  return Object.entries(records).map(([quantity, record]) => ({
    quantity,
    value: record.low !== undefined && record.high !== undefined ? `${record.low}–${record.high}` : (record.value as number | string),
    unit: record.unit,
    citation: record.citation,
    year: record.year,
    note: record.note ?? "",
  }));
}
deepFrozen(sourceRows);
