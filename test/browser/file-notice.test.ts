// A built page opened from file:// cannot go live (browsers run no module script from a file): it says
// so at the top, with how to make it live, and its inputs are disabled rather than silently dead. The
// same page served over http shows no notice and its inputs work.
import { describe, expect, it } from "vitest";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT } from "../helpers/cli.ts";
import { builtSite } from "../helpers/built-site.ts";

const site = builtSite("file-notice", ["build", "--root", path.join(REPO_ROOT, "examples")], { buildTimeoutMs: 120_000, hookTimeoutMs: 180_000 });

const CONTROLS = ".wb-main input, .wb-main select, .wb-main textarea, .wb-main button";

describe("a built page opened from file://", () => {
  it("shows the static notice, with the ways to make it live, and disables its inputs", async () => {
    const page = await site.browser.newPage();
    await page.goto(pathToFileURL(path.join(site.out, "training-carbon.html")).href);
    const notice = page.locator("#wb-static-notice");
    await notice.waitFor({ timeout: 5_000 });
    const text = (await notice.textContent()) ?? "";
    expect(text).toContain("This page is static here");
    expect(text).toContain("wattbook preview");
    expect(text).toContain("wattbook export");
    expect(await notice.getAttribute("role")).toBe("note");
    // Right under the title, where a reader starts.
    expect(await page.evaluate(() => document.querySelector("#wb-static-notice")?.previousElementSibling?.tagName)).toBe("H1");
    const controls = await page.evaluate((selector) => [...document.querySelectorAll<HTMLInputElement>(selector)].map((control) => ({ disabled: control.disabled, attribute: control.hasAttribute("disabled"), cursor: getComputedStyle(control).cursor })), CONTROLS);
    expect(controls.length).toBeGreaterThan(0);
    for (const control of controls) expect(control).toEqual({ disabled: true, attribute: true, cursor: "not-allowed" });
    expect(await page.evaluate(() => document.documentElement.classList.contains("wb-file"))).toBe(true);
    expect(await page.evaluate(() => document.documentElement.classList.contains("wb-live"))).toBe(false);
    await page.close();
  });

  it("keeps the notice off a page without cells, which has nothing to make live", async () => {
    const page = await site.browser.newPage();
    await page.goto(pathToFileURL(path.join(site.out, "index.html")).href);
    await page.waitForLoadState("load");
    await page.waitForTimeout(200);
    expect(await page.locator("#wb-static-notice").count()).toBe(0);
    await page.close();
  });
});

describe("the same page served over http", () => {
  it("shows no notice and its inputs stay enabled", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}training-carbon.html`);
    await page.waitForFunction(() => document.documentElement.classList.contains("wb-live"), null, { timeout: 15_000 });
    expect(await page.locator("#wb-static-notice").count()).toBe(0);
    const disabled = await page.evaluate((selector) => [...document.querySelectorAll<HTMLInputElement>(selector)].filter((control) => control.disabled).length, CONTROLS);
    expect(disabled).toBe(0);
    await page.close();
  });
});
