// The inspector: turns a cell's value into DOM. The same code renders at build time (linkedom) and in
// the browser, so the prerendered page and the live page agree. Text always goes in as text nodes: a
// string that looks like markup stays a string. Only DOM nodes (from `html`, Plot, Inputs) are inserted
// as themselves.
import { formatNumber } from "./format.ts";
import { isSourceTable, sourcesTable } from "./sources-table.ts";

const MAX_TABLE_ROWS = 200;
const MAX_TEXT_LENGTH = 2_000;

export interface InspectOptions {
  /** Inline values (`${…}` in prose) render as a phrase, never as a block or table. */
  readonly inline?: boolean;
}

function isNode(value: unknown): value is Node {
  return typeof Node !== "undefined" && value instanceof Node;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isTableLike(value: unknown): value is Record<string, unknown>[] {
  return Array.isArray(value) && value.length > 0 && value.every(isPlainObject);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function truncate(text: string): string {
  return text.length > MAX_TEXT_LENGTH ? `${text.slice(0, MAX_TEXT_LENGTH)}… (${text.length - MAX_TEXT_LENGTH} more characters)` : text;
}

/** A one-line description of any value, as used in table cells and inline values. */
export function describe(value: unknown, depth = 0): string {
  switch (typeof value) {
    case "number":
      return formatNumber(value);
    case "string":
      return depth ? JSON.stringify(truncate(value)) : truncate(value);
    case "bigint":
      return `${value}n`;
    case "boolean":
      return String(value);
    case "undefined":
      return "";
    case "symbol":
      return value.toString();
    case "function":
      return `ƒ ${value.name || "(anonymous)"}()`;
  }
  if (value === null) return "null";
  if (value instanceof Date) return Number.isNaN(+value) ? "Invalid Date" : value.toISOString();
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (isNode(value)) return truncate(value.textContent ?? "");
  if (depth > 2) return Array.isArray(value) ? `Array(${value.length})` : "{…}";
  if (Array.isArray(value)) {
    const shown = value.slice(0, 20).map((v) => describe(v, depth + 1));
    return `[${shown.join(", ")}${value.length > 20 ? `, … ${value.length - 20} more` : ""}]`;
  }
  if (value instanceof Map) return `Map(${value.size})`;
  if (value instanceof Set) return `Set(${value.size})`;
  const entries = Object.entries(value as object);
  const shown = entries.slice(0, 12).map(([k, v]) => `${k}: ${describe(v, depth + 1)}`);
  return `{${shown.join(", ")}${entries.length > 12 ? ", …" : ""}}`;
}

/** A year reads 2026, not 2,026. */
const YEAR_COLUMN = /^year$|Year$/;

function cellOf(value: unknown, column = ""): HTMLTableCellElement {
  const td = element("td");
  if (isNode(value)) td.append(value);
  else {
    const year = typeof value === "number" && Number.isInteger(value) && YEAR_COLUMN.test(column);
    td.textContent = year ? String(value) : describe(value, 1).replace(/^"(.*)"$/s, "$1");
    if (typeof value === "number") td.className = "wb-num";
  }
  return td;
}

function table(rows: readonly Record<string, unknown>[]): HTMLElement {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const wrapper = element("div", "wb-table-wrap");
  const t = element("table", "wb-table");
  const head = element("thead");
  const headRow = element("tr");
  for (const column of columns) headRow.append(element("th", undefined, column));
  head.append(headRow);
  const body = element("tbody");
  for (const row of rows.slice(0, MAX_TABLE_ROWS)) {
    const tr = element("tr");
    for (const column of columns) tr.append(cellOf(row[column], column));
    body.append(tr);
  }
  t.append(head, body);
  wrapper.append(t);
  if (rows.length > MAX_TABLE_ROWS) wrapper.append(element("p", "wb-more", `… ${rows.length - MAX_TABLE_ROWS} more rows`));
  return wrapper;
}

function keyValueTable(object: Record<string, unknown>): HTMLElement {
  const t = element("table", "wb-object");
  const body = element("tbody");
  for (const [key, value] of Object.entries(object)) {
    const tr = element("tr");
    tr.append(element("th", undefined, key), cellOf(value, key));
    body.append(tr);
  }
  t.append(body);
  return t;
}

/**
 * Renders `value` into a node (or null for nothing: `undefined` displays nothing). Block values:
 * arrays of objects become tables (a Sources table with its references, for `sourceRows`), plain objects
 * key/value tables, everything else a line of text.
 */
export function inspect(value: unknown, options: InspectOptions = {}): Node | null {
  if (value === undefined) return null;
  if (isNode(value)) return value;
  if (options.inline) {
    const span = element("span", typeof value === "number" ? "wb-value wb-num" : "wb-value", describe(value));
    return span;
  }
  // A notebook's Sources (the kernel's sourceRows): anchored rows and the references they cite.
  if (isSourceTable(value)) return sourcesTable(value);
  if (isTableLike(value)) return table(value);
  if (isPlainObject(value) && Object.keys(value).length > 0) return keyValueTable(value);
  const className = typeof value === "number" ? "wb-value wb-num" : "wb-value";
  return element("div", className, describe(value));
}
