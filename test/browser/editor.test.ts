// Learners edit cells of a built page in real Chromium: read pages link every cell to the edit twin and
// never load the editor; in the twin an edit reruns every dependent value and figure, a syntax error is
// located, Reset restores, a share link reopens the edits in a fresh browser, and an endless loop is
// stopped without freezing the page. Read pages keep a strict CSP; edit pages break no policy either.
// On an edit page the live page and the editor run in its sandbox frame (src/editor/main.ts), the
// banner and storage in the page itself: locators say which.
import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { watchProblems, type PageProblems } from "../helpers/chromium.ts";
import { builtSite } from "../helpers/built-site.ts";
import { cellId, editLive, frameOf, inFrame, linkFor, typeAndRun } from "../helpers/edit-page.ts";

const site = builtSite("editor", ["build", "--root", "examples"]);

const EDITOR_SCRIPT = /\/(editor|codemirror|strip-types)-[A-Z0-9]+\.js$/;

function expectNoProblems(problems: PageProblems): void {
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
  expect(problems.cspViolations).toEqual([]);
}

const live = (page: Page) => page.waitForFunction(() => document.documentElement.classList.contains("wb-live"));
const inlineText = (page: Page) => inFrame(page).locator(".wb-inline").allTextContents();

/**
 * Clicks a control of the edit page itself (the banner) when the page has been scrolled. Chromium
 * routes a click to the out-of-process sandbox frame by where the frame was on screen, which lags a
 * scroll by a frame: scroll first, let a frame pass, then click as a reader would.
 */
async function clickAbove(page: Page, selector: string): Promise<void> {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.locator(selector).click();
}

