// The site's chrome in Chromium, on the chapter built as `npm run build` builds it and served under a
// path of its host (as GitHub Pages serves a project), with the host answering any missing address with
// 404.html: the search box (focused with `/`, loaded only then, driven by the keyboard, landing on the
// heading), the sidebar at a phone's width and a desktop's, and the 404 page at depth.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium, watchProblems } from "../helpers/chromium.ts";
import { runCli } from "../helpers/cli.ts";
import { serveSite } from "../helpers/serve.ts";

const BASE = "/team/energy notes/";
let work: string;
let served: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "wattbook-chrome-"));
  const built = await runCli(["build", "--out", path.join(work, "site")], { timeoutMs: 120_000 });
  expect(built.code, built.stderr).toBe(0);
  served = await serveSite(path.join(work, "site"), { base: BASE, notFound: "404.html" });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

async function open(file: string, width = 1280): Promise<{ page: Page; requests: string[]; problems: ReturnType<typeof watchProblems> }> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const requests: string[] = [];
  page.on("request", (request) => requests.push(decodeURI(request.url())));
  const problems = watchProblems(page);
  await page.goto(served.url + file);
  return { page, requests, problems };
}

const searchRequests = (requests: readonly string[]) => requests.filter((url) => /search\.json|search-box-/.test(url));

describe("search", () => {
  it("loads nothing until the box is focused; `/` focuses it; arrows and Enter land on the section's heading", async () => {
    const { page, requests, problems } = await open("04-training-vs-inference.html");
    await page.waitForLoadState("networkidle");
    expect(searchRequests(requests)).toEqual([]);
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("wb-search-input");
    await page.keyboard.type("lower pue");
    const results = page.locator("#wb-search-results [role=option]");
    await results.first().waitFor();
    // The index and the search code came from under the site's path.
    expect(searchRequests(requests).length).toBe(2);
    for (const url of searchRequests(requests)) expect(url).toContain(`${BASE}_wattbook/`);
    expect(await page.getAttribute("#wb-search-input", "aria-expanded")).toBe("true");
    expect(await page.textContent("#wb-search-status")).toMatch(/^\d+ results?/);
    const count = await results.count();
    expect(count).toBeGreaterThan(1);
    expect(await results.first().textContent()).toContain("The facility › Napkin Math 1.5: what a lower PUE is worth");
    // ↓ ↓ ↑: the first result is the active one, and the input says so.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    const active = await page.getAttribute("#wb-search-input", "aria-activedescendant");
    expect(active).toBe("wb-search-results-0");
    expect(await page.getAttribute(`#${active}`, "aria-selected")).toBe("true");
    const target = await page.locator(`#${active} a`).getAttribute("href");
    const [, targetPage, anchor] = /\/([^/#]+)#(.+)$/.exec(decodeURI(target!))!;
    await Promise.all([page.waitForURL((url) => url.hash === `#${anchor}`), page.keyboard.press("Enter")]);
    expect(decodeURI(page.url())).toBe(`${served.url.replace(/%20/g, " ")}${targetPage}#${anchor}`);
    // The heading with that id is on the page, and holds the word searched for or its section does.
    const heading = page.locator(`[id="${decodeURIComponent(anchor!)}"]`);
    expect(await heading.evaluate((element) => /^H[1-6]$/.test(element.tagName))).toBe(true);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    await page.close();
  });

  it("finds a value computed at build time, says when nothing matches, and Escape closes then leaves", async () => {
    const { page } = await open("index.html");
    await page.focus("#wb-search-input");
    // "1287": the chapter's GPT-3 training energy, prerendered into the prose by a cell.
    await page.keyboard.type("gpt 1287");
    await page.locator("#wb-search-results [role=option]").first().waitFor();
    expect(await page.locator("#wb-search-results [role=option] .wb-search-where").first().textContent()).toMatch(/›/);
    await page.fill("#wb-search-input", "zzzqqq");
    await page.waitForFunction(() => document.getElementById("wb-search-status")?.textContent === "No results");
    await page.keyboard.press("Escape");
    expect(await page.isHidden("#wb-search-results")).toBe(true);
    expect(await page.getAttribute("#wb-search-input", "aria-expanded")).toBe("false");
    await page.keyboard.press("Escape");
    expect(await page.inputValue("#wb-search-input")).toBe("");
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => document.activeElement?.id)).not.toBe("wb-search-input");
    await page.close();
  });
});

