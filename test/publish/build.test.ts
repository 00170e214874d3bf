// The build end to end, through the real CLI: fixture notebooks in a temporary project folder.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile, stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../helpers/cli.ts";

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "wattbook-build-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function project(name: string, notebooks: Record<string, string>): Promise<string> {
  const root = path.join(work, name, "notebooks");
  await mkdir(root, { recursive: true });
  for (const [file, text] of Object.entries(notebooks)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return path.join(work, name);
}

/** Every file under `dir` with a hash of its content: a fingerprint of a whole site. */
async function fingerprint(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const result: Record<string, string> = {};
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    result[path.relative(dir, file)] = createHash("sha1").update(await readFile(file)).digest("hex");
  }
  return result;
}

const GOOD = {
  "power.md": `---
title: Power
description: A small notebook
order: 1
---

# Power

$$P = I V$$ {#eq-power}

By @eq-power a rack draws ${"${kw}"} kW.

\`\`\`js
const amps = view(Inputs.range([100, 1000], {value: 470, step: 10, label: "Amps"}));
\`\`\`

\`\`\`js
const kw = amps * 12 / 1000;
\`\`\`

## Figure

\`\`\`js {#fig-line caption="A line"}
Plot.lineY([1, 3, 2, 5]).plot({width})
\`\`\`

## Table

\`\`\`js
[{volts: 12, amps}, {volts: 48, amps: amps / 4}]
\`\`\`
`,
  "second.md": `---
title: Second
order: 2
---

The answer is ${"${6 * 7}"}.
`,
};