describe("the edit twin of a built page", () => {
  it("is linked from every cell of the read page, by keyboard too, and the read page never loads the editor", async () => {
    const page = await site.browser.newPage();
    const problems = watchProblems(page);
    const scripts: string[] = [];
    page.on("request", (request) => scripts.push(request.url()));
    await page.goto(`${site.url}crossover.html`);
    await live(page);
    const html = await readFile(path.join(site.out, "crossover.html"), "utf8");
    expect(html).toContain(`script-src 'self';`);
    expect(html).not.toContain("unsafe-eval");
    const cells = await page.locator(".wb-output[data-cell]").count();
    expect(await page.locator(".wb-cell-tools a.wb-edit").count()).toBe(cells);

    // Tab from the top of the page reaches a cell's Edit link.
    let focused = "";
    for (let i = 0; i < 12 && !focused.includes("wb-edit\""); i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? "");
    }
    expect(focused).toContain('class="wb-edit"');
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/_edit\/crossover\.html#edit=/);
    await inFrame(page).locator(".wb-editor .cm-content").first().waitFor();
    // Only the twin loaded the editor.
    const beforeTwin = scripts.slice(0, scripts.findIndex((url) => url.includes("/_edit/")));
    expect(beforeTwin.filter((url) => EDITOR_SCRIPT.test(url))).toEqual([]);
    expect(scripts.some((url) => /\/editor-[A-Z0-9]+\.js$/.test(url))).toBe(true);
    const twin = await readFile(path.join(site.out, "_edit/crossover.html"), "utf8");
    expect(twin).toContain(`script-src 'self' 'unsafe-eval';`);
    expectNoProblems(problems);
    await page.close();
  });

  it("opens the twin with the reader's input values from the read page", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}crossover.html`);
    await live(page);
    await page.locator(".wb-cell input[type=range]").first().fill("50000000");
    await page.waitForFunction(() => document.querySelector(".wb-inline")?.textContent === "50,000,000");
    await page.locator("#fig-cumulative a.wb-edit").click();
    await inFrame(page).locator(".wb-editor .cm-content").first().waitFor();
    await (await frameOf(page)).waitForFunction(() => document.querySelector(".wb-inline")?.textContent === "50,000,000");
    expect(await inFrame(page).locator(".wb-cell input[type=range]").first().inputValue()).toBe("50000000");
    expect(new URL(page.url()).hash).toMatch(/^#edit=[0-9a-f]+$/);
    await context.close();
  });

  it("reruns the figure and the inline values when a number in a kernel call changes, marks the cell, and resets", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.url}_edit/crossover.html`);
    await editLive(page);
    const id = await cellId(page, "inferenceCrossover({");
    await page.goto(`${site.url}_edit/crossover.html#edit=${id}`);
    await inFrame(page).locator(".wb-editor .cm-content").first().waitFor();
    const before = await inlineText(page);
    const figure = await inFrame(page).locator("#fig-cumulative svg").evaluate((svg) => svg.outerHTML);

    await typeAndRun(page, "const crossover = inferenceCrossover({trainingKWh: 1_287_000, queriesPerDay, kWhPerQuery: whPerQuery / 500});");
    await (await frameOf(page)).waitForFunction((old) => [...document.querySelectorAll(".wb-inline")].map((e) => e.textContent).join("|") !== old, before.join("|"));
    const after = await inlineText(page);
    const number = (text: string) => Number(text.replace(/[^\d.]/g, ""));
    // Twice the energy per query: twice the daily energy, half the days to the crossover.
    expect(number(after[1]!)).toBeCloseTo(2 * number(before[1]!), -1);
    expect(Math.abs(number(after[2]!) - number(before[2]!) / 2)).toBeLessThanOrEqual(1); // days are rounded
    await (await frameOf(page)).waitForFunction((old) => document.querySelector("#fig-cumulative svg")?.outerHTML !== old, figure);
    await expect.poll(() => inFrame(page).locator(`.wb-cell.wb-edited`).count()).toBe(1);
    await expect.poll(() => page.locator(".wb-banner").textContent()).toContain("differs from the author's version (1 edited cell)");

    // The diff is one click away.
    await inFrame(page).locator(`.wb-cell-tools[data-for="${id}"] .wb-diff-toggle`).click();
    expect(await inFrame(page).locator(".wb-diff del").allTextContents()).toEqual([expect.stringContaining("whPerQuery / 1000")]);
    expect(await inFrame(page).locator(".wb-diff ins").allTextContents()).toEqual([expect.stringContaining("whPerQuery / 500")]);

    // Persisted: a reload in the same browser shows the edit.
    await page.reload();
    await (await frameOf(page)).waitForFunction(() => document.querySelectorAll(".wb-cell.wb-edited").length === 1);
    await (await frameOf(page)).waitForFunction((text) => document.querySelectorAll(".wb-inline")[2]?.textContent === text, after[2]!);

    await inFrame(page).locator(`.wb-cell-tools[data-for="${id}"] .wb-reset`).click();
    await (await frameOf(page)).waitForFunction((text) => document.querySelectorAll(".wb-inline")[2]?.textContent === text, before[2]!);
    expect(await inFrame(page).locator(".wb-cell.wb-edited").count()).toBe(0);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("wattbook:edits:")))).toEqual([]);
    expectNoProblems(problems);
    await context.close();
  });

  it("locates a syntax error in the editor and keeps the previous definition running", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.url}_edit/crossover.html`);
    await editLive(page);
    const id = await cellId(page, "inferenceCrossover({");
    await inFrame(page).locator(`.wb-cell-tools[data-for="${id}"] a.wb-edit`).click();
    await inFrame(page).locator(".wb-editor .cm-content").first().waitFor();
    const before = await inlineText(page);
    await typeAndRun(page, "const crossover = inferenceCrossover({\n  trainingKWh: 1_287_000,\n  queriesPerDay kWhPerQuery: 1\n});");
    const status = inFrame(page).locator(".wb-editor-status");
    await expect.poll(() => status.textContent()).toContain("Line 3, column 17: syntax error: Unexpected token");
    expect(await status.textContent()).toContain("the previous version keeps running");
    expect(await inFrame(page).locator(".wb-editor .cm-line.wb-cm-error").textContent()).toBe("  queriesPerDay kWhPerQuery: 1");
    await page.waitForTimeout(100);
    expect(await inlineText(page)).toEqual(before);
    expect(await inFrame(page).locator(".wb-cell.wb-edited").count()).toBe(0);
    expectNoProblems(problems);
    await context.close();
  });

  it("shares edits in a link that reopens them in a fresh browser, with a banner", async () => {
    const author = await site.browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await author.newPage();
    await page.goto(`${site.url}_edit/crossover.html`);
    await editLive(page);
    const id = await cellId(page, "inferenceCrossover({");
    await inFrame(page).locator(`.wb-cell-tools[data-for="${id}"] a.wb-edit`).click();
    await inFrame(page).locator(".wb-editor .cm-content").first().waitFor();
    await typeAndRun(page, "const crossover = inferenceCrossover({trainingKWh: 2_574_000, queriesPerDay, kWhPerQuery: whPerQuery / 1000});");
    await expect.poll(() => inFrame(page).locator(".wb-cell.wb-edited").count()).toBe(1);
    const edited = await inlineText(page);
    await page.locator(".wb-share-button").click();
    const link = await page.locator(".wb-share-url").inputValue();
    expect(link).toMatch(/\/_edit\/crossover\.html#edits=[A-Za-z0-9_-]+$/);
    await author.close();

    const fresh = await site.browser.newContext();
    const reader = await fresh.newPage();
    const problems = watchProblems(reader);
    await reader.goto(link);
    await editLive(reader);
    // Nothing from the link runs before the reader says so: the page is the published one, with the change shown.
    const consent = reader.getByRole("region", { name: "Edits from a shared link" });
    await expect.poll(() => consent.locator(".wb-diff ins").allTextContents()).toEqual([expect.stringContaining("trainingKWh: 2_574_000")]);
    expect(await consent.locator(".wb-diff del").allTextContents()).toEqual([expect.stringContaining("trainingKWh: 1_287_000")]);
    await reader.waitForTimeout(200);
    expect(await inlineText(reader)).not.toEqual(edited);
    await reader.getByRole("button", { name: "Run these edits" }).click();
    await (await frameOf(reader)).waitForFunction((text) => document.querySelectorAll(".wb-inline")[2]?.textContent === text, edited[2]!);
    expect(await reader.locator(".wb-banner").textContent()).toContain("Opened from a shared link: this page differs from the author's version (1 edited cell)");
    expect(await inFrame(reader).locator(".wb-cell.wb-edited").count()).toBe(1);
    // Run is not keep: nothing saved yet.
    expect(await reader.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("wattbook:edits")))).toEqual([]);
    await reader.getByRole("button", { name: "Keep these edits" }).click();
    // The fragment is spent; the edits now live in this browser.
    await expect.poll(() => new URL(reader.url()).hash).toBe("");
    expect(await reader.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("wattbook:edits")))).toEqual([expect.stringMatching(/^wattbook:edits:(examples\/)?crossover\.md$/)]);

    // A link made before the author changed a cell: that edit is left out, the panel says so, and the
    // reader's own edits stay as they are.
    await reader.goto(await linkFor(reader, { v: 1, cells: { deadbeef: "const gone = 1;" }, scratch: [] }));
    await reader.reload();
    await expect.poll(() => consent.locator(".wb-banner-notice").textContent()).toBe("1 edit was left out: the author has changed that cell since.");
    expect(await reader.getByRole("button", { name: "Run these edits" }).isDisabled()).toBe(true);
    await reader.getByRole("button", { name: "Discard" }).click();
    await (await frameOf(reader)).waitForFunction((text) => document.querySelectorAll(".wb-inline")[2]?.textContent === text, edited[2]!);
    expect(await consent.count()).toBe(0);

    // A link kept over the reader's own edits sets them aside; they come back on request.
    await reader.goto(await linkFor(reader, { v: 1, cells: { [id]: "const crossover = inferenceCrossover({trainingKWh: 3_861_000, queriesPerDay, kWhPerQuery: whPerQuery / 1000});" }, scratch: [] }));
    await reader.reload();
    await reader.getByRole("button", { name: "Run these edits" }).click();
    await (await frameOf(reader)).waitForFunction((text) => document.querySelectorAll(".wb-inline")[2]?.textContent !== text, edited[2]!);
    await reader.getByRole("button", { name: "Keep these edits" }).click();
    await reader.locator(".wb-restore").click();
    await (await frameOf(reader)).waitForFunction((text) => document.querySelectorAll(".wb-inline")[2]?.textContent === text, edited[2]!);
    expectNoProblems(problems);
    await fresh.close();
  }, 60_000);

  it("stops an endless loop in an edited cell and reports it there, and the page stays responsive", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.url}_edit/crossover.html`);
    await editLive(page);
    const id = await cellId(page, "inferenceCrossover({");
    await inFrame(page).locator(`.wb-cell-tools[data-for="${id}"] a.wb-edit`).click();
    await inFrame(page).locator(".wb-editor .cm-content").first().waitFor();
    await typeAndRun(page, "let n = 0;\nwhile (true) n++;\nconst crossover = 1;");
    const error = inFrame(page).locator(`[data-cell="${id}"] .wb-error`);
    await expect.poll(() => error.textContent(), { timeout: 5000 }).toContain("the loop at line 2 ran for more than 1000 ms, so it was stopped: it may loop forever");
    // An edit that tripped the guard is not saved.
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("wattbook:edits:")))).toEqual([]);
    // Responsive: the page and its sandbox answer at once and the sliders still drive the other cells.
    const started = Date.now();
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    expect(await (await frameOf(page)).evaluate(() => 1 + 1)).toBe(2);
    expect(Date.now() - started).toBeLessThan(500);
    await typeAndRun(page, "const crossover = inferenceCrossover({trainingKWh: 1_287_000, queriesPerDay, kWhPerQuery: whPerQuery / 1000});");
    await expect.poll(() => error.count()).toBe(0);
    expectNoProblems(problems);
    await context.close();
  });

  it("edits inline values and TypeScript cells, adds scratch cells, and follows a renamed declaration", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.url}_edit/edge-battery.html`);
    await editLive(page);

    // An inline value is a button that opens its editor.
    const inline = inFrame(page).locator(".wb-inline.wb-editable").first();
    await inline.focus();
    await page.keyboard.press("Enter");
    await inFrame(page).locator(".wb-editor .cm-content").first().waitFor();
    await typeAndRun(page, "period * 2");
    await expect.poll(() => inline.textContent()).toMatch(/^2,?000$/);
    await inFrame(page).locator(".wb-editor .wb-close").click();

    // A TypeScript cell, renamed: its readers say the old name is not defined.
    const id = await cellId(page, "interface Budget");
    await inFrame(page).locator(`.wb-cell-tools[data-for="${id}"] a.wb-edit`).click();
    await inFrame(page).locator(".wb-editor .cm-content").first().waitFor();
    const source = await page.evaluate((cell) => JSON.parse(document.getElementById("wb-edit-data")!.textContent!).cells.find((c: { id: string }) => c.id === cell).sourceText as string, id);
    await typeAndRun(page, source.replace("const budget: Budget", "const battery: Budget"));
    await expect.poll(() => inFrame(page).locator(".wb-inline .wb-error").first().textContent()).toContain("budget is not defined");

    // A scratch cell computes with the notebook's values and the kernel, no import needed.
    await inFrame(page).locator(`.wb-cell-tools[data-for="${id}"] .wb-add-scratch`).click();
    await inFrame(page).locator(".wb-scratch .wb-editor .cm-content").waitFor();
    await typeAndRun(page, "batteryLife({capacityMilliampHours: 450, volts: 3, averageMilliwatts: battery.averageMilliwatts}).days / battery.days", inFrame(page).locator(".wb-scratch .cm-content"));
    await expect.poll(() => inFrame(page).locator(".wb-scratch .wb-output").textContent()).toBe("2");
    expect(await page.locator(".wb-banner").textContent()).toContain("2 edited cells, 1 scratch cell");

    // Reset page asks once more, then puts everything back.
    await clickAbove(page, ".wb-reset-page");
    await clickAbove(page, ".wb-reset-page");
    await expect.poll(() => inFrame(page).locator(".wb-scratch").count()).toBe(0);
    await expect.poll(() => inFrame(page).locator(".wb-inline .wb-error").count()).toBe(0);
    expect(await page.locator(".wb-banner").textContent()).toContain("Edit mode");
    expectNoProblems(problems);
    await context.close();
  });
});
