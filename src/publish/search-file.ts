// The site's search index (`_wattbook/search.json`), written once every page is: each page's
// prerendered column read into sections (search-sections.ts), in the site's order. The 404 page is left
// out. Loaded only by the build, when the configuration's `search` is on.
import { buildSearchIndex, type SearchPage } from "../search/index-data.ts";
import { NOT_FOUND_PAGE } from "./not-found.ts";
import { fillCells } from "./render.ts";
import { searchSections } from "./search-sections.ts";
import type { Site, SitePage } from "./site-pages.ts";
import { urlOfPath } from "./url-path.ts";

export function searchPages(site: Site, outputsOf: (page: SitePage) => Readonly<Record<string, string>> | undefined): SearchPage[] {
  return site.pages
    .filter((page) => page.output !== NOT_FOUND_PAGE)
    .map((page) => ({ title: page.title, href: urlOfPath(page.output), sections: searchSections(fillCells(page.notebook, outputsOf(page) ?? {}), page.title) }));
}

export function searchIndexJson(site: Site, outputsOf: (page: SitePage) => Readonly<Record<string, string>> | undefined): string {
  return JSON.stringify(buildSearchIndex(searchPages(site, outputsOf)));
}
