// examples/team-data.md, the example of a team's own data and code: a CSV and a JSON file attached, a
// TypeScript data loader, a local module calling the kernel and an npm package, built with the real CLI.
// Expected values are worked here from examples/data by plain arithmetic.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO_ROOT, runCli } from "../helpers/cli.ts";

describe("examples/team-data.md", () => {
  let out: string;
  let text: string;
  beforeAll(async () => {
    out = path.join(await mkdtemp(path.join(tmpdir(), "wattbook-team-data-")), "site");
    const built = await runCli(["build", "--root", "examples", "--out", out]);
    expect(built.code, built.stderr).toBe(0);
    text = readFileSync(path.join(out, "team-data.html"), "utf8").replace(/<[^>]+>/g, "").replace(/&#39;/g, "'");
  }, 120_000);
  afterAll(async () => {
    await rm(path.dirname(out), { recursive: true, force: true });
  });

  it("adds up the attached meter readings and prices them with the sites' grids (local module, kernel)", () => {
    const meters = readFileSync(path.join(REPO_ROOT, "examples/data/meters.csv"), "utf8").trim().split("\n").slice(1).map((line) => line.split(","));
    const grid: Record<string, number> = { "Leeds lab": 180, "Oslo rack": 30, "Dallas pod": 390 };
    const kWh = meters.reduce((sum, row) => sum + Number(row[2]), 0);
    const kg = meters.reduce((sum, row) => sum + (Number(row[2]) * grid[row[0]!]!) / 1000, 0);
    expect(kWh).toBe(394_300);
    expect(text).toContain(`Over 3 months the sites used ${kWh.toLocaleString("en-US")} kWh and emitted\n${(kg / 1000).toFixed(1)} t CO₂e`);
    // The CSV the npm package (d3-dsv) made of the table.
    expect(text).toContain("site,energyKWh,kgCO2e\nLeeds lab,121500,21870\nOslo rack,82300,2469\nDallas pod,190500,74295");
  });

  it("finds the cleanest start in the day the data loader printed", () => {
    // The loader's curve at hours 0–2 and 12–14 (examples/data/grid-hourly.csv.ts).
    const intensity = (hour: number) => Math.round(330 - 130 * Math.exp(-((hour - 13) ** 2) / 8) + 90 * Math.exp(-((hour - 19) ** 2) / 6));
    const kg = (start: number) => ((intensity(start) + intensity(start + 1) + intensity(start + 2)) * 40) / 1000;
    expect(text).toContain(`a 3-hour job at 40 kW emits ${kg(0).toFixed(1)} kg CO₂e; started at\n12:00 it emits ${kg(12).toFixed(1)} kg`);
  });
});
