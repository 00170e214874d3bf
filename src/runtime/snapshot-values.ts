// A notebook's named values as plain JSON, for value snapshots (`wattbook check --update` records them,
// `wattbook check` compares): numbers, strings, booleans and null, and small arrays and plain objects of
// them. What cannot be pinned that way (a DOM node, a function, a Map, a long array) is left out rather
// than recorded in a form that would drift for reasons of its own.

/** A value as a snapshot holds it. Numbers that JSON cannot hold are written as strings ("NaN", "Infinity"). */
export type SnapshotValue = number | string | boolean | null | readonly SnapshotValue[] | { readonly [key: string]: SnapshotValue };

/** Bounds on what counts as a small value: past them, a value is not pinned. */
const MAX_ITEMS = 100;
const MAX_DEPTH = 4;
const MAX_STRING = 500;

const LEFT_OUT = Symbol("left out");

function plain(value: unknown, depth: number): SnapshotValue | typeof LEFT_OUT {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? value : String(value);
    case "string":
      return value.length <= MAX_STRING ? value : LEFT_OUT;
    case "boolean":
      return value;
    case "object":
      break;
    default:
      return LEFT_OUT;
  }
  if (value === null) return null;
  if (depth >= MAX_DEPTH) return LEFT_OUT;
  if (Array.isArray(value)) {
    if (value.length > MAX_ITEMS) return LEFT_OUT;
    const items: SnapshotValue[] = [];
    for (const item of value) {
      const converted = plain(item, depth + 1);
      if (converted === LEFT_OUT) return LEFT_OUT;
      items.push(converted);
    }
    return items;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return LEFT_OUT;
  const entries = Object.entries(value as object);
  if (entries.length > MAX_ITEMS) return LEFT_OUT;
  const out: Record<string, SnapshotValue> = {};
  for (const [key, item] of entries) {
    const converted = plain(item, depth + 1);
    if (converted !== LEFT_OUT) out[key] = converted;
  }
  return out;
}

/**
 * The pinnable values among a declaring cell's names (`{name: value}` as the runtime reports the cell's
 * value), each with the cell that declared it.
 */
export function snapshotValues(declared: Readonly<Record<string, unknown>>): Record<string, SnapshotValue> {
  const out: Record<string, SnapshotValue> = {};
  for (const [name, value] of Object.entries(declared)) {
    const converted = plain(value, 0);
    if (converted !== LEFT_OUT) out[name] = converted;
  }
  return out;
}
