// Every chapter page in Chromium, as a reader meets its values and inputs: each inline value and cell
// output reads the same with JavaScript off (the build's prerender) and once the page is live, every
// slider, select and choice group has an accessible name, and a number box never disagrees with its
// slider or with the values that follow it.
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { watchProblems } from "../helpers/chromium.ts";
import { builtSite, livePages } from "../helpers/built-site.ts";

const site = builtSite("chapter-values", ["build"], { buildTimeoutMs: 120_000, hookTimeoutMs: 180_000 });
let pages: string[] = [];

beforeAll(async () => {
  pages = await livePages(site.out);
});

/**
 * What the reader reads in each inline value and cell output, by cell id: its text (SVG text
 * included), each form control's value, and each image's source. Layout, ids and attributes are
 * left out: a figure may be drawn anew, but it must say the same.
 */
function readValues(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const values: Record<string, string> = {};
    for (const element of document.querySelectorAll<HTMLElement>(".wb-main [data-cell]")) {
      const parts: string[] = [];
      const walk = (node: Node) => {
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? "");
        else if (node instanceof HTMLInputElement) parts.push(`[${node.type}=${node.type === "checkbox" || node.type === "radio" ? node.checked : node.value}]`);
        else if (node instanceof HTMLSelectElement) parts.push(`[select=${node.value}]`);
        else if (node instanceof HTMLImageElement) parts.push(`[img ${node.getAttribute("src")}]`);
        if (node instanceof Element && (node.localName === "style" || node.localName === "script")) return;
        node.childNodes.forEach(walk);
      };
      walk(element);
      values[element.dataset.cell!] = parts.join("").replace(/\s+/g, " ").trim();
    }
    return values;
  });
}

async function livePage(name: string): Promise<Page> {
  const page = await site.browser.newPage();
  await page.goto(site.url + name);
  await page.waitForFunction(() => document.documentElement.classList.contains("wb-live") && window.wattbook, null, { timeout: 15_000 });
  await page.evaluate(() => window.wattbook!.settled());
  return page;
}

describe("every chapter page's values", () => {
  it("read the same with JavaScript off and once the page is live", async () => {
    const still = await site.browser.newContext({ javaScriptEnabled: false });
    const differences: string[] = [];
    let compared = 0;
    for (const name of pages) {
      const off = await still.newPage();
      await off.goto(site.url + name);
      const prerendered = await readValues(off);
      await off.close();
      const page = await livePage(name);
      const problems = watchProblems(page);
      const live = await readValues(page);
      expect(Object.keys(live).sort(), `${name}: the same cells`).toEqual(Object.keys(prerendered).sort());
      for (const [cell, text] of Object.entries(prerendered)) {
        compared++;
        if (live[cell] !== text) differences.push(`${name} cell ${cell}:\n  without JavaScript: ${text.slice(0, 300)}\n  live:               ${live[cell]!.slice(0, 300)}`);
      }
      expect(problems.pageErrors, name).toEqual([]);
      await page.close();
    }
    await still.close();
    expect(compared).toBeGreaterThan(300);
    expect(differences.join("\n")).toBe("");
  }, 240_000);
});

/** Everything the page shows outside one cell (the input's own), as text. */
function othersText(page: Page, skipCell: string): Promise<string> {
  return page.evaluate((skip) => [...document.querySelectorAll<HTMLElement>(".wb-main [data-cell]")].filter((e) => e.dataset.cell !== skip).map((e) => e.textContent).join("\u0000"), skipCell);
}

describe("every chapter page's inputs", () => {
  it("have accessible names: each slider, select, number box and choice group is named by its label", async () => {
    const unnamed: string[] = [];
    let inputs = 0;
    for (const name of pages) {
      const page = await livePage(name);
      for (const role of ["slider", "combobox", "listbox", "spinbutton", "radiogroup"] as const) {
        const all = page.locator(".wb-output").getByRole(role);
        const count = await all.count();
        inputs += count;
        const named = await page.locator(".wb-output").getByRole(role, { name: /\S/ }).count();
        if (named !== count) unnamed.push(`${name}: ${count - named} of ${count} ${role}s have no name`);
      }
      await page.close();
    }
    expect(inputs).toBeGreaterThan(200);
    expect(unnamed).toEqual([]);
  }, 120_000);

  it("never let the number box and the slider disagree: 400 typed into a box capped at 50 is refused with a message, and Enter sets all to 50", async () => {
    const page = await livePage("08-the-edge.html");
    const problems = watchProblems(page);
    const slider = page.getByRole("slider", { name: "Daily learning budget (% of battery)" });
    const box = page.getByRole("spinbutton", { name: "Daily learning budget (% of battery)" });
    const form = page.locator("form", { has: slider });
    const cell = (await form.evaluate((f) => f.closest<HTMLElement>("[data-cell]")!.dataset.cell))!;
    expect(await box.getAttribute("max")).toBe("50");
    const start = await slider.inputValue();
    const before = await othersText(page, cell);

    await box.fill("400");
    await page.evaluate(() => window.wattbook!.settled());
    const note = form.getByRole("status");
    await expect.poll(() => note.textContent()).toContain("400 is above the maximum, 50");
    expect(await note.isVisible()).toBe(true);
    expect(await box.getAttribute("aria-invalid")).toBe("true");
    // Refused: the slider and every value that follows it stay where they were.
    expect(await slider.inputValue()).toBe(start);
    expect(await othersText(page, cell)).toBe(before);

    await box.press("Enter");
    await page.evaluate(() => window.wattbook!.settled());
    expect(await box.inputValue()).toBe("50");
    expect(await slider.inputValue()).toBe("50");
    expect(await note.textContent()).toContain("Set to 50");
    expect(await box.getAttribute("aria-invalid")).toBeNull();
    await expect.poll(() => othersText(page, cell), { timeout: 10_000 }).not.toBe(before);
    await page.evaluate(() => window.wattbook!.settled());
    const clamped = await othersText(page, cell);

    // The values are those of the slider at 50, moved there by hand on a fresh page.
    const fresh = await livePage("08-the-edge.html");
    await fresh.getByRole("slider", { name: "Daily learning budget (% of battery)" }).fill("50");
    // The runtime takes the input event on its next turn, after which settled() means something: poll.
    await expect.poll(async () => {
      await fresh.evaluate(() => window.wattbook!.settled());
      return othersText(fresh, cell);
    }, { timeout: 10_000 }).toBe(clamped);
    expect(problems.pageErrors).toEqual([]);
    await fresh.close();
    await page.close();
  }, 60_000);
});
