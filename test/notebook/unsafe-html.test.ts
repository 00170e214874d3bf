import { describe, expect, it } from "vitest";
import { parseNotebook } from "../../src/notebook/parse.ts";
import { fencesInHtml, RESOURCE_POLICY, unsafeHtml } from "../../src/notebook/unsafe-html.ts";
import { CONTENT_SECURITY_POLICY } from "../../src/publish/render.ts";
import { locatedErrors, md } from "./helpers.ts";

const fence = "```";

/** Each error as "line:col reason" (the reason cut to its first words, enough to tell them apart). */
function problems(text: string): string[] {
  return locatedErrors(() => parseNotebook(text, "t.md")).map((e) => `${e.line}:${e.column} ${e.reason}`);
}

function only(text: string): { at: string; reason: string; hint: string } {
  const errors = locatedErrors(() => parseNotebook(text, "t.md"));
  expect(errors.map((e) => e.message)).toHaveLength(1);
  const [error] = errors;
  return { at: `${error!.line}:${error!.column}`, reason: error!.reason, hint: error!.hint ?? "" };
}

/** The reasons unsafeHtml gives for one piece of HTML, with their offsets. */
function offsets(html: string): [number, string][] {
  return unsafeHtml(html).map((p) => [p.offset, p.reason]);
}

