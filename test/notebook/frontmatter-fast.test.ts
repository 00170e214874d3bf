// Front matter of plain `key: value` lines is read without the YAML parser (frontmatter.ts); whatever it
// reads must be exactly what the parser reads, and anything it cannot be sure of goes to the parser.
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { parseFrontMatter } from "../../src/notebook/frontmatter.ts";
import { LineIndex } from "../../src/notebook/locate.ts";

const read = (yaml: string) => {
  const result = parseFrontMatter(new LineIndex(`---\n${yaml}\n---\n# Body\n`), "t.md");
  return result.errors.length ? result.errors.map((e) => e.reason) : result.data;
};

/** What the YAML parser makes of it, with the same type rules for title, description and order. */
const byParser = (yaml: string) => {
  const doc = parseDocument(yaml, { uniqueKeys: true });
  return doc.errors.length ? "error" : doc.toJS();
};

describe("front matter read without the YAML parser", () => {
  const same = [
    "title: Notebook 7",
    "title: Generated notebook 12\ndescription: Synthetic notebook number 12 for the build benchmark.\norder: 12",
    "order: -3.25",
    "order: 0",
    "title: Über die Energie",
    "title: Café – résumé (draft), part 2",
    "title: it's fine",
    "title: x -",
    "title: 1.2.3",
    // Left to the parser, which reads them otherwise than as their text:
    "order: 007",
    "order: 1e3",
    "order: .5",
    "title: yes",
    "title: x # a comment",
    "title: 'quoted'",
    "title: \"double\"",
    "tags: [a, b]",
    "title: >\n  folded",
    "title: A\n\n\ndescription: gaps between lines",
  ];
  for (const yaml of same) {
    it(JSON.stringify(yaml), () => {
      const parsed = byParser(yaml);
      expect(read(yaml)).toEqual(parsed);
    });
  }

  it("still refuses what the parser refuses, and holds the same types", () => {
    expect(read("title: x\ntitle: y")).toEqual([expect.stringContaining("front matter")]);
    expect(read("title: a: b")).toEqual([expect.stringContaining("front matter")]);
    expect(read("order: Seven")).toEqual(['front matter: order must be a number (got "Seven")']);
    expect(read("title: 12")).toEqual(["front matter: title must be text (got 12)"]);
  });
});
