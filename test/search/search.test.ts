// The search index and its queries: words folded the same way on both sides, sections read from a
// page's prerendered HTML, the packed index read back as built, prefix lookup, every word required,
// headings ranked first, anchors in the links.
import { describe, expect, it } from "vitest";
import { buildSearchIndex, decodePostings, decodeWords, excerptOf, EXCERPT_CHARS, type SearchPage } from "../../src/search/index-data.ts";
import { SearchIndex } from "../../src/search/query.ts";
import { searchWords } from "../../src/search/tokenize.ts";
import { searchSections } from "../../src/publish/search-sections.ts";

const PAGES: SearchPage[] = [
  {
    title: "The facility",
    href: "07-the-facility.html",
    sections: [
      { anchor: "", heading: "The facility", text: "Racks, cooling and the power that reaches them." },
      { anchor: "pue", heading: "What PUE measures", text: "Facility energy over IT energy: 1.58 on average." },
      { anchor: "cooling", heading: "Cooling", text: "Evaporative cooling trades water for energy; the PUE falls." },
    ],
  },
  {
    title: "Where and when",
    href: "guides/where & when.html",
    sections: [{ anchor: "grid-carbon", heading: "Grid carbon", text: "Quebec's grid emits 20 g/kWh, Poland's 820 g/kWh; 10,000 MWh at 820 g is 8,200 t." }],
  },
];

describe("words", () => {
  it("folds case, accents, subscripts and thousands separators; keeps decimals; drops common words", () => {
    expect(searchWords("The CO₂ of Zürich: 1,287 MWh at 4.2 kW")).toEqual(["co2", "zurich", "1287", "mwh", "4.2", "kw"]);
    expect(searchWords("GPT-3")).toEqual(["gpt", "3"]);
  });
});

describe("index", () => {
  const data = buildSearchIndex(PAGES);

  it("reads back the words and postings it packed", () => {
    const words = decodeWords(data.words);
    expect(words).toEqual([...words].sort());
    expect(new Set(words).size).toBe(words.length);
    const postings = data.postings.split("\n");
    expect(postings).toHaveLength(words.length);
    // "pue": in section 1's heading and text, and in section 2's text.
    expect([...decodePostings(postings[words.indexOf("pue")]!)]).toEqual([[1, true], [2, false]]);
    expect([...decodePostings(postings[words.indexOf("820")]!)]).toEqual([[3, false]]);
    expect(words).not.toContain("the");
  });

  it("keeps each section's page, anchor, heading and the start of its text", () => {
    expect(data.sections[1]).toEqual([0, "pue", "What PUE measures", "Facility energy over IT energy: 1.58 on average."]);
    expect(data.pages).toEqual([["The facility", "07-the-facility.html"], ["Where and when", "guides/where & when.html"]]);
    const long = "word ".repeat(40);
    expect(excerptOf(long).length).toBeLessThanOrEqual(EXCERPT_CHARS + 1);
    expect(excerptOf(long).endsWith("…")).toBe(true);
  });
});

describe("query", () => {
  const index = new SearchIndex(buildSearchIndex(PAGES));

  it("ranks the section whose heading holds the word first, and links to its heading", () => {
    const results = index.search("pue");
    expect(results.map((r) => r.href)).toEqual(["07-the-facility.html#pue", "07-the-facility.html#cooling"]);
    expect(results[0]).toMatchObject({ pageTitle: "The facility", heading: "What PUE measures" });
  });

  it("matches the start of a word, and the whole word above it", () => {
    expect(index.search("cool").map((r) => r.href)).toEqual(["07-the-facility.html#cooling", "07-the-facility.html"]);
    expect(index.search("evap").map((r) => r.heading)).toEqual(["Cooling"]);
    // One letter matches only a whole word.
    expect(index.search("g")).toHaveLength(1);
    expect(index.search("q")).toEqual([]);
  });

  it("needs every word, and finds values as the page shows them", () => {
    expect(index.search("water energy").map((r) => r.heading)).toEqual(["Cooling"]);
    expect(index.search("water quebec")).toEqual([]);
    expect(index.search("8,200").map((r) => r.heading)).toEqual(["Grid carbon"]);
    expect(index.search("1.58").map((r) => r.heading)).toEqual(["What PUE measures"]);
  });

  it("encodes the anchor and leaves the page's href as the build wrote it; the top of a page has none", () => {
    expect(index.search("quebec")[0]!.href).toBe("guides/where & when.html#grid-carbon");
    expect(index.search("racks")[0]!.href).toBe("07-the-facility.html");
    expect(index.search("   ")).toEqual([]);
    expect(index.search("energy", 1)).toHaveLength(1);
  });
});

describe("sections of a page", () => {
  it("starts a section at each h2 and h3 with an id, and reads prose, values and tables but no figure, math or code", () => {
    const html = [
      `<h1>Title</h1><p>Intro with <span class="wb-inline" data-cell="c1"><span class="wb-value">1,287</span></span> MWh.</p>`,
      `<h2 id="grid">The <em>grid</em></h2><p>Text&amp;more</p>`,
      `<div class="wb-cell"><div class="wb-cell-tools"><a>Edit</a></div><div class="wb-output"><svg><text>tick 500</text></svg><table><tr><td>Quebec</td><td>20</td></tr></table></div><pre class="wb-echo"><code>const secret = 1</code></pre></div>`,
      `<p><span class="katex"><span class="katex-mathml">E=mc</span></span> after math</p>`,
      `<h3 id="deeper">Deeper</h3><h4>Minor</h4><p>Tail</p>`,
      `<h2>No id</h2><p>still deeper</p>`,
    ].join("");
    expect(searchSections(html, "Page title")).toEqual([
      { anchor: "", heading: "Page title", text: "Intro with 1,287 MWh." },
      { anchor: "grid", heading: "The grid", text: "Text&more Quebec 20 after math" },
      { anchor: "deeper", heading: "Deeper", text: "Minor Tail No id still deeper" },
    ]);
  });
});
