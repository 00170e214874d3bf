// Renders a built page: the notebook's prose with each cell's prerendered output in place, the table of
// contents, prev/next links and the page's module script. Pages carry no inline script; the
// Content-Security-Policy meta tag makes the browser hold them to that.
import type { AnalyzedCell, AnalyzedNotebook, Heading } from "../notebook/types.ts";
import { type ExerciseCounts, renderProgress } from "./progress-html.ts";
import { EXERCISE_CLASS } from "../exercise/markup.ts";
import { escapeHtml } from "../text/escape-html.ts";
import { hrefOf, urlOfPath } from "./url-path.ts";
import { ATTACHMENTS_ELEMENT_ID, type AttachedFile } from "../runtime/file-attachment.ts";
import { browserOnlyCells } from "../notebook/browser-only.ts";
import { browserPlaceholder, showsOutput } from "./browser-placeholder.ts";
import { FILE_NOTICE_SCRIPT } from "./file-notice.ts";
import { renderFooter, renderSearchBox, renderSidebar, renderSidebarToggle } from "./chrome-html.ts";
import type { NavEntry } from "./site-nav.ts";
import { cellExplainButton, explainDataScript } from "./explain-markup.ts";

/**
 * Scripts only from the site itself and never eval. Styles allow inline because Plot and Inputs write
 * style attributes and <style> elements as they render, at build time and live.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";

export { hrefOf };

/**
 * Another page. Paths here and in PageContext are file paths as written on disk ("../cost #1.html"),
 * never URLs: the page encodes each as it writes it (hrefOf), so every name works in a link.
 */
export interface PageLink {
  readonly href: string;
  readonly title: string;
}

/** What every page of a site draws around its column (see chrome-html.ts), from the site's configuration. */
export interface PageChrome {
  /** The sidebar's pages and sections. */
  readonly nav: readonly NavEntry[];
  /** The chrome's script (src/chrome/chrome.ts in the library), relative to the site root. */
  readonly script?: string;
  /** Whether the header has a search box. */
  readonly search: boolean;
  /** The configuration's HTML for the header, the footer and <head>. */
  readonly header?: string;
  readonly footer?: string;
  readonly head?: string;
}

export interface PageContext {
  readonly siteTitle: string;
  /** The page, relative to the site root: the sidebar marks it as current. */
  readonly output?: string;
  /** The sidebar, search box, header, footer and head HTML; none without it. */
  readonly chrome?: PageChrome;
  /** CSS written into the page (the 404 page's theme, see not-found.ts). */
  readonly styles?: readonly string[];
  /** From this page to the site root, "" or "../…/". */
  readonly toRoot: string;
  readonly stylesheets: readonly string[];
  /**
   * The page module, relative to the site root; absent when the page has no cells. A page with one also
   * loads the notice it shows when opened from a file, where no module runs (file-notice.ts).
   */
  readonly script?: string;
  /** false: no link to the site's index in the header (a page that stands alone, export.ts). */
  readonly homeLink?: boolean;
  readonly preload: readonly string[];
  readonly prev?: PageLink;
  readonly next?: PageLink;
  /** A favicon in the site, relative to the root. */
  readonly favicon?: string;
  /** Extra HTML appended to the main column (the index page's notebook list). */
  readonly appendix?: string;
  /** The page's and the site's exercise counts, when the page has exercises: a progress box ends it. */
  readonly exercises?: ExerciseCounts;
  /** Whether the page shows its table of contents (default true; see site-pages.ts, showsToc). */
  readonly toc?: boolean;
  /**
   * Where each cell's Edit link goes: `${editHref}#edit=<cell id>` (the page's edit twin, see
   * edit-twin.ts); a non-empty href also puts an "Edit this page" link in the header. No links when absent.
   */
  readonly editHref?: string;
  /** The edit twin's differences: its CSP, more module scripts, and more head and body HTML. */
  readonly contentSecurityPolicy?: string;
  readonly scripts?: readonly string[];
  readonly head?: readonly string[];
  readonly bodyEnd?: string;
  /**
   * The files the notebook attaches, by path relative to the notebooks root, with where each is
   * published (relative to the site root): written into the page as its table of files (see
   * runtime/file-attachment.ts), with URLs relative to this page.
   */
  readonly files?: Readonly<Record<string, PublishedFile>>;
}

/** An attached file as the site publishes it. */
export interface PublishedFile {
  /** Relative to the site root. */
  readonly published: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
}

/** The page's table of attached files, with URLs relative to the page. */
function renderFiles(files: Readonly<Record<string, PublishedFile>> | undefined, toRoot: string): string {
  if (!files || !Object.keys(files).length) return "";
  return renderFilesTable(Object.fromEntries(Object.entries(files).map(([name, file]) => [name, { url: urlOfPath(toRoot + file.published), mimeType: file.mimeType, sizeBytes: file.sizeBytes }])));
}

