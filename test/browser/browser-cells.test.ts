// Cells marked ```js browser in real Chromium: the built page holds a placeholder where the build did
// not run a cell (readable, and printed, without JavaScript); the live page runs the cell and puts its
// value there, and a dependent follows an input like any cell. On the edit twin the same cells run in
// the sandbox, whose opaque origin has no storage of its own.
import { describe, expect, it } from "vitest";
import path from "node:path";
import type { Page } from "playwright-core";
import { watchProblems } from "../helpers/chromium.ts";
import { builtSite } from "../helpers/built-site.ts";
import { REPO_ROOT } from "../helpers/cli.ts";
import { cellId, editLive, inFrame } from "../helpers/edit-page.ts";

const site = builtSite("browser-cells", ["build", "--root", path.join(REPO_ROOT, "test/browser/fixtures/browser-cells")]);

const live = (page: Page) => page.waitForFunction(() => document.documentElement.classList.contains("wb-live"));
/** The text of the block output whose cell's code is `visits * gpus`, and the inline values in order. */
const product = (page: Page) => page.locator(".wb-output").nth(2).innerText();
const inlines = (page: Page) => page.locator(".wb-inline").allInnerTexts();

describe("browser-only cells in Chromium", () => {
  it("read without JavaScript: the placeholder says the output is computed in the browser, on screen and in print", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}visits.html`);
    expect(await product(page)).toBe("This output is computed in your browser. It needs JavaScript, which is turned off.");
    expect(await inlines(page)).toEqual(["(computed in your browser)", "4"]);
    expect(await page.locator(".wb-output").nth(3).innerText()).toContain("This output is computed in your browser.");
    // The declaring cell shows nothing, so it holds no placeholder.
    expect(await page.locator(".wb-browser-only").count()).toBe(3);
    await page.emulateMedia({ media: "print" });
    for (const placeholder of await page.locator(".wb-browser-only").all()) expect(await placeholder.isVisible()).toBe(true);
    await context.close();
  });

  it("goes live: the browser computes the cell and its dependents, and they follow an input", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.url}visits.html`);
    await live(page);
    await expect.poll(() => product(page)).toBe("4");
    expect(await inlines(page)).toEqual(["1", "4"]);
    await expect.poll(() => page.locator(".wb-output").nth(3).innerText()).toBe("true");
    expect(await page.locator(".wb-browser-only").count()).toBe(0);

    // The value is the browser's own: a second visit counts two.
    await page.reload();
    await live(page);
    await expect.poll(() => product(page)).toBe("8");
    expect(await inlines(page)).toEqual(["2", "4"]);

    // A dependent of a browser-only cell is a cell like any other: it follows the slider.
    await page.locator("input[type=range]").fill("10");
    await expect.poll(() => product(page)).toBe("20");
    expect(await page.evaluate(() => (window.wattbook!.failures().length))).toBe(0);

    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    await context.close();
  });

  it("runs in the edit twin's sandbox, with storage lent in memory, and an edit of a browser cell runs in the page", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.url}_edit/visits.html`);
    await editLive(page);
    const id = await cellId(page, "localStorage.getItem");
    await page.goto(`${site.url}_edit/visits.html#edit=${id}`);
    const frame = inFrame(page);
    const content = frame.locator(".wb-editor .cm-content").first();
    await content.waitFor();
    // The sandbox's opaque origin cannot read the site's storage; the cell gets a Storage of its own.
    await expect.poll(() => frame.locator(".wb-output").nth(2).innerText()).toBe("4");
    expect(await frame.locator(".wb-inline").allInnerTexts()).toEqual(["1", "4"]);

    const code = 'const visits = Number(localStorage.getItem("edited") ?? 10) + 1;';
    await content.focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(code);
    await expect.poll(() => content.textContent()).toBe(code);
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => frame.locator(".wb-output").nth(2).innerText()).toBe("44");
    expect(await frame.locator(".wb-inline").allInnerTexts()).toEqual(["11", "4"]);

    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    await context.close();
  });
});
