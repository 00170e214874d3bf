// Type checking of TypeScript cells (src/publish/typecheck.ts over src/notebook/typecheck-source.ts):
// errors at the notebook's line and column with TypeScript's message, JavaScript cells' types flowing
// into TypeScript cells without their own mistakes being reported, view() typed by its input, and a
// notebook with a type error kept out of the cache.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { dependencyOrder, typecheckSource } from "../../src/notebook/typecheck-source.ts";
import { runCli } from "../helpers/cli.ts";
import { analyzeText } from "../helpers/compiler.ts";

const fence = "```";

describe("a notebook as one module for the checker", () => {
  it("puts each cell after the cells it reads, wraps expressions, and maps every line back to its cell", () => {
    const notebook = analyzeText(`# T\n\n${fence}js\nconst b = a + 1;\n${fence}\n\n${fence}ts\nconst a: number = 1;\n${fence}\n\nInline \${b * 2}.\n`, "t.md");
    expect(dependencyOrder(notebook.cells).map((cell) => cell.sourceText)).toEqual(["const a: number = 1;", "const b = a + 1;", "b * 2"]);
    const source = typecheckSource(notebook);
    const lines = source.text.split("\n");
    const ofCell = (text: string) => source.lines[lines.indexOf(text)];
    expect(ofCell("const a: number = 1;")).toEqual({ cellId: notebook.cells[1]!.id, line: 1 });
    expect(ofCell("b * 2")).toEqual({ cellId: notebook.cells[2]!.id, line: 1 });
    expect(lines[lines.indexOf("b * 2") - 1]).toBe("(");
    expect(source.hasTypeScript).toBe(true);
    expect(lines.at(-2)).toBe("export {};");
  });
});

