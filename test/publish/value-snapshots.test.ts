// Value snapshots: what a notebook's values become in a snapshot, how a snapshot compares with new
// values (leaf by leaf, 12 significant digits, an author's tolerances), and `wattbook check` over them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { snapshotValues } from "../../src/runtime/snapshot-values.ts";
import { compareSnapshot, describeChange, formatSnapshot, parseSnapshot } from "../../src/publish/value-snapshots.ts";
import { runCli } from "../helpers/cli.ts";

describe("snapshotValues", () => {
  it("keeps numbers, strings, booleans, null and small plain arrays and objects; leaves out what cannot be pinned", () => {
    const values = snapshotValues({
      n: 1.5,
      nan: NaN,
      inf: -Infinity,
      s: "usAverage",
      b: true,
      z: null,
      list: [1, 2, { a: 3 }],
      record: { kwh: 12, fn: () => 1, map: new Map() },
      long: Array.from({ length: 101 }, (_, i) => i),
      fn: () => 1,
      date: new Date(0),
      undef: undefined,
    });
    expect(values).toEqual({ n: 1.5, nan: "NaN", inf: "-Infinity", s: "usAverage", b: true, z: null, list: [1, 2, { a: 3 }], record: { kwh: 12 } });
  });
});

describe("compareSnapshot", () => {
  const recorded = { values: { run: { kwh: 100, kg: 42.5 }, rows: [1, 2, 3], grid: "quebec", gone: 7 }, tolerance: {} };

  it("finds nothing when the values agree to 12 significant digits", () => {
    expect(compareSnapshot(recorded, { run: { kwh: 100 * (1 + 1e-13), kg: 42.5 }, rows: [1, 2, 3], grid: "quebec", gone: 7 })).toEqual([]);
  });

  it("names each change leaf by leaf with its relative change, and added and removed names", () => {
    const drifts = compareSnapshot(recorded, { run: { kwh: 110, kg: 42.5 }, rows: [1, 2, 4, 5], grid: "ontario", fresh: 1 });
    expect(drifts.map((d) => [d.kind, d.path])).toEqual([
      ["changed", "run.kwh"],
      ["changed", "rows[2]"],
      ["added", "rows[3]"],
      ["changed", "grid"],
      ["removed", "gone"],
      ["added", "fresh"],
    ]);
    const kwh = drifts[0]!;
    expect(kwh.kind === "changed" && describeChange(kwh)).toBe("100 → 110 (+10.0 %)");
    expect(drifts[3]!.kind === "changed" && describeChange(drifts[3] as never)).toBe('"quebec" → "ontario"');
  });

  it("takes the author's tolerance for a path or any path above it", () => {
    const tolerant = { ...recorded, tolerance: { run: 0.2, "rows[2]": 0 } };
    expect(compareSnapshot(tolerant, { run: { kwh: 110, kg: 50 }, rows: [1, 2, 3], grid: "quebec", gone: 7 })).toEqual([]);
    expect(compareSnapshot(tolerant, { run: { kwh: 130, kg: 42.5 }, rows: [1, 2, 3], grid: "quebec", gone: 7 }).map((d) => d.path)).toEqual(["run.kwh"]);
  });

  it("round-trips through its file, names sorted, tolerances kept, and refuses a file it cannot read", () => {
    const text = formatSnapshot({ values: { b: 2, a: [1] }, tolerance: { b: 0.01 } });
    expect(text).toBe('{\n  "values": {\n    "a": [\n      1\n    ],\n    "b": 2\n  },\n  "tolerance": {\n    "b": 0.01\n  }\n}\n');
    expect(parseSnapshot(text)).toEqual({ values: { a: [1], b: 2 }, tolerance: { b: 0.01 } });
    expect(parseSnapshot("{")).toMatchObject({ problem: expect.stringContaining("not JSON") });
    expect(parseSnapshot('{"values": {}, "tolerance": {"a": -1}}')).toMatchObject({ problem: expect.stringContaining("tolerance") });
  });
});

