// A site served under a path of its host (GitHub Pages serves a project at /<repository>/) works without
// configuration, because every URL a page, a script or a stylesheet holds is relative. Checked on the
// site `wattbook init` scaffolds, with a notebook one folder down: every file's URLs are relative, and
// in Chromium every page (read and edit, at the top and in a folder) loads and goes live with every
// request answered under the site's path.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium, watchProblems } from "../helpers/chromium.ts";
import { runCli } from "../helpers/cli.ts";
import { editLive } from "../helpers/edit-page.ts";
import { serveSite } from "../helpers/serve.ts";

const BASE = "/team/energy notes/";
const fence = "```";
let work: string;
let site: string;
let served: { url: string; close: () => Promise<void> };
let browser: Browser;

const NESTED = `---
title: Setting up
---

# Setting up

${fence}js
import {accelerators} from "wattbook/kernel";
const grids = await FileAttachment("../data/grids.csv").csv({typed: true});
${fence}

An H100 draws \${accelerators.h100.watts.value} W; the first grid is \${grids[0].region}.

[Back to the example](../example.html)
`;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "wattbook-subpath-"));
  const project = path.join(work, "project");
  const init = await runCli(["init", "project"], { cwd: work });
  expect(init.code, init.stderr).toBe(0);
  await mkdir(path.join(project, "notebooks/guides"));
  await writeFile(path.join(project, "notebooks/guides/setup.md"), NESTED);
  const built = await runCli(["build"], { cwd: project });
  expect(built.code, built.stderr).toBe(0);
  site = path.join(project, "build");
  served = await serveSite(site, { base: BASE });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await rm(work, { recursive: true, force: true });
});

async function siteFiles(ext: RegExp): Promise<string[]> {
  const entries = await readdir(site, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && ext.test(e.name)).map((e) => path.relative(site, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

/** A page is live once its cells have settled in the browser (a page without cells has no page script, only the chrome's). */
const live = () => !document.querySelector("script[type=module][src*='page-']") || (document.documentElement.classList.contains("wb-live") && (window as unknown as { wattbook?: { isSettled(): boolean } }).wattbook?.isSettled());

/** Opens a page, recording every request it makes and how it was answered; waits until it is live. */
async function open(file: string): Promise<{ page: Page; requests: { url: string; status: number }[]; failed: string[]; problems: ReturnType<typeof watchProblems> }> {
  const page = await browser.newPage();
  const requests: { url: string; status: number }[] = [];
  const failed: string[] = [];
  const problems = watchProblems(page);
  page.on("response", (response) => requests.push({ url: response.url(), status: response.status() }));
  page.on("requestfailed", (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));
  await page.goto(served.url + file.split("/").map(encodeURIComponent).join("/"));
  if (file.startsWith("_edit/")) await editLive(page);
  else await page.waitForFunction(live);
  return { page, requests, failed, problems };
}

describe("a site served under a path of its host", () => {
  it("refers to every file by a relative URL: no root-relative href, src, import or url()", async () => {
    const patterns = [/\b(?:href|src|action)="\/(?!\/)[^"]*"/g, /\bfrom\s*["']\/(?!\/)[^"']*["']/g, /\bimport\s*\(\s*["']\/(?!\/)[^"']*["']/g, /\burl\(\s*["']?\/(?!\/)[^)]*\)/g, /"url":"\/(?!\/)[^"]*"/g];
    const rootRelative = (text: string) => patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[0].slice(0, 80)));
    // What the check finds, it finds: each form of a root-relative URL.
    expect(rootRelative(`<a href="/a.html"> import "x" from "/b.js"; import("/c.js") url(/d.woff2) {"url":"/e.csv"} <a href="//cdn">`)).toHaveLength(5);
    const offending: string[] = [];
    for (const file of await siteFiles(/\.(html|js|css)$/)) offending.push(...rootRelative(await readFile(path.join(site, file), "utf8")).map((found) => `${file}: ${found}`));
    expect(offending).toEqual([]);
    // The check reads the files it should: pages, edit pages, the editor's sandbox, scripts and styles.
    expect(await siteFiles(/\.html$/)).toEqual(expect.arrayContaining(["index.html", "example.html", "guides/setup.html", "_edit/example.html", "_edit/guides/setup.html", "_wattbook/editor/sandbox.html"]));
  });

  it("loads every page, read and edit, at the top and in a folder, live, with every request answered under the site's path", async () => {
    for (const file of ["index.html", "example.html", "guides/setup.html", "_edit/example.html", "_edit/guides/setup.html"]) {
      const { page, requests, failed, problems } = await open(file);
      const own = requests.filter((request) => !request.url.startsWith("data:") && !request.url.startsWith("blob:"));
      expect(own.length, file).toBeGreaterThan(0);
      expect(own.filter((request) => !new URL(request.url).pathname.startsWith(BASE.replace(/ /g, "%20"))).map((r) => r.url), file).toEqual([]);
      expect(own.filter((request) => request.status >= 400).map((r) => `${r.status} ${r.url}`), file).toEqual([]);
      expect(failed, file).toEqual([]);
      expect([...problems.pageErrors, ...problems.consoleErrors, ...problems.cspViolations], file).toEqual([]);
      await page.close();
    }
  }, 120_000);

  it("computes the nested page's values from the kernel and the attached file, fetched from under the site's path", async () => {
    const { page, requests } = await open("guides/setup.html");
    expect(await page.locator("main").innerText()).toContain("An H100 draws 700 W; the first grid is Quebec.");
    expect(requests.some((request) => /\/team\/energy%20notes\/_file\/data\/grids\.[A-Z0-9]+\.csv$/.test(request.url) && request.status === 200)).toBe(true);
    await page.close();
  });

  it("follows its links and recomputes as the reader moves an input", async () => {
    const { page } = await open("index.html");
    await page.click('a[href="example.html"]');
    await page.waitForFunction(live);
    expect(new URL(page.url()).pathname).toBe(`${BASE.replace(/ /g, "%20")}example.html`);
    expect(await page.locator("main").innerText()).toContain("draw 144.5 MWh");
    await page.locator('input[type="number"]').first().fill("1024");
    // 1,024 GPUs × 700 W × 14 days × 24 h × PUE 1.2 = 289.0 MWh.
    await page.waitForFunction(() => document.querySelector("main")!.textContent!.includes("draw 289.0 MWh"));
    await page.close();
  }, 60_000);
});
