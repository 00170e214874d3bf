// Every page with cells gets an edit twin at `_edit/<page>.html`: the same prerendered page, whose CSP
// also allows eval (an edited cell becomes a function in the page, which a read page's policy forbids,
// and a meta CSP cannot be relaxed after load), which loads the editor, and which carries every cell's
// source for it. (Edited code itself runs in the twin's sandbox frame, see src/editor/main.ts.) Read
// pages stay strict and small: they only link here. No notebook can write under
// `_edit/`: folders starting with _ are never notebooks.
import type { CellSource } from "../editor/compile.ts";
import type { PageData } from "../editor/page-data.ts";
import type { AnalyzedNotebook } from "../notebook/types.ts";
import { toRootOf } from "./site-paths.ts";
import { CONTENT_SECURITY_POLICY, hrefOf, type PageContext, type PageLink } from "./render.ts";
import { urlOfPath } from "./url-path.ts";

export const EDIT_DIR = "_edit";

/** The sandbox document beside the editor's scripts (written by publish/editor-bundle.ts). */
export const SANDBOX_PAGE = "sandbox.html";

/** The read policy plus 'unsafe-eval' for scripts: nothing else is relaxed. */
export const EDIT_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'");

/** "chapters/energy.html" → "_edit/chapters/energy.html". */
export function editPagePath(output: string): string {
  return `${EDIT_DIR}/${output}`;
}

/** The read page's context, with its cells and header linked to the twin. */
export function readPageContext(context: PageContext, output: string): PageContext {
  return { ...context, editHref: toRootOf(output) + editPagePath(output) };
}

export interface EditScripts {
  /** The editor's entry, relative to the site root. */
  readonly editor: string;
  /** The whole kernel's module, relative to the site root (scratch cells and new imports use it). */
  readonly kernel: string;
}

/** The twin's context: the same page, seen from `_edit/`, with the editor and the cells' sources. */
export function editPageContext(context: PageContext, output: string, notebook: AnalyzedNotebook, scripts: EditScripts): PageContext {
  const path = editPagePath(output);
  const toRoot = toRootOf(path);
  const readPage = toRoot + output;
  const relink = (link: PageLink | undefined) => link && { ...link, href: toRoot + link.href.replace(/^(\.\.\/)*/, "") };
  // The editor uses these as URLs (a link back, an import): encoded like every href.
  const data: PageData = {
    readPage: urlOfPath(readPage),
    kernel: urlOfPath(toRoot + scripts.kernel),
    cells: notebook.cells.map(cellSource),
    // Edited code runs in a sandbox (src/editor/main.ts), which runs the page's own module.
    root: toRoot,
    page: context.script ? urlOfPath(toRoot + context.script) : "",
    sandbox: urlOfPath(toRoot + scripts.editor.replace(/[^/]*$/, SANDBOX_PAGE)),
    notebook: notebook.path,
  };
  return {
    ...context,
    toRoot,
    prev: relink(context.prev),
    next: relink(context.next),
    editHref: "",
    contentSecurityPolicy: EDIT_CONTENT_SECURITY_POLICY,
    scripts: [scripts.editor],
    head: [`<meta name="robots" content="noindex">`, `<link rel="canonical" href="${hrefOf(readPage)}">`],
    bodyEnd: `<script type="application/json" id="wb-edit-data">${jsonForScript(data)}</script>\n`,
  };
}

/** What the editor carries of a cell: its code, where it is, and what the notebook-wide checks need. */
export function cellSource({ id, kind, lang, sourceText, position, imports, expression, declarationPositions, browser }: AnalyzedNotebook["cells"][number]): CellSource {
  const declared = !expression && declarationPositions?.length ? { declarationPositions } : {};
  return { id, kind, lang, sourceText, position, ...(imports.length ? { imports } : {}), ...declared, ...(browser ? { browser } : {}) };
}

/** JSON that cannot end its <script> element or open a comment inside it. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
