// What a reader sees on a phone, on a touch screen, on paper and in either colour scheme, on every chapter
// page in real Chromium: a contents control at 390 px and no sideways page scroll; Edit links that never
// sit on text; wide equations that say they scroll; a printed page that keeps exercise choices, leaves out
// screen-only text, prints inputs as values and puts hints and solutions at the end; and WCAG AA contrast
// of text and figure graphics in the light and the dark theme.
import { beforeAll, describe, expect, it } from "vitest";
import { readdir } from "node:fs/promises";
import type { BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { builtSite } from "../helpers/built-site.ts";
import { watchProblems } from "../helpers/chromium.ts";

// A generous cell limit: the machine is shared, and this file is about what the pages show, not how fast cells run.
const site = builtSite("reader", ["build", "--cell-timeout-ms", "60000", "--timeout-ms", "120000"], { buildTimeoutMs: 120_000, hookTimeoutMs: 180_000 });
let chapters: string[] = [];

beforeAll(async () => {
  chapters = (await readdir(site.out)).filter((file) => /^\d\d-.*\.html$/.test(file)).sort();
});

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 } };
const TOUCH_PHONE: BrowserContextOptions = { ...PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 1 };

async function live(context: BrowserContext, file: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${site.url}${file}`);
  await page.waitForFunction(() => {
    const run = (window as unknown as { wattbook?: { isSettled(): boolean } }).wattbook;
    return document.documentElement.classList.contains("wb-live") && run?.isSettled();
  });
  return page;
}

/** Runs `visit` on each file, two pages at a time (the machine's cores are shared with other tests). */
async function eachPage(files: readonly string[], visit: (file: string) => Promise<void>): Promise<void> {
  const queue = [...files];
  await Promise.all(Array.from({ length: 2 }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await visit(next);
  }));
}

describe("on a 390 px phone", () => {
  it("every chapter page has a contents control that opens, leads to its heading and closes, and no sideways scroll", async () => {
    expect(chapters.length).toBeGreaterThanOrEqual(12);
    const context = await site.browser.newContext(PHONE);
    await eachPage(chapters, async (file) => {
      const page = await live(context, file);
      const problems = watchProblems(page);
      expect(await page.locator(".wb-toc").isVisible(), file).toBe(false);
      const contents = page.locator("details.wb-contents");
      const summary = contents.locator("summary");
      expect(await summary.isVisible(), file).toBe(true);
      expect((await summary.boundingBox())!.height, `${file}: a touch-sized control`).toBeGreaterThanOrEqual(40);
      const link = contents.locator("a").nth(1);
      expect(await link.isVisible(), `${file}: closed at first`).toBe(false);
      await summary.click();
      expect(await link.isVisible(), file).toBe(true);
      const target = decodeURIComponent((await link.getAttribute("href"))!.slice(1));
      await link.click();
      await page.waitForFunction((id) => location.hash === `#${encodeURIComponent(id)}`, target);
      expect(await contents.evaluate((d) => (d as HTMLDetailsElement).open), `${file}: closes once followed`).toBe(false);
      // The heading is in view, below the sticky contents bar rather than under it.
      const [headingTop, barBottom] = await page.evaluate((id) => [document.getElementById(id)!.getBoundingClientRect().top, document.querySelector(".wb-contents")!.getBoundingClientRect().bottom], target);
      expect(headingTop, file).toBeGreaterThanOrEqual(barBottom - 1);
      expect(headingTop, file).toBeLessThan(844);
      // No sideways page scroll, with the contents open and closed.
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: document.documentElement.clientWidth, body: document.body.scrollWidth }));
      expect(widths.scroll, `${file} scrolls sideways`).toBeLessThanOrEqual(widths.view);
      expect(widths.body, `${file} body`).toBeLessThanOrEqual(widths.view);
      expect(problems.pageErrors, file).toEqual([]);
      await page.close();
    });
    await context.close();
  }, 240_000);

  it("wide display math shows that it scrolls: a shadow at the edge, focusable, named", async () => {
    const context = await site.browser.newContext(PHONE);
    let found = 0;
    for (const file of chapters) {
      const page = await live(context, file);
      const wide = await page.evaluate(async () => {
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return [...document.querySelectorAll<HTMLElement>(".katex-display")]
          .filter((e) => e.scrollWidth > e.clientWidth + 1)
          .map((e) => ({ tabIndex: e.tabIndex, role: e.getAttribute("role"), label: e.getAttribute("aria-label"), background: getComputedStyle(e).backgroundImage }));
      });
      for (const equation of wide) {
        expect(equation.tabIndex, file).toBe(0);
        expect(equation.role, file).toBe("region");
        expect(equation.label, file).toMatch(/^Equation.*, scrolls sideways$/);
        expect(equation.background, file).toMatch(/radial-gradient/);
      }
      found += wide.length;
      // One that fits is left alone: no tab stop that scrolls nothing.
      const fitting = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>(".katex-display")].filter((e) => e.scrollWidth <= e.clientWidth).map((e) => e.getAttribute("tabindex")));
      expect(fitting.filter((t) => t !== null), file).toEqual([]);
      await page.close();
    }
    expect(found, "some equation is wider than a phone").toBeGreaterThan(0);
    await context.close();
  }, 180_000);
});

