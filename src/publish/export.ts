// `wattbook export NOTEBOOK.md --out FILE.html`: one notebook as one HTML file that works anywhere,
// from file:// and with no network. The notebook is built by the build itself (one compile, one
// evaluation in Node: the same prerendered values, errors and cache), as a site of one page in a
// scratch folder; then its page is rendered once more with everything the page loads inside it:
//   the page's module, its notebook, the runtime, kernel, Plot, Inputs and packages, bundled by esbuild
//     into one classic script (a module script would not run from file://, nor a dynamic import);
//   KaTeX's stylesheet with the fonts the page uses, and the theme (inline-styles.ts);
//   attached files, as data: URLs in the page's table of files.
// The page keeps a strict Content-Security-Policy: its one script is allowed by its SHA-256 hash, nothing
// is loaded from anywhere, and styles stay inline as on the site (Plot and Inputs write style
// attributes and <style> elements as they render).
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { build as esbuild } from "esbuild";
import { locatedError, type LocatedError } from "../notebook/errors.ts";
import { diagnostic, type Diagnostic } from "../notebook/messages.ts";
import type { AttachedFile } from "../runtime/file-attachment.ts";
import { STYLESHEETS, THEME_FILE } from "./assets.ts";
import type { Attachment } from "./attachments.ts";
import { buildSite, type ProgressEvent, type WrittenPage } from "./build.ts";
import type { EvaluationLimits } from "./evaluate.ts";
import { EXPORT_GENERATOR, notebookProblem, outProblem, within } from "./export-guard.ts";
import { leaveOutPlugin, partsLeftOut } from "./export-parts.ts";
import { ensureLibrary } from "./library.ts";
import { classesIn, cssForStyleElement, inlineFonts, usedFaces } from "./inline-styles.ts";
import { PACKAGE_ROOT } from "./package-root.ts";
import { renderFilesTable, renderPage } from "./render.ts";
import { DEFAULT_SITE_CONFIG, type SiteConfig } from "./site-config.ts";

export interface ExportOptions {
  /** The project root: where the cache and packages are, and what errors name files relative to. */
  readonly projectRoot: string;
  /** The notebook (absolute). */
  readonly notebook: string;
  /**
   * The notebooks folder (absolute): what FileAttachment paths and local modules resolve within. The
   * notebook's own folder when it does not lie inside this one.
   */
  readonly root: string;
  /** The export (absolute). */
  readonly out: string;
  /** A project's static folder: its wattbook.css, when it has one, restyles the export as it does the site. */
  readonly staticDir?: string;
  readonly limits?: EvaluationLimits;
  readonly cache?: boolean;
  readonly typecheck?: "error" | "warn" | "off";
  /** The project's site configuration (its title names the export; editing is off in an export). */
  readonly site?: SiteConfig;
  readonly progress?: (event: ProgressEvent) => void;
}

export interface ExportResult {
  readonly ok: boolean;
  readonly errors: readonly LocatedError[];
  readonly warnings: readonly LocatedError[];
  /** The export's size, when written. */
  readonly sizeBytes?: number;
  /** The KaTeX fonts it carries (woff2 file names). */
  readonly fonts?: readonly string[];
  readonly elapsedMs: number;
}

/** The CSP of an export: its one script by hash, and nothing from anywhere but the page itself. */
export function exportContentSecurityPolicy(scriptHashes: readonly string[]): string {
  const scripts = scriptHashes.map((hash) => `'${hash}'`).join(" ") || "'none'";
  return `default-src 'none'; script-src ${scripts}; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src data:; object-src 'none'; base-uri 'none'; form-action 'none'`;
}

/** The CSP source of an inline element's text: its SHA-256, as browsers hash it (UTF-8). */
export function inlineHash(text: string): string {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}