describe("sidebar", () => {
  it("at 1280 px lists every page beside the column, the current one marked, with no button", async () => {
    const { page } = await open("02-where-and-when.html", 1280);
    const sidebar = page.locator("#wb-sidebar");
    expect(await sidebar.isVisible()).toBe(true);
    expect(await page.locator(".wb-sidebar-toggle").isVisible()).toBe(false);
    const links = await sidebar.locator("a").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")));
    expect(links[0]).toBe("index.html");
    expect(links).toContain("12-checkpoints.html");
    expect(links).not.toContain("404.html");
    expect(await sidebar.locator("[aria-current=page]").getAttribute("href")).toBe("02-where-and-when.html");
    const [side, main] = await Promise.all([sidebar.boundingBox(), page.locator(".wb-main").boundingBox()]);
    expect(side!.x + side!.width).toBeLessThanOrEqual(main!.x);
    // The column keeps the width its figures were prerendered at.
    expect(main!.width).toBe(640);
    await page.close();
  });

  it("at 390 px is closed behind the Pages button, opens and closes, and nothing scrolls sideways", async () => {
    const { page } = await open("02-where-and-when.html", 390);
    const toggle = page.locator(".wb-sidebar-toggle");
    expect(await toggle.isVisible()).toBe(true);
    expect(await page.locator("#wb-sidebar").isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    expect(await page.locator("#wb-sidebar").isVisible()).toBe(true);
    expect(await page.locator("#wb-sidebar [aria-current=page]").isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.locator("#wb-sidebar a").first().focus();
    await page.keyboard.press("Escape");
    expect(await page.locator("#wb-sidebar").isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains("wb-sidebar-toggle"))).toBe(true);
    // The search box fits too, and its results stay on the screen.
    await page.focus("#wb-search-input");
    await page.keyboard.type("carbon");
    await page.locator("#wb-search-results [role=option]").first().waitFor();
    const box = await page.locator("#wb-search-results").boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });
});

describe("404 page", () => {
  it("served for a missing address three folders down: styled, its links, sidebar and search working", async () => {
    const { page, problems } = await open("a/b/c/missing");
    // The theme is in the page: styled before any script runs.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector(".wb-header")!).display)).toBe("flex");
    await page.waitForFunction(() => document.documentElement.dataset.root !== "");
    expect(decodeURI(await page.evaluate(() => document.documentElement.dataset.root!))).toBe(BASE);
    const home = page.locator(".wb-main a", { hasText: "first page" });
    expect(decodeURI((await home.evaluate((a: HTMLAnchorElement) => a.href))!)).toBe(`${served.url.replace(/%20/g, " ")}index.html`);
    expect(decodeURI(await page.locator("#wb-sidebar a").first().evaluate((a: HTMLAnchorElement) => a.href))).toBe(`${served.url.replace(/%20/g, " ")}index.html`);
    // KaTeX's stylesheet and the chrome's script, loaded from the site's root.
    await page.waitForFunction(() => [...document.styleSheets].some((sheet) => sheet.href?.includes("katex")));
    await page.focus("#wb-search-input");
    await page.keyboard.type("facility");
    await page.locator("#wb-search-results [role=option]").first().waitFor();
    await Promise.all([page.waitForURL(/the-facility\.html/), page.keyboard.press("Enter")]);
    expect(problems.cspViolations).toEqual([]);
    await page.close();
  });

  it("is in no sidebar, index list or search result", async () => {
    const { page } = await open("index.html");
    expect(await page.locator('a[href="404.html"]').count()).toBe(0);
    await page.focus("#wb-search-input");
    await page.keyboard.type("renamed typo");
    await page.waitForFunction(() => document.getElementById("wb-search-status")?.textContent === "No results");
    await page.close();
  });
});
