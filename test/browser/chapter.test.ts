// Every chapter page in Chromium: it goes live with no console error and no CSP violation, and moving
// its first input changes something that depends on it.
import { beforeAll, describe, expect, it } from "vitest";
import { readdir } from "node:fs/promises";
import type { Page } from "playwright-core";
import { watchProblems } from "../helpers/chromium.ts";
import { builtSite } from "../helpers/built-site.ts";

const site = builtSite("chapter", ["build"], { buildTimeoutMs: 120_000, hookTimeoutMs: 180_000 });
let pages: string[] = [];

beforeAll(async () => {
  // The 404 page has no cells (test/browser/chrome.test.ts opens it, at depth).
  pages = (await readdir(site.out)).filter((file) => file.endsWith(".html") && file !== "404.html").sort();
});

/** The inputs a reader can move (passed into the page: evaluated functions see no test-side names). */
const INPUTS = ".wb-output input[type=range], .wb-output select, .wb-output input[type=radio], .wb-output input[type=number], .wb-output input[type=checkbox]";

/** Everything a reader sees change: outputs and inline values, excluding the input's own cell. */
function snapshot(page: Page, skipCell: string): Promise<string> {
  return page.evaluate(
    (skip) =>
      [...document.querySelectorAll("[data-cell]")]
        .filter((element) => element.getAttribute("data-cell") !== skip)
        .map((element) => element.innerHTML)
        .join("\u0000"),
    skipCell,
  );
}

/** Moves the page's first input to another value; returns the id of the cell that holds it. */
async function moveFirstInput(page: Page): Promise<string | null> {
  return page.evaluate((selector) => {
    const input = document.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
    if (!input) return null;
    const cell = input.closest("[data-cell]")!.getAttribute("data-cell");
    if (input instanceof HTMLSelectElement) {
      input.selectedIndex = (input.selectedIndex + 1) % input.options.length;
    } else if (input.type === "radio") {
      const group = [...document.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${input.name}"]`)].filter((r) => r.form === input.form);
      const next = group[(group.findIndex((r) => r.checked) + 1) % group.length]!;
      next.checked = true;
      input.form?.dispatchEvent(new Event("input", { bubbles: true }));
      return cell;
    } else if (input.type === "checkbox") {
      input.checked = !input.checked;
    } else {
      const min = Number(input.min || 0);
      const max = Number(input.max || Number(input.value) * 2 || 1);
      const current = Number(input.value);
      const target = current + (max - min) / 3 <= max ? current + (max - min) / 3 : current - (max - min) / 3;
      // Stay on the input's step grid (counted from min), or the input rejects the value as invalid.
      const step = input.step && input.step !== "any" ? Number(input.step) : 0;
      input.value = String(step ? min + Math.round((target - min) / step) * step : target);
    }
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
    return cell;
  }, INPUTS);
}

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
      const cell = await page.evaluate((selector) => document.querySelector(selector)?.closest("[data-cell]")?.getAttribute("data-cell") ?? null, INPUTS);
      expect(cell, `${name} has an input`).not.toBeNull();
      const before = await snapshot(page, cell!);
      expect(await moveFirstInput(page)).toBe(cell);
      await page
        .waitForFunction(
          ([skip, old]) => [...document.querySelectorAll("[data-cell]")].filter((e) => e.getAttribute("data-cell") !== skip).map((e) => e.innerHTML).join("\u0000") !== old,
          [cell!, before] as const,
          { timeout: 5_000 },
        )
        .catch(() => undefined);
      expect(await snapshot(page, cell!), `${name}: moving the first input changed nothing`).not.toBe(before);
      expect(problems.consoleErrors, name).toEqual([]);
      expect(problems.pageErrors, name).toEqual([]);
      expect(problems.cspViolations, name).toEqual([]);
      expect(await page.locator(".wb-error").count(), `${name} shows a cell error`).toBe(0);
      await page.close();
    }
  }, 180_000);
});
