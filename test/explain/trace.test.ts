// The trace of a value (src/explain): a notebook run in this process on the real runtime and kernel, its
// provenance captured as the build captures it, and traced over the compiler's cell graph: steps nearest
// first, each kernel call with its input, defaults and the outputs its cell names, every record reached
// with its citation, what could not be seen; and the same trace again after an input changed.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureProvenance } from "../../src/explain/capture.ts";
import { referenceEntry } from "../../src/explain/citation.ts";
import { sourcedRecord } from "../../src/kernel/catalog.ts";
import { accelerators, anchors, grids } from "../../src/kernel/index.ts";
import { newRecording } from "../../src/kernel/provenance.ts";
import type { CellLog } from "../../src/runtime/provenance-log.ts";
import type { ExplainData, StaticCell } from "../../src/explain/data.ts";
import { liveData } from "../../src/explain/live.ts";
import { explainData, staticGraph } from "../../src/explain/static.ts";
import { cellsFor } from "../../src/explain/target.ts";
import { traceText } from "../../src/explain/text.ts";
import { traceOf, UnknownCellError, type Trace } from "../../src/explain/trace.ts";
import { REPO_ROOT } from "../helpers/cli.ts";
import { processNotebook } from "../helpers/compiler.ts";
import { runNotebook, type NotebookValues } from "../helpers/notebook-values.ts";

const FIXTURE = "test/explain/fixtures/run-carbon.md";

let values: NotebookValues;
let graph: StaticCell[];

beforeAll(async () => {
  values = await runNotebook(FIXTURE);
  // The declared names settle one turn after their cells.
  await values.value("homes");
  graph = staticGraph(processNotebook(await readFile(path.join(REPO_ROOT, FIXTURE), "utf8"), FIXTURE).notebook);
});

afterAll(() => values?.dispose());

function data(): ExplainData {
  const captured = captureProvenance(values.run.notebook.cells, (id) => values.run.provenance.get(id), values.run.notebook.imports);
  return { path: FIXTURE, graph, ...captured };
}

/** The inline value whose code is `source`. */
function inline(source: string): StaticCell {
  const cell = graph.find((candidate) => candidate.inline && candidate.source === source);
  if (!cell) throw new Error(`no inline value ${source}`);
  return cell;
}

const stepNames = (trace: Trace) => trace.steps.map((step) => step.names.map((n) => n.name).join(",") || step.cell.source);

