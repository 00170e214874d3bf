// A notebook's Sources table (the rows `sourceRows` returns), rendered for readers: one row per record,
// anchored at the record's `ref-<catalog>-<key>` so that a link (an Explain panel's, a reader's) can land
// on it; its citation linked to the full reference, listed after the table. No scroll box: the table
// wraps at the column width, stacks its cells on narrow screens and prints compactly (wattbook.css).
import type { Reference } from "../kernel/references.ts";
import type { SourceRow } from "../kernel/sources.ts";
import { formatNumber } from "./format.ts";

/**
 * Whether `value` is what the kernel's `sourceRows` returned (a plain array of rows is an ordinary table):
 * it marks its rows with the registered symbol read here by name, so the runtime bundles no kernel code.
 */
export function isSourceTable(value: unknown): value is SourceRow[] {
  return Array.isArray(value) && (value as unknown as Record<symbol, unknown>)[Symbol.for("wattbook.sourceTable")] === true;
}

/** The anchor of a work's entry in the references list. */
export function citationAnchor(reference: Reference): string {
  return `cite-${reference.id.replace(/[^A-Za-z0-9_]+/g, "-")}`;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function link(href: string, text: string): HTMLAnchorElement {
  const a = element("a", undefined, text);
  a.href = href;
  return a;
}

/** A web address a reference may link to: http(s) only, whatever a hand-made record holds. */
function webAddress(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** The columns: a value reads with its unit ("429 gCO2e/kWh"), so they share one. */
const COLUMNS = [
  ["Quantity", "quantity"],
  ["Value", "value"],
  ["Source", "source"],
  ["Year", "year"],
  ["Note", "note"],
] as const;

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/**
 * A catalog value as the table shows it: as elsewhere on the page, except that very large and very small
 * magnitudes read as powers of ten (1.75 × 10¹¹, not 175,000,000,000), which keeps the column narrow.
 */
export function sourceNumber(value: number): string {
  const magnitude = Math.abs(value);
  if (!Number.isFinite(value) || magnitude === 0 || (magnitude < 1e9 && magnitude >= 1e-3)) return formatNumber(value);
  const [mantissa, exponent] = value.toExponential(3).split("e") as [string, string];
  const digits = String(Math.abs(Number(exponent))).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]!);
  return `${mantissa.replace(/\.?0+$/, "").replace("-", "−")} × 10${Number(exponent) < 0 ? "⁻" : ""}${digits}`;
}

/** The Source cell: the citation, its work linked to the reference entry, then where in it and what it cites. */
function sourceCell(row: SourceRow): HTMLTableCellElement {
  const td = element("td", "wb-sources-source");
  if (!row.reference) {
    td.textContent = row.citation;
    return td;
  }
  if (row.locator === undefined && row.cites === undefined) {
    td.append(link(`#${citationAnchor(row.reference)}`, row.citation));
    return td;
  }
  td.append(link(`#${citationAnchor(row.reference)}`, row.reference.short));
  if (row.locator) td.append(`, ${row.locator}`);
  if (row.cites) td.append(", citing ", link(`#${citationAnchor(row.cites)}`, row.cites.short));
  return td;
}

function rowOf(row: SourceRow, anchored: Set<string>): HTMLTableRowElement {
  const tr = element("tr");
  // An anchor names one row: a record listed twice (or in two tables of a page) is anchored at its first.
  if (row.anchor && !anchored.has(row.anchor)) {
    anchored.add(row.anchor);
    tr.id = row.anchor;
  }
  const quantity = element("th", "wb-sources-quantity", row.quantity);
  quantity.scope = "row";
  const value = element("td", "wb-sources-value");
  const shown = typeof row.value === "number" ? sourceNumber(row.value) : String(row.value);
  // A number or a range keeps to one line; a list (an hourly profile) wraps like text.
  const kind = typeof row.value === "number" || !/\s/.test(shown) ? "wb-sources-number" : "wb-sources-list";
  value.append(element("span", kind, shown), " ");
  value.append(element("span", "wb-sources-unit", row.unit));
  tr.append(
    quantity,
    value,
    sourceCell(row),
    element("td", "wb-sources-year", String(row.year)),
    element("td", "wb-sources-note", row.note),
  );
  for (const [index, [label]] of COLUMNS.entries()) (tr.children[index] as HTMLElement).dataset.label = label;
  return tr;
}

/** One entry of the references list: authors (year), title, where published, DOI and URL, what is missing. */
function referenceEntry(reference: Reference): HTMLLIElement {
  const li = element("li", "wb-reference");
  li.id = citationAnchor(reference);
  li.append(element("span", "wb-reference-short", reference.short), " ");
  // A work that names no authors leads with its title, as author-year styles cite anonymous works.
  if (reference.authors) li.append(`${reference.authors} (${reference.year}). `, element("cite", undefined, reference.title), ".");
  else li.append(element("cite", undefined, reference.title), ` (${reference.year}).`);
  if (reference.publishedIn) li.append(` ${reference.publishedIn}.`);
  if (reference.doi) li.append(" doi:", link(`https://doi.org/${encodeURI(reference.doi)}`, reference.doi), ".");
  const url = webAddress(reference.url);
  if (url) li.append(" ", link(url, url));
  if (reference.note) li.append(" ", element("span", "wb-reference-note", reference.note));
  if (reference.incomplete) li.append(" ", element("span", "wb-reference-incomplete", `Incomplete reference: ${reference.incomplete}.`));
  return li;
}

/** The works the rows cite, each once, in alphabetical order of their short form. */
export function citedReferences(rows: readonly SourceRow[]): Reference[] {
  const byId = new Map<string, Reference>();
  for (const row of rows) for (const reference of [row.reference, row.cites]) if (reference && !byId.has(reference.id)) byId.set(reference.id, reference);
  return [...byId.values()].sort((a, b) => a.short.localeCompare(b.short, "en", { sensitivity: "base" }));
}

/** The Sources table and, after it, the references its rows cite. */
export function sourcesTable(rows: readonly SourceRow[]): HTMLElement {
  const box = element("div", "wb-sources");
  const table = element("table", "wb-sources-table");
  const head = element("tr");
  for (const [label, key] of COLUMNS) {
    const th = element("th", `wb-sources-${key}`, label);
    th.scope = "col";
    head.append(th);
  }
  const anchored = new Set<string>();
  const body = element("tbody");
  for (const row of rows) body.append(rowOf(row, anchored));
  const thead = element("thead");
  thead.append(head);
  table.append(thead, body);
  box.append(table);
  const cited = citedReferences(rows);
  if (cited.length) {
    const section = element("section", "wb-references");
    section.setAttribute("aria-label", "References");
    const list = element("ul", "wb-references-list");
    for (const reference of cited) list.append(referenceEntry(reference));
    section.append(element("h3", "wb-references-title", "References"), list);
    box.append(section);
  }
  return box;
}
