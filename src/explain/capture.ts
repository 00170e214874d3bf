// The runtime's provenance log (runtime/provenance-log.ts) as plain data (data.ts, CapturedProvenance):
// each cell's values, kernel calls and the sourced records it read, and a table of those records by key.
// The build captures once the notebook has settled and puts it in the page; a live page captures again
// when a panel shows a trace.
import { isSourcedRecord, SOURCED_VALUE, type KernelCallRecord, type Recording } from "../kernel/provenance.ts";
import type { CellLog } from "../runtime/provenance-log.ts";
import type { CallEntry, CapturedProvenance, CellRun, SourceEntry, Summary } from "./data.ts";
import { summarize } from "./summarize.ts";
import { referenceEntry } from "./citation.ts";

/** What capture needs of a cell: its id and the names it declares. */
export interface CapturedCell {
  readonly id: string;
}

/** The fields every record has; the others go into `fields` as they are. */
const RECORD_FIELDS = new Set(["value", "unit", "citation", "year", "note", "low", "high", "name", "id", "locator", "reference", "cites"]);

/** How deep a declared name's value is summarized (a kernel call's input and output go one level more). */
const VALUE_DEPTH = 2;

/** How deep the notebook's imports and values are searched for records, to name them. */
const NAMING_DEPTH = 3;
/** An object with more keys is not searched (a data table, not a catalog). */
const MAX_NAMING_KEYS = 200;

/**
 * `imports` are the notebook's imported bindings by local name (the compiled notebook's `imports`): a
 * kernel record is named by the path it is reached by from them ("accelerators.h100.watts"), the
 * shortest first; one they do not reach, by the name of a cell's value that holds it (a record the
 * notebook made with `sourced()`); one a record's `id` names (the kernel's own path), by that.
 */
export function captureProvenance(cells: readonly CapturedCell[], logOf: (cellId: string) => CellLog | undefined, imports: Readonly<Record<string, unknown>> = {}): CapturedProvenance {
  const names = namesFrom(Object.entries(imports));
  for (const cell of cells) {
    const log = logOf(cell.id);
    if (log) for (const [record, path] of namesFrom([...log.values])) if (!names.has(record)) names.set(record, path);
  }
  const sources: Record<string, SourceEntry> = {};
  const keyOf = new Map<object, string>();
  const sourceKey = (record: object): string => {
    const known = keyOf.get(record);
    if (known !== undefined) return known;
    // A catalog record carries its path as `id` once the kernel sets it; else the names walk finds it.
    const id = (record as { id?: unknown }).id;
    const path = typeof id === "string" ? id : names.get(record);
    const entry = sourceEntry(record, path, sourceKey);
    const key = path ?? unnamedKey(entry);
    keyOf.set(record, key);
    sources[key] ??= entry;
    return key;
  };
  const captured: Record<string, CellRun> = {};
  for (const cell of cells) {
    const log = logOf(cell.id);
    if (log) captured[cell.id] = cellRun(log, sourceKey);
  }
  return { cells: captured, sources };
}

function cellRun(log: CellLog, sourceKey: (record: object) => string): CellRun {
  const run: { -readonly [K in keyof CellRun]: CellRun[K] } = {};
  // A declared value is shown two levels deep: what a reader needs of `run` is `run.facilityKWh`.
  if (log.values.size) run.values = Object.fromEntries([...log.values].map(([name, value]) => [name, summarize(value, sourceKey, VALUE_DEPTH)]));
  if (log.hasResult) run.value = summarize(log.result, sourceKey);
  const recording: Recording | undefined = log.recording;
  if (recording) {
    if (recording.calls.length) run.calls = recording.calls.map((call) => callEntry(call, sourceKey));
    if (recording.moreCalls.size) run.moreCalls = Object.fromEntries(recording.moreCalls);
    if (recording.constants.size) run.constants = [...recording.constants].map(sourceKey);
  }
  if (log.partial) run.partial = log.partial;
  if (log.failed !== undefined) run.failed = log.failed;
  return run;
}

