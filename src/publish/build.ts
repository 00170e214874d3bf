// `wattbook build`: notebooks → a static site. Every notebook is compiled, bundled, evaluated in a
// worker and rendered into a temporary folder beside the output; only a build without a single error
// replaces the output folder, in one rename. A failed build lists every error and leaves the previous
// site exactly as it was.
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { LocatedError, excerptAt } from "../notebook/errors.ts";
import type { AnalyzedNotebook } from "../notebook/types.ts";
import { copySiteAssets, STYLESHEETS } from "./assets.ts";
import { ASSETS_DIR, BundleError, bundleSite, LIBRARY_DIR } from "./bundle.ts";
import { copyLibrary, ensureLibrary } from "./library.ts";
import { DEFAULT_LIMITS, EvaluationPool, type EvaluationLimits } from "./evaluate.ts";
import { bundleErrors, compileNotebookFile, evaluationErrors, pageOutputPath, sortErrors, toRootOf, type Compiled } from "./phases.ts";
import { renderIndex } from "./index-page.ts";
import { renderPage, type PageLink } from "./render.ts";

export interface BuildOptions {
  /** The project root: notebooks' bare imports resolve from its node_modules. */
  readonly projectRoot: string;
  /** Folder of notebooks (absolute). */
  readonly root: string;
  /** Output folder (absolute). */
  readonly out: string;
  /** Folder of static files copied into the site (absolute); skipped when missing. */
  readonly staticDir?: string;
  readonly limits?: EvaluationLimits;
  readonly siteTitle?: string;
  /** One line per notebook as it finishes. */
  readonly progress?: (event: ProgressEvent) => void;
  /** Reuse a pool across builds (preview); otherwise one is created and closed. */
  readonly pool?: EvaluationPool;
}

export interface ProgressEvent {
  readonly file: string;
  readonly ok: boolean;
  readonly cells: number;
  readonly elapsedMs: number;
}

export interface PageRecord {
  readonly source: string; // notebook path relative to root ("energy.md")
  readonly output: string; // page path relative to out ("energy.html")
  readonly title: string;
  readonly description: string;
  readonly order: number;
  readonly script: string | undefined;
}

export interface BuildResult {
  readonly ok: boolean;
  readonly errors: readonly LocatedError[];
  readonly pages: readonly PageRecord[];
  /** Output JS files and their sizes, relative to out. */
  readonly scripts: ReadonlyMap<string, number>;
  readonly elapsedMs: number;
  /** Milliseconds spent in each phase (for `npm run bench`). */
  readonly phasesMs: Readonly<Record<"compile" | "bundle" | "evaluate" | "write", number>>;
}

/** Every .md file under `root`, as sorted forward-slash paths relative to it. Folders starting with _ or . are skipped. */
export async function findNotebooks(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, prefix: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name.startsWith("_")) continue;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.isFile() && entry.name.endsWith(".md")) found.push(`${prefix}${entry.name}`);
    }
  };
  await walk(root, "");
  return found.sort();
}

function relativeHref(from: string, to: string): string {
  return toRootOf(from) + to;
}

