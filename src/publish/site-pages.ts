// The pages of a site, as the build and the preview both write them: each notebook's page (and its edit
// twin) with the site's order, prev/next links, the index's list of notebooks and the exercise counts
// that the progress boxes show. One renderer, so the preview shows what the build will write.
import type { AnalyzedNotebook } from "../notebook/types.ts";
import { STYLESHEETS } from "./assets.ts";
import type { SiteConfig } from "./site-config.ts";
import { editPageContext, editPagePath, readPageContext, type EditScripts } from "./edit-twin.ts";
import { indexAppendix, renderIndex } from "./index-page.ts";
import { renderPage, type PageChrome, type PageContext, type PageLink, type PublishedFile } from "./render.ts";
import { navOrder, siteNav, type NavEntry } from "./site-nav.ts";
import { NOT_FOUND_PAGE, notFoundContext } from "./not-found.ts";
import { pageOutputPath, relativeHref, toRootOf } from "./site-paths.ts";

/** A notebook's page in the site. */
export interface SitePage {
  /** The notebook, relative to the notebooks root. */
  readonly sourcePath: string;
  /** The page, relative to the site root. */
  readonly output: string;
  readonly title: string;
  readonly description: string;
  /** Front-matter `order`; pages without one come last, by title. */
  readonly order: number;
  readonly notebook: AnalyzedNotebook;
  /** The page's module script (absent when the notebook has no cells) and what it preloads. */
  readonly script?: string;
  readonly preload: readonly string[];
}

export interface Site {
  /** The site's configuration: its title, and how its pages look (see site-config.ts). */
  readonly config: SiteConfig;
  /** Every page, in the site's order (the sidebar's, see site-nav.ts). */
  readonly pages: readonly SitePage[];
  /** The sidebar's pages and sections. */
  readonly nav: readonly NavEntry[];
  /** The chrome's script in the site (relative to the root), when the site has the library. */
  readonly chromeScript?: string;
  /** The theme the 404 page writes into itself (not-found.ts); without it, a 404 page links it as any page does. */
  readonly notFoundTheme?: string;
}

/** A site of `pages` (in any order): ordered as its configuration and front matter say, its sidebar made. */
export function makeSite(config: SiteConfig, pages: readonly SitePage[], extras: Pick<Site, "chromeScript" | "notFoundTheme"> = {}): Site {
  const nav = siteNav(sortPages(pages), config);
  return { config, pages: navOrder(sortPages(pages), nav), nav, ...extras };
}

/** What every page of `site` draws around its column. */
function pageChrome(site: Site): PageChrome {
  const { search, header, footer, head } = site.config;
  return { nav: site.nav, search: search && site.chromeScript !== undefined, ...(site.chromeScript ? { script: site.chromeScript } : {}), ...(header ? { header } : {}), ...(footer ? { footer } : {}), ...(head ? { head } : {}) };
}

export function sitePage(notebook: AnalyzedNotebook, scripts: { readonly page: string; readonly preload: readonly string[] } | undefined): SitePage {
  const { frontMatter } = notebook;
  const hasScript = notebook.cells.length > 0 && scripts !== undefined;
  return {
    sourcePath: notebook.path,
    output: pageOutputPath(notebook.path),
    title: notebook.title,
    description: typeof frontMatter.description === "string" ? frontMatter.description : "",
    order: typeof frontMatter.order === "number" ? frontMatter.order : Number.POSITIVE_INFINITY,
    notebook,
    ...(hasScript ? { script: scripts.page } : {}),
    preload: hasScript ? scripts.preload : [],
  };
}

/** Front-matter order first, then title; the same order every time for the same pages. */
export function sortPages<P extends Pick<SitePage, "order" | "title" | "output">>(pages: readonly P[]): P[] {
  return [...pages].sort((a, b) => a.order - b.order || a.title.localeCompare(b.title) || (a.output < b.output ? -1 : a.output > b.output ? 1 : 0));
}

/** The pages the prev/next links and the index's list run through: every page but the index and the 404 page. */
function sequenceOf(site: Site): SitePage[] {
  return site.pages.filter((page) => page.output !== "index.html" && page.output !== NOT_FOUND_PAGE);
}

/** Exercises per notebook of the site, for the progress boxes (progress across the site counts unopened pages). */
export function siteExercises(site: Site): Record<string, number> {
  return Object.fromEntries(site.pages.flatMap((page) => (page.notebook.exercises?.length ? [[page.notebook.path, page.notebook.exercises.length]] : [])));
}

export interface RenderedPage {
  /** The read page. */
  readonly html: string;
  /** The edit twin, when editing is on and the page has cells (at editPagePath(output)). */
  readonly editHtml?: string;
}

/** One page of the site, with its prerendered outputs; with `edit`, its edit twin too. */
export function renderSitePage(page: SitePage, outputs: Readonly<Record<string, string>>, site: Site, edit?: EditScripts, files?: Readonly<Record<string, PublishedFile>>): RenderedPage {
  const sequence = sequenceOf(site);
  const at = sequence.findIndex((other) => other.output === page.output);
  const link = (other: SitePage | undefined): PageLink | undefined => (other ? { href: relativeHref(page.output, other.output), title: other.title } : undefined);
  const exercises = page.notebook.exercises?.length ?? 0;
  const context: PageContext = {
    siteTitle: site.config.title,
    output: page.output,
    chrome: pageChrome(site),
    toRoot: toRootOf(page.output),
    stylesheets: STYLESHEETS,
    script: page.script,
    preload: page.preload,
    prev: at > 0 ? link(sequence[at - 1]) : undefined,
    next: at >= 0 ? link(sequence[at + 1]) : undefined,
    appendix: page.output === "index.html" ? indexAppendix(page.notebook.html, sequence) : undefined,
    exercises: exercises ? { page: exercises, site: siteExercises(site) } : undefined,
    toc: showsToc(page.notebook, site.config),
    ...(site.config.favicon === undefined ? {} : { favicon: site.config.favicon }),
    ...(files ? { files } : {}),
  };
  if (page.output === NOT_FOUND_PAGE && site.notFoundTheme !== undefined) return { html: renderPage(page.notebook, outputs, notFoundContext(context, site.notFoundTheme)) };
  if (!page.script || !edit) return { html: renderPage(page.notebook, outputs, context) };
  // A page with cells links to its edit twin, the same page that also loads the cell editor.
  return {
    html: renderPage(page.notebook, outputs, readPageContext(context, page.output)),
    editHtml: renderPage(page.notebook, outputs, editPageContext(context, page.output, page.notebook, edit)),
  };
}

/** Whether a page shows its table of contents: its front matter's `toc` if it says, else the site's. */
export function showsToc(notebook: AnalyzedNotebook, config: SiteConfig): boolean {
  return typeof notebook.frontMatter.toc === "boolean" ? notebook.frontMatter.toc : config.toc;
}

/** The index page a site gets when no notebook is index.md: the list of notebooks. */
export function renderGeneratedIndex(site: Site): string {
  const { title, favicon } = site.config;
  const notebook: AnalyzedNotebook = { path: "index.md", frontMatter: { title }, title, html: "", headings: [], labels: [], cells: [] };
  return renderPage(notebook, {}, { siteTitle: title, output: "index.html", chrome: pageChrome(site), toRoot: "", stylesheets: STYLESHEETS, preload: [], appendix: renderIndex(sequenceOf(site), ""), ...(favicon === undefined ? {} : { favicon }) });
}

export { editPagePath };
