// The editing session on a real notebook run (the build's DOM and runtime, in this process): edits
// recompile with the build's analysis, dependents follow, errors keep the old definition running.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CellSource } from "../../src/editor/compile.ts";
import { EditSession } from "../../src/editor/session.ts";
import { sucraseStripper } from "../../src/editor/strip-types.ts";
import { REPO_ROOT } from "../helpers/cli.ts";
import { processNotebook } from "../helpers/compiler.ts";
import { cellSource } from "../../src/publish/edit-twin.ts";
import { runNotebook, type NotebookValues } from "../helpers/notebook-values.ts";

let open: NotebookValues | undefined;
afterEach(() => {
  open?.dispose();
  open = undefined;
});

async function sessionOn(file: string) {
  const text = await readFile(path.join(REPO_ROOT, file), "utf8");
  const sources: CellSource[] = processNotebook(text, file).notebook.cells.map(cellSource);
  const nb = (open = await runNotebook(file));
  let typescriptLoads = 0;
  const session = new EditSession(nb.run, sources, {
    loadKernel: () => import("../../src/kernel/index.ts"),
    loadTypeScript: async () => {
      typescriptLoads++;
      return sucraseStripper;
    },
    loopBudgetMs: 50,
  });
  // As the edit page does (editor/frame.ts): what a reset brings back is checked in the build's words.
  nb.run.useConflictCheck(session.conflicts);
  const cellDefining = (name: string) => sources.find((cell) => new RegExp(`(const|let) ${name}\\b`).test(cell.sourceText))!;
  return { nb, session, sources, cellDefining, typescriptLoads: () => typescriptLoads };
}

const totalKg = async (nb: NotebookValues) => ((await nb.value("footprint")) as { totalKg: number }).totalKg;