describe("author HTML refused, at the offending tag or attribute, with what to do", () => {
  it("refuses <script>, pointing at its <", () => {
    const error = only(md("# T", "", "Text", "", "<script>alert(1)</script>"));
    expect(error.at).toBe("5:1");
    expect(error.reason).toBe("a <script> element does not run on a page: its Content-Security-Policy runs only the site's own scripts");
    expect(error.hint).toContain("```js cell");
  });

  it("gives each error its code, and takes tags named like Object's properties for unknown elements", () => {
    expect(locatedErrors(() => parseNotebook(md("<script>alert(1)</script>"), "t.md")).map((e) => e.code)).toEqual(["html-script"]);
    expect(offsets("<constructor>x</constructor> <toString>y</toString> <__proto__>z</__proto__>")).toEqual([]);
  });

  it("refuses <script> inside <svg>, and inline in a paragraph", () => {
    expect(only(md("<svg viewBox=\"0 0 1 1\"><script>alert(1)</script></svg>")).at).toBe("1:24");
    expect(only(md("A line with <script>x</script> in it")).at).toBe("1:13");
  });

  it("refuses on… attributes, pointing at the attribute", () => {
    const error = only(md("# T", "", '<button class="b" onclick="go()">Go</button>'));
    expect(error.at).toBe("3:19");
    expect(error.reason).toBe("the onclick attribute does not run: the page's Content-Security-Policy allows no inline event handlers");
    expect(error.hint).toContain("Inputs.button");
    // Markdown reads <svg/onload=…> as text (it shows escaped); as HTML it would be refused.
    expect(parseNotebook('<svg/onload="x()">', "t.md").html).toBe("<p>&lt;svg/onload=&quot;x()&quot;&gt;</p>\n");
    expect(offsets('<svg/onload="x()">')).toEqual([[5, expect.stringContaining("the onload attribute")]]);
    expect(only('Text <img src="a.png" ONERROR=x()> here').at).toBe("1:23");
  });

  it("refuses javascript: URLs, however they are spelled", () => {
    for (const href of ["javascript:go()", "JaVaScRiPt:go()", "java&#115;cript:go()", "&#x6A;avascript:go()", "javascript&colon;go()", "jav&#x09;ascript:go()", " \x01javascript:go()", "java\nscript:go()", "vbscript:go"]) {
      const error = only(`<a href="${href}">go</a>`);
      expect(error.at, href).toBe("1:4");
      expect(error.reason, href).toMatch(/^the href attribute holds a (java|vb)script: URL, which does not run/);
      expect(error.hint).toContain("#anchor");
    }
    expect(only("<a href=javascript:go()>go</a>").at).toBe("1:4");
    expect(only("<a href='javascript:go()'>go</a>").at).toBe("1:4");
  });

  it("refuses javascript: URLs in formaction, xlink:href, MathML href and SVG animations", () => {
    expect(offsets('<button formaction="javascript:x()">')[0]).toEqual([8, expect.stringContaining("formaction attribute holds a javascript: URL")]);
    expect(offsets('<svg><a xlink:href="javascript:x()">x</a></svg>')[0]).toEqual([8, expect.stringContaining("xlink:href attribute holds a javascript: URL")]);
    expect(offsets('<math href="javascript:x()"><mi>x</mi></math>')[0]).toEqual([6, expect.stringContaining("href attribute holds a javascript: URL")]);
    expect(offsets('<svg><a><set attributeName="href" to="javascript:x()"/></a></svg>')[0]).toEqual([34, expect.stringContaining("to attribute holds a javascript: URL")]);
    expect(offsets('<svg><animate attributeName="href" values="#a;javascript:x()"/></svg>')[0]).toEqual([35, expect.stringContaining("values attribute holds a javascript: URL")]);
  });

  it("refuses <meta http-equiv> at the attribute, and <base>, <object>, <embed> at the tag", () => {
    const meta = only('<meta http-equiv="refresh" content="0; url=https://example.com">');
    expect(meta.at).toBe("1:7");
    expect(meta.reason).toContain("<meta http-equiv>");
    expect(only(md("Para", "", '<base href="https://example.com/">')).reason).toBe("a <base> element would change where every link and script on the page points");
    expect(only(md("Para", "", '<base href="https://example.com/">')).at).toBe("3:1");
    expect(only('<object data="chart.svg"></object>').reason).toContain("object-src 'none'");
    expect(only('Inline <embed src="movie.swf"> here').at).toBe("1:8");
  });

  it("refuses <iframe srcdoc> at the attribute, and frames from another origin", () => {
    const srcdoc = only('<iframe title="x" srcdoc="<p>hi</p>"></iframe>');
    expect(srcdoc.at).toBe("1:19");
    expect(srcdoc.reason).toContain("<iframe srcdoc>");
    const frame = only('<iframe src="https://www.youtube.com/embed/x"></iframe>');
    expect(frame.reason).toContain("this frame loads from another origin (https://www.youtube.com/embed/x)");
    expect(frame.hint).toContain("<a href>");
    expect(parseNotebook('<iframe src="other.html"></iframe>', "t.md").html).toContain("<iframe");
  });

  it("refuses images, media, stylesheets and CSS from another origin, and data: where the policy does", () => {
    const image = only(md("# T", "", 'A chart: <img alt="c" src="https://example.com/c.png">'));
    expect(image.at).toBe("3:23");
    expect(image.reason).toBe(
      "this image loads from another origin (https://example.com/c.png), which the page's Content-Security-Policy blocks (img-src 'self' data:), so it would not show",
    );
    expect(image.hint).toContain("static/");
    expect(offsets('<img src="//cdn.example.com/c.png">')).toEqual([[5, expect.stringContaining("another origin (//cdn.example.com/c.png)")]]);
    expect(offsets('<img src="\\\\cdn.example.com/c.png">')).toHaveLength(1);
    expect(offsets('<img src="HTTP://cdn.example.com/c.png">')).toHaveLength(1);
    expect(offsets('<img src=" https://cdn.example.com/c.png">')).toHaveLength(1);
    expect(offsets('<img srcset="c.png 1x, https://x.example/c2.png 2x">')).toEqual([[5, expect.stringContaining("(https://x.example/c2.png)")]]);
    expect(offsets('<picture><source srcset="https://x.example/c.webp"><img src="c.png"></picture>')).toHaveLength(1);
    expect(offsets('<video src="https://x.example/v.mp4" poster="https://x.example/p.png"></video>').map(([o]) => o)).toEqual([7, 37]);
    expect(offsets('<video><source src="https://x.example/v.mp4"><track src="//x.example/t.vtt"></video>')).toHaveLength(2);
    expect(offsets('<audio src="data:audio/wav;base64,AAAA"></audio>')[0]![1]).toContain("a data: URL");
    expect(offsets('<link rel="stylesheet" href="https://fonts.example/f.css">')[0]![1]).toContain("this stylesheet loads from another origin");
    expect(offsets('<p style="background-image: url(\'https://x.example/b.png\')">x</p>')).toEqual([[3, expect.stringContaining("this style loads a file from another origin")]]);
    expect(offsets('<style>@import url("https://x.example/s.css");</style>')).toHaveLength(1);
    expect(offsets('<table background="https://x.example/b.png"><tr><td>1</td></tr></table>')).toHaveLength(1);
    expect(offsets('<svg><image href="https://x.example/i.png"/></svg>')).toHaveLength(1);
    expect(offsets('<input type="image" src="https://x.example/go.png">')).toHaveLength(1);
  });

  it("allows data: images, as the policy's img-src does", () => {
    expect(offsets('<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">')).toEqual([]);
    expect(offsets('<p style="background: url(data:image/png;base64,AAAA)">x</p>')).toEqual([]);
  });

  it("refuses forms that submit, since the policy has form-action 'none'", () => {
    const foreign = only('<form action="https://forms.example/s"><input name="q"></form>');
    expect(foreign.at).toBe("1:7");
    expect(foreign.reason).toBe("this form sends its data to another origin (https://forms.example/s), but a page submits no forms: its Content-Security-Policy has form-action 'none'");
    expect(foreign.hint).toContain("Inputs.text");
    expect(offsets('<form action="/search">')[0]![1]).toContain('sends its data to "/search"');
    expect(offsets('<form><button formaction="https://x.example/">Go</button></form>')).toEqual([[14, expect.stringContaining("another origin")]]);
    expect(offsets("<form><input name=q></form>")).toEqual([]);
  });

  it("finds what a browser would find where htmlparser2 alone would not", () => {
    // --!> closes a comment in a browser; <![CDATA[ in HTML is a comment ended by >.
    expect(offsets("<!-- x --!><script>1</script> -->")).toEqual([[11, expect.stringContaining("<script>")]]);
    expect(offsets("<![CDATA[ x > <script>1</script> ]]>")).toEqual([[14, expect.stringContaining("<script>")]]);
    // Inside <svg>, a <style>'s content is markup, and an <img> in it leaves the SVG.
    expect(offsets('<svg><style><img src="x" onerror="go()"></style></svg>')).toEqual([[25, expect.stringContaining("onerror")]]);
    expect(offsets("<svg><script>1</script></svg>")).toEqual([[5, expect.stringContaining("<script>")]]);
    expect(offsets("<SCRIPT SRC=x.js></SCRIPT>")).toEqual([[0, expect.stringContaining("<script>")]]);
    expect(offsets("<script/src=x.js></script>")).toEqual([[0, expect.stringContaining("<script>")]]);
    expect(offsets('<img/src="a.png"/onerror="go()">')).toEqual([[17, expect.stringContaining("onerror")]]);
    // A comment is not markup: what it holds is not refused.
    expect(offsets("<!-- <script>old()</script> -->")).toEqual([]);
  });

  it("reports a tag or comment still open where the HTML ends", () => {
    expect(only(md('<div title="a', "", 'b">x</div>')).reason).toContain("this <div> tag is still open where the HTML ends");
    expect(only(md("Text", "", "<!-- hidden", "", "```js", "1", "```")).reason).toBe("this <!-- comment is never closed, so everything after it is hidden from the page");
  });

  it("checks HTML in lists, tables, block quotes and exercises, at its place in the notebook", () => {
    expect(problems(md("- one", "- two <span onclick=x>t</span>"))).toEqual([expect.stringMatching(/^2:13 the onclick attribute/)]);
    expect(problems(md("| a | b |", "|---|---|", '| 1 | <img src="https://x.example/i.png"> |'))).toEqual([expect.stringMatching(/^3:12 this image loads from another origin/)]);
    expect(problems(md("> Quote", "> <div>", "> <script>x</script>", "> </div>"))).toEqual([expect.stringMatching(/^3:3 a <script> element/)]);
    expect(problems(md("1. Item", "", "   <div>", "   <base href=\"/\">", "   </div>"))).toEqual([expect.stringMatching(/^4:4 a <base> element/)]);
    const exercise = md(
      "::: exercise Q",
      'Prompt <a href="javascript:x()">x</a>',
      "",
      "::: answer number",
      "correct: 1 kWh",
      ":::",
      "",
      "::: hint",
      '<img src="https://x.example/h.png">',
      ":::",
      "",
      "::: solution",
      "<object data=a.svg></object>",
      ":::",
      ":::",
    );
    expect(problems(exercise)).toEqual([
      expect.stringMatching(/^2:11 the href attribute holds a javascript: URL/),
      expect.stringMatching(/^9:6 this image loads from another origin/),
      expect.stringMatching(/^13:1 an <object> element/),
    ]);
  });

  it("reports every problem of a notebook together, in order", () => {
    expect(problems(md("<script>1</script>", "", "Text <b onmouseover=x>b</b>", "", "<div>", '<img src="http://x.example/a.png">', "</div>"))).toEqual([
      expect.stringMatching(/^1:1 /),
      expect.stringMatching(/^3:9 /),
      expect.stringMatching(/^6:6 /),
    ]);
  });

  it("still reports ${…} inside a tag, now at its line inside a block quote too", () => {
    expect(problems(md("> text", '> <div class="${x}">y</div>'))).toEqual(["2:15 a ${…} inside an HTML tag has no place for its value"]);
  });
});

