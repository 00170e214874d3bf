// The search index a site ships (`_wattbook/search.json`), built once per build from every page's
// sections: each heading with the prose, rendered values and tables under it. An inverted index, so
// that the reader's browser has nothing to build: the words, sorted (a prefix is a range of them), and
// for each word the sections it occurs in, marked where the section's heading holds it.
//
// Packed for size, since a reader downloads it whole: the sorted words front-coded (each says how many
// letters it shares with the one before), and each word's sections as gaps between section numbers in
// base 36. How often a word occurs in a section is left out: it cost the chapter's index a sixth more,
// gzipped, for little better ranking than rarity and headings give.
import { searchWords } from "./tokenize.ts";

/** A page as the build hands it to the index. */
export interface SearchPage {
  readonly title: string;
  /** The page, relative to the site root ("energy.html"). */
  readonly href: string;
  readonly sections: readonly SearchSection[];
}

/** A heading and what follows it up to the next heading (the page's top: its title, no anchor). */
export interface SearchSection {
  /** The heading's id ("" for the top of the page). */
  readonly anchor: string;
  readonly heading: string;
  /** Its prose, values and tables as text, whitespace collapsed. */
  readonly text: string;
}

/** The index as JSON. */
export interface SearchIndexData {
  readonly version: 1;
  /** [title, href] per page. */
  readonly pages: readonly (readonly [string, string])[];
  /** [page number, anchor, heading, excerpt] per section. */
  readonly sections: readonly (readonly [number, string, string, string])[];
  /** Every word, sorted, one a line, front-coded: the length it shares with the word before (base 36), then the rest. */
  readonly words: string;
  /**
   * A line per word: its sections as gaps from the previous one (base 36; the first from 0),
   * space-separated, each followed by HEADING_MARK when the section's heading holds the word.
   */
  readonly postings: string;
}

/** Where a site holds its index, relative to its root. */
export const SEARCH_INDEX_FILE = "_wattbook/search.json";

export const HEADING_MARK = "!";
/** How much of a section's text a result shows. */
export const EXCERPT_CHARS = 60;
/** The longest prefix front coding shares (one base-36 digit). */
const MAX_SHARED = 35;

export function buildSearchIndex(pages: readonly SearchPage[]): SearchIndexData {
  const sections: [number, string, string, string][] = [];
  // word → section → whether its heading holds the word
  const occurrences = new Map<string, Map<number, boolean>>();
  pages.forEach((page, pageNumber) => {
    for (const section of page.sections) {
      const id = sections.length;
      sections.push([pageNumber, section.anchor, section.heading, excerptOf(section.text)]);
      const add = (word: string, inHeading: boolean) => {
        let bySection = occurrences.get(word);
        if (!bySection) occurrences.set(word, (bySection = new Map()));
        bySection.set(id, bySection.get(id) === true || inHeading);
      };
      for (const word of searchWords(section.heading)) add(word, true);
      for (const word of searchWords(section.text)) add(word, false);
    }
  });
  const words = [...occurrences.keys()].sort();
  const postings = words.map((word) => {
    let previous = 0;
    return [...occurrences.get(word)!]
      .sort((a, b) => a[0] - b[0])
      .map(([id, inHeading]) => {
        const gap = (id - previous).toString(36);
        previous = id;
        return inHeading ? gap + HEADING_MARK : gap;
      })
      .join(" ");
  });
  return { version: 1, pages: pages.map((page) => [page.title, page.href] as const), sections, words: frontCode(words), postings: postings.join("\n") };
}

/** The start of a section's text, cut at a word. */
export function excerptOf(text: string): string {
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.lastIndexOf(" ", EXCERPT_CHARS);
  return `${text.slice(0, cut > EXCERPT_CHARS / 2 ? cut : EXCERPT_CHARS)}…`;
}

function frontCode(words: readonly string[]): string {
  let previous = "";
  return words
    .map((word) => {
      let shared = 0;
      while (shared < MAX_SHARED && shared < previous.length && previous[shared] === word[shared]) shared++;
      previous = word;
      return shared.toString(36) + word.slice(shared);
    })
    .join("\n");
}

/** The sorted words back from their front coding. */
export function decodeWords(coded: string): string[] {
  let previous = "";
  return coded.split("\n").map((line) => (previous = previous.slice(0, parseInt(line[0]!, 36)) + line.slice(1)));
}

/** A word's sections read back from its line of postings: section number → whether in the heading. */
export function decodePostings(line: string): Map<number, boolean> {
  const result = new Map<number, boolean>();
  let id = 0;
  for (const entry of line.split(" ")) {
    const inHeading = entry.endsWith(HEADING_MARK);
    id += parseInt(inHeading ? entry.slice(0, -1) : entry, 36);
    result.set(id, inHeading);
  }
  return result;
}