describe("an editing session", () => {
  it("runs an edited cell in place of the author's, and its dependents follow", async () => {
    const { nb, session, cellDefining } = await sessionOn("examples/training-carbon.md");
    const cell = cellDefining("footprint");
    const before = await totalKg(nb);
    const edited = cell.sourceText.replace("devices: gpus", "devices: gpus * 2");
    expect(await session.run(cell.id, edited)).toEqual({ ok: true });
    await nb.run.settled();
    expect(await totalKg(nb)).toBeCloseTo(2 * before, 6);
    expect(session.isEdited(cell.id)).toBe(true);
    expect(session.edits().cells).toEqual({ [cell.id]: edited });

    session.reset(cell.id);
    await nb.run.settled();
    expect(await totalKg(nb)).toBeCloseTo(before, 6);
    expect(session.edits().cells).toEqual({});
  });

  it("reports a syntax error with the cell's own line and column, and keeps the previous definition", async () => {
    const { nb, session, cellDefining } = await sessionOn("examples/training-carbon.md");
    const cell = cellDefining("footprint");
    const before = await totalKg(nb);
    const result = await session.run(cell.id, cell.sourceText.replace("hours: days * 24,", "hours: days * ,"));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatchObject({ line: 4, column: 17, message: "syntax error: Unexpected token" });
    await nb.run.settled();
    expect(await totalKg(nb)).toBe(before);
    expect(session.isEdited(cell.id)).toBe(false);
  });

  it("reports a js syntax error in the page before any type stripper is loaded", async () => {
    const { session, cellDefining, typescriptLoads } = await sessionOn("examples/training-carbon.md");
    const cell = cellDefining("footprint");
    const result = await session.run(cell.id, "const footprint: number = 1;");
    expect(!result.ok && result.errors[0]).toMatchObject({ line: 1, column: 16, message: "syntax error: Unexpected token" });
    expect(typescriptLoads()).toBe(0);
  });

  it("follows a renamed declaration: cells that read the old name say it is not defined", async () => {
    const { nb, session, cellDefining } = await sessionOn("examples/training-carbon.md");
    const cell = cellDefining("footprint");
    await session.run(cell.id, cell.sourceText.replace("const footprint", "const footprint2"));
    await nb.run.settled();
    const failures = nb.run.failures();
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((f) => f.message === "footprint is not defined")).toBe(true);
    expect(await nb.value("footprint2")).toHaveProperty("totalKg");
  });

  it("places an edit's run-time error at the line that threw, and its dependents wait on it", async () => {
    const { nb, session, cellDefining } = await sessionOn("examples/training-carbon.md");
    const cell = cellDefining("footprint");
    // Line 3 throws: the kernel refuses a negative count of devices.
    const edited = ["const perDevice = 700;", "const count = -gpus;", "const footprint = trainingFootprint({devices: count, watts: perDevice, hours: days * 24, pue: 1.1, gridGPerKWh: 400, embodiedKgPerDevice: 1, lifetimeYears: 4});", "const unused = 1;", "const alsoUnused = 2;"].join("\n");
    expect(await session.run(cell.id, edited)).toEqual({ ok: true });
    const outcome = await session.outcome(cell.id);
    if (!outcome.settled) throw new Error("the page did not settle");
    expect(outcome.failure).toMatchObject({ own: true, at: { line: 3, column: edited.split("\n")[2]!.indexOf("trainingFootprint(") + 1 }, location: expect.stringMatching(/^Line 3, column \d+ of the edited cell:$/) });
    expect(outcome.failure?.message).toContain("trainingFootprint");
    // Every cell that reads footprint waits on it, named by what the edit defines; none shows an error of its own.
    expect(outcome.waiting.length).toBeGreaterThan(2);
    expect(outcome.waiting.some((w) => w.inline)).toBe(true);
    expect(nb.html(cell.id)).toContain("Line 3, column");
    const dependent = outcome.waiting.find((w) => w.inline)!;
    expect(nb.html(dependent.cellId)).toMatch(/^<span [^>]*class="wb-waiting"[^>]*>waiting on perDevice, count and 3 more<\/span>$/);
    expect(nb.html(dependent.cellId)).not.toContain("wb-error");
    expect(nb.run.failures().filter((f) => f.own).map((f) => f.cellId)).toEqual([cell.id]);

    // Put right, it runs and nothing waits.
    expect(await session.run(cell.id, cell.sourceText.replace("devices: gpus", "devices: gpus * 2"))).toEqual({ ok: true });
    expect(await session.outcome(cell.id)).toEqual({ settled: true, waiting: [] });
  });

  it("stops an endless loop and reports it in the cell", async () => {
    const { nb, session, cellDefining } = await sessionOn("examples/training-carbon.md");
    const cell = cellDefining("footprint");
    await session.run(cell.id, `let n = 0;\nwhile (true) { n++; }\n${cell.sourceText}`);
    await nb.run.settled();
    const own = nb.run.failures().find((f) => f.cellId === cell.id);
    expect(own?.message).toBe("the loop at line 2 ran for more than 50 ms, so it was stopped: it may loop forever");
  });

  it("stops recursion caught by try/catch, and marks the edit unsafe (not to be saved) until it runs clean", async () => {
    const { nb, session, cellDefining } = await sessionOn("examples/training-carbon.md");
    const cell = cellDefining("footprint");
    await session.run(cell.id, `function f(n) {\n  try { return f(n + 1); } catch (e) { return f(n + 1); }\n}\nf(0);\n${cell.sourceText}`);
    await nb.run.settled();
    const own = nb.run.failures().find((f) => f.cellId === cell.id);
    expect(own?.message).toMatch(/^the function at line 1 ran for more than 50 ms without giving the page a turn/);
    expect(session.unsafe()).toEqual([cell.id]);
    expect(session.edits().cells).toHaveProperty(cell.id);
    await session.run(cell.id, cell.sourceText.replace("devices: gpus", "devices: gpus * 2"));
    await nb.run.settled();
    expect(session.unsafe()).toEqual([]);
  });

  it("rejects imports it cannot resolve in the page and names the notebook cannot lose", async () => {
    const { session, cellDefining } = await sessionOn("examples/training-carbon.md");
    const cell = cellDefining("footprint");
    const d3 = await session.run(cell.id, 'import {sum} from "d3-array";\nconst footprint = 1;');
    expect(!d3.ok && d3.errors[0]).toMatchObject({ line: 1, column: 1, message: '"d3-array" cannot be imported while editing in the page: the notebook does not import it' });
    const clash = await session.run(cell.id, "const grids = 1;");
    // The build's own check, with the build's words.
    expect(!clash.ok && clash.errors[0]).toMatchObject({ line: 1, column: 7, message: expect.stringMatching(/^grids is defined here and imported at examples\/training-carbon\.md:\d+:1$/), hint: "rename one of them" });
    const missing = await session.run(cell.id, 'import {nope} from "wattbook/kernel";\nconst footprint = 1;');
    expect(!missing.ok && missing.errors[0]).toMatchObject({ line: 1, message: '"wattbook/kernel" has no export named "nope"' });
  });

  it("lets an edited cell import other names of a module the notebook imports, and names what the module lacks", async () => {
    // The fixture imports {sum, extent} from "d3-array"; its compiled module keeps d3-array's namespace.
    const { nb, session, sources } = await sessionOn("test/golden/fixtures/npm.md");
    const cell = sources.find((c) => c.kind === "block" && c.sourceText.startsWith("sum("))!;
    expect(await session.run(cell.id, 'import {mean, sum} from "d3-array";\nconst middle = mean([2, 4, 9]) + sum([1]);')).toEqual({ ok: true });
    await nb.run.settled();
    expect(await nb.value("middle")).toBe(6);
    const missing = await session.run(cell.id, 'import {meen} from "d3-array";\nconst middle = meen([2]);');
    expect(!missing.ok && missing.errors[0]).toMatchObject({ line: 1, column: 1, message: '"d3-array" has no export named "meen"', code: "editor-export-missing" });
    const other = await session.run(cell.id, 'import {scaleLinear} from "d3-scale";\nconst middle = 1;');
    expect(!other.ok && other.errors[0]).toMatchObject({ code: "editor-import-not-allowed" });
  });

  it("refuses an edit the build would refuse, with the build's words: a name defined twice, a cycle, another cell's value assigned", async () => {
    const { nb, session, sources, cellDefining } = await sessionOn("examples/training-carbon.md");
    const cell = cellDefining("footprint");
    const other = sources.find((c) => c.kind === "block" && c.id !== cell.id && /const (gpus|days)\b/.test(c.sourceText))!;
    const defined = /const (gpus|days)\b/.exec(other.sourceText)![1]!;
    const before = await totalKg(nb);

    const twice = await session.run(cell.id, `${cell.sourceText}\nconst ${defined} = 1;`);
    expect(twice.ok).toBe(false);
    const at = `examples/training-carbon.md:${other.position.line}`;
    // At the new declaration, the last line of the edit; "at" is where the build would point.
    const lastLine = cell.sourceText.split("\n").length + 1;
    expect(!twice.ok && twice.errors[0]).toMatchObject({ line: lastLine, column: 7, message: expect.stringMatching(new RegExp(`^${defined} is defined twice: here and at ${at}:7$`)), hint: "each name is defined by one cell; rename one of them" });

    // footprint's cell reads `defined`; make that cell read footprint back: a cycle.
    const cycle = await session.run(other.id, `${other.sourceText}\nconst echoed = footprint;`);
    expect(cycle.ok).toBe(false);
    expect(!cycle.ok && cycle.errors[0]!.message).toContain("these cells depend on each other in a cycle: ");
    expect(!cycle.ok && cycle.errors[0]!.hint).toBe("a cell cannot read a value computed from its own; move the shared part into one cell");

    const assigns = await session.run(cell.id, `${defined} = 3;\n${cell.sourceText}`);
    expect(!assigns.ok && assigns.errors[0]).toMatchObject({ line: 1, column: 1, message: expect.stringMatching(new RegExp(`^${defined} is defined by another cell \\(${at}:\\d+\\); cells cannot reassign each other's values$`)) });

    // None of them ran: the author's cells still run, and nothing is saved.
    await nb.run.settled();
    expect(await totalKg(nb)).toBe(before);
    expect(session.edits().cells).toEqual({});
  });

  it("names a conflict that a reset brings back, in the build's words, and clears it when resolved", async () => {
    const { nb, session, cellDefining } = await sessionOn("examples/training-carbon.md");
    const days = cellDefining("days");
    const footprint = cellDefining("footprint");
    // Rename days away, then let another cell define days: both edits pass the checks.
    expect(await session.run(days.id, days.sourceText.replace("const days", "const days2"))).toEqual({ ok: true });
    expect(await session.run(footprint.id, `const days = 10;\n${footprint.sourceText}`)).toEqual({ ok: true });
    await nb.run.settled();
    // Resetting the first brings its days back beside the second's.
    session.reset(days.id);
    await nb.run.settled();
    const failure = nb.run.failures().find((f) => f.cellId === footprint.id);
    expect(failure).toMatchObject({ own: true, message: expect.stringMatching(/^days is defined twice: here and at examples\/training-carbon\.md:\d+:7$/) });
    session.reset(footprint.id);
    await nb.run.settled();
    expect(nb.run.failures()).toEqual([]);
  });

  it("adds scratch cells that compute with the notebook's values and the kernel", async () => {
    const { nb, session, cellDefining } = await sessionOn("examples/training-carbon.md");
    const after = cellDefining("footprint").id;
    const scratch = session.addScratch(after);
    expect(scratch.id).toBe("scratch-1");
    // The kernel's names need no import in a scratch cell.
    const result = await session.run(scratch.id, "operationalCarbon({energyKWh: footprint.facilityKWh, gridGPerKWh: 0}).kgCO2e");
    expect(result).toEqual({ ok: true });
    await nb.run.settled();
    expect(nb.html(scratch.id)).toBe('<div class="wb-value wb-num">0</div>');
    expect(session.edits().scratch).toEqual([{ id: "scratch-1", after, source: expect.stringContaining("operationalCarbon") }]);
    // An import works too; a program cell shows what it displays.
    const second = session.addScratch(scratch.id);
    expect(await session.run(second.id, 'import {operationalCarbon as oc} from "wattbook/kernel";\ndisplay(oc({energyKWh: 1000, gridGPerKWh: 400}).kgCO2e);')).toEqual({ ok: true });
    await nb.run.settled();
    expect(nb.html(second.id)).toBe('<div class="wb-value wb-num">400</div>');
    session.removeScratch(scratch.id);
    expect(session.edits().scratch.map((s) => s.id)).toEqual([second.id]);
  });

  it("strips TypeScript with the light stripper, loaded on the first TS cell", async () => {
    const { nb, session, sources, typescriptLoads } = await sessionOn("examples/edge-battery.md");
    const cell = sources.find((c) => c.lang === "ts" && c.sourceText.includes("interface Budget"))!;
    expect(await session.run(cell.id, cell.sourceText.replace("capacityMilliampHours: 225", "capacityMilliampHours: 450"))).toEqual({ ok: true });
    expect(typescriptLoads()).toBe(1);
    await nb.run.settled();
    const budget = (await nb.value("budget")) as { days: number };
    session.reset(cell.id);
    await nb.run.settled();
    expect(budget.days).toBeCloseTo(2 * ((await nb.value("budget")) as { days: number }).days, 6);
  });
});
