// Moving a page's inputs as a reader would, and seeing what changed: shared by the browser tests that
// check that a page is live (chapter pages served, notebooks exported and opened from a file).
import type { Page } from "playwright-core";

/** The inputs a reader can move (passed into the page: evaluated functions see no test-side names). */
export const INPUTS = ".wb-output input[type=range], .wb-output select, .wb-output input[type=radio], .wb-output input[type=number], .wb-output input[type=checkbox]";

/** Everything a reader sees change: outputs and inline values, excluding the input's own cell. */
export function snapshot(page: Page, skipCell: string): Promise<string> {
  return page.evaluate(
    (skip) =>
      [...document.querySelectorAll("[data-cell]")]
        .filter((element) => element.getAttribute("data-cell") !== skip)
        .map((element) => element.innerHTML)
        .join("\u0000"),
    skipCell,
  );
}

/** The cell holding the page's first input, or null. */
export function firstInputCell(page: Page, inputs = INPUTS): Promise<string | null> {
  return page.evaluate((selector) => document.querySelector(selector)?.closest("[data-cell]")?.getAttribute("data-cell") ?? null, inputs);
}

/** Waits (up to 5 s) for something outside `cell` to differ from `before`. */
export async function waitForChange(page: Page, cell: string, before: string): Promise<void> {
  await page
    .waitForFunction(
      ([skip, old]) => [...document.querySelectorAll("[data-cell]")].filter((e) => e.getAttribute("data-cell") !== skip).map((e) => e.innerHTML).join("\u0000") !== old,
      [cell, before] as const,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
}

/** Moves the page's first input (of those `inputs` selects) to another value; returns the id of the cell that holds it. */
export async function moveFirstInput(page: Page, inputs = INPUTS): Promise<string | null> {
  return page.evaluate((selector) => {
    const input = document.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
    if (!input) return null;
    const cell = input.closest("[data-cell]")!.getAttribute("data-cell");
    if (input instanceof HTMLSelectElement) {
      input.selectedIndex = (input.selectedIndex + 1) % input.options.length;
    } else if (input.type === "radio") {
      const group = [...document.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${input.name}"]`)].filter((r) => r.form === input.form);
      const next = group[(group.findIndex((r) => r.checked) + 1) % group.length]!;
      next.checked = true;
      input.form?.dispatchEvent(new Event("input", { bubbles: true }));
      return cell;
    } else if (input.type === "checkbox") {
      input.checked = !input.checked;
    } else {
      const min = Number(input.min || 0);
      const max = Number(input.max || Number(input.value) * 2 || 1);
      const current = Number(input.value);
      const target = current + (max - min) / 3 <= max ? current + (max - min) / 3 : current - (max - min) / 3;
      // Stay on the input's step grid (counted from min), or the input rejects the value as invalid.
      const step = input.step && input.step !== "any" ? Number(input.step) : 0;
      input.value = String(step ? min + Math.round((target - min) / step) * step : target);
    }
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
    return cell;
  }, inputs);
}
