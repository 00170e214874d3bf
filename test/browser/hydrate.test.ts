// A built example page in real Chromium: no console errors, no CSP violations, and moving a slider
// changes the dependent inline values and the figure.
import { describe, expect, it } from "vitest";
import { watchProblems } from "../helpers/chromium.ts";
import { builtSite } from "../helpers/built-site.ts";

const site = builtSite("browser", ["build", "--root", "examples"]);

describe("a built page in Chromium", () => {
  it("goes live without errors, and a slider drives the inline values and the figure", async () => {
    const page = await site.browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.url}training-carbon.html`);
    await page.waitForFunction(() => document.documentElement.classList.contains("wb-live"));

    const inlineValues = () => page.locator(".wb-inline").allTextContents();
    const figure = () => page.locator("#fig-grids svg").evaluate((svg) => svg.outerHTML);
    // Prerendered values are there before and after hydration.
    const before = await inlineValues();
    const figureBefore = await figure();
    expect(before.join(" ")).toMatch(/\d/);

    const slider = page.locator(".wb-cell input[type=range]").first();
    await slider.fill("2048");
    await page.waitForFunction((old) => [...document.querySelectorAll(".wb-inline")].map((e) => e.textContent).join("|") !== old, before.join("|"));
    const after = await inlineValues();
    expect(after[0]).not.toBe(before[0]);
    // 2048 GPUs instead of 512: four times the energy.
    expect(Number(after[0]!.replace(/[^\d.]/g, ""))).toBeCloseTo(4 * Number(before[0]!.replace(/[^\d.]/g, "")), 0);
    await page.waitForFunction((old) => document.querySelector("#fig-grids svg")?.outerHTML !== old, figureBefore);
    expect(await figure()).not.toBe(figureBefore);

    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    await page.close();
  });

  it("hydrates without moving anything: every cell stays where the prerendered page put it", async () => {
    const layout = async (javaScriptEnabled: boolean) => {
      const context = await site.browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${site.url}crossover.html`);
      if (javaScriptEnabled) {
        await page.waitForFunction(() => document.documentElement.classList.contains("wb-live"));
        await page.waitForTimeout(300);
      }
      const boxes = await page.evaluate(() =>
        [...document.querySelectorAll(".wb-cell, .wb-inline, h2")].map((element) => {
          const box = element.getBoundingClientRect();
          return [Math.round(box.top), Math.round(box.height)];
        }),
      );
      await context.close();
      return boxes;
    };
    const still = await layout(false);
    const live = await layout(true);
    expect(live.length).toBe(still.length);
    for (let i = 0; i < still.length; i++) {
      expect(Math.abs(live[i]![0]! - still[i]![0]!), `element ${i} moved`).toBeLessThanOrEqual(1);
      expect(Math.abs(live[i]![1]! - still[i]![1]!), `element ${i} resized`).toBeLessThanOrEqual(1);
    }
  });

  it("reads without JavaScript: the prerendered numbers, table and SVG are in the HTML", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}crossover.html`);
    const text = await page.locator("main").innerText();
    expect(text).toMatch(/matches the training energy after \d+ days/);
    expect(await page.locator("#fig-cumulative svg").count()).toBe(1);
    expect(await page.locator("#tbl-years table").count()).toBe(1);
    await context.close();
  });
});
