// Every chapter page in Chromium: it goes live with no console error and no CSP violation, and moving
// its first input changes something that depends on it.
import { beforeAll, describe, expect, it } from "vitest";
import { watchProblems } from "../helpers/chromium.ts";
import { firstInputCell, moveFirstInput, snapshot, waitForChange } from "../helpers/inputs.ts";
import { builtSite, livePages } from "../helpers/built-site.ts";

const site = builtSite("chapter", ["build"], { buildTimeoutMs: 120_000, hookTimeoutMs: 180_000 });
let pages: string[] = [];

beforeAll(async () => {
  pages = await livePages(site.out);
});

describe("every chapter page in Chromium", () => {
  it("has pages for all notebooks", () => {
    expect(pages).toContain("index.html");
    expect(pages.length).toBeGreaterThanOrEqual(13);
  });

  it("goes live cleanly, and its first input moves something that depends on it", async () => {
    for (const name of pages) {
      const page = await site.browser.newPage();
      const problems = watchProblems(page);
      await page.goto(site.url + name);
      await page.waitForFunction(() => document.documentElement.classList.contains("wb-live"), null, { timeout: 15_000 });
      await page.waitForTimeout(200);
      const cell = await firstInputCell(page);
      expect(cell, `${name} has an input`).not.toBeNull();
      const before = await snapshot(page, cell!);
      expect(await moveFirstInput(page)).toBe(cell);
      await waitForChange(page, cell!, before);
      expect(await snapshot(page, cell!), `${name}: moving the first input changed nothing`).not.toBe(before);
      expect(problems.consoleErrors, name).toEqual([]);
      expect(problems.pageErrors, name).toEqual([]);
      expect(problems.cspViolations, name).toEqual([]);
      expect(await page.locator(".wb-error").count(), `${name} shows a cell error`).toBe(0);
      await page.close();
    }
  }, 180_000);
});