export async function exportNotebook(options: ExportOptions): Promise<ExportResult> {
  const started = performance.now();
  const shown = (file: string) => path.relative(options.projectRoot, file).split(path.sep).join("/") || file;
  const fail = (found: Diagnostic, file: string): ExportResult => ({ ok: false, errors: [locatedError(found, { file: shown(file), position: { line: 1, column: 1 } })], warnings: [], elapsedMs: performance.now() - started });
  const notebookFault = notebookProblem(options.notebook);
  if (notebookFault) return fail(notebookFault, options.notebook);
  const root = within(options.notebook, options.root) ? options.root : path.dirname(options.notebook);
  const outFault = outProblem({ notebook: options.notebook, out: options.out, root });
  if (outFault) return fail(outFault, options.out);
  try {
    await mkdir(path.dirname(options.out), { recursive: true });
  } catch (error) {
    return fail(diagnostic("export-out-unwritable", { reason: (error as Error).message }), options.out);
  }

  const sourcePath = path.relative(root, options.notebook).split(path.sep).join("/");
  const site: SiteConfig = { ...DEFAULT_SITE_CONFIG, ...options.site };
  const scratch = path.join(options.projectRoot, ".wattbook-cache", `export-${process.pid}-${Date.now().toString(36)}`);
  let written: WrittenPage | undefined;
  try {
    const built = await buildSite({
      projectRoot: options.projectRoot,
      root,
      out: scratch,
      scratchOut: true,
      only: [sourcePath],
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.cache === false ? { cache: false } : {}),
      ...(options.typecheck ? { typecheck: options.typecheck } : {}),
      ...(options.progress ? { progress: options.progress } : {}),
      // An export has no edit twin: the editor is neither bundled nor linked.
      site: { ...site, editing: false },
      pageWritten: (page) => (written = page),
    });
    if (!built.ok || !written) return { ok: false, errors: built.errors, warnings: built.warnings, elapsedMs: performance.now() - started };
    const html = await renderExport(written, scratch, options.staticDir, site);
    const temp = `${options.out}.tmp-${process.pid}`;
    try {
      await writeFile(temp, html.text);
      await rename(temp, options.out);
    } catch (error) {
      await rm(temp, { force: true });
      return { ...fail(diagnostic("export-out-unwritable", { reason: (error as Error).message }), options.out), warnings: built.warnings };
    }
    return { ok: true, errors: [], warnings: built.warnings, sizeBytes: Buffer.byteLength(html.text), fonts: html.fonts, elapsedMs: performance.now() - started };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The page of one notebook with everything it loads inside it. `siteDir`: the built site it came from. */
async function renderExport({ page, outputs, attachments }: WrittenPage, siteDir: string, staticDir: string | undefined, site: SiteConfig): Promise<{ text: string; fonts: string[] }> {
  const { notebook } = page;
  const script = page.script ? scriptForInline(await bundlePage(path.join(siteDir, page.script), partsLeftOut(notebook, await ensureLibrary()))) : undefined;
  // The page as it will be, to find which KaTeX faces its math uses.
  const bare = renderPage(notebook, outputs, { siteTitle: site.title, toRoot: "", stylesheets: [], preload: [] });
  const styles = await stylesFor(bare, siteDir, staticDir);
  const files = attachments.length ? renderFilesTable(await filesAsData(attachments)) : "";
  const exercises = notebook.exercises?.length ? { page: notebook.exercises.length, site: { [notebook.path]: notebook.exercises.length } } : undefined;
  const text = renderPage(notebook, outputs, {
    siteTitle: site.title,
    toRoot: "",
    stylesheets: [],
    preload: [],
    homeLink: false,
    contentSecurityPolicy: exportContentSecurityPolicy(script ? [inlineHash(script)] : []),
    head: [EXPORT_GENERATOR, `<style>${styles.css}</style>`, ...(files ? [files] : [])],
    ...(exercises ? { exercises } : {}),
    // At the end of the body: a classic script runs where it stands, and the page it hydrates is above it.
    ...(script ? { bodyEnd: `<script>${script}</script>\n` } : {}),
  });
  return { text, fonts: styles.fonts };
}

/**
 * The page's module and all it imports (the notebook, the library's runtime and kernel, packages) as
 * one classic script, without the library's parts it never loads (export-parts.ts).
 */
async function bundlePage(entry: string, leftOut: ReadonlyMap<string, string>): Promise<string> {
  const result = await esbuild({
    entryPoints: [entry],
    bundle: true,
    // Without splitting, esbuild puts what a dynamic import loads (Plot, Inputs, exercises) into the one file.
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    charset: "utf8",
    legalComments: "none",
    write: false,
    logLevel: "silent",
    plugins: [leaveOutPlugin(leftOut)],
  });
  return result.outputFiles[0]!.text;
}

/** Script text that cannot end its <script> element early or open an HTML comment in it. */
function scriptForInline(code: string): string {
  // `<\/script` means `</script` in a JavaScript string, template or regular expression alike.
  const text = code.replace(/<\/(script)/gi, "<\\/$1");
  if (/<!--/.test(text)) return text.replace(/<!--/g, "<\\!--");
  return text;
}

/** KaTeX's stylesheet (with the page's fonts) and the theme, as one stylesheet. */
async function stylesFor(html: string, siteDir: string, staticDir: string | undefined): Promise<{ css: string; fonts: string[] }> {
  const [katexPath, themePath] = STYLESHEETS.map((sheet) => path.join(siteDir, ...sheet.split("/")));
  const projectTheme = staticDir ? path.join(staticDir, THEME_FILE) : undefined;
  const theme = await readFile(projectTheme && existsSync(projectTheme) ? projectTheme : (themePath ?? path.join(PACKAGE_ROOT, "static", THEME_FILE)), "utf8");
  const katex = await readFile(katexPath!, "utf8");
  const used = usedFaces(katex, classesIn(html));
  const inlined = await inlineFonts(katex, used, path.join(path.dirname(katexPath!), "fonts"));
  return { css: cssForStyleElement(`${inlined.css}\n${theme}`), fonts: inlined.fonts };
}

/** The page's table of files, each as a data: URL holding its bytes. */
async function filesAsData(attachments: readonly Attachment[]): Promise<Record<string, AttachedFile>> {
  const table: Record<string, AttachedFile> = {};
  for (const attachment of attachments) {
    const bytes = await readFile(attachment.source);
    table[attachment.path] = { url: `data:${attachment.mimeType.replace(/\s+/g, "")};base64,${bytes.toString("base64")}`, mimeType: attachment.mimeType, sizeBytes: attachment.sizeBytes };
  }
  return table;
}

