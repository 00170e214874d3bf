// Exercises in Chromium, on the chapter's checkpoints page: a wrong answer gets feedback and a hint, a
// right one is marked answered; moving an input makes the same answer wrong; the progress survives a
// reload (an answer given for other inputs says so, and can put them back) and goes with a reset,
// which asks first and can be undone. All under the read pages' strict CSP.
import { describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { watchProblems, type PageProblems } from "../helpers/chromium.ts";
import { builtSite } from "../helpers/built-site.ts";

const site = builtSite("exercises", ["build"], { buildTimeoutMs: 120_000, hookTimeoutMs: 180_000 });

const ENERGY = "#ex-cp11-energy";

async function open(context: BrowserContext, file: string): Promise<{ page: Page; problems: PageProblems }> {
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${site.url}${file}`);
  // Live once the correct answer is known: the Check button is enabled.
  await page.waitForFunction((id) => document.querySelector<HTMLButtonElement>(`${id} .wb-exercise-check`)?.disabled === false, ENERGY);
  return { page, problems };
}

async function answer(page: Page, exercise: string, text: string): Promise<{ verdict: string | null; message: string }> {
  await page.fill(`${exercise} input[name=answer]`, text);
  await page.click(`${exercise} .wb-exercise-check`);
  const feedback = page.locator(`${exercise} .wb-exercise-feedback`);
  return { verdict: await feedback.getAttribute("data-verdict"), message: (await feedback.textContent()) ?? "" };
}

const visibleHints = (page: Page, exercise: string) => page.locator(`${exercise} .wb-exercise-hint-text:not([hidden])`).count();

describe("exercises on the checkpoints page", () => {
  it("checks answers, gives hints, follows the inputs and keeps the progress", async () => {
    const context = await site.browser.newContext();
    const { page, problems } = await open(context, "12-checkpoints.html");

    // The answer is on the page only inside the closed solution.
    expect(await page.locator(`${ENERGY} details.wb-exercise-solution`).getAttribute("open")).toBeNull();
    expect(await visibleHints(page, ENERGY)).toBe(0);

    // Wrong: feedback, and the first hint.
    const wrong = await answer(page, ENERGY, "2.5 GWh");
    expect(wrong.verdict).toBe("wrong");
    expect(wrong.message).toMatch(/^Not quite\. Hint 1 of 2 is below\.$/);
    expect(await visibleHints(page, ENERGY)).toBe(1);
    expect(await page.locator(`${ENERGY} details.wb-exercise-hints`).getAttribute("open")).not.toBeNull();

    // A unit of the wrong kind is named, and costs no hint.
    const power = await answer(page, ENERGY, "1.92 GW");
    expect(power.message).toContain("That is a power (GW), but the answer is an energy");

    // Right, in another unit than the solution's.
    const right = await answer(page, ENERGY, "1,918,900 kWh");
    expect(right).toEqual({ verdict: "correct", message: "Correct." });
    expect(await page.locator(`${ENERGY} .wb-exercise-status`).textContent()).toBe("✓ Answered");
    expect(await page.locator(".wb-progress-text").textContent()).toMatch(/^You have answered 1 of 15 exercises on this page, and 1 of \d+ in the workbook\./);

    // Move the PUE: the correct answer moves, and the same answer is now wrong.
    const shownBefore = await page.locator(`${ENERGY} .wb-exercise-shown`).textContent();
    const pue = page.locator(".wb-output form", { has: page.locator("label", { hasText: /^PUE$/ }) }).locator("input[type=range]");
    await pue.fill("1.5");
    const feedback = page.locator(`${ENERGY} .wb-exercise-feedback`);
    await expect.poll(() => feedback.getAttribute("data-verdict")).toBe("moved");
    expect(await feedback.textContent()).toBe("Your answer was right with PUE at 1.1; that input is at 1.5 now.");
    expect(await page.locator(`${ENERGY} .wb-exercise-shown`).textContent()).not.toBe(shownBefore);
    expect((await page.locator(`${ENERGY} .wb-exercise-prompt`).textContent())?.replace(/\s+/g, " ")).toContain("a PUE of 1.50, how much electricity");
    expect((await answer(page, ENERGY, "2.62 GWh")).verdict).toBe("correct");

    // A classification, answered right.
    for (const [label, scope] of Object.entries({ a: "Scope 1", b: "Scope 2", c: "Scope 2", d: "Scope 3", e: "Scope 3" })) {
      await page.selectOption(`#ex-cp12-scopes select[name=${label}]`, scope);
    }
    await page.click("#ex-cp12-scopes .wb-exercise-check");
    expect(await page.locator("#ex-cp12-scopes .wb-exercise-feedback").textContent()).toBe("Correct.");

    expect(problems).toEqual({ consoleErrors: [], cspViolations: [], pageErrors: [] });

    // Reload: the inputs start over, the progress does not.
    await page.reload();
    await page.waitForFunction((id) => document.querySelector<HTMLButtonElement>(`${id} .wb-exercise-check`)?.disabled === false, ENERGY);
    expect(await page.locator(`${ENERGY} .wb-exercise-status`).textContent()).toBe("✓ Answered");
    expect(await page.locator(`${ENERGY} input[name=answer]`).inputValue()).toBe("2.62 GWh");
    expect(await page.locator("#ex-cp12-scopes .wb-exercise-status").textContent()).toBe("✓ Answered");
    expect(await page.locator(".wb-progress-text").textContent()).toMatch(/^You have answered 2 of 15 exercises on this page/);
    // The inputs start where the author put them (PUE 1.1), and the answer was given at PUE 1.5: it is
    // said to be right for that PUE, not "Not quite" beside "✓ Answered", and a button puts the PUE back.
    const kept = page.locator(`${ENERGY} .wb-exercise-feedback`);
    await expect.poll(() => kept.getAttribute("data-verdict")).toBe("moved");
    expect(await kept.textContent()).toBe("Your answer was right with PUE at 1.5; that input is at 1.1 now.");
    const putBack = page.locator(ENERGY).getByRole("button", { name: "Put the inputs back" });
    await putBack.click();
    await expect.poll(() => kept.getAttribute("data-verdict")).toBe("correct");
    expect(await kept.textContent()).toBe("Correct.");
    expect(await page.locator(".wb-output form", { has: page.locator("label", { hasText: /^PUE$/ }) }).locator("input[type=range]").inputValue()).toBe("1.5");
    expect(await putBack.isVisible()).toBe(false);
    // An answer checked at the author's inputs is checked as before after a reload.
    expect(await page.locator("#ex-cp12-scopes .wb-exercise-feedback").textContent()).toBe("Correct.");

    // Another page counts the whole workbook's progress.
    const other = await context.newPage();
    await other.goto(`${site.url}06-energy-roofline.html`);
    await other.waitForFunction(() => /answered/.test(document.querySelector(".wb-progress-text")?.textContent ?? ""));
    expect(await other.locator(".wb-progress-text").textContent()).toMatch(/^You have answered 0 of 4 exercises on this page, and 2 of \d+ in the workbook\./);

    // Reset this page: it asks first, in the page; Cancel keeps everything.
    const box = page.getByRole("complementary", { name: "Your progress" });
    await page.click(".wb-progress-reset-page");
    expect(await box.getByRole("status").textContent()).toMatch(/^Forget your answers and hints on this page \(2 answered\)\?/);
    await box.getByRole("button", { name: "Cancel" }).click();
    expect(await box.getByRole("status").isVisible()).toBe(false);
    expect(await page.locator(`${ENERGY} .wb-exercise-status`).textContent()).toBe("✓ Answered");
    // Yes: fresh exercises, nothing kept, and an Undo that brings it all back.
    await page.click(".wb-progress-reset-page");
    await box.getByRole("button", { name: "Yes, reset this page" }).click();
    expect(await page.locator(`${ENERGY} .wb-exercise-status`).textContent()).toBe("");
    expect(await page.locator(".wb-progress-text").textContent()).toMatch(/^You have answered 0 of 15/);
    await box.getByRole("button", { name: "Undo" }).click();
    expect(await page.locator(`${ENERGY} .wb-exercise-status`).textContent()).toBe("✓ Answered");
    expect(await page.locator(`${ENERGY} input[name=answer]`).inputValue()).toBe("2.62 GWh");
    expect(await page.locator(".wb-progress-text").textContent()).toMatch(/^You have answered 2 of 15/);
    await page.reload();
    await page.waitForFunction((id) => document.querySelector<HTMLButtonElement>(`${id} .wb-exercise-check`)?.disabled === false, ENERGY);
    expect(await page.locator(".wb-progress-text").textContent()).toMatch(/^You have answered 2 of 15/);

    // Reset all progress: asked first too; the other page's count follows the reset and the undo.
    await page.click(".wb-progress-reset-all");
    expect(await box.getByRole("status").textContent()).toMatch(/^Forget every answer and hint you have given in this workbook \(2 answered, on 1 page\)\?/);
    await box.getByRole("button", { name: "Yes, reset all progress" }).click();
    expect(await page.locator(".wb-progress-text").textContent()).toMatch(/^You have answered 0 of 15 exercises on this page, and 0 of/);
    await other.reload();
    await other.waitForFunction(() => /answered/.test(document.querySelector(".wb-progress-text")?.textContent ?? ""));
    expect(await other.locator(".wb-progress-text").textContent()).toMatch(/and 0 of \d+ in the workbook/);
    await box.getByRole("button", { name: "Undo" }).click();
    expect(await page.locator(".wb-progress-text").textContent()).toMatch(/^You have answered 2 of 15/);
    await other.reload();
    await other.waitForFunction(() => /answered/.test(document.querySelector(".wb-progress-text")?.textContent ?? ""));
    expect(await other.locator(".wb-progress-text").textContent()).toMatch(/and 2 of \d+ in the workbook/);

    // The Undo lasts a while, then the reset stands.
    await page.click(".wb-progress-reset-page");
    await box.getByRole("button", { name: "Yes, reset this page" }).click();
    await expect.poll(() => box.getByRole("button", { name: "Undo" }).count(), { timeout: 15_000, interval: 1000 }).toBe(0);
    expect(await page.locator(`${ENERGY} .wb-exercise-status`).textContent()).toBe("");
    expect(await page.locator(`${ENERGY} input[name=answer]`).inputValue()).toBe("");
    expect(await visibleHints(page, ENERGY)).toBe(0);
    expect(await page.locator(".wb-progress-text").textContent()).toMatch(/^You have answered 0 of 15/);
    await page.reload();
    await page.waitForFunction((id) => document.querySelector<HTMLButtonElement>(`${id} .wb-exercise-check`)?.disabled === false, ENERGY);
    expect(await page.locator(`${ENERGY} .wb-exercise-status`).textContent()).toBe("");
    await context.close();
  }, 90_000);

  it("reads without JavaScript as questions, each answer behind a closed <details>", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}12-checkpoints.html`);
    const exercise = page.locator(ENERGY);
    expect((await exercise.locator(".wb-exercise-prompt").textContent())?.replace(/\s+/g, " ")).toContain("a PUE of 1.10, how much electricity does the run draw from the grid?");
    expect(await exercise.locator("details.wb-exercise-solution").getAttribute("open")).toBeNull();
    expect(await exercise.locator(".wb-exercise-shown").textContent()).toMatch(/^1,91\d(\.\d)? MWh$/);
    expect(await exercise.locator(".wb-exercise-shown").isVisible()).toBe(false);
    await exercise.locator("details.wb-exercise-solution > summary").click();
    expect(await exercise.locator(".wb-exercise-shown").isVisible()).toBe(true);
    await context.close();
  });
});
