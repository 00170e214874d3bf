// The site's order and its sidebar: the configuration's `pages` first, in its order and sections, then
// every notebook it does not list, by front-matter order then title (sortPages), the home page first. The prev/next links
// follow the same order. The 404 page (not-found.ts) is in neither.
import type { SiteConfig } from "./site-config.ts";
import { NOT_FOUND_PAGE } from "./site-paths.ts";

const HOME_PAGE = "index.html";

/** What the sidebar needs of a page. */
export interface NavPage {
  /** The page, relative to the site root. */
  readonly output: string;
  readonly sourcePath: string;
  readonly title: string;
}

export interface NavSection {
  readonly name: string;
  readonly open: boolean;
  readonly pages: readonly NavPage[];
}

export type NavEntry = NavPage | NavSection;

export function isNavSection(entry: NavEntry): entry is NavSection {
  return "pages" in entry;
}

/**
 * The sidebar's entries for `pages` (already sorted by sortPages): the configuration's, then the rest.
 * A page the configuration names but the site lacks (the preview, before its notebook compiles) is left out.
 */
export function siteNav<P extends NavPage>(pages: readonly P[], config: Pick<SiteConfig, "pages">): NavEntry[] {
  const bySource = new Map(pages.map((page) => [page.sourcePath, page]));
  const listed = new Set<string>();
  const pageOf = (entry: { readonly path: string; readonly title?: string }): NavPage[] => {
    const page = bySource.get(entry.path);
    if (!page || page.output === NOT_FOUND_PAGE) return [];
    listed.add(entry.path);
    return [entry.title === undefined ? page : { ...page, title: entry.title }];
  };
  const entries: NavEntry[] = (config.pages ?? []).flatMap((entry): NavEntry[] =>
    "pages" in entry ? [{ name: entry.name, open: entry.open ?? true, pages: entry.pages.flatMap(pageOf) }] : pageOf(entry),
  );
  const rest = pages.filter((page) => !listed.has(page.sourcePath) && page.output !== NOT_FOUND_PAGE);
  // The home page leads, unless the configuration placed it.
  entries.push(...rest.filter((page) => page.output === HOME_PAGE), ...rest.filter((page) => page.output !== HOME_PAGE));
  return entries;
}

/** The pages in the sidebar's order (sections flattened), then any the sidebar leaves out. */
export function navOrder<P extends NavPage>(pages: readonly P[], nav: readonly NavEntry[]): P[] {
  const byOutput = new Map(pages.map((page) => [page.output, page]));
  const ordered = nav.flatMap((entry) => (isNavSection(entry) ? entry.pages : [entry])).map((page) => byOutput.get(page.output)!);
  const seen = new Set(ordered);
  return [...ordered, ...pages.filter((page) => !seen.has(page))];
}