/** Rectangles of the text in `root`'s subtree, except inside `skip`. */
function textRects(page: Page): Promise<{ text: string; left: number; top: number; right: number; bottom: number }[]> {
  return page.evaluate(() => {
    const rects: { text: string; left: number; top: number; right: number; bottom: number }[] = [];
    const walker = document.createTreeWalker(document.querySelector(".wb-main")!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim() || node.parentElement?.closest(".wb-cell-tools, .katex-mathml, .wb-visually-hidden, details:not([open]) > :not(summary)")) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) rects.push({ text: node.textContent.trim().slice(0, 30), left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    }
    return rects;
  });
}

describe("on a touch screen", () => {
  it("Edit links stay off the text: hidden until a cell is tapped, then on a line of their own", async () => {
    const context = await site.browser.newContext(TOUCH_PHONE);
    const page = await live(context, "08-the-edge.html");
    expect(await page.evaluate(() => matchMedia("(hover: none)").matches)).toBe(true);
    // The tools' box: the link inside keeps its own size, but the box clips it to nothing while hidden.
    const shown = () => page.evaluate(() => [...document.querySelectorAll(".wb-cell-tools")].map((e) => e.getBoundingClientRect()).filter((r) => r.width > 2 && r.height > 2).length);
    expect(await shown()).toBe(0);
    // The cell whose output shows 0.33 (the Edit link used to cover it).
    const cell = page.locator(".wb-cell", { has: page.locator(".wb-output", { hasText: "0.33" }) }).first();
    await cell.scrollIntoViewIfNeeded();
    const box = (await cell.locator(".wb-output").boundingBox())!;
    await page.touchscreen.tap(box.x + 4, box.y + 4);
    await page.waitForFunction(() => document.querySelectorAll(".wb-cell-tapped").length === 1);
    expect(await shown()).toBe(1);
    const edit = (await page.locator(".wb-cell-tapped .wb-edit").boundingBox())!;
    const overlaps = (await textRects(page)).filter((r) => r.left < edit.x + edit.width && r.right > edit.x && r.top < edit.y + edit.height && r.bottom > edit.y);
    expect(overlaps).toEqual([]);
    // The tapped cell still shows 0.33, whole.
    expect(await cell.locator(".wb-output").innerText()).toContain("0.33");
    // Tapping it again puts the link away.
    await page.touchscreen.tap(box.x + 4, box.y + 4);
    await page.waitForFunction(() => document.querySelectorAll(".wb-cell-tapped").length === 0);
    expect(await shown()).toBe(0);
    await context.close();
  });
});