describe("the trace of a value", () => {
  it("walks the cells it depends on, nearest first, with their values", () => {
    const trace = traceOf(data(), inline("carbon.kgCO2e.toFixed(1)").id);
    expect(stepNames(trace)).toEqual(["carbon.kgCO2e.toFixed(1)", "run,carbon", "devices", "hours"]);
    expect(trace.steps[0]).toMatchObject({ depth: 0, value: "25.8" });
    const input = trace.steps[2]!;
    expect(input.cell.input).toBe(true);
    expect(input.names).toEqual([{ name: "devices", value: 64 }]);
    expect(trace.steps[3]!.names).toEqual([{ name: "hours", value: 24 }]);
    // A step links to where the page shows its cell.
    expect(trace.steps[1]!.cell.anchor).toBe(`cell-${trace.steps[1]!.cell.id}`);
  });

  it("names each kernel call with the input it received, its defaults and the outputs its cell uses", () => {
    const trace = traceOf(data(), inline("carbon.kgCO2e.toFixed(1)").id);
    const [energy, carbon] = trace.steps[1]!.calls;
    expect(energy).toMatchObject({ fn: "clusterEnergy", input: { devices: 64, watts: 700, hours: 24, pue: 1.2, supportFactor: 1 }, defaults: ["supportFactor"], used: ["facilityKWh"] });
    expect(energy!.output).toEqual({ acceleratorKWh: 1075.2, itKWh: 1075.2, facilityKWh: 1290.24 });
    expect(carbon).toMatchObject({ fn: "operationalCarbon", input: { energyKWh: 1290.24, gridGPerKWh: 20 }, used: ["kgCO2e"] });
  });

  it("lists every record reached once, with value, unit, citation, year and note, and who read it", () => {
    const trace = traceOf(data(), inline("carbon.kgCO2e.toFixed(1)").id);
    const runCell = trace.steps[1]!.cell.id;
    expect(trace.sources.map((source) => source.key)).toEqual(["accelerators.h100.watts", "grids.quebec"]);
    expect(trace.sources[1]).toMatchObject({
      key: "grids.quebec",
      entry: { path: "grids.quebec", name: "Quebec grid (hydro)", value: 20, unit: "gCO2e/kWh", citation: "Sustainable AI chapter, Napkin Math 1.3", year: 2026, note: "hydropower; the chapter's canonical clean grid" },
      readBy: [{ cellId: runCell }],
    });
    expect(trace.sources[1]!.entry.reference).toMatchObject({ title: "Sustainable AI (The Energy Ceiling)", year: 2026 });
  });

  it("names a notebook's own sourced() record by the name that holds it", () => {
    const trace = traceOf(data(), inline("operationalCarbon({energyKWh: run.facilityKWh, gridGPerKWh: ownGrid.value}).kgCO2e.toFixed(1)").id);
    expect(trace.steps[0]!.calls.map((call) => call.fn)).toEqual(["operationalCarbon"]);
    const own = trace.sources.find((source) => source.key === "ownGrid");
    expect(own?.entry).toMatchObject({ value: 300, citation: "Our utility's 2024 bill", year: 2024, note: "the site's own meter" });
    expect(own?.readBy).toEqual([{ cellId: trace.steps[0]!.cell.id }]);
  });

  it("says what it could not see: what an async cell did after its first await", () => {
    const trace = traceOf(data(), inline("homes.householdYears.toFixed(2)").id);
    const homes = trace.steps.find((step) => step.names.some((n) => n.name === "homes"))!;
    expect(homes.run?.partial).toBe("async");
    expect(homes.calls).toEqual([]);
    expect(trace.notes).toEqual([`the cell at line ${homes.cell.line} awaits: kernel calls and records read after its first await are not recorded.`]);
  });

  it("prints as text for the terminal, naming the functions and the sources", () => {
    const text = traceText(traceOf(data(), inline("carbon.kgCO2e.toFixed(1)").id));
    expect(text).toContain(`${FIXTURE}:`);
    expect(text).toContain("= 25.8\n");
    expect(text).toMatch(/clusterEnergy\(\{devices: 64, watts: 700, hours: 24, pue: 1\.2, supportFactor: 1\}\) \(default: supportFactor\)/);
    expect(text).toContain("→ facilityKWh: 1,290.2 (the fields the value uses, of 3)");
    expect(text).toContain("grids.quebec = 20 gCO2e/kWh  Quebec grid (hydro)\n    Sustainable AI chapter, Napkin Math 1.3 (2026)");
  });

  it("follows the page: after an input changes, the live data traces the new value", async () => {
    const build = data();
    const hoursCell = values.run.notebook.cells.find((cell) => cell.outputs.includes("hours"))!;
    values.run.redefine({ ...hoursCell, body: () => ({ hours: 48 }) });
    await values.run.settled();
    await values.value("carbon");
    const id = inline("carbon.kgCO2e.toFixed(1)").id;
    const { data: live, live: isLive } = liveData(build, id, values.run);
    expect(isLive).toBe(true);
    const trace = traceOf(live, id);
    expect(trace.steps[0]!.value).toBe("51.6");
    expect(trace.steps[1]!.calls[0]!.input).toMatchObject({ hours: 48 });
    // Not live (no run): what the build recorded.
    expect(traceOf(liveData(build, id, undefined).data, id).steps[0]!.value).toBe("25.8");
  });
});

