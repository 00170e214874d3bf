// What an edit page carries for the editor (written by publish/edit-twin.ts): every cell's source, the
// read page's address, and where the sandbox and the page's module are. The fragment says what to do on arrival:
//   #edit=<cell id>            open the editor on that cell
//   #edit=…&inputs=<json>      and set the inputs to the reader's values on the read page
//   #edits=<compressed>        apply a shared link's edits
import type { CellSource } from "./compile.ts";

export const PAGE_DATA_ID = "wb-edit-data";

export interface PageData {
  /** The read page, relative to this one. */
  readonly readPage: string;
  /** The whole kernel's module, relative to this page: the page's own kernel, for scratch cells. */
  readonly kernel: string;
  readonly cells: readonly CellSource[];
  /** The site's root, relative to this page ("../" from _edit/). */
  readonly root: string;
  /** The page's own module (the published notebook), relative to this page: the sandbox runs it. */
  readonly page: string;
  /** The sandbox document, relative to this page (see editor/main.ts). */
  readonly sandbox: string;
  /** The notebook's path, which keys the reader's saved edits. */
  readonly notebook?: string;
}

export function readPageData(): PageData {
  const element = document.getElementById(PAGE_DATA_ID);
  if (!element?.textContent) throw new Error(`this page has no #${PAGE_DATA_ID}: it is not a wattbook edit page`);
  return JSON.parse(element.textContent) as PageData;
}

export function fragmentParameters(hash: string): URLSearchParams {
  return new URLSearchParams(hash.replace(/^#/, ""));
}
