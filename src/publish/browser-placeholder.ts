// What a page shows, before it runs, in the place of a cell the build did not run (```js browser and the
// cells that depend on one, see notebook/browser-only.ts): a sentence that reads without JavaScript and
// prints, replaced by the cell's own output as soon as the page runs the cell.
import type { AnalyzedCell } from "../notebook/types.ts";

/** The placeholder's class (static/wattbook.css styles it, on screen and in print). */
export const BROWSER_ONLY_CLASS = "wb-browser-only";

const BLOCK_TEXT = "This output is computed in your browser.";
const INLINE_TEXT = "(computed in your browser)";
/** Shown only where scripts do not run: there the placeholder stays. */
const NO_SCRIPT = "<noscript> It needs JavaScript, which is turned off.</noscript>";

/** The placeholder of a block cell, or of an inline `${…}` value (and an exercise's shown answer). */
export function browserPlaceholder(inline: boolean): string {
  return inline ? `<span class="${BROWSER_ONLY_CLASS}">${INLINE_TEXT}</span>` : `<p class="${BROWSER_ONLY_CLASS}">${BLOCK_TEXT}${NO_SCRIPT}</p>`;
}

/**
 * Whether a cell the build skipped would show something: an expression, a numbered figure or table, a
 * cell that calls display() or view(). A cell that only declares names shows nothing, in the browser
 * too, so it gets no placeholder.
 */
export function showsOutput(cell: Pick<AnalyzedCell, "kind" | "expression" | "label" | "references">): boolean {
  return cell.kind === "inline" || cell.expression || cell.label !== undefined || cell.references.includes("display") || cell.references.includes("view");
}
