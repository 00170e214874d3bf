// `wattbook build`: notebooks → a static site. Each notebook is compiled once (src/notebook), its
// scripts emitted, evaluated in a realm of its own on a worker, and its page rendered, all into a
// temporary folder beside the output; only a build without a single error replaces the output folder,
// in one rename. A failed build lists every error and leaves the previous site exactly as it was.
// What a notebook built to is kept in the build cache (build-cache.ts) by the content of everything
// that went into it: an unchanged notebook is neither compiled nor evaluated again, and the site
// written is the same, byte for byte, with or without the cache.
import { existsSync, rmSync, statSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type LocatedError, locatedError, LocatedErrors, sortLocatedErrors } from "../notebook/errors.ts";
import { diagnostic, type Diagnostic } from "../notebook/messages.ts";
import { browserOnlyCells } from "../notebook/browser-only.ts";
import { frontMatterWarnings } from "../notebook/frontmatter-keys.ts";
import type { AnalyzedNotebook } from "../notebook/types.ts";
import { copySiteAssets, staticLinkProblems } from "./assets.ts";
import { BuildCache, cacheDirOf, compiledFromCache, toolchainKey } from "./build-cache.ts";
import { LIBRARY_DIR } from "./site-layout.ts";
import { DEFAULT_SITE_CONFIG, type SiteConfig } from "./site-config.ts";
import type { PackageFiles } from "./package-files.ts";
import type { Compiled } from "./compile-for-site.ts";
import type { SnapshotValue } from "../runtime/snapshot-values.ts";
import { type EditScripts, SANDBOX_PAGE } from "./edit-twin.ts";
import { EDITOR_DIR, editorFiles, ensureEditor, type EditorBundle } from "./editor-bundle.ts";
import { displayWarnings } from "./display-warnings.ts";
import { type Attachment, evaluationAttachments, publishedFiles, resolveAttachments } from "./attachments.ts";
import { DataLoaders } from "./data-loader.ts";
import { pageOutputPath } from "./site-paths.ts";
import { emitNotebook, type EmittedNotebook } from "./emit.ts";
import { DEFAULT_LIMITS, EvaluationPool, type EvaluationLimits } from "./evaluate.ts";
import { ensureLibrary, type Library } from "./library.ts";
import { scanNotebooks, type SkippedFile } from "./notebook-files.ts";
import { refuseOut, SITE_MARKER, siteMarker } from "./out-guard.ts";
import { makeDirectory } from "./output-dir.ts";
import { PACKAGE_ROOT, WATTBOOK_VERSION } from "./package-root.ts";
import { readNotebookFile, type NotebookText } from "./read-notebook.ts";
import { editPagePath, makeSite, renderGeneratedIndex, renderSitePage, type Site, siteExercises, type SitePage, sitePage } from "./site-pages.ts";
import { notFoundTheme } from "./not-found.ts";
import { SEARCH_INDEX_FILE } from "../search/index-data.ts";
import { readSiteState, SiteWriter, writeSiteState } from "./site-writer.ts";

