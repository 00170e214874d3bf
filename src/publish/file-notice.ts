// What a built page does when it is opened from a file (file://) rather than served: browsers run no
// module script there (a file has no origin that CORS could allow), so the page keeps the values the
// build computed and none of its inputs would do anything. A small classic script (classic scripts do
// run from file://, and the CSP's 'self' allows it) says so at the top of the page, with the ways to
// make it live, and disables the page's inputs so that none looks usable while dead. Served pages
// never show it; an exported notebook (export.ts) runs from file:// and does not load it.
import { contentHash } from "./content-hash.ts";
import { ASSETS_DIR } from "./site-layout.ts";

/** The notice's element id, for styles and tests. */
export const FILE_NOTICE_ID = "wb-static-notice";

/**
 * Runs in the reader's browser as the whole of the script (its source is written into the site), so it
 * refers to nothing outside itself.
 */
function showStaticNotice(doc: Document): void {
  if (doc.location.protocol !== "file:") return;
  doc.documentElement.classList.add("wb-file");
  const text = (tag: string, content: string) => {
    const element = doc.createElement(tag);
    element.textContent = content;
    return element;
  };
  const show = () => {
    const main = doc.querySelector(".wb-main") ?? doc.body;
    for (const control of main.querySelectorAll<HTMLInputElement>("input, select, textarea, button")) {
      control.disabled = true;
      control.title = "Inputs work when the page is served, not opened from a file";
    }
    const notice = doc.createElement("aside");
    notice.id = "wb-static-notice";
    notice.setAttribute("role", "note");
    notice.setAttribute("aria-label", "This page is static here");
    notice.append(
      text("strong", "This page is static here. "),
      "Opened from a file, it shows the values computed when it was built, and its inputs are off: browsers do not run a page's modules from file://. To make it live, serve its folder and open it over http:// (",
      text("code", "npx wattbook preview"),
      " in the project, or any static web server in the built folder, such as ",
      text("code", "python3 -m http.server"),
      "), or export the notebook as one file that works anywhere: ",
      text("code", "npx wattbook export NOTEBOOK.md --out FILE.html"),
      ".",
    );
    const title = main.querySelector("h1");
    if (title) title.after(notice);
    else main.prepend(notice);
  };
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", show);
  else show();
}

/** The script's text, as the site serves it. */
export function fileNoticeScript(): string {
  return `// wattbook: a notice when this page is opened from a file (see src/publish/file-notice.ts).\n(${showStaticNotice.toString()})(document);\n`;
}

/** Where the script lives in a site, relative to its root: named by its content, like every script there. */
export const FILE_NOTICE_SCRIPT = `${ASSETS_DIR}/file-notice-${contentHash(fileNoticeScript())}.js`;