describe("traces over hand-made data", () => {
  const cell = (id: string, extra: Partial<StaticCell> = {}): StaticCell => ({ id, line: 1, source: id, ...extra });

  it("visit each cell once, however many paths lead to it", () => {
    const diamond: ExplainData = {
      path: "d.md",
      graph: [cell("v", { reads: ["b", "c"], inline: true }), cell("b", { names: ["b"], reads: ["a"] }), cell("c", { names: ["c"], reads: ["a"] }), cell("a", { names: ["a"] })],
      cells: {},
      sources: {},
    };
    expect(traceOf(diamond, "v").steps.map((step) => [step.cell.id, step.depth])).toEqual([["v", 0], ["b", 1], ["c", 1], ["a", 2]]);
    // Nothing ran: each step says so.
    expect(traceOf(diamond, "v").notes).toHaveLength(4);
  });

  it("refuse a cell the notebook does not have", () => {
    expect(() => traceOf({ path: "d.md", graph: [], cells: {}, sources: {} }, "nope")).toThrow(UnknownCellError);
  });

  it("are asked for by name or by line (wattbook explain)", () => {
    const graph = [cell("a", { names: ["run"], line: 10, source: "const run = 1;\nconst x = 2;" }), cell("i1", { inline: true, anchor: "cell-i1", line: 20 }), cell("i2", { inline: true, anchor: "cell-i2", line: 20 })];
    expect(cellsFor(graph, "run")).toEqual({ cells: [graph[0]] });
    expect(cellsFor(graph, "11")).toEqual({ cells: [graph[0]] });
    expect(cellsFor(graph, "9")).toEqual({ cells: [graph[0]] }); // the fence's line
    expect(cellsFor(graph, "20")).toEqual({ cells: [graph[1], graph[2]] });
    expect(cellsFor(graph, "rum")).toEqual({ problem: { code: "explain-unknown-name-near", reason: 'no cell declares "rum"', hint: "did you mean run? Names near it: run" } });
    expect(cellsFor(graph, "30")).toEqual({ problem: { code: "explain-no-cell-on-line", reason: "no cell or inline value on line 30", hint: "give a line of a cell's code or of a ${…} value (cells here start on lines 10), or a name a cell declares" } });
    const many = [...graph, cell("b", { names: ["energyKWh", "energyMWh", "carbonKg", "flops", "hours", "watts"], line: 40 })];
    // Far from every name: no guess, the nearest names listed, closest first.
    expect(cellsFor(many, "energy")).toEqual({ problem: expect.objectContaining({ code: "explain-unknown-name", hint: "give a name a cell declares (energyKWh, energyMWh, run, hours, flops), or a line number of a cell or a ${…} value" }) });
    expect(cellsFor([cell("c", { line: 3 })], "x")).toEqual({ problem: expect.objectContaining({ code: "explain-declares-nothing" }) });
  });
});

describe("the names of records", () => {
  const logWith = (values: [string, unknown][], reads: object[]): CellLog => {
    const recording = newRecording();
    for (const read of reads) recording.constants.add(read);
    return { recording, partial: undefined, values: new Map(values), result: undefined, hasResult: false, failed: undefined };
  };

  it("are the paths from the notebook's imports, before its own names; a catalog record is keyed by its id; a record with neither is named by what it says", () => {
    // The cell holds grids.quebec under a name of its own, reads a catalog record the notebook never
    // imports (keyed by its id) and a record of its own making (no id).
    const own = sourcedRecord(10.7, { unit: "MWh/year", citation: "Sustainable AI chapter, footnote 2", year: 2026 });
    const log = logWith([["q", grids.quebec]], [grids.quebec, anchors.householdMWhPerYear, own]);
    const captured = captureProvenance([{ id: "c" }], () => log, { grids, acc: accelerators });
    expect(captured.cells.c!.constants).toEqual(["grids.quebec", "anchors.householdMWhPerYear", "Sustainable AI chapter, footnote 2 (2026): 10.7 MWh/year"]);
    expect(captured.cells.c!.values).toEqual({ q: { $wb: "source", key: "grids.quebec" } });
    // A catalog imported under another name: its records keep their ids (the page's Sources rows are
    // anchored by them); a record of the notebook's own, reached through an alias, gets the alias's path.
    const aliased = captureProvenance([{ id: "c" }], () => logWith([], [accelerators.h100.watts]), { acc: accelerators });
    expect(aliased.cells.c!.constants).toEqual(["accelerators.h100.watts"]);
    expect(aliased.sources["accelerators.h100.watts"]).toMatchObject({ value: 700, unit: "W", citation: "NVIDIA H100 datasheet", year: 2022 });
    const ownAliased = captureProvenance([{ id: "c" }], () => logWith([], [own]), { mine: { grid: own } });
    expect(ownAliased.cells.c!.constants).toEqual(["mine.grid"]);
  });
});

