// Identifiers derived from content: cell ids that survive edits of other cells, and heading slugs.

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits: short, fast, good enough to tell cells apart. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** Hands out ids unique within one page: the first use of a base keeps it, repeats get -2, -3, … */
export class UniqueIds {
  private readonly used = new Set<string>();
  /** Per base, the suffix to try next: 10,000 headings with one title must not cost 10,000² lookups. */
  private readonly next = new Map<string, number>();

  constructor(reserved: Iterable<string> = []) {
    for (const id of reserved) this.used.add(id);
  }

  take(base: string): string {
    let id = base;
    let n = this.next.get(base) ?? 2;
    while (this.used.has(id)) id = `${base}-${n++}`;
    this.next.set(base, n);
    this.used.add(id);
    return id;
  }
}

/** A heading's anchor: lower case letters and digits (any script) joined by single dashes. */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "section";
}