export interface BuildOptions {
  /** The project root: notebooks' bare imports resolve from its node_modules, and the cache lives in it. */
  readonly projectRoot: string;
  /** Folder of notebooks (absolute). */
  readonly root: string;
  /** Output folder (absolute). */
  readonly out: string;
  /** Folder of static files copied into the site (absolute); skipped when missing. */
  readonly staticDir?: string;
  readonly limits?: EvaluationLimits;
  /** The site's configuration (wattbook.config.js, see config/): its title, pages, header, footer, editing, toc, … */
  readonly site?: SiteConfig;
  /** The site's title when `site` gives none. */
  readonly siteTitle?: string;
  /** One line per notebook as it finishes. */
  readonly progress?: (event: ProgressEvent) => void;
  /** Reuse a pool across builds (preview); otherwise one is created (when a notebook needs it) and closed. */
  readonly pool?: EvaluationPool;
  /**
   * `out` is a scratch folder of the caller's, removed after (check): it is not guarded. Otherwise an
   * `out` whose replacement could lose anything is refused (out-guard.ts).
   */
  readonly scratchOut?: boolean;
  /** false: build every notebook afresh, neither reading nor writing the cache (`--no-cache`). */
  readonly cache?: boolean;
  /** The cache folder (default: cacheDirOf(projectRoot), see build-cache.ts). */
  readonly cacheDir?: string;
  /**
   * What a type error in a TypeScript cell does (typecheck.ts): fail the build (default), show as a
   * warning, or nothing (TypeScript cells are then only stripped).
   */
  readonly typecheck?: "error" | "warn" | "off";
  /** How long one data loader may run (default DEFAULT_LOADER_TIMEOUT_MS). */
  readonly loaderTimeoutMs?: number;
  /**
   * Build these notebooks only (paths relative to `root`), in place of every notebook under it: the
   * site of one notebook that `wattbook export` makes into one file.
   */
  readonly only?: readonly string[];
  /** Each page as it is written: what it was rendered from (`wattbook export` renders it once more, as one file). */
  readonly pageWritten?: (page: WrittenPage) => void;
}

/** A page of the site and what it was rendered from. */
export interface WrittenPage {
  readonly page: SitePage;
  readonly outputs: Readonly<Record<string, string>>;
  readonly attachments: readonly Attachment[];
}

export interface ProgressEvent {
  readonly file: string;
  readonly ok: boolean;
  readonly cells: number;
  /** Exercises checked in the notebook. */
  readonly exercises?: number;
  readonly elapsedMs: number;
  /** Taken from the cache: not compiled or evaluated in this build. */
  readonly fromCache?: boolean;
  /** Cells the build did not run, left to the reader's browser (```js browser and their dependents). */
  readonly browserOnly?: number;
}

export interface PageRecord {
  /** The notebook, relative to the notebooks root ("energy.md"). */
  readonly sourcePath: string;
  /** The page, relative to the site root ("energy.html"). */
  readonly output: string;
  readonly title: string;
  readonly description: string;
  readonly order: number;
  readonly script: string | undefined;
}

export interface BuildResult {
  readonly ok: boolean;
  readonly errors: readonly LocatedError[];
  /**
   * What the author should know but does not fail the build: a displayed value that is undefined because
   * it reads a property its object lacks (display-warnings.ts), type errors with typecheck "warn".
   */
  readonly warnings: readonly LocatedError[];
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
  /** How many notebooks came from the cache, and how many were evaluated in this build. */
  readonly notebooks: { readonly fromCache: number; readonly evaluated: number };
  /** Each notebook's declared values, for value snapshots (`wattbook check`); present when the build succeeded. */
  readonly values?: readonly NotebookValues[];
  /**
   * What the build left to the reader's browser (```js browser cells and their dependents), over every
   * notebook; present when the build succeeded. `exercises`: those whose answer only the browser computes,
   * which the build could not check.
   */
  readonly browserOnly?: BrowserOnlyCount;
}

/** A notebook and the values its names settled on. */
export interface NotebookValues {
  readonly compiled: Compiled;
  readonly values: Readonly<Record<string, SnapshotValue>>;
}