function callEntry(call: KernelCallRecord, sourceKey: (record: object) => string): CallEntry {
  const input = summarize(call.input, sourceKey);
  const given = call.given;
  const parsedFields = call.input !== null && typeof call.input === "object" && !Array.isArray(call.input) ? Object.keys(call.input) : [];
  const defaults = given ? parsedFields.filter((field) => !given.includes(field)) : [];
  const entry: { -readonly [K in keyof CallEntry]: CallEntry[K] } = { fn: call.name, input };
  if (call.sweep) entry.sweep = call.sweep;
  if (defaults.length) entry.defaults = defaults;
  if (call.thrown !== undefined) entry.threw = call.thrown instanceof Error ? call.thrown.message : String(call.thrown);
  else entry.output = summarize(call.output, sourceKey);
  if (call.constants.size) entry.constants = [...call.constants].map(sourceKey);
  return entry;
}

function sourceEntry(record: object, path: string | undefined, sourceKey: (record: object) => string): SourceEntry {
  const fields = record as Record<string, unknown>;
  const entry: { -readonly [K in keyof SourceEntry]: SourceEntry[K] } = {
    ...(path === undefined ? {} : { path }),
    // The value as stored: reading `value` would note a read in whatever recording is open.
    value: summarize((record as Record<symbol, unknown>)[SOURCED_VALUE], sourceKey),
    unit: String(fields.unit),
    citation: String(fields.citation),
    year: Number(fields.year),
  };
  if (typeof fields.note === "string") entry.note = fields.note;
  if (typeof fields.name === "string") entry.name = fields.name;
  if (typeof fields.locator === "string") entry.locator = fields.locator;
  const reference = referenceEntry(fields.reference);
  if (reference) entry.reference = reference;
  const cites = referenceEntry(fields.cites);
  if (cites) entry.cites = cites;
  const low = Object.getOwnPropertyDescriptor(record, "low")?.get;
  const high = Object.getOwnPropertyDescriptor(record, "high")?.get;
  if (low && high) {
    // A range's ends are accessors too; called on their own, outside any recording.
    entry.low = Number(low.call(record));
    entry.high = Number(high.call(record));
  }
  const other = Object.keys(record).filter((key) => !RECORD_FIELDS.has(key));
  if (other.length) entry.fields = Object.fromEntries(other.map((key) => [key, summarize(fields[key], sourceKey)]));
  return entry;
}

/** A record no catalog or name holds: keyed by what it says, the same at build and in the page. */
function unnamedKey(entry: SourceEntry): string {
  return `${entry.citation} (${entry.year}): ${JSON.stringify(entry.value)} ${entry.unit}`;
}

/**
 * Each sourced record reached from `roots` → its path, breadth first so that a record reachable two ways
 * gets the shorter path. Plain data only, and not too deep or wide: a getter of a notebook's own object
 * could do anything, and a big table holds no records worth the walk.
 */
function namesFrom(roots: readonly (readonly [string, unknown])[]): Map<object, string> {
  const names = new Map<object, string>();
  const seen = new Set<object>();
  let level = roots;
  for (let depth = 0; level.length && depth <= NAMING_DEPTH; depth++) {
    const next: [string, unknown][] = [];
    for (const [path, value] of level) {
      if (value === null || typeof value !== "object" || seen.has(value)) continue;
      seen.add(value);
      if (isSourcedRecord(value)) {
        names.set(value, path);
        continue;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) continue;
      const keys = Object.keys(value);
      if (keys.length > MAX_NAMING_KEYS) continue;
      for (const key of keys) {
        const child = Object.getOwnPropertyDescriptor(value, key);
        if (child && "value" in child) next.push([Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, child.value]);
      }
    }
    level = next;
  }
  return names;
}
