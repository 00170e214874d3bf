// The ::: exercise syntax: what it parses into, the HTML it prerenders, what compiles into the module,
// and every mistake as a located error with a hint.
import { describe, expect, it } from "vitest";
import { processNotebook } from "../helpers/compiler.ts";
import { parseNotebook } from "../../src/notebook/parse.ts";
import { locatedErrors, md } from "./helpers.ts";

const fence = "```";

const energy = md(
  `${fence}js`,
  "const energyMWh = 1918.9;",
  fence,
  "",
  "::: exercise Checkpoint 1.1: the grid draw {#cp11}",
  "How much electricity does the run draw, at ${energyMWh} MWh?",
  "",
  "::: answer number",
  "correct: ${energyMWh} MWh",
  "tolerance: 2%",
  ":::",
  "",
  "::: hint",
  "Divide the work by the efficiency.",
  ":::",
  "",
  "::: hint",
  "Then multiply by the PUE.",
  ":::",
  "",
  "::: solution",
  "Work over efficiency:",
  "",
  `${fence}js`,
  "const cp11Working = energyMWh;",
  fence,
  "",
  `${fence}js`,
  "cp11Working",
  fence,
  ":::",
  ":::",
);

describe("::: exercise", () => {
  it("parses a prompt, an answer whose correct value is a hidden cell, hints and a worked solution", () => {
    const nb = parseNotebook(energy, "t.md");
    expect(nb.exercises).toHaveLength(1);
    const [exercise] = nb.exercises!;
    const answerCell = nb.cells.find((cell) => cell.id === exercise!.answerCell)!;
    expect(answerCell).toMatchObject({ kind: "inline", sourceText: "energyMWh", position: { line: 9, column: 12 } });
    expect(exercise).toMatchObject({
      id: "cp11",
      title: "Checkpoint 1.1: the grid draw",
      position: { line: 5, column: 1 },
      correctPosition: { line: 9, column: 10 },
      answer: { kind: "number", unit: "MWh", tolerance: { relative: 0.02 } },
      hints: 2,
    });
    expect(exercise!.solutionCells).toEqual(nb.cells.filter((c) => /cp11Working/.test(c.sourceText)).map((c) => c.id));
    // The hidden cell has no place in the prose: the page shows the answer only in the solution.
    expect(nb.html).not.toContain(`<!--wb:inline:${exercise!.answerCell}-->`);
  });

  it("prerenders a question that reads without JavaScript: prompt, disabled controls, hints and solution behind <details>", () => {
    const { html, cells } = parseNotebook(energy, "t.md");
    const prompt = cells.find((c) => c.kind === "inline" && c.position.line === 6)!;
    expect(html).toContain('<section class="wb-exercise" id="ex-cp11" data-exercise="cp11" data-kind="number"');
    expect(html).toContain('<span class="wb-exercise-title" id="ex-cp11-title">Checkpoint 1.1: the grid draw</span>');
    expect(html).toContain(`<p>How much electricity does the run draw, at <!--wb:inline:${prompt.id}--> MWh?</p>`);
    expect(html).toMatch(/<input type="text" name="answer"[^>]* disabled>/);
    expect(html).toContain('<button type="submit" class="wb-exercise-check" disabled>Check</button><button type="button" class="wb-exercise-more" disabled>Hint</button>');
    expect(html).toContain('<details class="wb-exercise-hints"><summary>Hints</summary>\n<ol><li class="wb-exercise-hint-text"><p>Divide the work by the efficiency.</p>');
    expect(html).toContain('<details class="wb-exercise-solution"><summary>Solution</summary>\n<p class="wb-exercise-answer">Answer: <!--wb:answer:cp11--></p>');
  });

  it("compiles the exercises into the module, naming the solution's last expression cell", () => {
    const { module, notebook } = processNotebook(energy, "t.md");
    const exercises = JSON.parse(/, exercises: (\[.*\])\};$/m.exec(module)![1]!);
    const last = notebook.cells.find((c) => c.sourceText === "cp11Working")!;
    expect(exercises).toEqual([
      expect.objectContaining({ id: "cp11", answerCell: notebook.exercises![0]!.answerCell, solutionCell: last.id, hints: 2 }),
    ]);
    expect(exercises[0]).not.toHaveProperty("solutionCells");
    // A numbered figure or table in the solution illustrates it; it is never the answer.
    const figure = md("::: exercise", "::: answer number", "correct: 1 kWh", ":::", "::: solution", `${fence}js`, "1", fence, "", `${fence}js {#tbl-t caption="t"}`, "[{a: 1}]", fence, ":::", ":::");
    const compiled = processNotebook(figure, "t.md");
    expect(JSON.parse(/, exercises: (\[.*\])\};$/m.exec(compiled.module)![1]!)[0].solutionCell).toBe(compiled.notebook.cells[0]!.id);
    expect(processNotebook(md("# No exercises"), "t.md").module).not.toContain("exercises");
  });

  it("reads each kind's written-out correct answer", () => {
    const nb = parseNotebook(
      md(
        "::: exercise",
        "Which?",
        "::: answer choice",
        "- first",
        "- second, with $E = Pt$",
        "correct: b",
        ":::",
        ":::",
        "",
        "::: exercise",
        "Which ones?",
        "::: answer choices",
        "- one",
        "- two",
        "- three",
        "correct: a, c",
        ":::",
        ":::",
        "",
        "::: exercise Steps",
        "::: answer order",
        "1. amortize",
        "2. compute",
        "3. aggregate",
        "correct: 2, 1, 3",
        ":::",
        ":::",
        "",
        "::: exercise Scopes",
        "::: answer classify",
        "categories: Scope 1, Scope 2, Scope 3",
        "- diesel",
        "- grid electricity",
        "correct: Scope 1, Scope 2",
        ":::",
        ":::",
        "",
        "::: exercise Benchmark",
        "::: answer text",
        "correct: MLPerf Tiny",
        "accept: Tiny MLPerf",
        ":::",
        ":::",
        "",
        "::: exercise Written number",
        "::: answer number",
        "correct: 1,918.9 MWh",
        "tolerance: 0.5 MWh",
        ":::",
        ":::",
      ),
      "t.md",
    );
    expect(nb.exercises!.map((e) => [e.id, e.answer, e.correct])).toEqual([
      ["exercise-1", { kind: "choice", options: ["a", "b"] }, "b"],
      ["exercise-2", { kind: "choices", options: ["a", "b", "c"] }, ["a", "c"]],
      ["steps", { kind: "order", items: ["1", "2", "3"] }, ["2", "1", "3"]],
      ["scopes", { kind: "classify", items: ["a", "b"], categories: ["Scope 1", "Scope 2", "Scope 3"] }, ["Scope 1", "Scope 2"]],
      ["benchmark", { kind: "text", accept: ["Tiny MLPerf"] }, "MLPerf Tiny"],
      ["written-number", { kind: "number", unit: "MWh", tolerance: { absolute: 0.5 * 3.6e9 } }, 1918.9],
    ]);
    expect(nb.html).toContain('<input type="radio" name="ex-exercise-1" value="b" disabled><span class="wb-exercise-label">B</span> <span>second, with <span class="katex">');
    expect(nb.html).toContain('<input type="checkbox" name="ex-exercise-2" value="c" disabled>');
    expect(nb.html).toContain('<li data-label="2"><span class="wb-exercise-label">2</span> <span class="wb-exercise-item">compute</span>');
    expect(nb.html).toContain('<select name="b" aria-label="Category of B" disabled><option value="">—</option>\n<option>Scope 1</option>\n<option>Scope 2</option>\n<option>Scope 3</option>\n</select>');
  });

  it("takes a live correct answer for any kind, and inline values in options", () => {
    const nb = parseNotebook(md("::: exercise", "::: answer choice", "- at ${a} kWh", "- at ${b} kWh", "correct: ${a > b ? 'a' : 'b'}", ":::", ":::"), "t.md");
    expect(nb.cells.map((c) => c.sourceText)).toEqual(["a", "b", "a > b ? 'a' : 'b'"]);
    expect(nb.exercises![0]).toMatchObject({ answerCell: nb.cells[2]!.id });
  });

  it("keeps a ::: line inside a solution's code as code", () => {
    const nb = parseNotebook(md("::: exercise", "::: answer text", "correct: x", ":::", "::: solution", `${fence}js`, "const s = `", ":::", "`;", fence, ":::", ":::", "after"), "t.md");
    expect(nb.cells[0]!.sourceText).toBe("const s = `\n:::\n`;");
    expect(nb.html).toContain("<p>after</p>");
  });

  it("reserves the exercise's anchor, so a heading never takes it", () => {
    const nb = parseNotebook(md("## Ex cp", "", "::: exercise {#cp}", "::: answer text", "correct: x", ":::", ":::"), "t.md");
    expect(nb.headings[0]!.id).toBe("ex-cp-2");
  });
});

