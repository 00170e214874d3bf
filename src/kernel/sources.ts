// A notebook's sources section: the catalog records it used, as rows a table can show. The page renders
// the rows it gets from `sourceRows` as its Sources table (each row anchored at `ref-<catalog>-<key>`, its
// citation linked to the full reference) followed by the references those rows cite.
import type { Sourced } from "./catalog.ts";
import type { Reference } from "./references.ts";
import { deepFrozen } from "./frozen.ts";

export interface SourceRow {
  readonly quantity: string;
  readonly value: number | string;
  readonly unit: string;
  readonly citation: string;
  readonly year: number;
  readonly note: string;
  /** The record's id ("grids.usAverage"), when it comes from a catalog. */
  readonly id?: string;
  /** Where the page anchors the row: `ref-grids-usAverage` (see `recordAnchor`). */
  readonly anchor?: string;
  /** The work `citation` names, in full; where in it; and a work it cites for the value. */
  readonly reference?: Reference;
  readonly locator?: string;
  readonly cites?: Reference;
}

type SourcedRecord = Sourced<unknown> & { readonly low?: number; readonly high?: number };

/**
 * Marks an array of rows as a notebook's Sources table, for the page to render with anchors and references
 * (the runtime's `isSourceTable`). A registered symbol: the runtime is another bundle and imports no kernel
 * code, so the key it looks up is this symbol's name.
 */
export const SOURCE_TABLE = Symbol.for("wattbook.sourceTable");

/**
 * The anchor a page gives a record's row in its Sources table, from the record's id: "grids.usAverage" →
 * "ref-grids-usAverage". An Explain panel links a value to the records it read by the same rule.
 */
export function recordAnchor(id: string): string {
  return `ref-${id.replace(/[^A-Za-z0-9_]+/g, "-")}`;
}

/** A range as "low–high", a list (an hourly profile) as its items, anything else as it is. */
function shownValue(record: SourcedRecord): number | string {
  if (record.low !== undefined && record.high !== undefined) return `${record.low}–${record.high}`;
  if (Array.isArray(record.value)) return record.value.join(", ");
  return record.value as number | string;
}

/**
 * Rows for the records a page used: `[record, …]` shows each record's own name, `{label: record}` the
 * labels given, in the order given. Ranges show as "low–high", lists as their items. The rows are the
 * notebook's to change.
 */
export function sourceRows(records: Readonly<Record<string, SourcedRecord>> | readonly SourcedRecord[]): SourceRow[] {
  const entries: [string, SourcedRecord][] = Array.isArray(records)
    ? (records as readonly SourcedRecord[]).map((record) => [record.name ?? "(a value with no name)", record])
    : Object.entries(records as Readonly<Record<string, SourcedRecord>>);
  const rows = entries.map(([quantity, record]): SourceRow => {
    const row: Record<string, unknown> = {
      quantity,
      value: shownValue(record),
      unit: record.unit,
      citation: record.citation,
      year: record.year,
      note: record.note ?? "",
    };
    if (record.id !== undefined) Object.assign(row, { id: record.id, anchor: recordAnchor(record.id) });
    if (record.reference !== undefined) row.reference = record.reference;
    if (record.locator !== undefined) row.locator = record.locator;
    if (record.cites !== undefined) row.cites = record.cites;
    return row as unknown as SourceRow;
  });
  Object.defineProperty(rows, SOURCE_TABLE, { value: true });
  return rows;
}
deepFrozen(sourceRows);
deepFrozen(recordAnchor);