/** The notebooks under `root` by the rule in notebook-files.ts, as sorted forward-slash paths relative to it. */
export async function findNotebooks(root: string): Promise<string[]> {
  return (await scanNotebooks(root)).notebooks;
}
export { isNotebookPath, judgeEntry, scanNotebooks, skippedLine, type SkippedFile } from "./notebook-files.ts";

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
  const warnings: LocatedError[] = [];
  const typecheck = options.typecheck ?? "error";
  const notebooks = { fromCache: 0, evaluated: 0 };
  const failed = (skipped: readonly SkippedFile[] = [], exercises = 0): BuildResult => ({ ok: false, errors: sortLocatedErrors(errors), warnings: sortLocatedErrors(warnings), pages: [], scripts: new Map(), elapsedMs: performance.now() - started, exercises, skipped, phasesMs, notebooks });
  const shown = (file: string) => path.relative(options.projectRoot, file) || ".";
  // Errors about a folder (or a file in static/) rather than a notebook: located at its first line.
  const located = (found: Diagnostic, file: string) => locatedError(found, { file, position: { line: 1, column: 1 } });
  const stop = (found: Diagnostic, file: string): BuildResult => {
    errors.push(located(found, file));
    return failed();
  };
  if (!existsSync(options.root)) return stop(diagnostic("root-missing"), displayRoot);
  if (!statSync(options.root).isDirectory()) return stop(diagnostic("root-not-folder"), displayRoot);
  // The output folder is replaced at the end: one whose loss would cost anything is refused now.
  const refused = options.scratchOut ? undefined : refuseOut(options);
  if (refused) return stop(refused, shown(options.out));
  const linkProblems = await staticLinkProblems(options.staticDir);
  if (linkProblems.length) {
    errors.push(...linkProblems.map(({ link, problem }) => located(problem, shown(link))));
    return failed();
  }
  // The site is written beside the output folder first; a place where that cannot be fails now.
  const tempOut = `${options.out}.tmp-${process.pid}-${Date.now().toString(36)}`;
  try {
    await makeDirectory(tempOut);
  } catch (error) {
    const where = path.relative(options.projectRoot, options.out) || options.out;
    return stop(diagnostic("out-unwritable", { reason: (error as Error).message }), where);
  }
  // Workers start only when a notebook needs evaluating: a build served from the cache needs none.
  let ownPool: EvaluationPool | undefined;
  const moduleCacheDir = options.cache === false ? undefined : path.join(options.cacheDir ?? cacheDirOf(options.projectRoot), "realm-modules");
  const evaluationPool = () => options.pool ?? (ownPool ??= new EvaluationPool(limits, undefined, { moduleCacheDir }));
  const scripts = new Map<string, number>();
  const removeTemp = () => rm(tempOut, { recursive: true, force: true });
  try {
    // The compiler needs the library first (each kernel name is imported from its topic's file), and
    // the site needs it before the first evaluation: realms load it from the site's scripts folder.
    const library = await ensureLibrary();
    for (const [file, bytes] of library.files) scripts.set(`${LIBRARY_DIR}/${file}`, bytes);
    // The editor (only edit pages load it) bundles, when not cached, while the notebooks evaluate. A site
    // built without editing has no edit pages, and no editor.
    const siteConfig: SiteConfig = { ...DEFAULT_SITE_CONFIG, ...(options.siteTitle === undefined ? {} : { title: options.siteTitle }), ...options.site };
    const editor = siteConfig.editing ? ensureEditor() : undefined;
    editor?.catch(() => {});
    const cache = options.cache === false ? undefined : await openCache(options, library);
    // Workers take a while to start: start them now when every notebook will need one, else once the
    // cache has said which notebooks it lacks.
    if (!cache || (await cache.isEmpty())) evaluationPool().warm();
    const { notebooks: sourcePaths, skipped } = options.only ? { notebooks: [...options.only], skipped: [] } : await scanNotebooks(options.root);
    const texts = await Promise.all(sourcePaths.map((sourcePath) => readNotebookFile(options.projectRoot, options.root, sourcePath)));
    const keys = texts.map((text) => (cache && text.sourceText !== undefined ? cache.keyOf(text as { sourcePath: string; sourceText: string }, { limits, typecheck }) : undefined));
    const hits = await Promise.all(keys.map((key) => (cache && key ? cache.read(key) : undefined)));

    // Every notebook of the site as it becomes known: compiled and emitted (or from the cache), then with
    // its outputs. Once every notebook is compiled the site's pages are known, and from then on each
    // page is written as soon as its notebook has been evaluated, while the others still are.
    const built = new Map<string, Built>();
    const writer = new SiteWriter(tempOut, cache && !options.scratchOut && existsSync(options.out) ? { dir: options.out, state: readSiteState(cache.dir, options.out) } : undefined);
    // Package files (package-files.ts) are made when a notebook first imports a package, and each is
    // written once however many pages load it: before the first evaluation that loads it.
    let packageFiles: Promise<PackageFiles> | undefined;
    const packages = () => (packageFiles ??= import("./package-files.ts").then(({ PackageFiles }) => new PackageFiles({ projectRoot: options.projectRoot, toolchain: cache?.toolchain ?? "", ...(cache ? { cacheDir: cache.dir } : {}) })));
    const sharedWritten = new Set<string>();
    const writeShared = (files: readonly string[] | undefined, from: (file: string) => { text: string } | { copy: string }) => {
      for (const file of files ?? []) {
        if (sharedWritten.has(file)) continue;
        sharedWritten.add(file);
        const source = from(file);
        if ("text" in source) writer.write(file, source.text);
        else writer.copy(file, source.copy);
        scripts.set(file, statSync(path.join(tempOut, file)).size);
      }
    };
    // Realms read the library from the site's scripts folder: it is there before the first evaluation.
    for (const file of library.files.keys()) writer.copy(`${LIBRARY_DIR}/${file}`, path.join(library.dir, file));
    let site: Site | undefined;
    let editScripts: EditScripts | undefined;
    const writePage = (entry: Built) => {
      if (!site || !entry.outputs || errors.length) return;
      const page = site.pages.find((candidate) => candidate.sourcePath === entry.compiled.sourcePath)!;
      const rendered = renderSitePage(page, entry.outputs, site, editScripts, publishedFiles(entry.attachments));
      writer.writeAll(entry.emitted.files);
      for (const attachment of entry.attachments ?? []) writer.copy(attachment.published, attachment.source);
      writer.write(page.output, rendered.html);
      if (rendered.editHtml !== undefined) writer.write(editPagePath(page.output), rendered.editHtml);
      options.pageWritten?.({ page, outputs: entry.outputs, attachments: entry.attachments ?? [] });
    };
    // Pages are written a few milliseconds at a time: a long run of writes would keep the workers'
    // messages (and so their next notebooks) waiting.
    const toWrite: Built[] = [];
    let draining = false;
    const writePages = async (): Promise<void> => {
      if (draining) return; // the running loop takes what was queued
      draining = true;
      try {
        let since = performance.now();
        while (toWrite.length) {
          writePage(toWrite.shift()!);
          if (performance.now() - since > 4) {
            await new Promise((resolve) => setImmediate(resolve));
            since = performance.now();
          }
        }
      } finally {
        draining = false;
      }
    };
    const queuePage = (entry: Built) => {
      toWrite.push(entry);
      if (site) void writePages();
    };
    texts.forEach((text, index) => {
      const hit = hits[index];
      if (!hit || text.sourceText === undefined) return;
      const compiled = compiledFromCache(hit, text as NotebookText & { sourceText: string });
      built.set(text.sourcePath, { compiled, emitted: hit.emitted, outputs: hit.outputs, values: hit.values, attachments: hit.attachments ?? [], fromCache: true });
      writeShared(hit.emitted.shared, (file) => ({ copy: cache!.sharedFile(file) }));
      warnings.push(...frontMatterWarnings(compiled.notebook.frontMatter, compiled.sourceText, compiled.displayPath), ...displayWarnings(compiled, hit.missing));
      notebooks.fromCache++;
      options.progress?.({ file: text.displayPath, ok: true, cells: hit.notebook.cells.length, exercises: hit.notebook.exercises?.length ?? 0, elapsedMs: 0, fromCache: true, browserOnly: countBrowserOnly(hit.notebook).cells });
    });

    // The rest: a pipeline. The main thread compiles notebook after notebook while the workers evaluate
    // the ones already emitted. Every error is kept; none stops the others.
    // Longest first: the notebooks that take the workers longest start earliest, so none is left
    // running alone at the end. (Pages and errors are sorted later; this order is only the schedule.)
    const misses = texts.map((text, index) => ({ text, key: keys[index] })).filter(({ text }) => !built.has(text.sourcePath));
    misses.sort((a, b) => (b.text.sourceText?.length ?? 0) - (a.text.sourceText?.length ?? 0));
    if (misses.some(({ text }) => text.sourceText !== undefined)) evaluationPool().warm();
    // The compiler (with Markdown, acorn, KaTeX and YAML) loads only when a notebook needs compiling:
    // a build served from the cache never parses it.
    const { compileForSite } = misses.length ? await import("./compile-for-site.ts") : { compileForSite: undefined };
    const { evaluationErrors } = misses.length ? await import("./evaluation-errors.ts") : { evaluationErrors: undefined };
    const emissions: Promise<void>[] = [];
    const evaluations: Promise<void>[] = [];
    let loaders: DataLoaders | undefined;
    const dataLoaders = () => (loaders ??= new DataLoaders({ projectRoot: options.projectRoot, cacheDir: options.cacheDir ?? cacheDirOf(options.projectRoot), reuse: options.cache !== false, timeoutMs: options.loaderTimeoutMs ?? DEFAULT_LOADER_TIMEOUT_MS }));
    // Type checking ends before a TypeScript notebook may enter the cache: one that fails it must not.
    const cacheWrites: Promise<void>[] = [];
    let typesChecked: (failed: ReadonlySet<string>) => void = () => {};
    const typeFailures = new Promise<ReadonlySet<string>>((resolve) => (typesChecked = resolve));
    const evaluate = async (entry: Built, key: string | undefined, progress: (ok: boolean) => void): Promise<void> => {
      const { compiled, emitted } = entry;
      // The notebook's own scripts go to the worker in memory; the site gets them with its page.
      const modules = Object.fromEntries([...emitted.files].map(([file, text]) => [pathToFileURL(path.join(tempOut, file)).href, text]));
      // Attached files first: a data loader runs (or comes from the cache) before its notebook evaluates.
      const files = await resolveAttachments(compiled, { root: options.root, projectRoot: options.projectRoot, loaders: dataLoaders() });
      if (files.errors.length) {
        errors.push(...files.errors);
        return progress(false);
      }
      entry.attachments = files.attachments;
      const evaluation = await evaluationPool().evaluate(pathToFileURL(path.join(tempOut, emitted.notebook)).href, modules, evaluationAttachments(files.attachments, pageOutputPath(compiled.sourcePath)));
      notebooks.evaluated++;
      const found = evaluationErrors!(compiled, evaluation, limits, emitted.sourceMaps ? { siteDir: tempOut, sourceMaps: emitted.sourceMaps, projectRoot: options.projectRoot } : undefined);
      errors.push(...found);
      if (evaluation.type === "result") warnings.push(...displayWarnings(compiled, evaluation.missing));
      progress(found.length === 0);
      if (evaluation.type !== "result" || found.length) return;
      entry.outputs = evaluation.outputs;
      entry.values = evaluation.values ?? {};
      queuePage(entry);
      if (!cache || !key) return;
      const values = entry.values;
      cacheWrites.push(
        (async () => {
          if (hasTypeScript(compiled) && (await typeFailures).has(compiled.sourcePath)) return;
          const read = [...(emitted.bundleInputs ?? []), ...files.inputs];
          const inputs = read.length || files.absent.length ? { inputs: [...(await cache.hashInputs(read)), ...cache.absentInputs(files.absent)] } : {};
          const attachments = files.attachments.length ? { attachments: files.attachments } : {};
          if (emitted.shared?.length) {
            const shared = await packages();
            await cache.keepShared(emitted.shared, (file) => shared.text(file));
          }
          await cache.write(key, { notebook: compiled.notebook, module: compiled.module, emitted: { ...emitted, bundleInputs: undefined, sourceMaps: undefined }, outputs: evaluation.outputs, values, ...(evaluation.missing ? { missing: evaluation.missing } : {}), ...attachments, ...inputs });
        })(),
      );
    };
    const emit = async (compiled: Compiled, key: string | undefined, t0: number): Promise<void> => {
      const progress = (ok: boolean) => options.progress?.({ file: compiled.displayPath, ok, cells: compiled.notebook.cells.length, exercises: compiled.notebook.exercises?.length ?? 0, elapsedMs: performance.now() - t0, browserOnly: countBrowserOnly(compiled.notebook).cells });
      let emitted: EmittedNotebook;
      try {
        emitted = await emitNotebook(compiled, { outDir: tempOut, library, projectRoot: options.projectRoot, notebooksRoot: options.root, packages });
      } catch (error) {
        if (!(error instanceof LocatedErrors)) throw error;
        errors.push(...error.errors);
        return progress(false);
      }
      const entry: Built = { compiled, emitted };
      built.set(compiled.sourcePath, entry);
      if (emitted.shared?.length) {
        const files = await packages();
        writeShared(emitted.shared, (file) => ({ text: files.text(file)! }));
      }
      evaluations.push(evaluate(entry, key, progress));
    };
    let lastYield = performance.now();
    for (const { text, key } of misses) {
      const t0 = performance.now();
      const result = compileForSite!(text, library);
      errors.push(...result.errors);
      if (result.compiled) warnings.push(...frontMatterWarnings(result.compiled.notebook.frontMatter, result.compiled.sourceText, result.compiled.displayPath));
      if (result.compiled) emissions.push(emit(result.compiled, key, t0));
      else options.progress?.({ file: text.displayPath, ok: false, cells: 0, elapsedMs: 0 });
      // Compiling is synchronous; let workers receive their next notebook now and then.
      if (performance.now() - lastYield > 8) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
    }
    await Promise.all(emissions);
    endPhase("compile");

    // Every page is known now: write those whose notebooks are done, and the others as they finish.
    site = makeSite(
      siteConfig,
      [...built.values()].map(({ compiled, emitted }) => sitePage(compiled.notebook, emitted)),
      { chromeScript: `${LIBRARY_DIR}/${library.chrome}`, notFoundTheme: notFoundTheme(options.staticDir) },
    );
    editScripts = editor && site.pages.some((page) => page.script) ? copyEditorInto(writer, await editor, library.kernel, scripts) : undefined;
    for (const entry of built.values()) if (entry.outputs && !toWrite.includes(entry)) toWrite.push(entry);
    void writePages();
    // TypeScript cells are checked once the notebooks are evaluated, so that the checker's wait (its
    // client is synchronous) holds up no worker; notebooks from the cache passed before.
    const typed = typecheck === "off" ? [] : [...built.values()].filter((entry) => !entry.fromCache && hasTypeScript(entry.compiled)).map((entry) => entry.compiled);
    if (typed.length) {
      await Promise.all(evaluations);
      const { createTypeChecker } = await import("./typecheck.ts");
      const checker = await createTypeChecker(options.projectRoot);
      let found: LocatedError[];
      try {
        found = checker.check(typed);
      } finally {
        checker.close();
      }
      (typecheck === "error" ? errors : warnings).push(...found);
      const failedFiles = new Set(found.map((error) => error.file));
      typesChecked(new Set(typed.filter((compiled) => failedFiles.has(compiled.displayPath)).map((compiled) => compiled.sourcePath)));
    } else typesChecked(new Set());
    await Promise.all(evaluations);
    await Promise.all(cacheWrites);
    // The last pages: once a running loop has ended, whatever is still queued is written now.
    while (draining) await new Promise((resolve) => setImmediate(resolve));
    while (toWrite.length) writePage(toWrite.shift()!);
    endPhase("evaluate");

    const exerciseCount = Object.values(siteExercises(site)).reduce((sum, n) => sum + n, 0);
    if (errors.length) {
      await removeTemp();
      return failed(skipped, exerciseCount);
    }
    for (const { emitted } of built.values()) for (const [file, text] of emitted.files) scripts.set(file, Buffer.byteLength(text));
    if (!site.pages.some((page) => page.output === "index.html")) writer.write("index.html", renderGeneratedIndex(site));
    if (siteConfig.search) {
      const { searchIndexJson } = await import("./search-file.ts");
      writer.write(SEARCH_INDEX_FILE, searchIndexJson(site, (page) => built.get(page.sourcePath)?.outputs));
    }
    await copySiteAssets(tempOut, options.staticDir);
    // Last, so static/ cannot replace it: the next build knows this folder for a site it may replace.
    await writeFileDeep(path.join(tempOut, SITE_MARKER), siteMarker(site.pages.map((page) => page.output)));
    await swapInto(tempOut, options.out);
    // A scratch folder (check's) is removed after: there is no site to remember.
    if (cache) await Promise.all([options.scratchOut ? undefined : writeSiteState(cache.dir, options.out, writer.state), cache.prune(Math.max(1_000, 4 * texts.length))]);
    endPhase("write");
    const pages = site.pages.map(({ sourcePath, output, title, description, order, script }) => ({ sourcePath, output, title, description, order, script }));
    const values = [...built.values()].map(({ compiled, values }) => ({ compiled, values: values ?? {} }));
    const browserOnly = [...built.values()].map(({ compiled }) => countBrowserOnly(compiled.notebook)).reduce((sum, count) => ({ cells: sum.cells + count.cells, exercises: sum.exercises + count.exercises }), { cells: 0, exercises: 0 });
    return { ok: true, errors: [], warnings: sortLocatedErrors(warnings), pages, scripts, elapsedMs: performance.now() - started, exercises: exerciseCount, skipped, phasesMs, notebooks, values, browserOnly };
  } catch (error) {
    await removeTemp();
    throw error;
  } finally {
    await ownPool?.close();
  }
}

