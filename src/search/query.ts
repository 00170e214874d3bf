// Looks a query up in a site's search index (index-data.ts). Every word of the query must occur in a
// section, whole or, for words of two letters or more, as the start of a longer word (a word still
// being typed: "carb" finds carbon); sections are ranked by how rare the words they match are and whether the heading
// holds them. Runs in the reader's browser, and in tests.
import { decodePostings, decodeWords, type SearchIndexData } from "./index-data.ts";
import { searchWords } from "./tokenize.ts";

export interface SearchResult {
  readonly pageTitle: string;
  /** The section's heading (the page's title for its top). */
  readonly heading: string;
  readonly excerpt: string;
  /** The page and the heading's anchor, relative to the site root ("energy.html#grid-carbon"). */
  readonly href: string;
  readonly score: number;
}

/** A match at the start of a longer word counts for less than the whole word. */
const PREFIX_FACTOR = 0.6;
/** A word in a section's heading counts this many times over one in its text. */
const HEADING_FACTOR = 3;
/** Words shorter than this match whole words only (a single letter would match half the index). */
const MIN_PREFIX = 2;

export class SearchIndex {
  readonly #data: SearchIndexData;
  readonly #words: readonly string[];
  readonly #postingLines: readonly string[];
  readonly #postings = new Map<number, Map<number, boolean>>();

  constructor(data: SearchIndexData) {
    this.#data = data;
    this.#words = decodeWords(data.words);
    this.#postingLines = data.postings.split("\n");
  }

  search(query: string, limit = 8): SearchResult[] {
    const words = [...new Set(searchWords(query))];
    if (!words.length) return [];
    let scores: Map<number, number> | undefined;
    for (const word of words) {
      const found = this.#scoresOf(word);
      if (!scores) scores = found;
      else for (const [id, score] of scores) found.has(id) ? scores.set(id, score + found.get(id)!) : scores.delete(id);
      if (!scores.size) return [];
    }
    const { sections, pages } = this.#data;
    return [...scores!]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([id, score]) => {
        const [page, anchor, heading, excerpt] = sections[id]!;
        const [pageTitle, href] = pages[page]!;
        return { pageTitle, heading, excerpt, href: anchor ? `${href}#${encodeURIComponent(anchor)}` : href, score };
      });
  }

  /** Each section holding `word` (or a word it starts) and its best score there. */
  #scoresOf(word: string): Map<number, number> {
    const words = this.#words;
    const scores = new Map<number, number>();
    const count = this.#data.sections.length;
    const first = firstAtLeast(words, word);
    const last = word.length >= MIN_PREFIX ? prefixEnd(words, word) : first + (words[first] === word ? 1 : 0);
    for (let index = first; index < last; index++) {
      const postings = this.#postingsOf(index);
      const rarity = Math.log(1 + count / postings.size);
      const factor = words[index] === word ? 1 : PREFIX_FACTOR;
      for (const [id, inHeading] of postings) {
        const score = rarity * factor * (inHeading ? HEADING_FACTOR : 1);
        if (score > (scores.get(id) ?? 0)) scores.set(id, score);
      }
    }
    return scores;
  }

  #postingsOf(index: number): Map<number, boolean> {
    let postings = this.#postings.get(index);
    if (!postings) this.#postings.set(index, (postings = decodePostings(this.#postingLines[index]!)));
    return postings;
  }
}

/** The first index whose word is ≥ `word` (binary search over the sorted words). */
function firstAtLeast(words: readonly string[], word: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (words[mid]! < word) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** One past the last word that starts with `prefix`. */
function prefixEnd(words: readonly string[], prefix: string): number {
  // Every word starting with the prefix sorts before the prefix followed by the highest code unit.
  return firstAtLeast(words, `${prefix}\uffff`);
}
