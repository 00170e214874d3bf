// An input whose default the browser would not hold fails the build at the cell, naming what the
// browser would show and how to keep the author's number; defaults the browser holds build.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../helpers/cli.ts";

const fence = "```";

describe("wattbook build and an input's default", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "wattbook-input-default-"));
    await mkdir(path.join(dir, "notebooks"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const build = async (...cell: string[]) => {
    await writeFile(path.join(dir, "notebooks", "t.md"), ["# Inputs", "", "Some prose.", "", `${fence}js`, ...cell, fence, ""].join("\n"));
    return runCli(["build"], { cwd: dir });
  };

  it("refuses a range default off the browser's step grid (which starts at min), at file:line, with the value shown and the fixes", async () => {
    const result = await build("const growth = view(Inputs.range([10, 1e6], {value: 350000, step: 1000, label: \"Growth\"}));");
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("notebooks/t.md:6");
    expect(result.stderr).toContain("Inputs.range([10, 1000000], {value: 350000, step: 1000}) would start at 350010 in the browser, not 350000");
    expect(result.stderr).toContain("a min on the default's grid (0 or 1000 instead of 10)");
    expect(result.stderr).toContain("[cell-input-default]");
  });

  it("refuses a default outside [min, max]", async () => {
    const result = await build("const share = view(Inputs.range([0, 50], {value: 80, label: \"Share\"}));");
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("would start at 50 in the browser, not 80: 80 is above its max, 50");
  });

  it("builds defaults the browser holds, including a 16th digit a slider drops", async () => {
    for (const cell of [
      "const growth = view(Inputs.range([1000, 1e6], {value: 350000, step: 1000}));",
      "const pue = view(Inputs.range([1, 2], {value: 1.0876623376623376}));",
      "const n = view(Inputs.number([0, 10], {value: 2.5, step: 0.5}));",
    ]) {
      const result = await build(cell);
      expect(result.code, `${cell}\n${result.stderr}`).toBe(0);
    }
  });
});