describe("a record the kernel names and cites in full", () => {
  // The shape kernel/references.ts gives catalog records: a display name, the catalog path as id, the work in full.
  const patterson = { id: "patterson2021", short: "Patterson et al. 2021", authors: "David Patterson, Joseph Gonzalez, Quoc Le, Chen Liang, Lluis-Miquel Munguia, Daniel Rothchild, David So, Maud Texier, Jeff Dean", title: "Carbon Emissions and Large Neural Network Training", year: 2021, publishedIn: "arXiv preprint", doi: "10.48550/arXiv.2104.10350" };
  const record = sourcedRecord(429, { unit: "gCO2e/kWh", citation: "Patterson et al. 2021", year: 2021, name: "US average grid", id: "grids.usAverage", reference: patterson, locator: "Table 4" });

  function traced(): Trace {
    const log: CellLog = { recording: newRecording(), partial: undefined, values: new Map([["grid", record]]), result: undefined, hasResult: false, failed: undefined };
    log.recording!.constants.add(record);
    const captured = captureProvenance([{ id: "g" }], (id) => (id === "g" ? log : undefined));
    return traceOf({ path: "n.md", graph: [{ id: "g", line: 3, names: ["grid"], source: "const grid = grids.usAverage;" }], ...captured }, "g");
  }

  it("keys it by its id, and keeps its name, locator and reference whole", () => {
    const [source] = traced().sources;
    expect(source!.key).toBe("grids.usAverage");
    expect(source!.entry).toMatchObject({ path: "grids.usAverage", name: "US average grid", locator: "Table 4", reference: patterson, citation: "Patterson et al. 2021", year: 2021, value: 429 });
    // Nothing of them is repeated among the record's other fields.
    expect(source!.entry.fields).toBeUndefined();
  });

  it("prints the display name and the full citation with its DOI", () => {
    const text = traceText(traced());
    expect(text).toContain(
      "grids.usAverage = 429 gCO2e/kWh  US average grid\n    Patterson et al. 2021 (2021)\n    David Patterson, Joseph Gonzalez, Quoc Le, Chen Liang, Lluis-Miquel Munguia, Daniel Rothchild, David So, Maud Texier, Jeff Dean. Carbon Emissions and Large Neural Network Training. arXiv preprint, 2021. https://doi.org/10.48550/arXiv.2104.10350\n",
    );
  });

  it("reads only what a reference is", () => {
    expect(referenceEntry({ title: "T", year: 2020, url: "https://example.org/t", extra: { a: 1 } })).toEqual({ title: "T", year: 2020, url: "https://example.org/t" });
    expect(referenceEntry("Patterson et al. 2021")).toBeUndefined();
    expect(referenceEntry({ title: "no year" })).toBeUndefined();
  });
});

describe("the build's data for a page", () => {
  it("is the graph with the captured runs", () => {
    const analysed = processNotebook("# T\n\n```js\nconst a = 1;\n```\n\n${a}\n", "t.md").notebook;
    const built = explainData(analysed, { cells: { x: {} }, sources: {} });
    expect(built.graph.map((c) => [c.names ?? [], c.reads ?? [], c.inline ?? false])).toEqual([[["a"], [], false], [[], ["a"], true]]);
    expect(built.cells).toEqual({ x: {} });
  });
});
