// What a reader sees on every chapter page names things for readers and cites its sources in full: no code
// key (camelCase, snake_case, `h100`) shown as text outside code, before or after the page goes live; the
// Sources table is no scroll box, fits a 390 px phone and prints small; every row's citation links to an
// entry of the References list after it, and every row is anchored so that a value can link to it.
import { beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { builtSite, livePages } from "../helpers/built-site.ts";
import { codeKeysIn, kernelCodeKeys, NOT_READER_TEXT, readerText } from "../helpers/reader-text.ts";

const site = builtSite("reader-names", ["build"], { buildTimeoutMs: 120_000, hookTimeoutMs: 180_000 });
let pages: string[] = [];
const kernelKeys = kernelCodeKeys();

/** What one visit to a live page at phone width finds: its reader text, its Sources, and what of them overflows. */
interface LiveFacts {
  readonly text: string;
  readonly sources: SourcesFacts;
  readonly overflow: string[];
}
const live = new Map<string, LiveFacts>();

beforeAll(async () => {
  pages = await livePages(site.out);
  for (const name of pages) {
    const page = await openLive(name, 390);
    live.set(name, { text: await liveReaderText(page), sources: await sourcesFacts(page), overflow: await sourcesOverflow(page) });
    await page.close();
  }
}, 240_000);

async function openLive(name: string, width: number): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(site.url + name);
  await page.waitForFunction(() => document.documentElement.classList.contains("wb-live"), null, { timeout: 15_000 });
  return page;
}

/**
 * The live page's text outside code, each text node apart. Attributes are left out: an Edit control's label
 * names the cell's variables on purpose ("Edit the code of the cell that defines fmt, pct"), as code.
 */
function liveReaderText(page: Page): Promise<string> {
  return page.evaluate((notText) => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!node.parentElement?.closest(notText)) parts.push(node.textContent ?? "");
    return parts.join(" ");
  }, NOT_READER_TEXT);
}

describe("the reader-text check itself", () => {
  it("finds the keys the issue saw, and passes units, names and code", () => {
    const html = `<p>the <strong>usAverage</strong> grid</p><select><option>coalPeakerMarginal</option><option>tpuV4</option></select>
      <td>Example input: napkin15ITMW</td><p>429 gCO2e/kWh, 12 kWh, on an H100, in <code>grids.usAverage</code></p>`;
    expect(codeKeysIn(readerText(html), kernelKeys).map((found) => found.split(" ")[0])).toEqual(["usAverage", "coalPeakerMarginal", "tpuV4", "napkin15ITMW"]);
    expect(codeKeysIn(readerText("<svg><text>h100</text></svg>"), kernelKeys)).toHaveLength(1);
  });
});

describe("names for readers on every chapter page", () => {
  it("has all the chapter's pages", () => {
    expect(pages).toContain("index.html");
    expect(pages.length).toBeGreaterThanOrEqual(13);
  });

  it("shows no code key as text with JavaScript off (the prerendered page)", async () => {
    const found: string[] = [];
    for (const name of pages) for (const key of codeKeysIn(readerText(await readFile(path.join(site.out, name), "utf8")), kernelKeys)) found.push(`${name}: ${key}`);
    expect(found).toEqual([]);
  });

  it("shows no code key as text once live: menus, prose, figures, Sources", () => {
    const found = pages.flatMap((name) => codeKeysIn(live.get(name)!.text, kernelKeys).map((key) => `${name}: ${key}`));
    expect(found).toEqual([]);
  });
});

