// A page's sections for the search index (src/search/index-data.ts): its prerendered HTML read once,
// each h2 and h3 that has an id starting a section, the text before the first one the top of the page.
// What a reader reads goes in (prose, computed values, tables, captions, input labels); what they do not
// read as text stays out: SVG (tick labels), math markup, echoed code, Edit links, placeholders.
import { Parser } from "htmlparser2";
import type { SearchSection } from "../search/index-data.ts";

const SKIPPED_TAGS = new Set(["svg", "style", "script", "template", "math", "button", "h1"]);
const SKIPPED_CLASSES = ["wb-echo", "wb-cell-tools", "katex", "katex-display", "wb-browser-only", "wb-equation-number"];
const INLINE_TAGS = new Set(["a", "abbr", "b", "code", "em", "i", "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u", "var"]);
const SECTION_HEADINGS = new Set(["h2", "h3"]);

/** The sections of a page's main column; `title` heads its top. */
export function searchSections(html: string, title: string): SearchSection[] {
  const sections: { anchor: string; heading: string; text: string[] }[] = [{ anchor: "", heading: title, text: [] }];
  // Per open element: whether its text is left out.
  const skipping: boolean[] = [];
  let heading: string[] | undefined;
  let headingTag = "";
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const classes = (attributes.class ?? "").split(/\s+/);
        skipping.push(skipping.at(-1) === true || SKIPPED_TAGS.has(name) || SKIPPED_CLASSES.some((skipped) => classes.includes(skipped)));
        if (SECTION_HEADINGS.has(name) && attributes.id && !skipping.at(-1) && !heading) {
          heading = [];
          headingTag = name;
          sections.push({ anchor: attributes.id, heading: "", text: [] });
        } else if (!INLINE_TAGS.has(name)) (heading ?? sections.at(-1)!.text).push(" ");
      },
      ontext(text) {
        if (skipping.at(-1)) return;
        (heading ?? sections.at(-1)!.text).push(text);
      },
      onclosetag(name) {
        skipping.pop();
        if (heading && name === headingTag) {
          sections.at(-1)!.heading = collapse(heading.join(""));
          heading = undefined;
        } else if (!INLINE_TAGS.has(name)) (heading ?? sections.at(-1)!.text).push(" ");
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return sections.map(({ anchor, heading, text }) => ({ anchor, heading, text: collapse(text.join("")) })).filter((section, index) => index > 0 || section.text);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
