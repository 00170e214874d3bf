// The site's chrome around a page's column: the sidebar of pages and sections, the search box in the
// header, the button that opens the sidebar on narrow screens, and the footer. Plain HTML that reads
// without JavaScript; src/chrome/chrome.ts (one small module every page loads) wires the button, the
// `/` key and, on first use, the search.
import { escapeHtml } from "../text/escape-html.ts";
import { hrefOf } from "./url-path.ts";
import { isNavSection, type NavEntry, type NavPage } from "./site-nav.ts";

export const SIDEBAR_ID = "wb-sidebar";
export const SEARCH_INPUT_ID = "wb-search-input";
export const SEARCH_RESULTS_ID = "wb-search-results";
export const SEARCH_STATUS_ID = "wb-search-status";

/** The sidebar for the page `current` (its output path), with links from `toRoot`. */
export function renderSidebar(nav: readonly NavEntry[], current: string | undefined, toRoot: string): string {
  if (!nav.length) return "";
  const link = (page: NavPage) =>
    `<li><a href="${hrefOf(toRoot + page.output)}"${page.output === current ? ` aria-current="page"` : ""}>${escapeHtml(page.title)}</a></li>`;
  const items = nav
    .map((entry) => {
      if (!isNavSection(entry)) return link(entry);
      // A section holding the current page is open whatever the configuration says.
      const open = entry.open || entry.pages.some((page) => page.output === current);
      return `<li class="wb-nav-section"><details${open ? " open" : ""}><summary>${escapeHtml(entry.name)}</summary><ol>${entry.pages.map(link).join("")}</ol></details></li>`;
    })
    .join("");
  return `<nav class="wb-sidebar" id="${SIDEBAR_ID}" aria-label="Pages"><ol class="wb-nav">${items}</ol></nav>`;
}

/** The button that shows the sidebar where the screen is too narrow for it (chrome.ts makes it work). */
export function renderSidebarToggle(): string {
  return `<button type="button" class="wb-sidebar-toggle" aria-controls="${SIDEBAR_ID}" aria-expanded="false"><span aria-hidden="true">☰</span> Pages</button>`;
}

/**
 * The search box: a combobox whose list of results chrome.ts fills once the reader focuses it (the
 * index and the search code load then, not before), and a live region that says how many were found.
 */
export function renderSearchBox(): string {
  return (
    `<div class="wb-search" role="search">` +
    `<input id="${SEARCH_INPUT_ID}" type="search" placeholder="Search" autocomplete="off" spellcheck="false" role="combobox" aria-label="Search the site" aria-autocomplete="list" aria-expanded="false" aria-controls="${SEARCH_RESULTS_ID}" aria-keyshortcuts="/">` +
    `<ul id="${SEARCH_RESULTS_ID}" class="wb-search-results" role="listbox" aria-label="Search results" hidden></ul>` +
    `<p id="${SEARCH_STATUS_ID}" class="wb-visually-hidden" aria-live="polite"></p>` +
    `</div>`
  );
}

/** The configuration's footer HTML, as written. */
export function renderFooter(footer: string | undefined): string {
  return footer ? `<footer class="wb-footer">${footer}</footer>` : "";
}