/** A table of attached files (see runtime/file-attachment.ts): JSON in a script element that never runs (data, allowed by the CSP). */
export function renderFilesTable(table: Readonly<Record<string, AttachedFile>>): string {
  // "<" escaped, so that no file name can end the element.
  return `<script type="application/json" id="${ATTACHMENTS_ELEMENT_ID}">${JSON.stringify(table).replace(/</g, "\\u003c")}</script>`;
}

/**
 * The cell's Edit link and, when it shows something, its Explain button; their accessible names say which
 * cell, since a page has many.
 */
function renderCellTools(cell: AnalyzedCell, editHref: string | undefined, figure: string | undefined, explains: boolean): string {
  if (editHref === undefined && !explains) return "";
  const names = (verb: string, list: readonly string[]) => `the cell that ${verb} ${list.slice(0, 3).join(", ")}${list.length > 3 ? ", …" : ""}`;
  const imported = cell.imports.flatMap((i) => i.specifiers.map((s) => s.local));
  const which = figure ?? (cell.declarations.length ? names("defines", cell.declarations) : imported.length ? names("imports", imported) : "this cell");
  const edit = editHref === undefined ? "" : `<a class="wb-edit" href="${hrefOf(editHref)}#edit=${cell.id}" aria-label="Edit the code of ${escapeHtml(which)}">Edit</a>`;
  const explain = explains ? cellExplainButton(cell.id, figure ?? (cell.expression ? `the value of the cell at line ${cell.position.line}` : `the output of ${which}`)) : "";
  return `<div class="wb-cell-tools">${edit}${explain}</div>`;
}

function renderCell(cell: AnalyzedCell, output: string, labelNumber: (name: string) => number | undefined, editHref?: string, explains = false): string {
  const box = `<div class="wb-output" data-cell="${cell.id}">${output}</div>`;
  const echo = cell.echo ? `<pre class="wb-echo"><code class="language-${cell.lang}">${escapeHtml(cell.sourceText)}</code></pre>` : "";
  if (cell.label) {
    const number = labelNumber(cell.label);
    const kind = cell.label.startsWith("tbl-") ? "Table" : "Figure";
    const caption = `<figcaption><span class="wb-label">${kind} ${number ?? "?"}.</span> ${cell.captionHtml ?? ""}</figcaption>`;
    const tools = renderCellTools(cell, editHref, `${kind.toLowerCase()} ${number ?? "?"}`, explains);
    return `<figure class="wb-cell wb-figure" id="${escapeHtml(cell.label)}">${tools}${kind === "Table" ? caption + box : box + caption}${echo}</figure>`;
  }
  return `<div class="wb-cell" id="cell-${cell.id}">${renderCellTools(cell, editHref, undefined, explains)}${box}${echo}</div>`;
}

/** The page's h2 and h3 headings as list items, or "" when there are fewer than two. */
function tocItems(headings: readonly Heading[]): string {
  const items = headings.filter((h) => h.level === 2 || h.level === 3);
  if (items.length < 2) return "";
  return items.map((h) => `<li class="wb-toc-h${h.level}"><a href="#${escapeHtml(encodeURIComponent(h.id))}">${escapeHtml(h.text)}</a></li>`).join("");
}

function renderToc(headings: readonly Heading[]): string {
  const list = tocItems(headings);
  return list ? `<nav class="wb-toc" aria-label="Contents"><h2>Contents</h2><ol>${list}</ol></nav>` : "";
}

/**
 * The same contents as a disclosure at the top of the column, for widths where the sidebar list is hidden
 * (the stylesheet shows one or the other); it works without JavaScript.
 */
function renderCompactToc(headings: readonly Heading[]): string {
  const list = tocItems(headings);
  return list ? `<details class="wb-contents"><summary>Contents</summary><nav aria-label="Contents"><ol>${list}</ol></nav></details>\n` : "";
}

function renderPager(context: PageContext): string {
  if (!context.prev && !context.next) return "";
  const link = (rel: "prev" | "next", page: PageLink | undefined) =>
    page ? `<a rel="${rel}" href="${hrefOf(page.href)}"><span>${rel === "prev" ? "Previous" : "Next"}</span>${escapeHtml(page.title)}</a>` : "<span></span>";
  return `<nav class="wb-pager">${link("prev", context.prev)}${link("next", context.next)}</nav>`;
}

/**
 * Fills the prose's cell placeholders with outputs. Unknown placeholders are left as comments. With
 * `explains`, each cell whose output is not empty gets an Explain button (inline values get theirs from
 * the page's script, explain/controls.ts).
 */
