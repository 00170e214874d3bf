// A value that reads a property its object does not have (src/publish/missing-property.ts): the read is
// found from the cell's text and the values its inputs settled on; the build warns where a displayed
// value is undefined or NaN because of it (display-warnings.ts), replays the warning from the cache, and
// names the read in the hint when the cell throws a TypeError instead.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { findMissingProperty, uselessDisplay } from "../../src/publish/missing-property.ts";
import { runCli } from "../helpers/cli.ts";

const fence = "```";

describe("findMissingProperty", () => {
  const inputs = (values: Record<string, unknown>) => (name: string) => (name in values ? { value: values[name] } : undefined);
  const run = { acceleratorKWh: 1, itKWh: 2, facilityKWh: 3, nested: { kgCO2e: 4 } };

  it("names the read, its owner, the nearest property and the owner's properties", () => {
    expect(findMissingProperty("(run) => (\nrun.facilityKWH\n)", inputs({ run }))).toEqual({
      expression: "run.facilityKWH",
      owner: "run",
      property: "facilityKWH",
      suggestion: "facilityKWh",
      properties: ["acceleratorKWh", "itKWh", "facilityKWh", "nested"],
    });
  });

  it("follows a chain through plain objects, with optional reads, to the property that is missing", () => {
    const found = findMissingProperty("x => fmt(x?.nested.kgCO2, 1)", inputs({ x: run }));
    expect(found).toMatchObject({ expression: "x.nested.kgCO2", owner: "x.nested", property: "kgCO2", suggestion: "kgCO2e" });
  });

  it("leaves alone reads that exist, reads from names that are not inputs, and objects that are not plain", () => {
    expect(findMissingProperty("run.itKWh + run.nested.kgCO2e", inputs({ run }))).toBeUndefined();
    expect(findMissingProperty("other.itKwh", inputs({ run }))).toBeUndefined();
    expect(findMissingProperty("d.getFullYer()", inputs({ d: new Date(0) }))).toBeUndefined();
    expect(findMissingProperty("list.lenght", inputs({ list: [1, 2] }))).toBeUndefined();
    // Not a chain that starts at the input: a property of something else, a decimal number.
    expect(findMissingProperty("foo().run.x + 1.5", inputs({ run }))).toBeUndefined();
  });

  it("has no suggestion when no property is close, and still lists the properties", () => {
    const found = findMissingProperty("run.watts", inputs({ run }));
    expect(found?.suggestion).toBeUndefined();
    expect(found?.properties).toContain("facilityKWh");
  });

  it("tells a value that shows nothing from one worth showing", () => {
    expect(uselessDisplay(undefined)).toBe("nothing");
    expect(uselessDisplay(Number.NaN)).toBe("NaN");
    expect(uselessDisplay("NaN kWh")).toBe('"NaN kWh"');
    expect(uselessDisplay(0)).toBeUndefined();
    expect(uselessDisplay(null)).toBeUndefined();
    expect(uselessDisplay("Nandi kWh")).toBeUndefined();
  });
});

describe("wattbook build warns of a displayed value a missing property left undefined", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "wattbook-display-"));
    await mkdir(path.join(dir, "notebooks"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const build = async (text: string) => {
    await writeFile(path.join(dir, "notebooks", "t.md"), text);
    return runCli(["build"], { cwd: dir });
  };
  const setup = [`${fence}js`, 'import {clusterEnergy} from "wattbook/kernel";', "const run = clusterEnergy({devices: 8, watts: 700, hours: 24, pue: 1.2});", fence, ""];

  it("warns at the read, names the expression and the field meant, builds the page, and warns again from the cache", async () => {
    const text = ["# T", "", ...setup, "Facility: ${run.facilityKWH} kWh; doubled ${(run.itKwh * 2).toFixed(0)}; right ${run.itKWh}.", ""].join("\n");
    const first = await build(text);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('warning: notebooks/t.md:8:17: run.facilityKWH is undefined, so the cell shows nothing: run has no property "facilityKWH" (did you mean facilityKWh?) [display-missing-property]');
    expect(first.stderr).toContain('notebooks/t.md:8:50: run.itKwh is undefined, so the cell shows "NaN": run has no property "itKwh" (did you mean itKWh?)');
    expect(first.stderr).toContain("hint: read one of the properties run has: acceleratorKWh, itKWh, facilityKWh");
    expect(first.stderr).not.toMatch(/run\.itKWh is undefined/);
    const again = await build(text);
    expect(again.stderr).toContain("1 from the cache");
    expect(again.stderr).toContain("notebooks/t.md:8:17: run.facilityKWH is undefined");
  }, 60_000);

  it("names the missing property in the hint of a cell that throws reading it", async () => {
    const result = await build(["# T", "", ...setup, `${fence}js`, "run.facilityKwh.toFixed(1)", fence, ""].join("\n"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Cannot read properties of undefined (reading 'toFixed') [cell-missing-property]");
    expect(result.stderr).toContain('hint: run.facilityKwh is undefined: run has no property "facilityKwh" (did you mean facilityKWh?)');
  }, 60_000);

  it("says nothing of a notebook whose values are all there", async () => {
    const result = await build(["# T", "", ...setup, "Facility: ${run.facilityKWh.toFixed(0)} kWh.", ""].join("\n"));
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain("warning");
  }, 60_000);
});