describe("printed", () => {
  it("keeps choices and answer lines, prints inputs as values, leaves out screen-only text, and puts hints and solutions at the end", async () => {
    const context = await site.browser.newContext({ viewport: { width: 800, height: 1000 } });
    const page = await live(context, "07-the-facility.html");
    // Move a slider, so that the printed value is the reader's, not the default.
    const range = page.locator(".wb-output form input[type=range]").first();
    const moved = await range.evaluate((input: HTMLInputElement) => {
      input.value = String(Number(input.min) + (Number(input.max) - Number(input.min)) / 3);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      return input.value;
    });
    await page.emulateMedia({ media: "print" });
    // The media change reaches the page's listener at its next frame (a real print sends beforeprint first).
    await page.waitForFunction(() => document.querySelector(".wb-print-solutions"));
    const printed = await page.evaluate(() => {
      const visible = (e: Element | null) => !!e && (e as HTMLElement).getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
      const form = document.querySelector(".wb-output form input[type=range]")!.closest("form")!;
      const choice = document.querySelector('section.wb-exercise[data-kind="choice"]')!;
      const number = document.querySelector('section.wb-exercise[data-kind="number"]')!;
      const solutions = document.querySelector(".wb-print-solutions");
      return {
        text: document.body.innerText,
        rangeShown: visible(form.querySelector("input[type=range]")),
        box: { shown: visible(form.querySelector("input[type=number]")), value: form.querySelector<HTMLInputElement>("input[type=number]")!.value, border: getComputedStyle(form.querySelector("input[type=number]")!).borderTopStyle },
        options: [...choice.querySelectorAll(".wb-exercise-option")].filter(visible).length,
        optionsWritten: choice.querySelectorAll(".wb-exercise-option").length,
        answerLine: getComputedStyle(number.querySelector("input[name=answer]")!).borderBottomStyle,
        answerLineShown: visible(number.querySelector("input[name=answer]")),
        buttons: [...document.querySelectorAll(".wb-exercise button")].filter(visible).map((b) => b.outerHTML),
        hintsInExercises: document.querySelectorAll("section.wb-exercise details").length,
        solutionsAtEnd: solutions ? solutions.querySelectorAll("details.wb-exercise-solution").length : 0,
        solutionShown: solutions ? [...solutions.querySelectorAll("details.wb-exercise-solution .wb-exercise-answer")].filter(visible).length : 0,
        hintShown: solutions ? [...solutions.querySelectorAll(".wb-exercise-hint-text")].filter(visible).length : 0,
        hints: document.querySelectorAll(".wb-exercise-hint-text").length,
        last: solutions === document.querySelector(".wb-main")!.lastElementChild || solutions?.nextElementSibling?.matches(".wb-exercise-progress, .wb-pager"),
      };
    });
    expect(printed.optionsWritten).toBeGreaterThan(1);
    expect(printed.options).toBe(printed.optionsWritten);
    expect(printed.answerLineShown).toBe(true);
    expect(printed.answerLine).toBe("solid");
    expect(printed.buttons).toEqual([]);
    expect(printed.rangeShown).toBe(false);
    expect(printed.box).toEqual({ shown: true, value: moved, border: "none" });
    expect(printed.hintsInExercises).toBe(0);
    expect(printed.solutionsAtEnd).toBeGreaterThan(1);
    expect(printed.solutionShown).toBe(printed.solutionsAtEnd);
    expect(printed.hintShown).toBe(printed.hints);
    expect(printed.last).toBe(true);
    expect(printed.text).toContain("Solutions");
    for (const screenOnly of ["Hints (", "shown)", "Reset all progress", "Reset this page", "Edit this page", "Contents\n"]) expect(printed.text, screenOnly).not.toContain(screenOnly);
    // Back on screen, the hints and solutions are back in their exercises, as they were.
    await page.emulateMedia({ media: "screen" });
    await page.waitForFunction(() => !document.querySelector(".wb-print-solutions"));
    expect(await page.evaluate(() => document.querySelectorAll("section.wb-exercise > details.wb-exercise-solution").length)).toBe(printed.solutionsAtEnd);
    await context.close();
  });

  it("prints an ordering exercise's items and a text answer's line", async () => {
    const context = await site.browser.newContext({ viewport: { width: 800, height: 1000 } });
    const page = await live(context, "08-the-edge.html");
    await page.emulateMedia({ media: "print" });
    const order = await page.evaluate(() => {
      const items = [...document.querySelectorAll('section.wb-exercise[data-kind="order"] .wb-exercise-order li')];
      return { written: items.length, shown: items.filter((li) => (li as HTMLElement).offsetHeight > 0).length, text: (document.querySelector('section.wb-exercise[data-kind="text"] input[name=answer]') as HTMLElement).offsetHeight };
    });
    expect(order.written).toBeGreaterThan(2);
    expect(order.shown).toBe(order.written);
    expect(order.text).toBeGreaterThan(10);
    // A PDF comes out, with margins set by @page (the page's content starts inside them).
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await context.close();
  });
});