describe("Markdown links and images, checked as the HTML they become", () => {
  it("refuses an image from another origin with the message of <img>", () => {
    const error = only(md("# T", "", "See ![the chart](https://example.com/c.png) here."));
    expect(error.at).toBe("3:5");
    expect(error.reason).toBe(
      "this image loads from another origin (https://example.com/c.png), which the page's Content-Security-Policy blocks (img-src 'self' data:), so it would not show",
    );
    expect(only("![x](//example.com/c.png)").at).toBe("1:1");
    expect(only(md("- ![x][ref]", "", "[ref]: https://example.com/c.png")).at).toBe("1:3");
  });

  it("refuses javascript: links, also as autolinks, references and entities", () => {
    expect(only("Click [here](javascript:go()).").at).toBe("1:7");
    expect(only("Click <javascript:go()>.").reason).toContain("href attribute holds a javascript: URL");
    expect(only(md("[go][a]", "", "[a]: JaVaScRiPt:go()")).at).toBe("1:1");
    expect(only("[go](java&#115;cript:go())").at).toBe("1:1");
  });

  it("allows links to other sites, relative images and data: images", () => {
    const nb = parseNotebook(md("[a site](https://example.com) <https://example.com/x> ![dot](data:image/png;base64,AAAA) ![local](img/c.png) [page](other.html#x)"), "t.md");
    expect(nb.html).toContain('<a href="https://example.com">a site</a>');
    expect(nb.html).toContain('<img src="img/c.png" alt="local">');
  });
});

