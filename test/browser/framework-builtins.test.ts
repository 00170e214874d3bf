// Observable Framework's built-ins live in Chromium: a Mutable set by a button updates the cell that
// reads it, md and tex render again when an input moves, resize follows the column, dark follows the
// colour scheme, now ticks, visibility() waits for its cell to scroll into view, and a page that never
// writes md or tex downloads neither marked nor KaTeX. No console errors and no CSP violations.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { watchProblems } from "../helpers/chromium.ts";
import { builtSite } from "../helpers/built-site.ts";

const fence = "```";
const cells = (...bodies: string[]) => bodies.map((body) => `${fence}js\n${body}\n${fence}\n`).join("\n");

const FRAMEWORK_PAGE = `# Framework built-ins

${cells(
  "const count = Mutable(0);\nconst increment = () => ++count.value;\nconst reset = () => (count.value = 0);",
  'Inputs.button([["Add one", increment], ["Reset", reset]])',
  'html`<p class="count">Count: ${count}</p>`',
  'const gpus = view(Inputs.range([1, 100], {value: 8, step: 1, label: "GPUs"}));',
  'md`The cluster has **${gpus}** GPUs.`',
  "tex`n = ${gpus}`",
  'resize((width) => html`<span class="resized">${width}</span>`)',
  'html`<span class="scheme">${dark ? "dark" : "light"}</span>`',
  'html`<span class="now">${now}</span>`',
)}
<div style="height: 4000px"></div>

${cells('const seen = visibility("seen");', 'html`<span class="seen">${seen}</span>`')}`;

const PLAIN_PAGE = `# Plain\n\n${cells("const x = view(Inputs.range([0, 10], {value: 2}));", "x * 3")}`;

const notebooks = mkdtempSync(path.join(tmpdir(), "wattbook-framework-notebooks-"));
beforeAll(() => {
  mkdirSync(notebooks, { recursive: true });
  writeFileSync(path.join(notebooks, "framework.md"), FRAMEWORK_PAGE);
  writeFileSync(path.join(notebooks, "plain.md"), PLAIN_PAGE);
});
afterAll(() => rmSync(notebooks, { recursive: true, force: true }));

const site = builtSite("framework-builtins", ["build", "--root", notebooks, "--no-cache"]);

const MARKED = "marked(): input parameter";
const KATEX = "KaTeX parse error";

/** Opens a page and keeps the text of every script it downloads. */
async function open(page: Page, name: string): Promise<string[]> {
  const scripts: string[] = [];
  page.on("response", async (response) => {
    if (response.url().endsWith(".js")) scripts.push(await response.text().catch(() => ""));
  });
  await page.goto(`${site.url}${name}`);
  await page.waitForFunction(() => document.documentElement.classList.contains("wb-live"));
  return scripts;
}

const textOf = (page: Page, selector: string) => page.locator(selector).first().textContent();

describe("Framework's built-ins in Chromium", () => {
  it("a Mutable set by a button updates the cell that reads it; md and tex follow an input", async () => {
    const page = await site.browser.newPage();
    const problems = watchProblems(page);
    const scripts = await open(page, "framework.html");

    expect(await textOf(page, ".count")).toBe("Count: 0");
    await page.getByRole("button", { name: "Add one" }).click();
    await page.getByRole("button", { name: "Add one" }).click();
    await page.waitForFunction(() => document.querySelector(".count")?.textContent === "Count: 2");
    await page.getByRole("button", { name: "Reset" }).click();
    await page.waitForFunction(() => document.querySelector(".count")?.textContent === "Count: 0");

    const markdown = page.locator("[data-cell] p strong").first();
    expect(await markdown.textContent()).toBe("8");
    const annotation = page.locator("[data-cell] .katex annotation").first();
    expect(await annotation.textContent()).toBe("n = 8");
    await page.locator("[data-cell] input[type=range]").first().fill("42");
    await page.waitForFunction(() => document.querySelector("[data-cell] p strong")?.textContent === "42");
    await page.waitForFunction(() => document.querySelector("[data-cell] .katex annotation")?.textContent === "n = 42");
    // Rendered by the page itself: the Markdown renderer and KaTeX were downloaded for it.
    expect(scripts.some((text) => text.includes(MARKED))).toBe(true);
    expect(scripts.some((text) => text.includes(KATEX))).toBe(true);

    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    await page.close();
  });

  it("resize renders at its container's width and again when it changes; now ticks", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await open(page, "framework.html");
    const resized = async () => {
      const [shown, actual] = await page.locator(".resized").first().evaluate((span) => [span.textContent, Math.floor(span.parentElement!.getBoundingClientRect().width)]);
      return { shown: Number(shown), actual };
    };
    await page.waitForFunction(() => {
      const span = document.querySelector(".resized");
      return span && Number(span.textContent) === Math.floor(span.parentElement!.getBoundingClientRect().width);
    });
    const wide = await resized();
    await page.setViewportSize({ width: 420, height: 800 });
    await page.waitForFunction((before) => Number(document.querySelector(".resized")?.textContent) !== before, wide.shown);
    const narrow = await resized();
    expect(narrow.shown).toBe(narrow.actual);
    expect(narrow.shown).toBeLessThan(wide.shown);

    const first = Number(await textOf(page, ".now"));
    await page.waitForFunction((before) => Number(document.querySelector(".now")?.textContent) > before, first);
    expect(problems.pageErrors).toEqual([]);
    await context.close();
  });

  it("dark follows the reader's colour scheme, live", async () => {
    const context = await site.browser.newContext({ colorScheme: "dark" });
    const page = await context.newPage();
    await open(page, "framework.html");
    await page.waitForFunction(() => document.querySelector(".scheme")?.textContent === "dark");
    await page.emulateMedia({ colorScheme: "light" });
    await page.waitForFunction(() => document.querySelector(".scheme")?.textContent === "light");
    await context.close();
  });

  it("visibility() waits until its cell scrolls into view", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await open(page, "framework.html");
    const seenCell = page.locator("[data-cell]", { has: page.locator(".seen") });
    // The prerendered value (the build resolves visibility at once) stays while the live cell waits.
    expect(await textOf(page, ".seen")).toBe("seen");
    await page.waitForTimeout(300);
    expect(await seenCell.evaluate((element) => element.classList.contains("wb-running"))).toBe(true);
    expect(await page.locator("[data-cell]", { has: page.locator(".count") }).evaluate((element) => element.classList.contains("wb-running"))).toBe(false);
    await seenCell.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !document.querySelector(".seen")!.closest("[data-cell]")!.classList.contains("wb-running"));
    expect(await textOf(page, ".seen")).toBe("seen");
    await context.close();
  });

  it("a page that never writes md or tex downloads neither marked nor KaTeX", async () => {
    const page = await site.browser.newPage();
    const scripts = await open(page, "plain.html");
    await page.waitForTimeout(300);
    expect(scripts.length).toBeGreaterThan(1);
    expect(scripts.some((text) => text.includes(MARKED))).toBe(false);
    expect(scripts.some((text) => text.includes(KATEX))).toBe(false);
    await page.close();
  });
});