describe("::: exercise mistakes", () => {
  const errors = (...lines: string[]) => locatedErrors(() => parseNotebook(md(...lines), "t.md")).map((e) => [`${e.line}:${e.column}`, e.reason, e.hint]);

  it("locates a broken answer block at the line to fix", () => {
    expect(errors("::: exercise", "::: answer", ":::", ":::")).toEqual([["2:1", "::: answer needs a kind: number, choice, choices, order, classify, text", "e.g. ::: answer number"]]);
    expect(errors("::: exercise", "::: answer numbr", ":::", ":::")).toEqual([["2:12", 'unknown answer kind "numbr"; the kinds are number, choice, choices, order, classify, text', 'write one of them after "::: answer", e.g. "::: answer number"']]);
    expect(errors("::: exercise", "::: answer number", "tolerance: 1%", ":::", ":::")[0]).toEqual(["2:1", "this number answer has no correct: line", 'e.g. "correct: ${energyMWh} MWh"']);
    expect(errors("::: exercise", "::: answer number", "correct: 5 kWh", "unit: kWh", ":::", ":::")[0]!.slice(0, 2)).toEqual(["4:1", "unknown answer field unit:"]);
    expect(errors("::: exercise", "::: answer number", "correct: ${x} mwh", ":::", ":::")[0]!.slice(0, 2)).toEqual(["3:15", 'correct: "mwh" could be mWh or MWh: mind the capital letters']);
    expect(errors("::: exercise", "::: answer number", "correct: ${x} MWh", "tolerance: 1 MW", ":::", ":::")[0]!.slice(0, 2)).toEqual(["4:12", 'tolerance: the tolerance "1 MW" is a power, but the answer is an energy']);
    expect(errors("::: exercise", "::: answer number", "correct: 1918,9 MWh", ":::", ":::")[0]![1]).toContain("write decimals with a point (1918.9)");
    expect(errors("::: exercise", "::: answer number", "correct: ${x} MWh", "over: 3 MWh", ":::", ":::")[0]!.slice(0, 2)).toEqual(["4:7", 'over: "3 MWh" is not a length of time']);
    expect(errors("::: exercise", "::: answer text", "correct: x", "over: 1 yr", ":::", ":::")[0]![1]).toContain("over:");
    expect(errors("::: exercise", "::: answer number", "correct: ${x} MWh", "- an option", ":::", ":::")[0]!.slice(0, 2)).toEqual(["4:3", "a number answer has no options; this line is one"]);
    expect(errors("::: exercise", "::: answer text", "correct: x", "some prose", ":::", ":::")[0]!.slice(0, 2)).toEqual(["4:1", "this line of a ::: answer is neither a field (correct: …) nor an option (- … or 1. …)"]);
  });

  it("checks a written-out correct answer against the options", () => {
    expect(errors("::: exercise", "::: answer choice", "- a", "- b", "correct: c", ":::", ":::")[0]!.slice(0, 2)).toEqual([
      "5:10",
      'correct: the correct answer is "c", but a choice answer is one option label (a–b); for several right options use `::: answer choices`',
    ]);
    expect(errors("::: exercise", "::: answer order", "1. x", "2. y", "correct: 1, 1", ":::", ":::")[0]![1]).toContain("lists every item's label once");
    expect(errors("::: exercise", "::: answer classify", "categories: A, B", "- x", "correct: C", ":::", ":::")[0]![1]).toContain("from: A, B");
    expect(errors("::: exercise", "::: answer classify", "- x", "correct: A", ":::", ":::")[0]![1]).toBe("a classify answer needs a categories: line");
    expect(errors("::: exercise", "::: answer choice", "- only", "correct: a", ":::", ":::")[0]![1]).toContain("at least two");
    expect(errors("::: exercise", "::: answer choice", "- [x] a", "- [ ] b", "correct: a", ":::", ":::")[0]!.slice(1)).toEqual([
      "options are not ticked in place; name the right ones on a correct: line",
      'e.g. "correct: b" or, for several, "correct: a, c"',
    ]);
  });

  it("reports a broken live correct answer like any inline expression", () => {
    expect(errors("::: exercise", "::: answer number", "correct: ${x +} MWh", ":::", ":::")[0]![1]).toContain("does not parse");
  });

  it("reports containers that are unclosed, stray, out of place, unknown or nested", () => {
    expect(errors("::: exercise", "::: answer text", "correct: x", ":::")).toEqual([["1:1", "this ::: exercise is never closed, so everything after it became part of it", "add a line of ::: where it ends"]]);
    expect(errors("text", "", ":::")).toEqual([["3:1", "this ::: closes nothing: no container is open here", "remove it, or open a container above it with ::: exercise"]]);
    expect(errors("::: hint", "x", ":::")[0]!.slice(0, 2)).toEqual(["1:1", "::: hint belongs inside a ::: exercise"]);
    expect(errors("::: note", "x", ":::")[0]!.slice(0, 2)).toEqual(["1:1", "unknown container ::: note"]);
    expect(errors("::: exercise", "::: exercise", "::: answer text", "correct: x", ":::", ":::", ":::")[0]![1]).toContain("exercises cannot nest");
    expect(errors("::: exercise", "Only a prompt.", ":::")[0]!.slice(0, 2)).toEqual(["1:1", "this exercise has no ::: answer, so nothing can be checked"]);
    expect(errors("::: exercise", "::: answer text", "correct: x", ":::", "::: answer text", "correct: y", ":::", ":::")[0]![1]).toBe("an exercise has one ::: answer; this is a second");
    expect(errors("::: exercise", "::: answer text", "correct: x", ":::", "::: hint more", "x", ":::", ":::")[0]!.slice(0, 2)).toEqual(["5:10", '::: hint takes nothing after its name (found "more")']);
  });

  it("refuses duplicate ids, bad ids and live values in titles", () => {
    const answer = ["::: answer text", "correct: x", ":::", ":::"];
    expect(errors("::: exercise A {#x}", ...answer, "::: exercise B {#x}", ...answer)[0]!.slice(0, 2)).toEqual(["6:1", "the exercise id x is taken by the exercise at line 1"]);
    expect(errors("::: exercise A {#1x}", ...answer)[0]![1]).toContain("should start with a letter");
    expect(errors("::: exercise At ${x} kWh", ...answer)[0]!.slice(0, 2)).toEqual(["1:17", "an exercise title cannot hold a ${…} expression"]);
  });
});
