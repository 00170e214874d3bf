import { describe, expect, it } from "vitest";
import { indexAppendix } from "../../src/publish/index-page.ts";

const pages = [
  { output: "a.html", title: "A <first>", description: "about A" },
  { output: "b.html", title: "B", description: "" },
];

describe("indexAppendix", () => {
  it("lists every notebook, escaped, when the authored index does not link them all", () => {
    const html = indexAppendix('<p>See <a href="a.html">A</a>.</p>', pages);
    expect(html).toContain('<a href="a.html">A &#60;first&#62;</a><p>about A</p>');
    expect(html).toContain('<a href="b.html">B</a>');
  });

  it("adds nothing when the authored index already links every notebook", () => {
    expect(indexAppendix('<a href="a.html">A</a> and <a href="b.html">B</a>', pages)).toBe("");
  });
});
