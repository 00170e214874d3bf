// Reading and driving an edit page (`_edit/<page>.html`) in Chromium: the live page and the editor run
// in its sandbox frame (src/editor/main.ts), the banner and storage in the page itself.
import type { Frame, Page } from "playwright-core";
import { expect } from "vitest";

/** The edit page's sandbox, where the page runs live with the editor. */
export const inFrame = (page: Page) => page.frameLocator("iframe.wb-sandbox");

export async function frameOf(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector("iframe.wb-sandbox", { state: "attached" })).contentFrame();
  if (!frame) throw new Error("the sandbox has no frame");
  return frame;
}

/** An edit page is live once its sandbox runs the page and the editor. */
export const editLive = (page: Page, options: { timeout?: number } = {}) =>
  page.waitForFunction(() => document.documentElement.classList.contains("wb-sandbox-live"), null, options);

/** The id of the cell whose source contains `text`, from the edit page's data. */
export function cellId(page: Page, text: string): Promise<string> {
  return page.evaluate((needle) => {
    const data = JSON.parse(document.getElementById("wb-edit-data")!.textContent!) as { cells: { id: string; sourceText: string }[] };
    return data.cells.find((cell) => cell.sourceText.includes(needle))!.id;
  }, text);
}

/** The localStorage key under which the reader's edits of this page are kept. */
export const storageKey = (page: Page) => page.evaluate(() => `wattbook:edits:${window.wattbook!.notebook.path}`);

/** A share link to the edit page open in `page`, carrying `edits`, made the way the share button makes it. */
export async function linkFor(page: Page, edits: unknown): Promise<string> {
  const href = await page.evaluate(async (json) => {
    const stream = new Blob([json]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    return `${location.pathname}#edits=${btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}`;
  }, JSON.stringify(edits));
  return new URL(href, page.url()).href;
}

/**
 * Replaces the code in an open editor (the first, unless `content` says which) and runs it with
 * Ctrl-Enter, once the editor holds exactly that code. Focus rather than a click: on a loaded machine Chromium can route a click to where the frame
 * was a frame ago, and the keys would then go nowhere.
 */
export async function typeAndRun(page: Page, code: string, content = inFrame(page).locator(".wb-editor .cm-content").first()): Promise<void> {
  await content.focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(code);
  // CodeMirror writes each line as an element of its own: the text has no newlines.
  await expect.poll(() => content.textContent()).toBe(code.replace(/\n/g, ""));
  await page.keyboard.press("Control+Enter");
}