describe("wattbook build and check with TypeScript cells", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "wattbook-typecheck-"));
    await mkdir(path.join(dir, "notebooks"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const project = async (text: string) => {
    await writeFile(path.join(dir, "notebooks", "t.md"), text);
    return runCli(["build"], { cwd: dir });
  };

  it("fails the build on a type error, at the notebook's line and column, with TypeScript's message", async () => {
    const result = await project(`# T\n\n${fence}ts\nimport {clusterEnergy} from "wattbook/kernel";\nconst kwh: string = clusterEnergy({devices: 8, watts: 400, hours: 24, pue: 1.1}).facilityKWh;\n${fence}\n`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("notebooks/t.md:5:7: Type 'number' is not assignable to type 'string'. (TS2322) [type-error]");
    expect(result.stderr).toContain("build/ was left as it was");
  }, 60_000);

  it("knows the kernel's results, the values of JavaScript cells, and view()'s type, and reports only TypeScript cells", async () => {
    const text = [
      "# T",
      "",
      `${fence}js`,
      'import {clusterEnergy} from "wattbook/kernel";',
      "const run = clusterEnergy({devices: 1, watts: 2, hours: 3, pue: 1.2});",
      "const untyped = (x) => x.whatever.goes;",
      fence,
      "",
      `${fence}ts`,
      "const kg: number = run.kgCO2;",
      'const devices = view(Inputs.range([1, 10], {value: 3, label: "Devices"}));',
      "const label: string = devices;",
      fence,
      "",
    ].join("\n");
    const result = await project(text);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("notebooks/t.md:10:24: Property 'kgCO2' does not exist on type '{ acceleratorKWh: number; itKWh: number; facilityKWh: number; }'. (TS2339)");
    expect(result.stderr).toContain("notebooks/t.md:12:7: Type 'number' is not assignable to type 'string'. (TS2322)");
    // The JavaScript cell's implicit any is not the author's concern here.
    expect(result.stderr).not.toContain("t.md:6:");
    expect(result.stderr).toContain("2 errors in 1 file");
  }, 60_000);

  it("types FileAttachment: rows of a CSV, and a misused result is an error", async () => {
    await writeFile(path.join(dir, "notebooks", "usage.csv"), "region,kwh\nnorth,3\n");
    const cell = (line: string) => `# T\n\n${fence}ts\nconst rows = await FileAttachment("usage.csv").csv({typed: true});\n${line}\n${fence}\n`;
    const clean = await project(cell("const columns: readonly string[] = rows.columns;"));
    expect(clean.code, clean.stderr).toBe(0);
    const wrong = await project(cell("const count: string = rows.length;"));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("notebooks/t.md:5:7: Type 'number' is not assignable to type 'string'. (TS2322)");
  }, 60_000);

  it("declares Observable Framework's built-ins: a Mutable reads as its value elsewhere, generators as what they yield", async () => {
    const text = [
      "# T",
      "",
      `${fence}ts`,
      "const count = Mutable(0);",
      "const increment = (): number => ++count.value;",
      "const label = Mutable<string | null>(null);",
      'const hash = Generators.observe<string>((change) => change("h"));',
      fence,
      "",
      `${fence}ts`,
      "const doubled: number = count * 2;",
      "const shout: string = hash.toUpperCase();",
      "const heading: HTMLElement = md`# ${count}`;",
      "const formula: HTMLElement = tex.block`x^2` ?? tex`y`;",
      "const chart: HTMLDivElement = resize((width: number, height: number) => html`<p>${width}×${height}</p>`, invalidation);",
      "const clock: number = now + Generators.now() + Generators.width(document.body);",
      "const scheme: boolean = dark && Generators.dark();",
      'const seen: Promise<string> = visibility("x");',
      "const picture = svg`<svg></svg>`;",
      "const named: string = count;",
      "const late: string = now;",
      fence,
      "",
    ].join("\n");
    const result = await project(text);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("notebooks/t.md:20:7: Type 'WattbookMutable<number>' is not assignable to type 'string'. (TS2322)");
    expect(result.stderr).toContain("notebooks/t.md:21:7: Type 'number' is not assignable to type 'string'. (TS2322)");
    expect(result.stderr).toContain("2 errors in 1 file");
  }, 60_000);

  it("takes the kernel's frozen catalog records as inputs, and --typecheck warn builds with the error printed", async () => {
    const cell = (line: string) => `# T\n\n${fence}ts\nimport {bestStartWindow, illustrativeDay} from "wattbook/kernel";\n${line}\n${fence}\n`;
    const clean = await project(cell("const best = bestStartWindow({hourlyGPerKWh: illustrativeDay.value, facilityKW: 500, jobHours: 4, nowHour: 0, slackHours: 8});"));
    expect(clean.code, clean.stderr).toBe(0);
    const wrong = cell("const best: string = bestStartWindow({hourlyGPerKWh: illustrativeDay.value, facilityKW: 500, jobHours: 4, nowHour: 0, slackHours: 8});");
    await writeFile(path.join(dir, "notebooks", "t.md"), wrong);
    const relaxed = await runCli(["build", "--typecheck", "warn"], { cwd: dir });
    expect(relaxed.code, relaxed.stderr).toBe(0);
    expect(relaxed.stderr).toMatch(/warning: notebooks\/t\.md:5:7: Type '.*' is not assignable to type 'string'\. \(TS2322\) \[type-error\]/);
    const off = await runCli(["build", "--typecheck", "off"], { cwd: dir });
    expect(off.code, off.stderr).toBe(0);
    expect(off.stderr).not.toContain("TS2322");
    expect((await runCli(["build"], { cwd: dir })).code).toBe(1);
  }, 60_000);

  it("keeps a notebook with a type error out of the cache, builds it once fixed, and check fails on type errors too", async () => {
    const broken = `# T\n\n${fence}ts\nconst n: number = "x";\n${fence}\n\n\${n}\n`;
    expect((await project(broken)).code).toBe(1);
    expect((await project(broken)).code).toBe(1);
    const checked = await runCli(["check"], { cwd: dir });
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain(`notebooks/t.md:4:7: Type 'string' is not assignable to type 'number'. (TS2322)`);
    const fixed = await project(broken.replace(': number = "x"', ': string = "x"'));
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stderr).toContain("0 from the cache, 1 evaluated");
  }, 60_000);
});
