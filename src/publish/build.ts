// `wattbook build`: notebooks → a static site. Every notebook is compiled, bundled, evaluated in a
// worker and rendered into a temporary folder beside the output; only a build without a single error
// replaces the output folder, in one rename. A failed build lists every error and leaves the previous
// site exactly as it was.
import { existsSync, statSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { LocatedError, LocatedErrors } from "../notebook/errors.ts";
import type { AnalyzedNotebook } from "../notebook/types.ts";
import { copySiteAssets, staticLinkProblems, STYLESHEETS } from "./assets.ts";
import { ASSETS_DIR, BundleError, LIBRARY_DIR } from "./bundle.ts";
import { emitNotebook, type EmittedNotebook } from "./emit.ts";
import { copyLibrary, ensureLibrary } from "./library.ts";
import { DEFAULT_LIMITS, EvaluationPool, type EvaluationLimits } from "./evaluate.ts";
import { bundleErrors, compileNotebookText, evaluationErrors, pageOutputPath, readNotebookFile, sortErrors, toRootOf, type Compiled } from "./phases.ts";
import { indexAppendix, renderIndex } from "./index-page.ts";
import { makeDirectory } from "./output-dir.ts";
import { scanNotebooks, type SkippedFile } from "./notebook-files.ts";
import { refuseOut, SITE_MARKER, siteMarker } from "./out-guard.ts";
import { renderPage, type PageContext, type PageLink } from "./render.ts";
import { editPageContext, editPagePath, readPageContext, type EditScripts } from "./edit-twin.ts";
import { copyEditor, EDITOR_DIR, ensureEditor, type EditorBundle } from "./editor-bundle.ts";

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
  /**
   * `out` is a scratch folder of the caller's, removed after (check): it is not guarded. Otherwise an
   * `out` whose replacement could lose anything is refused (out-guard.ts).
   */
  readonly scratchOut?: boolean;
}

export interface ProgressEvent {
  readonly file: string;
  readonly ok: boolean;
  readonly cells: number;
  /** Exercises checked in the notebook. */
  readonly exercises?: number;
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
  /** Exercises in the notebooks that compiled. */
  readonly exercises: number;
  /** Files under the root that look like notebooks but are skipped by rule (see notebook-files.ts). */
  readonly skipped: readonly SkippedFile[];
  /**
   * Milliseconds per phase (for `npm run bench`). Compiling and evaluating overlap: `compile` is the
   * main thread's pass over the notebooks, `evaluate` the wait for the workers after it.
   */
  readonly phasesMs: Readonly<Record<"compile" | "evaluate" | "write", number>>;
}

/** The notebooks under `root` by the rule in notebook-files.ts, as sorted forward-slash paths relative to it. */
export async function findNotebooks(root: string): Promise<string[]> {
  return (await scanNotebooks(root)).notebooks;
}
export { isNotebookPath, judgeEntry, scanNotebooks, skippedLine, type SkippedFile } from "./notebook-files.ts";

function relativeHref(from: string, to: string): string {
  return toRootOf(from) + to;
}

