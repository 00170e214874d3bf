// `wattbook export` in Chromium: an exported chapter notebook, and the example notebook that attaches
// data files, opened from file:// with every request that is not a file aborted. Each shows its
// prerendered values with scripts off, goes live with them on (moving an input changes a value that
// depends on it) and reports no console error, no page error and no CSP violation; it asks for nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { launchChromium, watchProblems } from "../helpers/chromium.ts";
import { runCli } from "../helpers/cli.ts";
import { firstInputCell, INPUTS, moveFirstInput, snapshot, waitForChange } from "../helpers/inputs.ts";

let dir = "";
let browser: Browser | undefined;
const EXPORTS = {
  chapter: { args: ["notebooks/01-energy-of-intelligence.md"], file: "energy.html", inputs: INPUTS },
  // Its first inputs are a table's row checkboxes, which nothing reads: the job-length slider is.
  data: { args: ["examples/team-data.md", "--root", "examples"], file: "team-data.html", inputs: ".wb-output input[type=range]" },
} as const;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "wattbook-export-"));
  for (const { args, file } of Object.values(EXPORTS)) {
    const result = await runCli(["export", ...args, "--out", path.join(dir, file)], { timeoutMs: 120_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Exported .*\d KB/);
  }
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A tab that may load file: URLs only: anything else is aborted and remembered. */
async function offlineTab(options: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; requested: string[] }> {
  const context = await browser!.newContext(options);
  const requested: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    requested.push(url);
    return route.abort();
  });
  return { page: await context.newPage(), requested };
}

/** The text of every inline value, in page order. */
function inlineValues(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll(".wb-inline")].map((element) => element.textContent ?? ""));
}

describe.each(Object.entries(EXPORTS))("an exported notebook (%s) opened from file://", (_name, { file, inputs }) => {
  const url = () => pathToFileURL(path.join(dir, file)).href;

  it("shows its prerendered values with scripts off", async () => {
    const { page, requested } = await offlineTab({ javaScriptEnabled: false });
    await page.goto(url());
    const values = await inlineValues(page);
    expect(values.length).toBeGreaterThan(3);
    expect(values.every((value) => value.trim() !== "")).toBe(true);
    expect(await page.locator(".wb-output table, .wb-output svg").count()).toBeGreaterThan(0);
    expect(requested).toEqual([]);
    await page.context().close();
  });

  it("goes live with the network off: the same values, and an input drives its dependents", async () => {
    const { page: still } = await offlineTab({ javaScriptEnabled: false });
    await still.goto(url());
    const prerendered = await inlineValues(still);
    await still.context().close();

    const { page, requested } = await offlineTab();
    const problems = watchProblems(page);
    await page.goto(url());
    await page.waitForFunction(() => document.documentElement.classList.contains("wb-live"), null, { timeout: 15_000 });
    await page.waitForTimeout(300);
    expect(await inlineValues(page)).toEqual(prerendered);
    const cell = await firstInputCell(page, inputs);
    expect(cell, "the notebook has an input").not.toBeNull();
    const before = await snapshot(page, cell!);
    expect(await moveFirstInput(page, inputs)).toBe(cell);
    await waitForChange(page, cell!, before);
    expect(await snapshot(page, cell!), "moving the first input changed nothing").not.toBe(before);
    expect(await page.locator("#wb-static-notice").count()).toBe(0);
    expect(await page.locator(".wb-error").count()).toBe(0);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    expect(requested).toEqual([]);
    await page.context().close();
  });
});

describe("an export's Content-Security-Policy", () => {
  const policyOf = (html: string) => /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? "";
  const scriptsOf = (html: string) => [...html.matchAll(/<script(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);

  it("allows its one script by hash, and no inline script by rule", async () => {
    const html = await readFile(path.join(dir, EXPORTS.chapter.file), "utf8");
    const scriptSrc = /script-src ([^;]*)/.exec(policyOf(html))?.[1] ?? "";
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
    const scripts = scriptsOf(html);
    expect(scripts).toHaveLength(1);
    expect(scriptSrc).toBe(`'sha256-${createHash("sha256").update(scripts[0]!, "utf8").digest("base64")}'`);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="(?!data:)/);
  });

  it("blocks the script once a byte of it changes: the page stays as prerendered", async () => {
    const html = await readFile(path.join(dir, EXPORTS.chapter.file), "utf8");
    const tampered = path.join(dir, "tampered.html");
    await writeFile(tampered, html.replace(/<script>/, "<script>void 0;"));
    const { page } = await offlineTab();
    const problems = watchProblems(page);
    await page.goto(pathToFileURL(tampered).href);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.documentElement.classList.contains("wb-live"))).toBe(false);
    expect(problems.cspViolations.join("\n")).toMatch(/script/i);
    await page.context().close();
  });
});
