// What a site looks like beyond its notebooks: its title, the order and sections of its pages, header,
// footer and head, search, editing and tables of contents. wattbook.config.js gives it (see the config
// loader); the build and the preview take it as BuildOptions.site and every page is rendered with it.
// Types only here, and the defaults, so that the config loader and the page renderer share one shape.

/** A page of the site, by its notebook's path relative to the notebooks root ("energy.md", "guide/setup.md"). */
export interface SitePageEntry {
  readonly path: string;
  /** The page's name in the sidebar (default: the notebook's title). */
  readonly title?: string;
}

/** A named group of pages in the sidebar. */
export interface SiteSection {
  readonly name: string;
  readonly pages: readonly SitePageEntry[];
  /** Whether the section starts open in the sidebar (default true). */
  readonly open?: boolean;
}

export interface SiteConfig {
  /** The site's name: in every page's header and <title>. */
  readonly title: string;
  /** The sidebar's pages and sections in order; pages not listed follow, by front-matter order then title. */
  readonly pages?: readonly (SitePageEntry | SiteSection)[];
  /** HTML put in every page's header, after the site's title. */
  readonly header?: string;
  /** HTML of every page's footer. */
  readonly footer?: string;
  /** HTML appended to every page's <head> (meta tags; scripts there are refused by the pages' CSP). */
  readonly head?: string;
  /** The favicon, a file of the static folder, relative to the site root ("favicon.svg"). */
  readonly favicon?: string;
  /** A search box in the header over every page's prose, headings and values (default true). */
  readonly search: boolean;
  /** Edit twins and Edit links (default true); false builds read pages only. */
  readonly editing: boolean;
  /** Each page's table of contents (default true); a page's front matter `toc: false` turns its own off. */
  readonly toc: boolean;
}

export const DEFAULT_SITE_CONFIG: SiteConfig = { title: "wattbook", search: true, editing: true, toc: true };
