// ```js browser: the flag as the parser reads it (and refuses it), the compiled record that carries it,
// and which cells the build leaves to the browser: the flagged ones and everything downstream of them.
import { describe, expect, it } from "vitest";
import { parseFenceInfo } from "../../src/notebook/fence.ts";
import { browserOnlyCells, browserOnlyNames, compiledGraphCell } from "../../src/notebook/browser-only.ts";
import { downstreamOf } from "../../src/notebook/graph.ts";
import { parseNotebook } from "../../src/notebook/parse.ts";
import { compileEdit } from "../../src/editor/compile.ts";
import { processNotebook } from "../helpers/compiler.ts";
import { locatedErrors, md } from "./helpers.ts";

const fence = "```";

describe("the browser fence option", () => {
  it("marks js and ts cells, with the other options in any order", () => {
    const nb = parseNotebook(md(`${fence}js browser`, "localStorage.length", fence, "", `${fence}ts echo browser {#fig-a caption="A"}`, "1 as number", fence, "", `${fence}js`, "2", fence), "t.md");
    expect(nb.cells.map((cell) => cell.browser)).toEqual([true, true, undefined]);
    expect(nb.cells[1]).toMatchObject({ lang: "ts", echo: true, label: "fig-a", caption: "A" });
  });

  it("takes browser=true and browser=false like echo does", () => {
    expect(parseFenceInfo("js browser=true")).toMatchObject({ browser: true, problems: [] });
    expect(parseFenceInfo("js browser=false")).toMatchObject({ browser: false, problems: [] });
    expect(parseFenceInfo("js")).toMatchObject({ browser: false, problems: [] });
    // Other languages are not cells: their options are not checked.
    expect(parseFenceInfo("python browser=maybe").problems).toEqual([]);
  });

  it("refuses a bad value, a misspelling and a block that never runs, at the fence, saying what to write", () => {
    const errors = locatedErrors(() =>
      parseNotebook(md("text", `${fence}js browser=yes`, "1", fence, "", `${fence}js browsr`, "2", fence, "", `${fence}ts browser run=false`, "3", fence, "", `${fence}js echo=no`, "4", fence), "t.md"),
    );
    expect(errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 1, "fence-option-value"],
      [6, 1, "fence-option-misspelt"],
      [10, 1, "fence-browser-not-run"],
      [14, 1, "fence-option-value"],
    ]);
    expect(errors[0]!.reason).toBe('the fence option "browser=yes" has a value that browser does not take; write browser, browser=true or browser=false');
    expect(errors[1]!.reason).toContain('unknown fence option "browsr"; a js or ts cell accepts echo, browser, run=false');
    expect(errors[1]!.hint).toContain("did you mean browser?");
    expect(errors[2]!.reason).toBe("a run=false block is shown as code and never runs, so it cannot run in the browser either");
    expect(errors[3]!.reason).toContain("write echo, echo=true or echo=false");
  });

  it("is carried by the compiled record of a flagged cell only, so other modules are unchanged", () => {
    const { module } = processNotebook(md(`${fence}js browser`, "const visits = localStorage.length;", fence, "", `${fence}js`, "visits + 1", fence), "t.md");
    expect(module.match(/browser: true/g)).toHaveLength(1);
    expect(module).toMatch(/inline: false, browser: true, position: \{line: 2,/);
  });

  it("stays on a cell edited in the page", () => {
    const result = compileEdit({ id: "c1", kind: "block", lang: "js", browser: true }, "const visits = localStorage.length + 1;", { imported: new Set() });
    expect(result.ok && result.edit.record).toContain("browser: true");
    const plain = compileEdit({ id: "c1", kind: "block", lang: "js" }, "const visits = 1;", { imported: new Set() });
    expect(plain.ok && plain.edit.record).not.toContain("browser");
  });
});

describe("which cells the build leaves to the browser", () => {
  const at = { line: 1, column: 1 };
  const cell = (id: string, declarations: string[], references: string[] = [], browser = false) => ({ id, position: at, declarations, references, ...(browser ? { browser } : {}) });

  it("is the flagged cells and every cell downstream of them, through any number of cells; nothing else", () => {
    const cells = [
      cell("inputs", ["gpus"]),
      cell("stored", ["visits"], ["gpus"], true),
      cell("doubled", ["doubled"], ["visits"]),
      cell("shown", [], ["doubled", "gpus"]),
      cell("independent", ["watts"], ["gpus"]),
      cell("inline", [], ["watts"]),
    ];
    expect(browserOnlyCells(cells)).toEqual(new Set(["stored", "doubled", "shown"]));
    expect(browserOnlyNames(cells)).toEqual(new Set(["visits", "doubled"]));
    expect(browserOnlyCells(cells.map((c) => ({ ...c, browser: false })))).toEqual(new Set());
  });

  it("follows inline values and an exercise's hidden answer cell, and the compiled records agree with the analysis", () => {
    const text = md(
      `${fence}js browser`,
      "const visits = Number(localStorage.getItem('v') ?? 0);",
      fence,
      "",
      "Visit ${visits}, of ${1 + 1}.",
      "",
      "::: exercise Count {#count}",
      "How many?",
      "",
      "::: answer number",
      "correct: ${visits * 2} visits",
      ":::",
      ":::",
    );
    const { notebook, module } = processNotebook(text, "t.md");
    const skipped = browserOnlyCells(notebook.cells);
    expect(notebook.cells.filter((c) => skipped.has(c.id)).map((c) => c.sourceText)).toEqual(["const visits = Number(localStorage.getItem('v') ?? 0);", "visits", "visits * 2"]);
    expect(skipped.has(notebook.exercises![0]!.answerCell!)).toBe(true);
    // The realm asks the same question of the compiled records: their inputs and outputs.
    const records = [...module.matchAll(/id: "([^"]+)", inputs: (\[[^\]]*\]), outputs: (\[[^\]]*\]), expression: \w+, inline: \w+(, browser: true)?/g)].map(([, id, inputs, outputs, browser]) =>
      compiledGraphCell({ id: id!, position: at, inputs: JSON.parse(inputs!), outputs: JSON.parse(outputs!), ...(browser ? { browser: true } : {}) }),
    );
    expect(browserOnlyCells(records)).toEqual(skipped);
  });

  it("walks a chain of ten thousand cells without overflowing the stack", () => {
    const cells = Array.from({ length: 10_000 }, (_, i) => cell(`c${i}`, [`v${i}`], i ? [`v${i - 1}`] : [], i === 0));
    expect(browserOnlyCells(cells).size).toBe(10_000);
    expect(downstreamOf(cells, [9_998])).toEqual(new Set([9_998, 9_999]));
  });
});