describe("wattbook build", () => {
  it("writes pages with prerendered values, SVG, math, tables and navigation", async () => {
    const dir = await project("good", GOOD);
    const result = await runCli(["build"], { cwd: dir });
    expect(result.stderr).toMatch(/✓ notebooks\/power\.md/);
    expect(result.code).toBe(0);
    const html = await readFile(path.join(dir, "build/power.html"), "utf8");
    // 470 A × 12 V = 5.64 kW, prerendered inline
    expect(html).toMatch(/data-cell="[^"]+"><span class="wb-value wb-num">5\.64<\/span>/);
    expect(html).toContain('<figure class="wb-cell wb-figure" id="fig-line">');
    expect(html).toMatch(/<figure[^>]*id="fig-line">[\s\S]*?<svg[\s\S]*?<\/svg>/);
    expect(html).toMatch(/<table class="wb-table">[\s\S]*<td class="wb-num">117\.5<\/td>/);
    expect(html).toContain('class="katex"');
    expect(html).toMatch(/<a class="wb-ref" href="#eq-power">Equation 1<\/a>/);
    expect(html).toMatch(/<input[^>]*value="470"[^>]*type="range"/);
    expect(html).toMatch(/<a rel="next" href="second\.html">/);
    // No inline script (data blocks, type="application/json", never run), and a policy that forbids it.
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self';/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*\btype="application\/json")[^>]*>/);
    expect(html).not.toMatch(/unsafe-eval/);
    const index = await readFile(path.join(dir, "build/index.html"), "utf8");
    expect(index.indexOf("power.html")).toBeLessThan(index.indexOf("second.html"));
    expect(index).toContain("A small notebook");
    const second = await readFile(path.join(dir, "build/second.html"), "utf8");
    expect(second).toContain('<span class="wb-value wb-num">42</span>');
  });

  it("lists every error as file:line:col, exits 1 and leaves the previous build untouched", async () => {
    const dir = await project("broken", GOOD);
    expect((await runCli(["build"], { cwd: dir })).code).toBe(0);
    const before = await fingerprint(path.join(dir, "build"));
    await writeFile(path.join(dir, "notebooks/power.md"), `${GOOD["power.md"]}\n\`\`\`js\nconst broken = ;\n\`\`\`\n`);
    await writeFile(path.join(dir, "notebooks/thrower.md"), "# Thrower\n\ntext\n\n```js\nthrow new Error(\"deliberate\");\n```\n\n```js\nnowhere + 1\n```\n");
    const result = await runCli(["build"], { cwd: dir });
    expect(result.code).toBe(1);
    const brokenLine = `${GOOD["power.md"]}\n\`\`\`js\n`.split("\n").length;
    expect(result.stderr).toContain(`notebooks/power.md:${brokenLine}:16:`);
    expect(result.stderr).toContain("notebooks/thrower.md:6:7: deliberate");
    expect(result.stderr).toContain("notebooks/thrower.md:10:1: nowhere is not defined");
    // Each with its code in the catalog (docs/errors.md), after the reason.
    expect(result.stderr).toContain("notebooks/thrower.md:6:7: deliberate [cell-threw]");
    expect(result.stderr).toContain("nowhere is not defined [cell-not-defined]");
    expect(result.stderr).toMatch(/notebooks\/power\.md:\d+:16: syntax error: .* \[syntax\]/);
    expect(result.stderr).toMatch(/3 errors in 2 files; build\/ was left as it was\./);
    expect(await fingerprint(path.join(dir, "build"))).toEqual(before);
    // No temporary folders are left beside it.
    expect((await readdir(dir)).filter((name) => name.startsWith("build")).sort()).toEqual(["build"]);
  });

  it("reports a cell that never settles within the time limit, naming it", async () => {
    const dir = await project("pending", {
      "wait.md": "# Wait\n\n```js\nconst forever = await new Promise(() => {});\n```\n\n```js\nforever + 1\n```\n\n```js\n1 + 1\n```\n",
    });
    const result = await runCli(["build", "--timeout-ms", "800"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("notebooks/wait.md:4:1: did not settle within 800 ms (1 other cell waiting) [cell-never-settled]");
    expect(result.elapsedMs).toBeLessThan(15_000);
  });

  it("stops a cell that loops forever and names it", async () => {
    const dir = await project("loop", { "loop.md": "# Loop\n\n```js\n1 + 1\n```\n\n```js\nwhile (true) {}\n```\n" });
    const result = await runCli(["build", "--timeout-ms", "500"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/notebooks\/loop\.md:8:1: did not finish within 500 ms.* \[evaluation-timeout\]/);
    expect(result.elapsedMs).toBeLessThan(15_000);
  });

  it("names the notebook and import when a module cannot be resolved", async () => {
    const dir = await project("missing", { "m.md": "# M\n\n```js\nimport {x} from \"no-such-package-anywhere\";\n```\n\n```js\nx\n```\n" });
    const result = await runCli(["build"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("notebooks/m.md:4:1:");
    expect(result.stderr).toMatch(/the package "no-such-package-anywhere" is not installed \[package-not-installed\]/);
    expect(result.stderr).toContain("hint: npm install no-such-package-anywhere");
  });

  it("locates an import of a name the kernel does not export, with a suggestion", async () => {
    const dir = await project("misspelt", { "k.md": "# K\n\n```js\nimport {clusterEnergy, batteryLfe} from \"wattbook/kernel\";\n```\n" });
    const result = await runCli(["build"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('notebooks/k.md:4:1: "wattbook/kernel" has no export named "batteryLfe" [kernel-export-misspelled]');
    expect(result.stderr).toContain('did you mean "batteryLife"?');
  });

  it("gives a page only the kernel modules it imports", async () => {
    const dir = await project("topics", { "t.md": "# T\n\n```js\nimport {batteryLife} from \"wattbook/kernel\";\n```\n\n```js\nbatteryLife({capacityMilliampHours: 225, volts: 3, averageMilliwatts: 1}).days\n```\n" });
    expect((await runCli(["build"], { cwd: dir })).code).toBe(0);
    const html = await readFile(path.join(dir, "build/t.html"), "utf8");
    const preloads = [...html.matchAll(/modulepreload" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(preloads.some((href) => /lib\/kernel-edge-/.test(href))).toBe(true);
    expect(preloads.some((href) => /lib\/kernel-[A-Z0-9]+\.js$/.test(href) || /kernel-(energy|placement|catalogs-grids)-/.test(href))).toBe(false);
    // 225 mAh × 3 V at 1 mW: 675 h = 28.1 days
    expect(html).toContain('<div class="wb-value wb-num">28.13</div>');
  });

  it("fails clearly when the notebooks folder is missing", async () => {
    const dir = path.join(work, "empty");
    await mkdir(dir, { recursive: true });
    const result = await runCli(["build"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("notebooks:1:1: the notebooks folder does not exist");
    await expect(stat(path.join(dir, "build"))).rejects.toThrow();
  });
});

describe("CLI manners", () => {
  it("has --help on every command and exits 0", async () => {
    for (const command of ["build", "check", "preview"]) {
      const result = await runCli([command, "--help"]);
      expect(result.code, command).toBe(0);
      expect(result.stdout).toContain(`Usage: wattbook ${command}`);
    }
    const main = await runCli(["--help"]);
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/Commands:[\s\S]*build[\s\S]*preview/);
  });

  it("rejects unknown commands and options with exit 1 and a pointer to --help", async () => {
    const unknown = await runCli(["bulid"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown command "bulid"');
    const option = await runCli(["build", "--bogus"]);
    expect(option.code).toBe(1);
    expect(option.stderr).toContain("--bogus");
    expect(option.stderr).toContain("wattbook build --help");
    const number = await runCli(["build", "--timeout-ms", "soon"]);
    expect(number.code).toBe(1);
    expect(number.stderr).toContain('--timeout-ms expects a whole number above 0 (got "soon")');
  });

  it("prints no colour codes when NO_COLOR is set", async () => {
    const dir = await project("colour", { "a.md": "# A\n\n```js\nnope(\n```\n" });
    const result = await runCli(["build"], { cwd: dir, env: { NO_COLOR: "1", FORCE_COLOR: "1" } });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/\u001b\[/);
  });
});
