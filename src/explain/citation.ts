// How a trace cites a record: its display name when the kernel gives one, the short citation and year,
// and the work in full (authors, title, where published, year, DOI or URL) when the kernel knows it
// (kernel/references.ts). Capture copies those fields as they are: a citation is never shortened.
import type { ReferenceEntry, SourceEntry } from "./data.ts";

const REFERENCE_TEXT_FIELDS = ["id", "short", "authors", "title", "publishedIn", "doi", "url", "note", "incomplete"] as const;

/** A record's `reference` (or `cites`) as plain data, or nothing when it is not one. */
export function referenceEntry(value: unknown): ReferenceEntry | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const fields = value as Record<string, unknown>;
  if (typeof fields.title !== "string" || typeof fields.year !== "number") return undefined;
  const entry: Record<string, string | number> = { title: fields.title, year: fields.year };
  for (const key of REFERENCE_TEXT_FIELDS) if (typeof fields[key] === "string") entry[key] = fields[key];
  return entry as unknown as ReferenceEntry;
}

/** "Patterson et al. 2021 (2021)": the short citation and the year of the source. */
export function citationLine(entry: SourceEntry): string {
  return `${entry.citation} (${entry.year})`;
}

/** "David Patterson, …. Carbon Emissions and Large Neural Network Training. arXiv preprint, 2021." */
export function referenceText(reference: ReferenceEntry): string {
  const authors = reference.authors ? `${reference.authors.replace(/\.$/, "")}. ` : "";
  const where = reference.publishedIn ? `${reference.publishedIn}, ` : "";
  return `${authors}${reference.title.replace(/\.$/, "")}. ${where}${reference.year}.`;
}

/** Where the work can be read: its DOI as a link, or the URL its citing text gives. */
export function referenceLink(reference: ReferenceEntry): string | undefined {
  if (reference.doi) return `https://doi.org/${reference.doi.replace(/^https?:\/\/(dx\.)?doi\.org\//, "")}`;
  return reference.url;
}

/** The full citation lines of a record, in order: the work, the work it cites for the value. */
export function fullCitations(entry: SourceEntry): { readonly label: string; readonly text: string; readonly link?: string }[] {
  const lines: { label: string; text: string; link?: string }[] = [];
  for (const [label, reference] of [["", entry.reference], ["cites ", entry.cites]] as const) {
    if (!reference) continue;
    const link = referenceLink(reference);
    lines.push({ label, text: referenceText(reference), ...(link ? { link } : {}) });
  }
  return lines;
}
