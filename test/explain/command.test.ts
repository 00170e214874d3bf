// `wattbook explain NOTEBOOK.md NAME|LINE` as a reader runs it: the real CLI (dist/) on a fixture
// notebook, evaluated as the build evaluates it, printing the trace the page's panel shows; and the
// errors for a name or a line the notebook does not have, worded by the catalog and naming the file.
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";

const FIXTURE = "test/explain/fixtures/run-carbon.md";

describe("wattbook explain", () => {
  it("prints a name's cell, the cells it reads, the kernel calls and the cited constants", async () => {
    const result = await runCli(["explain", FIXTURE, "carbon"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const out = result.stdout;
    // The cell's place and code first.
    expect(out).toMatch(/^test\/explain\/fixtures\/run-carbon\.md:\d+ {2}the cell at line \d+\n {2}const run = clusterEnergy/);
    // Its values: 64 H100s at 700 W for 24 h with PUE 1.2 is 1,290.24 kWh; at 20 g/kWh, 25.8 kg.
    expect(out).toMatch(/carbon = \{kgCO2e: 25\.8, tCO2e: 0\.0258\}/);
    // Each kernel call with what it received, and the record the call read.
    expect(out).toMatch(/clusterEnergy\(\{devices: 64, watts: 700, hours: 24, pue: 1\.2, supportFactor: 1\}\) \(default: supportFactor\)\n {4}→ facilityKWh: 1,290\.2/);
    expect(out).toMatch(/operationalCarbon\(\{energyKWh: 1,290\.2, gridGPerKWh: 20\}\)/);
    // The cells it depends on, the input among them.
    expect(out).toMatch(/Computed from\n {2}devices {2}the input at line \d+\n {4}devices = 64/);
    // Every constant reached, with value, unit, citation, year and note.
    expect(out).toMatch(/accelerators\.h100\.watts = 700 W  H100 board power \(TDP\)\n {4}NVIDIA H100 datasheet \(2022\)\n {4}NVIDIA Corporation\. NVIDIA H100 Tensor Core GPU datasheet\. 2022\./);
    expect(out).toMatch(/grids\.quebec = 20 gCO2e\/kWh  Quebec grid \(hydro\)\n {4}Sustainable AI chapter, Napkin Math 1\.3 \(2026\)\n {4}Sustainable AI \(The Energy Ceiling\)\. 2026\.\n {4}hydropower/);
  });

  it("prints the inline values on a line, and the trace as JSON with --json", async () => {
    const result = await runCli(["explain", FIXTURE, "28", "--json"]);
    expect(result.code).toBe(0);
    const traces = JSON.parse(result.stdout) as { steps: { cell: { inline?: boolean; source: string }; calls: { fn: string }[] }[]; sources: { key: string }[] }[];
    expect(traces.map((trace) => trace.steps[0]!.cell.source)).toEqual(["run.facilityKWh.toFixed(0)", "carbon.kgCO2e.toFixed(1)"]);
    expect(traces[1]!.steps[1]!.calls.map((call) => call.fn)).toEqual(["clusterEnergy", "operationalCarbon"]);
    expect(traces[1]!.sources.map((source) => source.key)).toEqual(["accelerators.h100.watts", "grids.quebec"]);
  });

  it("refuses a name no cell declares, naming the file and the names near it", async () => {
    const result = await runCli(["explain", FIXTURE, "carbn"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`${FIXTURE}: no cell declares "carbn" [explain-unknown-name-near]\n  hint: did you mean carbon? Names near it: carbon, run, later, hours, homes\n`);
  });

  it("refuses a line with no cell, and a missing argument", async () => {
    const line = await runCli(["explain", FIXTURE, "3"]);
    expect(line.code).toBe(1);
    expect(line.stderr).toMatch(/^test\/explain\/fixtures\/run-carbon\.md: no cell or inline value on line 3 \[explain-no-cell-on-line\]\n {2}hint: give a line of a cell's code/);
    const missing = await runCli(["explain", FIXTURE]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/expects a notebook and a name or line \(got 1 argument\)/);
  });
});
