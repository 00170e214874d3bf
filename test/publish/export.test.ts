// `wattbook export` on the command line: what it refuses (each error worded in the catalog, located at
// the notebook or at the file --out names, and nothing written), and what it writes: one HTML file
// that loads nothing from elsewhere, which a second export may replace.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../helpers/cli.ts";

let dir = "";
const exportIn = (...args: string[]) => runCli(["export", ...args], { cwd: dir, timeoutMs: 120_000 });

const NOTEBOOK = `---
title: Tiny
---

# Tiny

\`\`\`js
const watts = view(Inputs.range([100, 900], {value: 300, step: 10, label: "Watts"}));
\`\`\`

A day at that draw is \${(watts * 24 / 1000).toFixed(1)} kWh, so $E = P \\cdot t$.
`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "wattbook-export-cli-"));
  await mkdir(path.join(dir, "notebooks/data"), { recursive: true });
  await writeFile(path.join(dir, "notebooks/tiny.md"), NOTEBOOK);
  await writeFile(path.join(dir, "notebooks/data/readings.html"), "<p>a file of the notebooks folder</p>\n");
  await writeFile(path.join(dir, "notes.html"), "<p>someone's page</p>\n");
  await writeFile(path.join(dir, "a-file"), "not a folder\n");
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("wattbook export refuses its arguments", () => {
  it("without a notebook", async () => {
    const result = await exportIn("--out", "tiny.html");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("wattbook: export needs the notebook to export, e.g. wattbook export notebooks/energy.md --out energy.html");
  });

  it("with two notebooks", async () => {
    const result = await exportIn("notebooks/tiny.md", "notebooks/other.md", "--out", "tiny.html");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('wattbook export takes at most 1 argument (got "notebooks/tiny.md", "notebooks/other.md")');
  });

  it("without --out, suggesting a name", async () => {
    const result = await exportIn("notebooks/tiny.md");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("export needs --out, the HTML file to write, e.g. --out tiny.html");
  });

  it("with an option it does not know", async () => {
    const result = await exportIn("notebooks/tiny.md", "--out", "tiny.html", "--port", "3000");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Run `wattbook export --help` for its options.");
  });
});

describe("wattbook export refuses, at the file in question", () => {
  const refused = async (args: string[], at: string, code: string, words: string) => {
    const result = await exportIn(...args);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(`${at}:1:1: ${words}`);
    expect(result.stderr).toContain(`[${code}]`);
    expect(result.stderr).toMatch(/hint: /);
    expect(result.stderr).toContain("nothing was exported");
    return result;
  };

  it("a notebook that does not exist", () => refused(["notebooks/missing.md", "--out", "missing.html"], "notebooks/missing.md", "export-notebook-missing", "the notebook does not exist"));

  it("a folder for the notebook", () => refused(["notebooks", "--out", "all.html"], "notebooks", "export-notebook-not-file", "is a folder, not a notebook"));

  it("a file that is not a .md notebook", () => refused(["notes.html", "--out", "notes-export.html"], "notes.html", "export-notebook-not-markdown", "is not a notebook"));

  it("--out that is not an .html file", () => refused(["notebooks/tiny.md", "--out", "tiny.md"], "tiny.md", "export-out-not-html", "the export is one HTML file"));

  it("--out that is a folder", () => refused(["notebooks/tiny.md", "--out", "notebooks"], "notebooks", "export-out-is-folder", "the export is one file, and this is a folder"));

  it("--out over a file of the notebooks folder, leaving it as it was", async () => {
    await refused(["notebooks/tiny.md", "--out", "notebooks/data/readings.html"], "notebooks/data/readings.html", "export-out-over-source", "would replace a file of the notebooks folder (notebooks)");
    expect(await readFile(path.join(dir, "notebooks/data/readings.html"), "utf8")).toBe("<p>a file of the notebooks folder</p>\n");
  });

  it("--out over an HTML file that no export wrote, leaving it as it was", async () => {
    await refused(["notebooks/tiny.md", "--out", "notes.html"], "notes.html", "export-out-not-an-export", "would be replaced by the export, and wattbook did not write it");
    expect(await readFile(path.join(dir, "notes.html"), "utf8")).toBe("<p>someone's page</p>\n");
  });

  it("--out where no folder can be made", () => refused(["notebooks/tiny.md", "--out", "a-file/tiny.html"], "a-file/tiny.html", "export-out-unwritable", "cannot write the export there: "));
});

describe("wattbook export writes", () => {
  it("one file that loads nothing from elsewhere, which a later export replaces", async () => {
    const first = await exportIn("notebooks/tiny.md", "--out", "out/tiny.html");
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/Exported out\/tiny\.html \(\d+\.\d KB\)/);
    const html = await readFile(path.join(dir, "out/tiny.html"), "utf8");
    // The prerendered value, the math, and no reference to another file.
    expect(html).toContain(">7.2<");
    expect(html).toContain('class="katex"');
    expect(html).toContain("src:url(data:font/woff2;base64,");
    const markup = html.replace(/(<script[^>]*>)[\s\S]*?<\/script>/g, "$1</script>");
    expect(markup).not.toMatch(/\s(src|href)="(?!data:|#)[^"]+"/);
    expect(html).not.toContain("_wattbook/");
    // No scratch site left behind.
    expect(existsSync(path.join(dir, ".wattbook-cache")) ? (await import("node:fs")).readdirSync(path.join(dir, ".wattbook-cache")).filter((name) => name.startsWith("export-")) : []).toEqual([]);
    const second = await exportIn("notebooks/tiny.md", "--out", "out/tiny.html");
    expect(second.code, second.stderr).toBe(0);
  });
});