describe("ordinary HTML keeps working", () => {
  const ordinary = [
    '<div class="note">A <span title="t">span</span></div>',
    "<details><summary>More</summary>\n\nHidden **text**.\n\n</details>",
    '<figure><img src="static/chart.png" alt="A chart" width="300"><figcaption>Caption</figcaption></figure>',
    '<a href="https://example.com" target="_blank" rel="noopener">a link elsewhere</a>',
    '<a href="mailto:ops@example.com">mail</a> <a href="#sources">sources</a> <a href="../other.html">other</a>',
    "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>",
    "E = mc<sup>2</sup>, H<sub>2</sub>O, <kbd>Ctrl</kbd>+<kbd>C</kbd>, <abbr title=\"power usage effectiveness\">PUE</abbr>, <mark>m</mark>, <br>",
    '<svg viewBox="0 0 10 10" width="20"><circle cx="5" cy="5" r="4" fill="teal"/><a href="#x"><text x="1" y="9">t</text></a></svg>',
    '<math><mi>x</mi><mo>=</mo><mn>2</mn></math>',
    '<video controls src="static/clip.mp4" poster="static/poster.png"></video>',
    '<img src="data:image/svg+xml,%3Csvg%3E%3C/svg%3E" alt="">',
    '<style>.note { color: teal; background: url(static/bg.png); }</style>',
    '<p style="color: red">red</p> <div hidden data-onload="not a handler">x</div>',
    '<iframe src="other.html" title="another page"></iframe>',
    '<form><label>q <input name="q"></label></form>',
    "<!-- a comment with <script> in it and ```js -->",
    '<div class="card">${1 + 1}</div>',
    '<meta name="keywords" content="energy">',
    '<link rel="stylesheet" href="static/extra.css">',
  ];
  for (const html of ordinary) {
    it(`passes ${JSON.stringify(html.slice(0, 60))}`, () => {
      expect(() => parseNotebook(md("# T", "", html, ""), "t.md")).not.toThrow();
      expect(unsafeHtml(html)).toEqual([]);
    });
  }
});