/** How long one data loader may run, unless the build says otherwise. */
export const DEFAULT_LOADER_TIMEOUT_MS = 120_000;

export interface BrowserOnlyCount {
  readonly cells: number;
  readonly exercises: number;
}

/** The cells of a notebook the build leaves to the browser, and the exercises whose answer is one of them. */
function countBrowserOnly(notebook: AnalyzedNotebook): BrowserOnlyCount {
  const cells = browserOnlyCells(notebook.cells);
  return { cells: cells.size, exercises: (notebook.exercises ?? []).filter((exercise) => exercise.answerCell !== undefined && cells.has(exercise.answerCell)).length };
}

function hasTypeScript(compiled: Compiled): boolean {
  return compiled.notebook.cells.some((cell) => cell.lang === "ts");
}

/** A notebook compiled and emitted (or taken from the cache) for the site; `outputs` and `values` once evaluated. */
interface Built {
  readonly compiled: Compiled;
  readonly emitted: EmittedNotebook;
  readonly fromCache?: boolean;
  outputs?: Readonly<Record<string, string>>;
  values?: Readonly<Record<string, SnapshotValue>>;
  /** The files it attaches, once resolved (see attachments.ts). */
  attachments?: readonly Attachment[];
}

/** The project's build cache for this toolchain (see build-cache.ts). */
async function openCache(options: BuildOptions, library: Library): Promise<BuildCache> {
  const dist = path.join(PACKAGE_ROOT, "dist");
  const code = (await readdir(dist)).filter((name) => name.endsWith(".js")).map((name) => path.join(dist, name));
  const dir = options.cacheDir ?? cacheDirOf(options.projectRoot);
  return BuildCache.open(dir, toolchainKey(WATTBOOK_VERSION, code, path.basename(library.dir), dir), options.projectRoot);
}

/** Puts the editor into the site; returns where edit pages find it and the page's kernel. */
function copyEditorInto(writer: SiteWriter, editor: EditorBundle, kernel: string, scripts: Map<string, number>): EditScripts {
  const { scripts: files, sandboxPage } = editorFiles(editor);
  for (const [file, from] of files) writer.copy(`${EDITOR_DIR}/${file}`, from);
  writer.write(`${EDITOR_DIR}/${SANDBOX_PAGE}`, sandboxPage);
  for (const [file, bytes] of editor.files) scripts.set(`${EDITOR_DIR}/${file}`, bytes);
  return { editor: `${EDITOR_DIR}/${editor.entry}`, kernel: `${LIBRARY_DIR}/${kernel}` };
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
  // Synchronous: a thousand unlinks one after another take half the time of as many promises.
  if (hadOld) rmSync(old, { recursive: true, force: true });
}


