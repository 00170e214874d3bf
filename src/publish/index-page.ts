// The list of notebooks on the index page: title, description, in front-matter order.
import { escapeHtml } from "../text/escape-html.ts";
import { hrefOf } from "./render.ts";
import { urlOfPath } from "./url-path.ts";

export interface IndexEntry {
  readonly output: string;
  readonly title: string;
  readonly description: string;
}

export function renderIndex(pages: readonly IndexEntry[], toRoot: string): string {
  if (!pages.length) return `<p class="wb-empty">No notebooks yet: add a .md file to the notebooks folder.</p>`;
  const items = pages
    .map((page) => `<li><a href="${hrefOf(toRoot + page.output)}">${escapeHtml(page.title)}</a>${page.description ? `<p>${escapeHtml(page.description)}</p>` : ""}</li>`)
    .join("\n");
  return `<section class="wb-index" aria-label="Notebooks"><h2 id="notebooks">Notebooks</h2><ol>\n${items}\n</ol></section>`;
}

/**
 * The list appended to an authored index page: nothing when the author's prose already links every
 * notebook (a hand-written table of contents says more than the generated one), else the full list.
 */
export function indexAppendix(authoredHtml: string, pages: readonly IndexEntry[]): string {
  // Prose links a page by its URL (`cost%20%231.html`); Markdown may also have left a plain name as written.
  const links = (output: string) => [urlOfPath(output), output].some((href) => authoredHtml.includes(`href="${escapeHtml(href)}"`) || authoredHtml.includes(`href="${href}"`));
  const linksAll = pages.every((page) => links(page.output));
  return linksAll ? "" : renderIndex(pages, "");
}