describe("wattbook check and value snapshots", () => {
  let dir: string;
  const fence = "```";
  const notebook = (watts: number, extra = "") => `# Power\n\n${fence}js\nconst watts = ${watts};\nconst rack = {kw: watts * 8 / 1000, label: "A"};${extra}\n${fence}\n\n\${rack.kw} kW.\n`;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "wattbook-snapshots-"));
    await mkdir(path.join(dir, "notebooks"));
    await writeFile(path.join(dir, "notebooks/power.md"), notebook(700));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes a snapshot beside the notebook with --update, then passes", async () => {
    const first = await runCli(["check"], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain("1 notebook without one");
    const update = await runCli(["check", "-u"], { cwd: dir });
    expect(update.code, update.stderr).toBe(0);
    expect(update.stderr).toContain("wrote 1 value snapshot");
    expect(JSON.parse(await readFile(path.join(dir, "notebooks/power.snapshot.json"), "utf8"))).toEqual({ values: { rack: { kw: 5.6, label: "A" }, watts: 700 } });
    const again = await runCli(["check"], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain("1 value snapshot matches");
  }, 60_000);

  it("records a name that no other cell reads, from a cell that declares only it", async () => {
    const other = await mkdtemp(path.join(tmpdir(), "wattbook-snapshots-unread-"));
    try {
      await mkdir(path.join(other, "notebooks"));
      await writeFile(path.join(other, "notebooks/unread.md"), `# U\n\n${fence}js\nconst gpus = 8;\n${fence}\n\n${fence}js\nconst unread = gpus * 3;\n${fence}\n`);
      const update = await runCli(["check", "-u"], { cwd: other });
      expect(update.code, update.stderr).toBe(0);
      expect(JSON.parse(await readFile(path.join(other, "notebooks/unread.snapshot.json"), "utf8"))).toEqual({ values: { gpus: 8, unread: 24 } });
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  }, 60_000);

  it("fails on drift at the declaring cell, old → new with the relative change, and lists added and removed names", async () => {
    await writeFile(path.join(dir, "notebooks/power.md"), notebook(750, "\nconst spare = 2;").replace('label: "A"', 'tag: "A"'));
    const drift = await runCli(["check"], { cwd: dir });
    expect(drift.code).toBe(1);
    expect(drift.stderr).toContain("notebooks/power.md:4:7: watts changed since its snapshot: 700 → 750 (+7.14 %) [value-changed]");
    expect(drift.stderr).toContain("notebooks/power.md:5:7: rack.kw changed since its snapshot: 5.6 → 6 (+7.14 %)");
    expect(drift.stderr).toContain('notebooks/power.md:5:7: rack.label is in the snapshot but the notebook no longer has it (was "A") [value-removed]');
    expect(drift.stderr).toContain('rack.tag is new since the snapshot (now "A") [value-added]');
    expect(drift.stderr).toContain("notebooks/power.md:6:7: spare is new since the snapshot (now 2)");
  }, 60_000);

  it("lets a value move within the tolerance an author gives it, and keeps that tolerance on --update", async () => {
    const file = path.join(dir, "notebooks/power.snapshot.json");
    await writeFile(path.join(dir, "notebooks/power.md"), notebook(700));
    await runCli(["check", "-u"], { cwd: dir });
    const snapshot = JSON.parse(await readFile(file, "utf8"));
    await writeFile(file, JSON.stringify({ ...snapshot, tolerance: { watts: 0.1, rack: 0.1 } }));
    await writeFile(path.join(dir, "notebooks/power.md"), notebook(750));
    const within = await runCli(["check"], { cwd: dir });
    expect(within.code, within.stderr).toBe(0);
    await runCli(["check", "-u"], { cwd: dir });
    expect(JSON.parse(await readFile(file, "utf8")).tolerance).toEqual({ watts: 0.1, rack: 0.1 });
  }, 60_000);
});
