// The words of a text as the search index and the search box both see them: lower case, accents and
// sub- and superscripts folded (CO₂ → co2), thousands separators dropped (1,287 → 1287), decimals kept
// whole (4.2), and the commonest English words left out (a query for "the energy" looks for "energy").

const STOP_WORDS = new Set(
  "a an and are as at be but by can do for from has have how if in into is it its not of on or so than that the their then there these this those to was we were what when where which while who will with you your".split(" "),
);

const WORD = /[\p{L}\p{N}]+(?:\.\p{N}+)*/gu;

/** Folds a text the way every word of the index was folded. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/(\d),(?=\d{3}(?!\d))/g, "$1");
}

/** The words of `text` worth indexing or looking up, in order, repeats kept. */
export function searchWords(text: string): string[] {
  return (foldText(text).match(WORD) ?? []).filter((word) => !STOP_WORDS.has(word));
}
