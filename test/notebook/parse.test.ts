import { describe, expect, it } from "vitest";
import { fnv1a } from "../../src/notebook/ids.ts";
import { parseNotebook } from "../../src/notebook/parse.ts";
import { locatedErrors, md } from "./helpers.ts";

const fence = "```";

describe("cells", () => {
  it("turns js and ts fences into block cells with a placeholder where the output goes", () => {
    const nb = parseNotebook(md("Intro", "", `${fence}js`, "const a = 1;", fence, "", `${fence}ts`, "const b: number = 2", fence, "", "Outro"), "t.md");
    expect(nb.cells.map((c) => [c.kind, c.lang, c.sourceText])).toEqual([
      ["block", "js", "const a = 1;"],
      ["block", "ts", "const b: number = 2"],
    ]);
    const [a, b] = nb.cells;
    expect(nb.html).toBe(`<p>Intro</p>\n<!--wb:cell:${a!.id}-->\n<!--wb:cell:${b!.id}-->\n<p>Outro</p>\n`);
  });

  it("reads echo, labels and captions from the info string", () => {
    const nb = parseNotebook(md(`${fence}js echo {#fig-power caption="Power, $P$ in watts"}`, "1", fence), "t.md");
    const [cell] = nb.cells;
    expect(cell).toMatchObject({ echo: true, label: "fig-power", caption: "Power, $P$ in watts" });
    expect(cell!.captionHtml).toMatch(/^Power, <span class="katex">.*<\/span> in watts$/s);
    expect(nb.labels).toEqual([{ name: "fig-power", kind: "fig", number: 1, position: { line: 1, column: 12 } }]);
    expect(nb.cells[0]!.echo).toBe(true);
    expect(parseNotebook(md(`${fence}js`, "1", fence), "t.md").cells[0]!.echo).toBe(false);
  });

  it("shows run=false blocks and other languages as code, not cells", () => {
    const nb = parseNotebook(md(`${fence}js run=false`, "oops(", fence, `${fence}python`, "print(1 < 2)", fence), "t.md");
    expect(nb.cells).toEqual([]);
    expect(nb.html).toBe('<pre><code class="language-js">oops(\n</code></pre>\n<pre><code class="language-python">print(1 &lt; 2)\n</code></pre>\n');
  });

  it("derives ids from the source, so editing one cell leaves the others' ids alone", () => {
    const first = parseNotebook(md(`${fence}js`, "a = 1", fence, `${fence}js`, "b = 2", fence), "t.md");
    const edited = parseNotebook(md(`${fence}js`, "a = 100", fence, `${fence}js`, "b = 2", fence), "t.md");
    expect(first.cells[1]!.id).toBe(edited.cells[1]!.id);
    expect(first.cells[0]!.id).not.toBe(edited.cells[0]!.id);
    expect(first.cells[1]!.id).toBe(fnv1a("b = 2"));
    expect(fnv1a("")).toBe("811c9dc5"); // the FNV-1a offset basis
    expect(fnv1a("a")).toBe("e40c292c"); // published test vector
  });

  it("suffixes repeated sources in document order", () => {
    const nb = parseNotebook(md(`${fence}js`, "display(1)", fence, "${display(1)}", "", `${fence}js`, "display(1)", fence), "t.md");
    const id = fnv1a("display(1)");
    expect(nb.cells.map((c) => c.id)).toEqual([id, `${id}-2`, `${id}-3`]);
  });

  it("rejects unknown options and bad labels on a cell, at the fence", () => {
    const errors = locatedErrors(() => parseNotebook(md("text", `${fence}js ehco {#chart}`, "1", fence), "t.md"));
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, 1],
      [2, 1],
    ]);
    expect(errors[0]!.reason).toContain('unknown fence option "ehco"');
    expect(errors[1]!.reason).toContain("#chart should start with fig- or tbl-");
  });

  it("reports an unclosed fence at its opening line", () => {
    const [error] = locatedErrors(() => parseNotebook(md("# T", "", "text", "", `${fence}js`, "const x = 1", "", "More prose"), "notes/t.md"));
    expect(error!.message).toBe("notes/t.md:5:1: this ```js fence is never closed, so everything after it became code");
    expect(error!.excerpt).toContain("5 | ```js");
    expect(error!.code).toBe("fence-not-closed");
    expect(error!.format()).toMatch(/^notes\/t\.md:5:1: this ```js fence is never closed, so everything after it became code \[fence-not-closed\]\n/);
  });
});

describe("inline expressions", () => {
  it("finds the closing brace with a JavaScript parser: nested braces, strings, template literals", () => {
    const nb = parseNotebook('A ${ {a: {b: 1}}.a.b } B ${"}"} C ${`x ${"y"} }`} D ${(1 + 2) /* } */}', "t.md");
    expect(nb.cells.map((c) => c.sourceText)).toEqual([" {a: {b: 1}}.a.b ", '"}"', '`x ${"y"} }`', "(1 + 2) /* } */"]);
    expect(nb.cells.every((c) => c.kind === "inline" && c.lang === "js")).toBe(true);
    const [a, b, c, d] = nb.cells.map((c) => c.id);
    expect(nb.html).toBe(`<p>A <!--wb:inline:${a}--> B <!--wb:inline:${b}--> C <!--wb:inline:${c}--> D <!--wb:inline:${d}--></p>\n`);
  });

  it("leaves code spans, code blocks and escaped dollars alone", () => {
    const nb = parseNotebook(md("Use `${x}` or \\${y} here.", "", "    ${z}", "", `${fence}md`, "${w}", fence), "t.md");
    expect(nb.cells).toEqual([]);
    expect(nb.html).toContain("<code>${x}</code> or ${y} here.");
  });

  it("positions an inline cell at the first character of its expression", () => {
    const nb = parseNotebook(md("---", "title: T", "---", "", "Total:\t${a + b} and ${c}"), "t.md");
    expect(nb.cells.map((c) => c.position)).toEqual([
      { line: 5, column: 10 },
      { line: 5, column: 23 },
    ]);
  });

  it("reports an expression that does not parse or is not closed", () => {
    const errors = locatedErrors(() => parseNotebook(md("ok", "a ${1 +} b ${x y}"), "t.md"));
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, 8],
      [2, 16],
    ]);
    expect(errors[0]!.reason).toMatch(/^this \$\{…\} expression does not parse: Unexpected token/);
    expect(errors[1]!.reason).toBe('this ${…} expression is not closed: expected } after "x"');
    expect(locatedErrors(() => parseNotebook("an ${ } here", "t.md"))[0]!.message).toBe("t.md:1:4: this ${} is empty");
  });
});

describe("math", () => {
  it("typesets inline and display math with KaTeX", () => {
    const nb = parseNotebook(md("Energy $E = Pt$ here.", "", "$$", "\\frac{a}{b}", "$$"), "t.md");
    expect(nb.html).toMatch(/^<p>Energy <span class="katex"><span class="katex-mathml"><math/);
    expect(nb.html).toContain('<annotation encoding="application/x-tex">E = Pt</annotation>');
    expect(nb.html).toContain('<span class="katex-display">');
    expect(nb.html).toContain("<mfrac>");
  });

  it("does not treat prices as math", () => {
    for (const text of ["It costs $5 and $10 per hour.", "From $5 to $ 10.", "A $ sign, then 4$ and $5$6."]) {
      expect(parseNotebook(text, "t.md").html).toBe(`<p>${text}</p>\n`);
    }
    const mixed = parseNotebook("Pay $3.50 per kWh, then $E = Pt$ holds.", "t.md").html;
    expect(mixed.startsWith("<p>Pay $3.50 per kWh, then <span class=\"katex\">")).toBe(true);
    expect(mixed).toContain('<annotation encoding="application/x-tex">E = Pt</annotation>');
  });

  it("lets ${ start an inline expression even where a closing $ could be", () => {
    const nb = parseNotebook("$a${b}$ end", "t.md");
    expect(nb.cells.map((c) => c.sourceText)).toEqual(["b"]);
    expect(nb.html).toBe(`<p>$a<!--wb:inline:${nb.cells[0]!.id}-->$ end</p>\n`);
  });

  it("reads \\$ as a literal dollar", () => {
    expect(parseNotebook("A \\$x\\$ is text", "t.md").html).toBe("<p>A $x$ is text</p>\n");
  });

  it("locates a KaTeX error at the offending TeX", () => {
    const [error] = locatedErrors(() => parseNotebook(md("---", "title: T", "---", "Here $a \\foo b$."), "t.md"));
    expect(error!.reason).toBe("math: Undefined control sequence: \\foo");
    expect([error!.line, error!.column]).toEqual([4, 9]);
  });
});

describe("front matter", () => {
  it("reads fields and takes the title from it", () => {
    const nb = parseNotebook(md("---", "title: The Energy Ceiling", "order: 2", "tags: [a, b]", "---", "# Other"), "x.md");
    expect(nb.frontMatter).toEqual({ title: "The Energy Ceiling", order: 2, tags: ["a", "b"] });
    expect(nb.title).toBe("The Energy Ceiling");
  });

  it("falls back to the first h1, then to the file name", () => {
    expect(parseNotebook(md("## Two", "# One *big*", "# Second"), "x.md").title).toBe("One big");
    expect(parseNotebook("Just text", "chapters/energy-ceiling.md").title).toBe("energy-ceiling");
    expect(parseNotebook("Just text", "x.md").frontMatter).toEqual({});
  });

  it("locates a YAML error in the .md", () => {
    const [error] = locatedErrors(() => parseNotebook(md("---", "title: ok", "tags: [a, b", "---", "text"), "t.md"));
    expect(error!.reason).toMatch(/^front matter: /);
    expect(error!.line).toBe(4); // the flow sequence runs into the closing ---
    const [nested] = locatedErrors(() => parseNotebook(md("---", "title: ok", "a: b: c", "---"), "t.md"));
    expect(nested!.message).toBe("t.md:3:4: front matter: Nested mappings are not allowed in compact mappings");
    const [typed] = locatedErrors(() => parseNotebook(md("---", "draft: true", "title: 2024", "---"), "t.md"));
    expect(typed!.message).toBe("t.md:3:1: front matter: title must be text (got 2024)");
  });

  it("reports front matter that is never closed", () => {
    const [error] = locatedErrors(() => parseNotebook(md("---", "title: T", "# Heading"), "t.md"));
    expect([error!.line, error!.column]).toEqual([1, 1]);
    expect(error!.reason).toContain("never closed");
  });
});

describe("source positions", () => {
  const body = md(`${fence}js`, "const x = 1", fence);

  it("counts front matter lines", () => {
    const nb = parseNotebook(md("---", "title: T", "description: D", "---", "", body), "t.md");
    expect(nb.cells[0]!.position).toEqual({ line: 7, column: 1 });
  });

  it("is the same with CRLF line endings", () => {
    const lf = md("---", "title: T", "---", "Text ${a}", "", body, "", "> ${b}");
    const crlf = lf.replace(/\n/g, "\r\n");
    const positions = (text: string) => parseNotebook(text, "t.md").cells.map((c) => c.position);
    expect(positions(crlf)).toEqual(positions(lf));
    expect(positions(crlf)).toEqual([
      { line: 4, column: 8 },
      { line: 7, column: 1 },
      { line: 10, column: 5 },
    ]);
    expect(parseNotebook(crlf, "t.md").cells[1]!.sourceText).toBe("const x = 1");
  });

  it("finds cells inside lists and blockquotes", () => {
    const nb = parseNotebook(md("1. First", "", "   ```js", "   const a = 1", "   ```", "", "> Quote", "> ```js", "> const b = 2", "> ```", "", "- item ${c}"), "t.md");
    expect(nb.cells.map((c) => [c.sourceText, c.position])).toEqual([
      ["const a = 1", { line: 4, column: 4 }],
      ["const b = 2", { line: 9, column: 3 }],
      ["c", { line: 12, column: 10 }],
    ]);
  });

  it("counts a tab as one column", () => {
    const nb = parseNotebook("a\t\t${x}", "t.md");
    expect(nb.cells[0]!.position).toEqual({ line: 1, column: 6 });
  });
});

describe("labels and references", () => {
  it("numbers equations, figures and tables per kind and links references", () => {
    const nb = parseNotebook(
      md(
        "See @fig-b, @eq-one and @tbl-t.",
        "",
        "$$ E = P t $$ {#eq-one}",
        "",
        `${fence}js {#fig-a}`,
        "1",
        fence,
        "",
        `${fence}js {#fig-b}`,
        "2",
        fence,
        "",
        "| a |",
        "|---|",
        "| 1 |",
        "",
        ": Numbers {#tbl-t}",
        "",
        "$$",
        "x",
        "$$ {#eq-two}",
      ),
      "t.md",
    );
    expect(nb.labels.map((l) => [l.name, l.kind, l.number])).toEqual([
      ["eq-one", "eq", 1],
      ["fig-a", "fig", 1],
      ["fig-b", "fig", 2],
      ["tbl-t", "tbl", 1],
      ["eq-two", "eq", 2],
    ]);
    expect(nb.html).toContain(
      '<p>See <a class="wb-ref" href="#fig-b">Figure 2</a>, <a class="wb-ref" href="#eq-one">Equation 1</a> and <a class="wb-ref" href="#tbl-t">Table 1</a>.</p>',
    );
    expect(nb.html).toMatch(/<div class="wb-equation" id="eq-one"><span class="katex-display">.*<span class="wb-equation-number">\(1\)<\/span><\/div>/s);
    expect(nb.html).toContain('<span class="wb-equation-number">(2)</span>');
    expect(nb.html).toMatch(/<figure class="wb-table" id="tbl-t">\n<figcaption><span class="wb-label">Table 1\.<\/span> Numbers<\/figcaption>\n<table>/);
    expect(nb.html).not.toContain(": Numbers");
    expect(nb.cells.map((c) => c.label)).toEqual(["fig-a", "fig-b"]);
  });

  it("takes a caption line directly under a table (no blank line)", () => {
    const nb = parseNotebook(md("| a | b |", "|---|---|", "| 1 | 2 |", ": Pairs {#tbl-p}"), "t.md");
    expect(nb.labels.map((l) => [l.name, l.position])).toEqual([["tbl-p", { line: 4, column: 9 }]]);
    expect(nb.html).not.toContain("<td>: Pairs");
    expect(nb.html).toContain("<figcaption><span class=\"wb-label\">Table 1.</span> Pairs</figcaption>");
  });

  it("reports a reference to a missing label at the reference", () => {
    const [error] = locatedErrors(() => parseNotebook(md(`${fence}js {#fig-a}`, "1", fence, "", "As @fig-b shows."), "t.md"));
    expect(error!.message).toBe("t.md:5:4: @fig-b refers to no label: no figure is labelled {#fig-b}");
    expect(error!.hint).toBe("known figure labels: fig-a");
  });

  it("reports a label defined twice at the second definition, naming the first", () => {
    const [error] = locatedErrors(() => parseNotebook(md("$$x$$ {#eq-a}", "", "$$", "y", "$$ {#eq-a}"), "t.md"));
    expect(error!.message).toBe("t.md:5:4: the label #eq-a is defined twice: here and at t.md:1:7");
  });

  it("does not read e-mail addresses or escaped @ as references", () => {
    const nb = parseNotebook("Write to ops@eq-x.com or me\\@fig-a, x@tbl-y.", "t.md");
    expect(nb.html).toBe('<p>Write to <a href="mailto:ops@eq-x.com">ops@eq-x.com</a> or me@fig-a, x@tbl-y.</p>\n');
  });
});

