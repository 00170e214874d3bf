// A failed edit on a chapter page, in Chromium, as a learner meets it: an edit of 08-the-edge's keyword
// spotter cell that throws on its third line (the kernel refuses a negative battery) names line 3 in the
// editor (the line and its number marked) and in the cell's output, the editor's status says the edit
// failed and which cells could not follow, and the values that depend on it wait on it, muted, instead
// of showing errors of their own.
import { describe, expect, it } from "vitest";
import { watchProblems } from "../helpers/chromium.ts";
import { builtSite } from "../helpers/built-site.ts";
import { cellId, editLive, inFrame, typeAndRun } from "../helpers/edit-page.ts";

const site = builtSite("edit-errors", ["build", "--cell-timeout-ms", "60000"], { buildTimeoutMs: 120_000, hookTimeoutMs: 180_000 });

const EDIT = [
  "const kwsSleep = powerFromCurrent({currentUA: kwsSleepUA, volts: edgeExamples.mcuVolts.value});",
  "const kwsPower = dutyCyclePower({activeMilliwatts: kwsActiveMilliwatts, sleepMilliwatts: kwsSleep.powerMilliwatts, activeMs: kwsActiveMs, periodMs: kwsPeriodMs});",
  "const kwsLife = batteryLife({capacityMilliampHours: -coinCellMilliampHours, volts: edgeBatteries.coinCell.volts, averageMilliwatts: kwsPower.averageMilliwatts});",
].join("\n");

describe("an edit that throws, on a chapter page", () => {
  it("names the line that threw, says the edit failed and which cells could not follow, and its dependents wait on it", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site.url}_edit/08-the-edge.html`);
    await editLive(page);
    const id = await cellId(page, "const kwsSleep = powerFromCurrent(");
    await inFrame(page).locator(`.wb-cell-tools[data-for="${id}"] a.wb-edit`).click();
    await inFrame(page).locator(".wb-editor .cm-content").first().waitFor();
    await typeAndRun(page, EDIT);

    // The editor's status: the edit failed, at line 3, with the kernel's words, and who could not follow.
    const status = inFrame(page).locator(".wb-editor .wb-editor-status");
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^The edit failed at line 3, column \d+: batteryLife: capacityMilliampHours must be/);
    expect(await status.textContent()).toMatch(/\d+ inline values could not follow: they wait on this cell\.$/);
    expect(await status.textContent()).not.toContain("Ran.");
    // The line that threw is marked in the editor, and its number in the gutter.
    expect(await inFrame(page).locator(".wb-editor .cm-line.wb-cm-error").textContent()).toContain("batteryLife({capacityMilliampHours: -coinCellMilliampHours");
    expect(await inFrame(page).locator(".wb-editor .wb-cm-error-gutter").textContent()).toBe("3");

    // The cell's output names the same line; it is the page's only error.
    const error = inFrame(page).locator(`[data-cell="${id}"] .wb-error`);
    expect(await error.textContent()).toMatch(/^Line 3, column \d+ of the edited cell: batteryLife: capacityMilliampHours must be/);
    expect(await inFrame(page).locator(".wb-error").count()).toBe(1);
    // A value that reads kwsSleep waits on the edited cell, muted, and is not announced as an error.
    const waiting = inFrame(page).locator(".wb-inline .wb-waiting");
    expect(await waiting.count()).toBeGreaterThan(5);
    expect(await waiting.first().textContent()).toBe("waiting on kwsSleep, kwsPower and kwsLife");
    expect(await inFrame(page).locator(".wb-inline [role=alert]").count()).toBe(0);

    // Put right, the values come back and the status says so.
    await typeAndRun(page, EDIT.replace("-coinCellMilliampHours", "2 * coinCellMilliampHours"));
    await expect.poll(() => status.textContent()).toBe("Ran. Every cell that depends on this one has followed.");
    expect(await inFrame(page).locator(".wb-waiting, .wb-error").count()).toBe(0);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    await context.close();
  });
});