async function writeFileDeep(file: string, contents: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, contents);
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const phasesMs = { compile: 0, evaluate: 0, write: 0 };
  let phaseStarted = started;
  const endPhase = (phase: keyof typeof phasesMs) => {
    const now = performance.now();
    phasesMs[phase] = now - phaseStarted;
    phaseStarted = now;
  };
  const limits = options.limits ?? DEFAULT_LIMITS;
  const displayRoot = path.relative(options.projectRoot, options.root) || ".";
  const errors: LocatedError[] = [];
  const shown = (file: string) => path.relative(options.projectRoot, file) || ".";
  const located = (reason: string, file: string, hint: string) => new LocatedError(reason, { file, position: { line: 1, column: 1 }, hint });
  const stop = (reason: string, file: string, hint: string): BuildResult => {
    errors.push(located(reason, file, hint));
    return { ok: false, errors, pages: [], scripts: new Map(), elapsedMs: performance.now() - started, exercises: 0, skipped: [], phasesMs };
  };
  if (!existsSync(options.root)) return stop("the notebooks folder does not exist", displayRoot, "create it, or pass --root");
  if (!statSync(options.root).isDirectory()) return stop("the notebooks folder is a file, not a folder", displayRoot, "pass --root the folder that holds the .md notebooks");
  // The output folder is replaced at the end: one whose loss would cost anything is refused now.
  const refused = options.scratchOut ? undefined : refuseOut(options);
  if (refused) return stop(refused.reason, shown(options.out), refused.hint);
  const linkProblems = await staticLinkProblems(options.staticDir);
  if (linkProblems.length) {
    const hint = "copy the file into the static folder instead of linking it (the site is meant to be published)";
    errors.push(...linkProblems.map((problem) => located(problem.reason, shown(problem.link), hint)));
    return { ok: false, errors, pages: [], scripts: new Map(), elapsedMs: performance.now() - started, exercises: 0, skipped: [], phasesMs };
  }
  // The site is written beside the output folder first; a place where that cannot be fails now.
  const tempOut = `${options.out}.tmp-${process.pid}-${Date.now().toString(36)}`;
  try {
    await makeDirectory(tempOut);
  } catch (error) {
    const where = path.relative(options.projectRoot, options.out) || options.out;
    return stop(`cannot write the site there: ${(error as Error).message}`, where, "pass --out a folder you may write to");
  }
  // Workers start and the library is found (or bundled) while the first notebooks compile.
  const pool = options.pool ?? new EvaluationPool(limits);
  pool.warm();
  const library = ensureLibrary();
  library.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  // The editor (only edit pages load it) bundles, when not cached, while the notebooks evaluate.
  const editor = library.then(() => ensureEditor());
  editor.catch(() => {});
  const scripts = new Map<string, number>();
  try {
    const { notebooks: sources, skipped } = await scanNotebooks(options.root);
    let ready: Promise<void> | undefined;
    const prepareSite = () =>
      (ready ??= (async () => {
        await copyLibrary(await library, path.join(tempOut, LIBRARY_DIR));
        for (const [file, bytes] of (await library).files) scripts.set(`${LIBRARY_DIR}/${file}`, bytes);
        // Node must read the site's scripts as ES modules wherever the output folder lives.
        await writeFile(path.join(tempOut, ASSETS_DIR, "package.json"), '{"type":"module"}\n');
      })());

    // A pipeline: the main thread compiles notebook after notebook while the workers evaluate the
    // ones already written. Every error is kept; none stops the others.
    const compiled: Compiled[] = [];
    const emitted = new Map<string, EmittedNotebook>();
    const outputs = new Map<string, Record<string, string>>();
    const evaluations: Promise<void>[] = [];
    const emitAndEvaluate = async (c: Compiled, t0: number): Promise<void> => {
      await prepareSite();
      let emit: EmittedNotebook;
      try {
        emit = await emitNotebook(c, { outDir: tempOut, library: await library, projectRoot: options.projectRoot });
      } catch (error) {
        if (error instanceof LocatedErrors) errors.push(...error.errors);
        else if (error instanceof BundleError) errors.push(...bundleErrors(error, [c]));
        else throw error;
        options.progress?.({ file: c.file, ok: false, cells: c.notebook.cells.length, exercises: c.notebook.exercises?.length ?? 0, elapsedMs: performance.now() - t0 });
        return;
      }
      emitted.set(c.source, emit);
      for (const [file, bytes] of emit.files) scripts.set(file, bytes);
      const evaluation = await pool.evaluate(pathToFileURL(path.join(tempOut, emit.notebook)).href);
      const found = evaluationErrors(c, evaluation, limits);
      errors.push(...found);
      if (evaluation.type === "result") outputs.set(c.source, evaluation.outputs);
      options.progress?.({ file: c.file, ok: found.length === 0, cells: c.notebook.cells.length, exercises: c.notebook.exercises?.length ?? 0, elapsedMs: performance.now() - t0 });
    };
    const texts = await Promise.all(sources.map((source) => readNotebookFile(options.projectRoot, options.root, source)));
    // Longest first: the notebooks that take the workers longest start earliest, so none is left
    // running alone at the end. (Pages and errors are sorted later; this order is only the schedule.)
    texts.sort((a, b) => (b.text?.length ?? 0) - (a.text?.length ?? 0));
    let lastYield = performance.now();
    for (const text of texts) {
      const t0 = performance.now();
      const result = compileNotebookText(text);
      errors.push(...result.errors);
      if (result.compiled) {
        compiled.push(result.compiled);
        evaluations.push(emitAndEvaluate(result.compiled, t0));
      } else options.progress?.({ file: text.file, ok: false, cells: 0, elapsedMs: 0 });
      // Compiling is synchronous; let writes finish and workers receive their next notebook now and then.
      if (performance.now() - lastYield > 8) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
    }
    endPhase("compile");
    await Promise.all(evaluations);
    endPhase("evaluate");

    const pages: PageRecord[] = compiled
      .map((c) => ({
        source: c.source,
        output: pageOutputPath(c.source),
        title: c.notebook.title,
        description: typeof c.notebook.frontMatter.description === "string" ? c.notebook.frontMatter.description : "",
        order: typeof c.notebook.frontMatter.order === "number" ? c.notebook.frontMatter.order : Number.POSITIVE_INFINITY,
        script: c.notebook.cells.length ? emitted.get(c.source)?.page : undefined,
      }))
      .filter((page) => emitted.has(page.source))
      .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));

    // Exercises per notebook, for the progress box: progress across the site counts unopened pages too.
    const siteExercises = Object.fromEntries(compiled.filter((c) => c.notebook.exercises?.length).map((c) => [c.notebook.path, c.notebook.exercises!.length]));
    const exerciseCount = Object.values(siteExercises).reduce((sum, n) => sum + n, 0);
    if (errors.length) {
      await rm(tempOut, { recursive: true, force: true });
      return { ok: false, errors: sortErrors(errors), pages, scripts: new Map(), elapsedMs: performance.now() - started, exercises: exerciseCount, skipped, phasesMs };
    }

    await prepareSite();
    await rm(path.join(tempOut, ASSETS_DIR, "package.json"));
    const editScripts = pages.some((page) => page.script) ? await copyEditorInto(tempOut, await editor, (await library).kernel, scripts) : undefined;
    const siteTitle = options.siteTitle ?? "wattbook";
    const sequence = pages.filter((p) => p.output !== "index.html");
    const byOutput = new Map(compiled.map((c) => [pageOutputPath(c.source), c]));
    await Promise.all(
      pages.map(async (page) => {
        const c = byOutput.get(page.output)!;
        const at = sequence.indexOf(page);
        const link = (other: PageRecord | undefined): PageLink | undefined => (other ? { href: relativeHref(page.output, other.output), title: other.title } : undefined);
        const context: PageContext = {
          siteTitle,
          toRoot: toRootOf(page.output),
          stylesheets: STYLESHEETS,
          script: page.script,
          preload: page.script ? emitted.get(c.source)!.preload : [],
          prev: at > 0 ? link(sequence[at - 1]) : undefined,
          next: at >= 0 ? link(sequence[at + 1]) : undefined,
          appendix: page.output === "index.html" ? indexAppendix(c.notebook.html, sequence) : undefined,
          exercises: c.notebook.exercises?.length ? { page: c.notebook.exercises.length, site: siteExercises } : undefined,
        };
        const pageOutputs = outputs.get(c.source) ?? {};
        if (!page.script || !editScripts) return writeFileDeep(path.join(tempOut, page.output), renderPage(c.notebook, pageOutputs, context));
        // A page with cells links to its edit twin, the same page that also loads the cell editor.
        await Promise.all([
          writeFileDeep(path.join(tempOut, page.output), renderPage(c.notebook, pageOutputs, readPageContext(context, page.output))),
          writeFileDeep(path.join(tempOut, editPagePath(page.output)), renderPage(c.notebook, pageOutputs, editPageContext(context, page.output, c.notebook, editScripts))),
        ]);
      }),
    );
    if (!byOutput.has("index.html")) await writeFileDeep(path.join(tempOut, "index.html"), renderIndexPage(siteTitle, sequence));
    await copySiteAssets(tempOut, options.staticDir);
    // Last, so static/ cannot replace it: the next build knows this folder for a site it may replace.
    await writeFileDeep(path.join(tempOut, SITE_MARKER), siteMarker(pages.map((page) => page.output)));
    await swapInto(tempOut, options.out);
    endPhase("write");
    return { ok: true, errors: [], pages, scripts, elapsedMs: performance.now() - started, exercises: exerciseCount, skipped, phasesMs };
  } catch (error) {
    await rm(tempOut, { recursive: true, force: true });
    throw error;
  } finally {
    if (!options.pool) await pool.close();
  }
}

/** Puts the editor into the site; returns where edit pages find it and the page's kernel. */
async function copyEditorInto(site: string, editor: EditorBundle, kernel: string, scripts: Map<string, number>): Promise<EditScripts> {
  await copyEditor(editor, path.join(site, EDITOR_DIR));
  for (const [file, bytes] of editor.files) scripts.set(`${EDITOR_DIR}/${file}`, bytes);
  return { editor: `${EDITOR_DIR}/${editor.entry}`, kernel: `${LIBRARY_DIR}/${kernel}` };
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


