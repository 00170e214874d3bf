// The Explain panel on a built chapter page in Chromium: a value's button (named "Explain …", shown on
// keyboard focus, taking no room), the panel it opens (a dialog naming the kernel function and a cited
// source of the value, each step linked to its cell), the panel following an input the reader moves,
// Escape closing it with focus back on the button; and on a phone, buttons that cover no text.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { watchProblems } from "../helpers/chromium.ts";
import { builtSite } from "../helpers/built-site.ts";

const site = builtSite("explain", ["build", "--cell-timeout-ms", "60000", "--timeout-ms", "120000"], { buildTimeoutMs: 120_000, hookTimeoutMs: 180_000 });

const PAGE = "01-energy-of-intelligence.html";

async function openLive(page: Page): Promise<void> {
  await page.goto(site.url + PAGE);
  await page.waitForFunction(() => document.documentElement.classList.contains("wb-live"), null, { timeout: 15_000 });
  await page.evaluate(() => window.wattbook!.settled());
}

/** The inline value showing Checkpoint 1.1's facility energy in MWh (1,918.9 as built). */
const FACILITY_MWH = "span.wb-inline:has-text('1,918.9')";

describe("the Explain panel on a chapter page", () => {
  it("traces a value to its kernel functions and cited sources, and follows an input", async () => {
    const page = await site.browser.newPage();
    const problems = watchProblems(page);
    const panelLoads: string[] = [];
    page.on("request", (request) => /\/panel-[A-Z0-9]+\.js$/.test(request.url()) && panelLoads.push(request.url()));
    await openLive(page);

    // The button follows its value; its accessible name begins with "Explain" and carries the value.
    const button = page.getByRole("button", { name: "Explain 1,918.9", exact: true });
    expect(await button.count()).toBe(1);
    expect(await page.locator(`${FACILITY_MWH} + .wb-explain`).count()).toBe(1);
    // Its name follows the value: later, after an input moves, it is reached by this handle.
    const handle = (await button.elementHandle())!;
    // Every inline value and every cell output with something to show has one.
    const counts = await page.evaluate(() => ({
      inline: document.querySelectorAll("span.wb-inline[data-cell]").length,
      inlineButtons: document.querySelectorAll("span.wb-inline[data-cell] + .wb-explain[role=button]").length,
      named: [...document.querySelectorAll<HTMLElement>(".wb-explain")].every((b) => /^Explain\b/.test(b.getAttribute("aria-label") ?? b.getAttribute("aria-labelledby")!.split(" ").map((id) => document.getElementById(id)!.textContent).join(" "))),
      cellButtons: document.querySelectorAll(".wb-cell > .wb-cell-tools > button.wb-explain").length,
    }));
    expect(counts.inline).toBeGreaterThan(20);
    expect(counts.inlineButtons).toBe(counts.inline);
    expect(counts.cellButtons).toBeGreaterThan(3);
    expect(counts.named).toBe(true);

    // Hidden until hovered or focused from the keyboard, and it takes no room: the paragraph is laid out
    // the same with the page's Explain buttons removed.
    expect(await button.evaluate((b) => getComputedStyle(b).opacity)).toBe("0");
    const paragraph = page.locator("p", { has: page.locator(FACILITY_MWH) });
    // Nor any text: the paragraph reads (and copies) as it would without them, no word, no line break.
    expect(await paragraph.innerText()).toMatch(/kWh, or 1,918\.9 MWh, passes the meter\. An average US household uses 10\.7 MWh of electricity/);
    const withButtons = await paragraph.boundingBox();
    const lineWith = await page.locator(FACILITY_MWH).boundingBox();
    await page.addStyleTag({ content: ".wb-explain { display: none !important; }" });
    expect(await paragraph.boundingBox()).toEqual(withButtons);
    expect(await page.locator(FACILITY_MWH).boundingBox()).toEqual(lineWith);
    await page.evaluate(() => document.querySelector("style:last-of-type")!.remove());
    await page.keyboard.press("Tab"); // a keyboard interaction, so that focus() below shows as keyboard focus
    await button.focus();
    await page.waitForFunction((b) => getComputedStyle(b).opacity === "1", handle, { timeout: 2_000 });

    // The panel's code loads only when a reader asks.
    expect(panelLoads).toEqual([]);
    await page.keyboard.press("Enter");
    const panel = page.getByRole("dialog", { name: "Explain 1,918.9" });
    await panel.waitFor({ state: "visible", timeout: 5_000 });
    // Its name follows the value it explains, so later it is found by its id.
    const open = page.locator("#wb-explain-panel");
    expect(panelLoads).toHaveLength(1);
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    const text = await panel.innerText();
    // The expression, the kernel functions called with what they received, and the cited sources.
    expect(text).toContain("${fmt(checkpoint11.facilityMWh, 1)}");
    expect(text).toMatch(/trainingEnergy\(\{flops: 3\.14e\+23, flopsPerJoule: 50,000,000,000, pue: 1\.1\}\)/);
    expect(text).toContain("householdYears");
    expect(text).toMatch(/gpt3\.trainingFlops = 3\.14e\+23 FLOP\n+Its row in this page's Sources\n+Patterson et al\. 2021 \(2021\)/);
    // The record's name for readers, its path, its row in the page's Sources, its short citation, the
    // work in full, its note.
    expect(text).toMatch(/US household electricity per year\n+anchors\.householdMWhPerYear = 10\.7 MWh\/year\n+Its row in this page's Sources\n+Sustainable AI chapter, footnote 2 \(2026\)\n+Sustainable AI \(The Energy Ceiling\)\. 2026\.\n+average US household electricity use/);
    expect(text).toMatch(/Patterson et al\. 2021 \(2021\)\n+David Patterson, .*\. Carbon Emissions and Large Neural Network Training\. arXiv preprint, 2021\./);
    // Each cell it depends on, with its current value, linked to where the page shows it.
    expect(text).toMatch(/checkpointPue = 1\.1\b/);
    const links = await panel.locator("a[href^='#']").evaluateAll((anchors) => anchors.map((a) => ({ text: a.textContent, found: document.getElementById(a.getAttribute("href")!.slice(1)) !== null })));
    expect(links.map((link) => link.text)).toEqual(expect.arrayContaining(["checkpoint11", "efficiencyGFlopPerJ, checkpointPue", "Its row in this page's Sources"]));
    // A cited value reaches its source: the record's row in the Sources table, which links to the full reference.
    expect(await panel.locator("a[href='#ref-anchors-householdMWhPerYear']").count()).toBe(1);
    expect(await page.locator("#ref-anchors-householdMWhPerYear").innerText()).toContain("US household electricity per year");
    expect(links.every((link) => link.found)).toBe(true);
    // Announced: a named dialog, and a status line that says which values it shows.
    expect(await panel.locator("[role=status]").innerText()).toMatch(/^Live: /);

    // Moving the PUE input updates the open trace, and says so.
    await page.evaluate(() => {
      const pue = [...document.querySelectorAll<HTMLInputElement>("input[type=range]")].find((input) => input.max === "2" && input.min === "1")!;
      pue.value = "1.5";
      pue.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await page.waitForFunction(() => /Updated: /.test(document.querySelector("#wb-explain-panel [role=status]")!.textContent!), null, { timeout: 5_000 });
    const updated = await open.innerText();
    // Its name (\"Explain\" and the value) follows the value.
    expect(await page.locator(`#${await open.getAttribute("aria-labelledby")}`).innerText()).toBe("Explain 2,616.7");
    // 3.14e23 FLOP at 50 GFLOP/J is 1,744,444.4 kWh of IT energy; at PUE 1.5, 2,616.7 MWh.
    expect(updated).toMatch(/trainingEnergy\(\{flops: 3\.14e\+23, flopsPerJoule: 50,000,000,000, pue: 1\.5\}\)/);
    expect(updated).toMatch(/checkpointPue = 1\.5\b/);
    expect(updated).toContain("facilityMWh: 2,616.7");

    // Escape closes it and gives focus back to the button.
    await page.keyboard.press("Escape");
    await open.waitFor({ state: "hidden", timeout: 2_000 });
    expect(await handle.evaluate((b) => document.activeElement === b)).toBe(true);
    expect(await handle.getAttribute("aria-expanded")).toBe("false");

    // A cell's button opens the same panel for its output.
    await page.getByRole("button", { name: "Explain table 1", exact: true }).click();
    const table = page.getByRole("dialog", { name: "Explain table 1" });
    await table.waitFor({ state: "visible", timeout: 5_000 });
    expect(await table.innerText()).toMatch(/\bSOURCES\b|\bSources\b/);

    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    await page.close();
  }, 60_000);

  it("on a touch screen, shows the buttons without covering any text", async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await openLive(page);
    const report = await page.evaluate(() => {
      const main = document.querySelector(".wb-main")!;
      // Every line box of the page's text, buttons' own labels left out.
      const textRects: DOMRect[] = [];
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent!.trim() || node.parentElement!.closest("button, .wb-explain, .wb-cell-tools, [hidden], script, style")) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        textRects.push(...range.getClientRects());
      }
      const buttons = [...document.querySelectorAll<HTMLElement>(".wb-explain")];
      const mainLeft = main.getBoundingClientRect().left;
      // An inline value's control is drawn by its ::before, absolute in .wb-main, on the value's line.
      const boxOf = (button: HTMLElement): DOMRect => {
        if (!button.classList.contains("wb-explain-inline")) return button.getBoundingClientRect();
        const drawn = getComputedStyle(button, "::before");
        return new DOMRect(mainLeft + parseFloat(drawn.left), button.getClientRects()[0]!.top, parseFloat(drawn.width), parseFloat(drawn.height));
      };
      const covering = buttons.flatMap((button) => {
        const box = boxOf(button);
        const hit = textRects.find((r) => r.width > 0 && box.left < r.right - 0.5 && r.left + 0.5 < box.right && box.top < r.bottom - 0.5 && r.top + 0.5 < box.bottom);
        return hit ? [`${button.getAttribute("aria-label") ?? button.dataset.explain} covers text at ${Math.round(hit.left)},${Math.round(hit.top)}`] : [];
      });
      const visible = buttons.filter((button) => Number(getComputedStyle(button).opacity) > 0 && boxOf(button).width > 0);
      const offscreen = buttons.filter((button) => boxOf(button).left < 0).length;
      return { buttons: buttons.length, visible: visible.length, covering, offscreen, pageWidth: document.documentElement.scrollWidth };
    });
    expect(report.buttons).toBeGreaterThan(20);
    // No hover on a touch screen: the buttons show all the time, beside the text, on the screen.
    expect(report.visible).toBe(report.buttons);
    expect(report.covering).toEqual([]);
    expect(report.offscreen).toBe(0);
    expect(report.pageWidth).toBe(390);
    await context.close();
  }, 60_000);
});

const examples = builtSite("explain-examples", ["build", "--root", "examples", "--cell-timeout-ms", "60000", "--timeout-ms", "120000"], { buildTimeoutMs: 120_000, hookTimeoutMs: 180_000 });

describe("the Explain panel before the page's cells have run", () => {
  it("explains from what the build recorded, then follows the live run", async () => {
    const page = await examples.browser.newPage();
    const problems = watchProblems(page);
    // Hold the grid forecast the job's cells wait for: they stay pending, the page shows the build's values.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/grid-hourly[^/]*\.csv$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(examples.url + "team-data.html");
    await page.waitForFunction(() => document.documentElement.classList.contains("wb-live"), null, { timeout: 15_000 });
    // The job's best-start emissions: the fifth inline value after "it emits".
    const id = await page.evaluate(() => {
      const spans = [...document.querySelectorAll<HTMLElement>("span.wb-inline[data-cell]")];
      const best = spans.find((span) => span.previousSibling?.textContent?.endsWith(":00 it emits "));
      return best?.dataset.cell ?? null;
    });
    expect(id, "the best-start value").not.toBeNull();
    const button = page.locator(`span.wb-inline[data-cell="${id}"] + .wb-explain`);
    const shown = await page.locator(`span.wb-inline[data-cell="${id}"]`).innerText();
    expect(await page.evaluate((cell) => window.wattbook!.status(cell), id!)).toBe("pending");
    // As a reader with a mouse does it: hover the value, its button shows in the margin, click it.
    await page.locator(`span.wb-inline[data-cell="${id}"]`).hover();
    // What shows is the control's ::before, in the margin on the value's line: click there.
    const drawn = await button.evaluate((control) => {
      const style = getComputedStyle(control, "::before");
      const left = document.querySelector(".wb-main")!.getBoundingClientRect().left + parseFloat(style.left);
      const top = control.getClientRects()[0]!.top;
      return { x: left + parseFloat(style.width) / 2, y: top + parseFloat(style.height) / 2 };
    });
    await page.mouse.move(drawn.x, drawn.y, { steps: 2 });
    await page.mouse.click(drawn.x, drawn.y);
    const panel = page.locator("#wb-explain-panel");
    await panel.waitFor({ state: "visible", timeout: 5_000 });
    expect(await panel.evaluate((d) => d.tagName)).toBe("DIALOG");
    expect(await panel.locator("[role=status]").innerText()).toBe("As computed when the page was built.");
    const built = await panel.innerText();
    expect(built).toContain(`= ${shown}`);
    expect(built).toMatch(/bestStartWindow\(\{hourlyGPerKWh: \[/);
    expect(built).toMatch(/jobHours = 3\b/);

    // The forecast arrives: the page's cells run, and the open panel now shows their live run.
    release();
    await page.waitForFunction(() => /^Updated: .*Live: /.test(document.querySelector("#wb-explain-panel [role=status]")!.textContent!), null, { timeout: 10_000 });
    expect(await panel.innerText()).toMatch(/bestStartWindow\(\{hourlyGPerKWh: \[/);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    await page.close();
  }, 60_000);
});