describe("fences that Markdown would silently turn into something else", () => {
  it("reports a ```js fence indented by a tab at its line", () => {
    const error = only(md("# T", "", "Text", "", `\t${fence}js`, "\tconst x = 1;", `\t${fence}`));
    expect(error.at).toBe("5:1");
    expect(error.reason).toBe("this ```js fence is indented by a tab, so Markdown reads it as an indented code block and the cell never runs");
    expect(error.hint).toContain("remove the indentation");
  });

  it("reports fences indented by four spaces, in lists too, and each fence of one code block", () => {
    expect(only(md(`    ${fence}ts`, "    const x: number = 1;", `    ${fence}`)).reason).toContain("```ts fence is indented by 4 spaces");
    expect(only(md("- item", "", `      ${fence}js`, "      1", `      ${fence}`)).at).toBe("3:3");
    expect(problems(md(`\t${fence}js`, "\t1", `\t${fence}`, "", `    ~~~js`, "    2", "    ~~~"))).toEqual([expect.stringMatching(/^1:1 this ```js fence is indented by a tab/), expect.stringMatching(/^5:1 this ~~~js fence is indented by 4 spaces/)]);
  });

  it("leaves indented code that is not a js or ts fence alone", () => {
    expect(() => parseNotebook(md("Text", "", "    const x = 1;", "", `    ${fence}python`, "    print(1)", `    ${fence}`), "t.md")).not.toThrow();
  });

  it("reports a ```js fence swallowed by a block of raw HTML, but not one in an HTML comment", () => {
    const error = only(md("<details>", "<summary>Code</summary>", `${fence}js`, "const x = 1;", fence, "</details>"));
    expect(error.at).toBe("3:1");
    expect(error.reason).toBe("this ```js fence is inside a block of raw HTML, which runs to the next blank line, so it is not a cell");
    expect(error.hint).toContain("blank line");
    expect(() => parseNotebook(md("<!--", `${fence}js`, "old()", fence, "-->"), "t.md")).not.toThrow();
    expect(fencesInHtml(md("<div>", `  ${fence}JS echo`, fence, "</div>"))).toEqual([8]);
  });

  it("still makes cells of fences separated from HTML by blank lines", () => {
    const nb = parseNotebook(md("<details>", "<summary>Code</summary>", "", `${fence}js`, "const x = 1;", fence, "", "</details>"), "t.md");
    expect(nb.cells.map((c) => c.sourceText)).toEqual(["const x = 1;"]);
  });
});

describe("the checks follow the page's Content-Security-Policy", () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
  const sourcesOf = (directive: string) => directives.get(directive) ?? (directive === "frame-src" ? directives.get("child-src") : undefined) ?? directives.get("default-src")!;

  for (const [kind, policy] of Object.entries(RESOURCE_POLICY)) {
    it(`${kind}: only the site${policy.data ? " and data:" : ""}, as ${policy.directives.join(" and ")} says`, () => {
      for (const directive of policy.directives) {
        const loads = sourcesOf(directive).filter((s) => !s.startsWith("'unsafe-"));
        // Another origin in the policy would need the check to allow it too.
        expect(loads.sort()).toEqual(policy.data ? ["'self'", "data:"] : ["'self'"]);
      }
    });
  }

  it("has no plugins, no form submission and keeps the base", () => {
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("form-action")).toEqual(["'none'"]);
    expect(directives.get("script-src")).toEqual(["'self'"]);
    expect(directives.get("base-uri")).toEqual(["'self'"]);
  });
});