describe("headings", () => {
  it("gives headings unique slug ids and collects them", () => {
    const nb = parseNotebook(md("# Energy", "## Power & *Heat*", "### Power & Heat", "## Énergie 2", "## Power & Heat"), "t.md");
    expect(nb.headings).toEqual([
      { level: 1, id: "energy", text: "Energy" },
      { level: 2, id: "power-heat", text: "Power & Heat" },
      { level: 3, id: "power-heat-2", text: "Power & Heat" },
      { level: 2, id: "énergie-2", text: "Énergie 2" },
      { level: 2, id: "power-heat-3", text: "Power & Heat" },
    ]);
    expect(nb.html).toContain('<h2 id="power-heat">Power &amp; <em>Heat</em></h2>');
  });

  it("never gives a heading the anchor of a label", () => {
    const nb = parseNotebook(md("## Fig A", "", `${fence}js {#fig-a}`, "1", fence), "t.md");
    expect(nb.headings[0]!.id).toBe("fig-a-2");
  });

  it("interpolates ${…} in the text of HTML blocks, as Framework's cards do", () => {
    const nb = parseNotebook(md('<div class="grid">', '  <div class="card">${chart}</div>', "  <style>.a::after { content: \"${notMe}\"; }</style> \\${literal}", "</div>"), "t.md");
    expect(nb.cells.map((c) => [c.sourceText, c.position])).toEqual([["chart", { line: 2, column: 23 }]]);
    expect(nb.html).toBe(`<div class="grid">\n  <div class="card"><!--wb:inline:${nb.cells[0]!.id}--></div>\n  <style>.a::after { content: "\${notMe}"; }</style> \${literal}\n</div>`);
    const [error] = locatedErrors(() => parseNotebook('Text <span title="${x}">y</span>', "t.md"));
    expect(error!.message).toBe("t.md:1:19: a ${…} inside an HTML tag has no place for its value");
  });

  it("passes raw HTML through", () => {
    const nb = parseNotebook(md('<div class="note">', "", "**hi**", "", "</div>", "", 'A <span title="x">b</span>'), "t.md");
    expect(nb.html).toContain('<div class="note">');
    expect(nb.html).toContain('A <span title="x">b</span>');
  });
});