async function writeFileDeep(file: string, contents: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, contents);
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const phasesMs = { compile: 0, bundle: 0, evaluate: 0, write: 0 };
  let phaseStarted = started;
  const endPhase = (phase: keyof typeof phasesMs) => {
    const now = performance.now();
    phasesMs[phase] = now - phaseStarted;
    phaseStarted = now;
  };
  const limits = options.limits ?? DEFAULT_LIMITS;
  const displayRoot = path.relative(options.projectRoot, options.root) || ".";
  const errors: LocatedError[] = [];
  // The library bundle and the workers' start-up run while the notebooks compile.
  const pool = options.pool ?? new EvaluationPool(limits);
  pool.warm();
  const library = ensureLibrary();
  library.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  const sources = existsSync(options.root) ? await findNotebooks(options.root) : [];
  if (!existsSync(options.root)) {
    errors.push(new LocatedError(`the notebooks folder does not exist`, { file: displayRoot, position: { line: 1, column: 1 }, hint: "create it, or pass --root" }));
  }

  // Compile every notebook, keeping all errors.
  const compiled: Compiled[] = [];
  for (const source of sources) {
    const result = await compileNotebookFile(options.projectRoot, options.root, source);
    if (result.compiled) compiled.push(result.compiled);
    else options.progress?.({ file: path.join(displayRoot, source).split(path.sep).join("/"), ok: false, cells: 0, elapsedMs: 0 });
    errors.push(...result.errors);
  }

  endPhase("compile");
  const tempOut = `${options.out}.tmp-${process.pid}-${Date.now().toString(36)}`;
  try {
    // Bundle everything that compiled; a bundling error (say, an import that doesn't resolve) names the notebook.
    let bundle: Awaited<ReturnType<typeof bundleSite>> | undefined;
    try {
      await copyLibrary(await library, path.join(tempOut, LIBRARY_DIR));
      bundle = await bundleSite(
        compiled.map((c) => ({ path: c.source, module: c.module })),
        { outDir: tempOut, projectRoot: options.projectRoot, library: await library },
      );
    } catch (error) {
      if (!(error instanceof BundleError)) throw error;
      errors.push(...bundleErrors(error, compiled));
    }

    endPhase("bundle");
    const outputs = new Map<string, Record<string, string>>();
    if (bundle) {
      // Node must read the bundled chunks as ES modules wherever the output folder lives.
      const moduleMarker = path.join(tempOut, ASSETS_DIR, "package.json");
      await writeFile(moduleMarker, '{"type":"module"}\n');
      await Promise.all(
        compiled.map(async (c) => {
          const t0 = performance.now();
          const evaluation = await pool.evaluate(pathToFileURL(path.join(tempOut, bundle!.pages.get(c.source)!.notebook)).href);
          const found = evaluationErrors(c, evaluation, limits);
          errors.push(...found);
          if (evaluation.type === "result") outputs.set(c.source, evaluation.outputs);
          options.progress?.({ file: c.file, ok: found.length === 0, cells: c.notebook.cells.length, elapsedMs: performance.now() - t0 });
        }),
      );
      await rm(moduleMarker);
    }
    endPhase("evaluate");

    const pages: PageRecord[] = compiled
      .map((c) => ({
        source: c.source,
        output: pageOutputPath(c.source),
        title: c.notebook.title,
        description: typeof c.notebook.frontMatter.description === "string" ? c.notebook.frontMatter.description : "",
        order: typeof c.notebook.frontMatter.order === "number" ? c.notebook.frontMatter.order : Number.POSITIVE_INFINITY,
        script: c.notebook.cells.length ? bundle?.pages.get(c.source)?.page : undefined,
      }))
      .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));

    if (errors.length || !bundle) {
      await rm(tempOut, { recursive: true, force: true });
      return { ok: false, errors: sortErrors(errors), pages, scripts: new Map(), elapsedMs: performance.now() - started, phasesMs };
    }

    const siteTitle = options.siteTitle ?? "wattbook";
    const sequence = pages.filter((p) => p.output !== "index.html");
    const byOutput = new Map(compiled.map((c) => [pageOutputPath(c.source), c]));
    for (const page of pages) {
      const c = byOutput.get(page.output)!;
      const at = sequence.indexOf(page);
      const link = (other: PageRecord | undefined): PageLink | undefined => (other ? { href: relativeHref(page.output, other.output), title: other.title } : undefined);
      const html = renderPage(c.notebook, outputs.get(c.source) ?? {}, {
        siteTitle,
        toRoot: toRootOf(page.output),
        stylesheets: STYLESHEETS,
        script: page.script,
        preload: page.script ? bundle.pages.get(c.source)!.preload : [],
        prev: at > 0 ? link(sequence[at - 1]) : undefined,
        next: at >= 0 ? link(sequence[at + 1]) : undefined,
        appendix: page.output === "index.html" ? renderIndex(sequence, "") : undefined,
      });
      await writeFileDeep(path.join(tempOut, page.output), html);
    }
    if (!byOutput.has("index.html")) await writeFileDeep(path.join(tempOut, "index.html"), renderIndexPage(siteTitle, sequence));
    await copySiteAssets(tempOut, options.staticDir);
    await swapInto(tempOut, options.out);
    const scripts = new Map([...bundle.files].filter(([file]) => file.endsWith(".js")));
    endPhase("write");
    return { ok: true, errors: [], pages, scripts, elapsedMs: performance.now() - started, phasesMs };
  } catch (error) {
    await rm(tempOut, { recursive: true, force: true });
    throw error;
  } finally {
    if (!options.pool) await pool.close();
  }
}

function renderIndexPage(siteTitle: string, pages: readonly PageRecord[]): string {
  const notebook: AnalyzedNotebook = { path: "index.md", frontMatter: { title: siteTitle }, title: siteTitle, html: "", headings: [], labels: [], cells: [] };
  return renderPage(notebook, {}, { siteTitle, toRoot: "", stylesheets: STYLESHEETS, preload: [], appendix: renderIndex(pages, "") });
}

/** Replaces `out` with `temp` in one rename; the old site is removed only after the new one is in place. */
async function swapInto(temp: string, out: string): Promise<void> {
  const old = `${out}.old-${process.pid}-${Date.now().toString(36)}`;
  const hadOld = existsSync(out);
  if (hadOld) await rename(out, old);
  try {
    await rename(temp, out);
  } catch (error) {
    if (hadOld) await rename(old, out);
    throw error;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}


