// Any value as a trace shows it (data.ts, Summary): small values as JSON, the rest shortened or described,
// so that a page can embed what every cell computed without embedding every table and figure twice.
import { isSourcedRecord } from "../kernel/provenance.ts";
import type { Summary } from "./data.ts";

/**
 * Past these, a value is shortened: arrays to their first items, objects to their first keys, text to its
 * start, and below `depth` levels (DEFAULT_DEPTH unless the caller says) to its size. Numbers keep ten
 * significant digits, more than any trace shows (1,918,888.9).
 */
export const DEFAULT_DEPTH = 3;
const MAX_ITEMS = 6;
const SHOWN_ITEMS = 3;
const MAX_KEYS = 10;
const MAX_STRING = 120;

/** `sourceKey` puts a sourced record into the sources table and returns its key. */
export function summarize(value: unknown, sourceKey: (record: object) => string, maxDepth = DEFAULT_DEPTH, depth = 0): Summary {
  switch (typeof value) {
    case "number":
      if (!Number.isFinite(value)) return { $wb: "number", text: Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity" };
      return Number.isInteger(value) ? value : Number(value.toPrecision(10));
    case "string":
      return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
    case "boolean":
      return value;
    case "undefined":
      return { $wb: "undefined" };
    case "function":
      return { $wb: "function", name: value.name };
    case "bigint":
      return { $wb: "text", text: `${value}n` };
    case "symbol":
      return { $wb: "text", text: value.toString() };
  }
  if (value === null) return null;
  const object = value as object;
  if (isSourcedRecord(object)) return { $wb: "source", key: sourceKey(object) };
  if (isNode(object)) return { $wb: "node", tag: String((object as { nodeName: string }).nodeName).toLowerCase() };
  if (Array.isArray(object)) {
    if (depth >= maxDepth) return { $wb: "deep", size: object.length, array: true };
    if (object.length <= MAX_ITEMS) return object.map((item) => summarize(item, sourceKey, maxDepth, depth + 1));
    const items = object.slice(0, SHOWN_ITEMS).map((item) => summarize(item, sourceKey, maxDepth, depth + 1));
    return { $wb: "array", length: object.length, items, ...numericRange(object) };
  }
  if (ArrayBuffer.isView(object)) {
    const length = (object as unknown as ArrayLike<number>).length ?? object.byteLength;
    return { $wb: "text", text: `${object.constructor.name}(${length})` };
  }
  const proto = Object.getPrototypeOf(object);
  if (proto !== Object.prototype && proto !== null) return { $wb: "text", text: describeObject(object) };
  const keys = Object.keys(object);
  if (depth >= maxDepth) return { $wb: "deep", size: keys.length };
  const entries: Record<string, Summary> = {};
  for (const key of keys.slice(0, MAX_KEYS)) entries[key] = summarize(readSafely(object, key), sourceKey, maxDepth, depth + 1);
  if (keys.length > MAX_KEYS) return { $wb: "object", entries, more: keys.length - MAX_KEYS };
  return Object.hasOwn(entries, "$wb") ? { $wb: "object", entries } : entries;
}

function isNode(value: object): boolean {
  return typeof (value as { nodeType?: unknown }).nodeType === "number" && typeof (value as { nodeName?: unknown }).nodeName === "string";
}

function numericRange(items: readonly unknown[]): { min?: number; max?: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const item of items) {
    if (typeof item !== "number" || !Number.isFinite(item)) return {};
    if (item < min) min = item;
    if (item > max) max = item;
  }
  return { min, max };
}

/** A getter that throws (a cell's own object may have one) must not break the trace. */
function readSafely(object: object, key: string): unknown {
  try {
    return (object as Record<string, unknown>)[key];
  } catch (error) {
    return `(reading it threw: ${error instanceof Error ? error.message : String(error)})`;
  }
}

function describeObject(value: object): string {
  if (value instanceof Date) return Number.isNaN(+value) ? "Invalid Date" : value.toISOString();
  if (value instanceof Map) return `Map(${value.size})`;
  if (value instanceof Set) return `Set(${value.size})`;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof (value as { then?: unknown }).then === "function") return "a promise";
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" && name ? `a ${name}` : "an object";
}