describe("Sources that read", () => {
  it("every chapter page has a Sources table whose rows are anchored and whose citations reach a References entry", () => {
    for (const name of pages) {
      const report = live.get(name)!.sources;
      expect(report.rows, `${name} has Sources rows`).toBeGreaterThan(0);
      expect(report.anchored, `${name}: every row is anchored`).toBe(report.rows);
      expect(report.links, `${name}: rows link to references`).toBeGreaterThan(0);
      expect(report.unresolved, `${name}: citation links that land nowhere`).toEqual([]);
      expect(report.unlinked, `${name}: references no row cites`).toEqual([]);
      expect(report.entriesWithoutTitle, name).toEqual([]);
      expect(report.entriesWithoutYear, name).toEqual([]);
    }
  });

  it("a row's citation link lands on the full reference, and a record's anchor lands on its row", async () => {
    const page = await openLive("02-where-and-when.html", 1100);
    const link = page.locator(".wb-sources-source a", { hasText: "Radovanovic" }).first();
    await link.click();
    expect(await page.evaluate(() => document.querySelector(":target")?.textContent ?? "")).toMatch(/Radovanovic.*Carbon-Aware Computing for Datacenters/);
    await page.goto(`${site.url}02-where-and-when.html#ref-grids-usAverage`);
    expect(await page.evaluate(() => document.querySelector(":target")?.querySelector("th")?.textContent)).toBe("US average grid");
    await page.close();
  });

  it("is no scroll box and fits a 390 px phone on every page", () => {
    expect(pages.flatMap((name) => live.get(name)!.overflow.map((problem) => `${name}: ${problem}`))).toEqual([]);
  });

  it("prints compactly: smaller than on screen, breaking between rows", async () => {
    const page = await openLive("03-lifecycle-carbon.html", 794);
    const measure = () =>
      page.evaluate(() => {
        const table = document.querySelector<HTMLElement>(".wb-sources-table")!;
        const row = table.querySelector("tbody tr")!;
        return { height: table.getBoundingClientRect().height, fontPx: parseFloat(getComputedStyle(table).fontSize), rowBreak: getComputedStyle(row).breakInside };
      });
    const screen = await measure();
    await page.emulateMedia({ media: "print" });
    const print = await measure();
    expect(print.fontPx).toBeLessThan(screen.fontPx);
    expect(print.height).toBeLessThan(screen.height * 0.8);
    expect(print.rowBreak).toBe("avoid");
    await page.close();
  });
});

interface SourcesFacts {
  readonly rows: number;
  readonly anchored: number;
  readonly links: number;
  readonly unresolved: string[];
  readonly unlinked: string[];
  readonly entriesWithoutTitle: string[];
  readonly entriesWithoutYear: string[];
}

/** The Sources rows, their anchors and citation links, and the References entries they land on. */
function sourcesFacts(page: Page): Promise<SourcesFacts> {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll(".wb-sources-table tbody tr")];
    const links = [...document.querySelectorAll<HTMLAnchorElement>(".wb-sources-source a")].map((a) => a.getAttribute("href")!);
    const entries = [...document.querySelectorAll(".wb-references-list .wb-reference")];
    return {
      rows: rows.length,
      anchored: rows.filter((row) => /^ref-/.test(row.id)).length,
      links: links.length,
      unresolved: links.filter((href) => !href.startsWith("#cite-") || !document.getElementById(href.slice(1))),
      unlinked: entries.filter((entry) => !links.includes(`#${entry.id}`)).map((entry) => entry.id),
      entriesWithoutTitle: entries.filter((entry) => !entry.querySelector("cite")?.textContent?.trim()).map((entry) => entry.id),
      entriesWithoutYear: entries.filter((entry) => !/\(\d{4}\)/.test(entry.textContent ?? "")).map((entry) => entry.id),
    };
  });
}

/** A box around the Sources that scrolls or clips, and anything in them past the viewport's right edge. */
function sourcesOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const box of document.querySelectorAll(".wb-sources")) {
      for (let element: Element | null = box; element && element !== document.body; element = element.parentElement) {
        const style = getComputedStyle(element);
        if (/auto|scroll|hidden/.test(style.overflowX + style.overflowY)) found.push(`${element.tagName}.${element.className} scrolls (${style.overflowX}/${style.overflowY})`);
      }
      for (const element of [box, ...box.querySelectorAll("*")]) {
        const right = element.getBoundingClientRect().right;
        if (right > document.documentElement.clientWidth + 1) found.push(`${element.tagName}.${element.className} reaches ${Math.round(right)} px`);
      }
    }
    return found;
  });
}
