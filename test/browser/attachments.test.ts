// A page with attached files in real Chromium: live, it loads the same published files the build read
// (a slider recomputes a value from the CSV rows; an image shows), with no CSP violation; its edit twin
// runs in the opaque-origin sandbox, which reads the files through the page.
import { beforeAll, describe, expect, it } from "vitest";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { watchProblems } from "../helpers/chromium.ts";
import { builtSite } from "../helpers/built-site.ts";
import { editLive, frameOf, inFrame } from "../helpers/edit-page.ts";

const fence = "```";
let root = "";
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

beforeAll(async () => {
  root = path.join(await mkdtemp(path.join(tmpdir(), "wattbook-files-browser-")), "notebooks");
  await mkdir(path.join(root, "data"), { recursive: true });
  await writeFile(path.join(root, "data", "usage.csv"), "region,kwh\nnorth,10\nsouth,30\n");
  await writeFile(path.join(root, "data", "pixel.png"), png);
  await writeFile(path.join(root, "data", "factor.json.js"), "console.log(JSON.stringify({factor: 2}));\n");
  const { tableFromArrays, tableToIPC } = await import("apache-arrow");
  await writeFile(path.join(root, "data", "readings.arrow"), tableToIPC(tableFromArrays({ g: Float64Array.from([4, 6]) }), "file"));
  await writeFile(
    path.join(root, "usage.md"),
    [
      "# Usage",
      "",
      `${fence}js`,
      'const usage = await FileAttachment("data/usage.csv").csv({typed: true});',
      'const {factor} = await FileAttachment("data/factor.json").json();',
      'const share = view(Inputs.range([0, 1], {value: 0.5, step: 0.25, label: "Share"}));',
      'const readings = await FileAttachment("data/readings.arrow").arrow();',
      fence,
      "",
      "Scaled total: ${usage.reduce((sum, row) => sum + row.kwh, 0) * factor * share} kWh.",
      "",
      'Arrow: ${readings.getChild("g").toArray().reduce((a, b) => a + b, 0) * share}.',
      "",
      `${fence}js`,
      'FileAttachment("data/pixel.png").image({alt: "a pixel", width: 20})',
      fence,
      "",
    ].join("\n"),
  );
});

const site = builtSite("files", () => ["build", "--root", root]);

describe("attached files in the browser", () => {
  it("are the files the page loads when it goes live: a slider recomputes from the CSV rows", async () => {
    const page = await site.browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.url}usage.html`);
    await page.waitForFunction(() => document.documentElement.classList.contains("wb-live"));
    // The cell with the slider runs once its files have loaded: until then the slider is the prerendered one.
    await page.evaluate(() => window.wattbook!.settled());
    const value = () => page.locator(".wb-inline").first().textContent();
    expect(await value()).toBe("40");
    await page.locator("input[type=range]").fill("1");
    await page.waitForFunction(() => document.querySelector(".wb-inline")?.textContent === "80");
    // The Arrow file, read in the page by apache-arrow (loaded on first use): 4 + 6 at share 1.
    await page.waitForFunction(() => document.querySelectorAll(".wb-inline")[1]?.textContent === "10");
    const image = page.locator("img[alt='a pixel']");
    await image.waitFor();
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    await page.close();
  });

  it("are read through the page by the edit twin's sandbox", async () => {
    const page = await site.browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.url}_edit/usage.html`);
    await editLive(page);
    await (await frameOf(page)).evaluate(() => window.wattbook!.settled());
    await inFrame(page).locator("input[type=range]").fill("0.25");
    await expect.poll(() => inFrame(page).locator(".wb-inline").first().textContent()).toBe("20");
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    await page.close();
  });
});