describe("exercise feedback", () => {
  it("a wrong choice names the option picked and quotes the solution's reason against it", async () => {
    const context = await site.browser.newContext();
    const page = await live(context, "03-lifecycle-carbon.html");
    const exercise = page.locator("#ex-sc-lifetime-argument");
    await exercise.locator(".wb-exercise-check:not([disabled])").waitFor();
    await exercise.locator("input[value=a]").check();
    await exercise.locator(".wb-exercise-check").click();
    const feedback = exercise.locator(".wb-exercise-feedback");
    await page.waitForFunction(() => document.querySelector("#ex-sc-lifetime-argument .wb-exercise-feedback")!.textContent);
    expect(await feedback.getAttribute("data-verdict")).toBe("wrong");
    const said = await feedback.innerText();
    expect(said).toMatch(/^Not quite: you picked A \(“Older accelerators always become more energy-efficient/);
    expect(said).toContain("Firmware does not make old silicon more efficient");
    // Nothing of the correct option (B) is given away.
    expect(said).not.toMatch(/amortiz/i);
    await context.close();
  });

  it("an energy asked over a year accepts the answer written per year", async () => {
    const context = await site.browser.newContext();
    const page = await live(context, "07-the-facility.html");
    const exercise = page.locator("#ex-sc-pue-savings");
    await exercise.locator(".wb-exercise-check:not([disabled])").waitFor();
    // The correct answer as the page computes it now ("8,409.6 MWh"), written per year.
    const shown = await exercise.locator(".wb-exercise-shown").evaluate((e) => e.textContent ?? "");
    const mwh = shown.replace(/[^\d.]/g, "");
    expect(Number(mwh)).toBeGreaterThan(0);
    await exercise.locator("input[name=answer]").fill(`${mwh} MWh/yr`);
    await exercise.locator(".wb-exercise-check").click();
    const feedback = exercise.locator(".wb-exercise-feedback[data-verdict]");
    await feedback.waitFor();
    expect(await feedback.getAttribute("data-verdict")).toBe("correct");
    expect(await feedback.innerText()).toBe("Correct (MWh/yr read as the energy over 1 yr).");
    await context.close();
  });
});

/** WCAG 2 contrast of two sRGB colours. */
interface ContrastProblem {
  readonly what: string;
  readonly fg: string;
  readonly bg: string;
  readonly ratio: number;
  readonly need: number;
}

/** Runs in the page: every visible text's colour and every figure mark's against what is behind it. */
function contrastProblems(page: Page): Promise<ContrastProblem[]> {
  return page.evaluate(() => {
    const parse = (css: string): [number, number, number, number] | undefined => {
      const m = /rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)(?:[,/ ]+([\d.]+%?))?\)/.exec(css);
      if (!m) return undefined;
      const a = m[4] === undefined ? 1 : m[4].endsWith("%") ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
      return [Number(m[1]), Number(m[2]), Number(m[3]), a];
    };
    const luminance = ([r, g, b]: number[]) => {
      const c = [r!, g!, b!].map((v) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
    };
    const ratio = (a: number[], b: number[]) => {
      const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };
    const blend = (fg: number[], alpha: number, bg: number[]) => [0, 1, 2].map((i) => fg[i]! * alpha + bg[i]! * (1 - alpha));
    const background = (element: Element): number[] => {
      for (let e: Element | null = element; e; e = e.parentElement) {
        const color = parse(getComputedStyle(e).backgroundColor);
        if (color && color[3] > 0.5) return color.slice(0, 3);
      }
      return parse(getComputedStyle(document.documentElement).backgroundColor)?.slice(0, 3) ?? [255, 255, 255];
    };
    const opacity = (element: Element) => {
      let product = 1;
      for (let e: Element | null = element; e; e = e.parentElement) product *= Number(getComputedStyle(e).opacity);
      return product;
    };
    const hidden = (element: Element) => !!element.closest(".katex-mathml, .wb-visually-hidden, [aria-hidden=true]:not(svg), :disabled");
    const problems: { what: string; fg: string; bg: string; ratio: number; need: number }[] = [];
    const check = (what: string, element: Element, colorCss: string, alpha: number, need: number) => {
      const color = parse(colorCss);
      if (!color) return;
      const bg = background(element);
      const fg = blend(color, color[3] * alpha, bg);
      const r = ratio(fg, bg);
      if (r < need - 0.005) problems.push({ what, fg: colorCss, bg: `rgb(${bg.join(", ")})`, ratio: Math.round(r * 100) / 100, need });
    };
    // Text: each visible text node, in its element's colour (an SVG text's fill).
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || !node.textContent?.trim() || hidden(element) || element.closest("script, style, option")) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if (![...range.getClientRects()].some((r) => r.width > 0 && r.height > 0)) continue;
      const style = getComputedStyle(element);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const svg = element instanceof SVGElement;
      check(`text "${node.textContent.trim().slice(0, 40)}" (${element.tagName.toLowerCase()}.${element.getAttribute("class") ?? ""})`, element, svg ? style.fill : style.color, opacity(element), large ? 3 : 4.5);
    }
    // Figure graphics: the lines, dots and bars that carry data, and legend swatches (3:1). Grids, and fills
    // lighter than half opacity (shaded bands), are decoration.
    for (const mark of document.querySelectorAll("figure svg g[aria-label] > *, figure svg g[aria-label] > g > *, figure [class$='-swatch'] svg > *")) {
      const group = mark.closest("g[aria-label]")?.getAttribute("aria-label") ?? "swatch";
      if (/grid|tick|text|tip/.test(group) || mark instanceof SVGTextElement || mark instanceof SVGGElement) continue;
      const style = getComputedStyle(mark);
      if (style.stroke !== "none" && parseFloat(style.strokeWidth) > 0 && Number(style.strokeOpacity) >= 0.5) check(`${group} stroke`, mark, style.stroke, Number(style.strokeOpacity) * opacity(mark), 3);
      else if (style.fill !== "none" && Number(style.fillOpacity) >= 0.5) check(`${group} fill`, mark, style.fill, Number(style.fillOpacity) * opacity(mark), 3);
    }
    // Dedupe: the same colours on the same kind of thing are one problem.
    const seen = new Set<string>();
    return problems.filter((p) => {
      const key = `${p.what.replace(/"[^"]*"/, "")} ${p.fg} ${p.bg}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
  });
}

describe("contrast, WCAG AA", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`text 4.5:1 (large 3:1) and figure graphics 3:1 on every chapter page, ${colorScheme}, with every feedback state shown`, async () => {
      const context = await site.browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme });
      const found: string[] = [];
      await eachPage(chapters, async (file) => {
        const page = await live(context, file);
        // Every verdict an exercise can show, and a solved exercise's tint, with the hints open.
        await page.evaluate(() => {
          const exercises = [...document.querySelectorAll<HTMLElement>("section.wb-exercise")];
          exercises.forEach((exercise, i) => {
            const feedback = exercise.querySelector<HTMLElement>(".wb-exercise-feedback")!;
            feedback.dataset.verdict = ["correct", "close", "wrong", "invalid"][i % 4]!;
            feedback.textContent = `${feedback.dataset.verdict}: what the checker says`;
            if (i % 2) exercise.classList.add("wb-exercise-solved");
            for (const details of exercise.querySelectorAll("details")) details.open = true;
          });
          // Edit links as hover and focus show them.
          for (const tools of document.querySelectorAll<HTMLElement>(".wb-cell-tools")) Object.assign(tools.style, { transition: "none", opacity: "1" });
        });
        for (const problem of await contrastProblems(page)) found.push(`${file}: ${problem.what}: ${problem.fg} on ${problem.bg} is ${problem.ratio}:1, needs ${problem.need}:1`);
        await page.close();
      });
      expect(found).toEqual([]);
      await context.close();
    }, 240_000);
  }

  it("the checker itself fails a pale colour (a check that cannot fail checks nothing)", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme: "light" });
    const page = await live(context, "03-lifecycle-carbon.html");
    await page.evaluate(() => {
      document.querySelector(".wb-main p")!.setAttribute("style", "color: #aaa");
      document.querySelector("figure svg g[aria-label='line'] path")?.setAttribute("style", "stroke: #eee");
    });
    const problems = await contrastProblems(page);
    expect(problems.some((p) => p.what.startsWith("text") && p.fg === "rgb(170, 170, 170)")).toBe(true);
    expect(problems.some((p) => p.what === "line stroke" && p.fg === "rgb(238, 238, 238)")).toBe(true);
    await context.close();
  });
});