export function fillCells(notebook: AnalyzedNotebook, outputs: Readonly<Record<string, string>>, editHref?: string, explains = false): string {
  const cells = new Map(notebook.cells.map((cell) => [cell.id, cell]));
  const numbers = new Map(notebook.labels.map((label) => [label.name, label.number]));
  // Cells the build did not run (```js browser and their dependents) hold a placeholder until the page runs them.
  const browserOnly = browserOnlyCells(notebook.cells);
  const answerCells = new Map((notebook.exercises ?? []).map((exercise) => [exercise.id, exercise.answerCell]));
  return notebook.html.replace(/<!--wb:(cell|inline|answer):([A-Za-z0-9_-]+)-->/g, (match, kind: string, id: string) => {
    // An exercise's answer, as its solution shows it (the build's check writes it; the page, when its cell ran only there).
    if (kind === "answer") {
      const answerCell = answerCells.get(id);
      const shown = outputs[`answer:${id}`] ?? (answerCell !== undefined && browserOnly.has(answerCell) ? browserPlaceholder(true) : "");
      return `<span class="${EXERCISE_CLASS.shown}">${shown}</span>`;
    }
    const cell = cells.get(id);
    if (!cell) return match;
    const output = browserOnly.has(id) ? (showsOutput(cell) ? browserPlaceholder(kind === "inline") : "") : (outputs[id] ?? "");
    if (kind === "inline") return `<span class="wb-inline" data-cell="${id}">${output}</span>`;
    return renderCell(cell, output, (name) => numbers.get(name), editHref, explains && output !== "");
  });
}

export function renderPage(notebook: AnalyzedNotebook, outputs: Readonly<Record<string, string>>, context: PageContext): string {
  const { toRoot, chrome } = context;
  const description = typeof notebook.frontMatter.description === "string" ? notebook.frontMatter.description : "";
  const head = [
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta http-equiv="Content-Security-Policy" content="${context.contentSecurityPolicy ?? CONTENT_SECURITY_POLICY}">`,
    `<title>${escapeHtml(notebook.title)} · ${escapeHtml(context.siteTitle)}</title>`,
    // No favicon request (and no 404 in the console) unless static/ provides one.
    `<link rel="icon" href="${context.favicon ? hrefOf(toRoot + context.favicon) : "data:,"}">`,
    description ? `<meta name="description" content="${escapeHtml(description)}">` : "",
    ...context.stylesheets.map((href) => `<link rel="stylesheet" href="${hrefOf(toRoot + href)}">`),
    // Inline styles are allowed by the CSP (style-src 'unsafe-inline'); "</" cannot end the element.
    ...(context.styles ?? []).map((css) => `<style>${css.replace(/<\//g, "<\\/")}</style>`),
    ...context.preload.map((href) => `<link rel="modulepreload" href="${hrefOf(toRoot + href)}">`),
    context.script ? `<script type="module" src="${hrefOf(toRoot + context.script)}"></script>` : "",
    context.script ? `<script src="${hrefOf(toRoot + FILE_NOTICE_SCRIPT)}" defer></script>` : "",
    ...(context.scripts ?? []).map((src) => `<script type="module" src="${hrefOf(toRoot + src)}"></script>`),
    chrome?.script ? `<script type="module" src="${hrefOf(toRoot + chrome.script)}"></script>` : "",
    ...(context.head ?? []),
    chrome?.head ?? "",
    renderFiles(context.files, toRoot),
  ].filter(Boolean);
  const editPage = context.editHref ? `<a class="wb-edit-page" href="${hrefOf(context.editHref)}">Edit this page</a>` : "";
  const hasTitle = /^\s*<h1[\s>]/.test(notebook.html);
  const sidebar = chrome ? renderSidebar(chrome.nav, context.output, toRoot) : "";
  const header = [sidebar ? renderSidebarToggle() : "", context.homeLink === false ? `<span class="wb-home">${escapeHtml(context.siteTitle)}</span>` : `<a class="wb-home" href="${hrefOf(`${toRoot}index.html`)}">${escapeHtml(context.siteTitle)}</a>`, chrome?.header ? `<div class="wb-header-extra">${chrome.header}</div>` : "", chrome?.search ? renderSearchBox() : "", editPage].join("");
  // A page that goes live explains its values; its data sits in the main column, which the edit twin's sandbox gets.
  const explains = context.script !== undefined && notebook.cells.length > 0;
  // data-root: the site root from this page, for the chrome's script (the search index, its results).
  return `<!doctype html>
<html lang="en" data-root="${escapeHtml(toRoot)}">
<head>
${head.join("\n")}
</head>
<body>
<header class="wb-header">${header}</header>
<div class="wb-layout">
${context.toc === false ? "" : renderToc(notebook.headings)}
<main class="wb-main">
${context.toc === false ? "" : renderCompactToc(notebook.headings)}${hasTitle ? "" : `<h1>${escapeHtml(notebook.title)}</h1>
`}${fillCells(notebook, outputs, context.editHref, explains)}
${context.exercises ? `${renderProgress(context.exercises)}\n` : ""}${context.appendix ?? ""}
${renderPager(context)}
${explains ? `${explainDataScript(notebook, outputs)}\n` : ""}</main>
${sidebar}
</div>
${renderFooter(chrome?.footer)}${context.bodyEnd ?? ""}</body>
</html>
`;
}
