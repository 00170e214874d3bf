// `wattbook preview`: serves the site from memory and a cache folder, watches the notebooks, the
// static files and wattbook's own src/, rebuilds only the notebook that changed and tells its open
// pages to reload (server-sent events). Unlike `build`, a broken notebook does not stop anything: its
// page shows the errors in an overlay, and the next good save recovers.
import { watch, type FSWatcher } from "node:fs";
import { copyFile, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { networkInterfaces } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { LocatedErrors, type LocatedError } from "../notebook/errors.ts";
import { copySiteAssets, STYLESHEETS } from "../publish/assets.ts";
import { BuildCache, cacheDirOf, compiledFromCache, toolchainKey } from "../publish/build-cache.ts";
import { ASSETS_DIR, LIBRARY_DIR } from "../publish/site-layout.ts";
import type { PackageFiles } from "../publish/package-files.ts";
import { compileForSite, type Compiled } from "../publish/compile-for-site.ts";
import { emitNotebook, type EmittedNotebook } from "../publish/emit.ts";
import { copyLibrary, ensureLibrary, type Library } from "../publish/library.ts";
import { DEFAULT_LOADER_TIMEOUT_MS, findNotebooks, isNotebookPath } from "../publish/build.ts";
import { type Attachment, evaluationAttachments, publishedFiles, resolveAttachments } from "../publish/attachments.ts";
import { DataLoaders } from "../publish/data-loader.ts";
import { DEFAULT_LIMITS, EvaluationPool, type EvaluationLimits } from "../publish/evaluate.ts";
import { evaluationErrors } from "../publish/evaluation-errors.ts";
import { displayWarnings } from "../publish/display-warnings.ts";
import { createTypeChecker, type TypeChecker } from "../publish/typecheck.ts";
import { PACKAGE_ROOT, WATTBOOK_VERSION } from "../publish/package-root.ts";
import { writePreviewClient } from "./client-bundle.ts";
import { readNotebookFile, type NotebookText } from "../publish/read-notebook.ts";
import { makeSite, renderGeneratedIndex, renderSitePage, type Site, type SitePage, sitePage } from "../publish/site-pages.ts";
import { SEARCH_INDEX_FILE } from "../search/index-data.ts";
import { searchIndexJson } from "../publish/search-file.ts";
import { DEFAULT_SITE_CONFIG, type SiteConfig } from "../publish/site-config.ts";
import { frontMatterWarnings } from "../notebook/frontmatter-keys.ts";
import { pageOutputPath, toRootOf } from "../publish/site-paths.ts";
import { escapeHtml } from "../text/escape-html.ts";
import { checkHost, checkOrigin, exposure, headerValues, isWildcardAddress, type Exposure, type InterfaceAddress, type Verdict } from "./origin-guard.ts";
import { resolveSitePath } from "./paths.ts";
import { serveFile } from "./static.ts";

export interface PreviewOptions {
  readonly projectRoot: string;
  readonly root: string;
  readonly staticDir?: string;
  readonly host?: string;
  readonly port?: number;
  readonly limits?: EvaluationLimits;
  /** The site's configuration (wattbook.config.js): its title, tables of contents, … (default DEFAULT_SITE_CONFIG). */
  readonly site?: SiteConfig;
  /** What a type error does: an error over the page (default), a warning, or nothing. */
  readonly typecheck?: "error" | "warn" | "off";
  readonly log?: (line: string) => void;
  /** Where the start-up warning goes when the preview is reachable from the network (default: stderr). */
  readonly warn?: (text: string) => void;
}

export interface PreviewServer {
  readonly url: string;
  /** Rebuilds one notebook now (the watcher calls this); resolves when its pages were told to reload. */
  refresh(source: string): Promise<void>;
  /**
   * The configuration read again: the site's settings and what type errors do take effect at once (every
   * open page reloads). With `errors` (a configuration that no longer reads), the last good settings stay
   * and every page shows the errors until it reads again.
   */
  reconfigure(change: { readonly site?: SiteConfig; readonly typecheck?: "error" | "warn" | "off"; readonly errors?: readonly LocatedError[] }): Promise<void>;
  close(): Promise<void>;
}

interface PageState {
  readonly sourcePath: string;
  /** The last good build of the notebook: kept when a later save breaks it. */
  page: SitePage | undefined;
  outputs: Readonly<Record<string, string>>;
  errors: readonly LocatedError[];
  warnings: readonly LocatedError[];
  /** The files its page attaches (see publish/attachments.ts). */
  attachments: readonly Attachment[];
  /** Files (absolute) whose change rebuilds it: attached files, data loaders and what they import, modules. */
  depends: readonly string[];
  /** The notebook's text as last built. */
  builtText?: string;
}

/** What building one notebook for the preview gave. */
interface BuiltNotebook {
  readonly compiled?: Compiled;
  readonly emitted?: EmittedNotebook;
  readonly outputs?: Readonly<Record<string, string>>;
  readonly errors: readonly LocatedError[];
  readonly warnings?: readonly LocatedError[];
  readonly fromCache?: boolean;
  readonly attachments?: readonly Attachment[];
  readonly depends?: readonly string[];
}

const CLIENT_SCRIPT = `${ASSETS_DIR}/preview.js`;
const EVENTS_PATH = `/${ASSETS_DIR}/events`;

/** The latest save's errors over the page; its warnings (what built but shows nothing) below them, or alone. */
function overlay(errors: readonly LocatedError[], warnings: readonly LocatedError[]): string {
  const items = (list: readonly LocatedError[]) => list.map((e) => `<pre>${escapeHtml(e.format())}</pre>`).join("");
  const warned = warnings.length ? `<h2 class="wb-overlay-warning">${warnings.length} warning${warnings.length === 1 ? "" : "s"}</h2>${items(warnings)}` : "";
  if (errors.length) return `<div class="wb-overlay" role="alert"><h2>${errors.length} error${errors.length === 1 ? "" : "s"} — the page shows the last good build</h2>${items(errors)}${warned}</div>`;
  return warned ? `<div class="wb-overlay wb-overlay-warnings" role="status">${warned}</div>` : "";
}

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const log = options.log ?? (() => {});
  const limits = options.limits ?? DEFAULT_LIMITS;
  const siteDir = path.join(options.projectRoot, ".wattbook-cache", `preview-${process.pid}`);
  await rm(siteDir, { recursive: true, force: true });
  await mkdir(path.join(siteDir, ASSETS_DIR), { recursive: true });
  await copySiteAssets(siteDir, options.staticDir);
  await writePreviewClient(path.join(siteDir, CLIENT_SCRIPT));

  const pool = new EvaluationPool(limits, 1, { moduleCacheDir: path.join(cacheDirOf(options.projectRoot), "realm-modules") });
  pool.warm();
  const loadLibrary = async () => {
    const loaded = await ensureLibrary();
    await copyLibrary(loaded, path.join(siteDir, LIBRARY_DIR));
    return loaded;
  };
  let library: Library = await loadLibrary();
  // The build's cache: a notebook built before, by `build` or an earlier preview, is served at once.
  const openCache = async () => {
    const dist = path.join(PACKAGE_ROOT, "dist");
    const code = (await readdir(dist)).filter((name) => name.endsWith(".js")).map((name) => path.join(dist, name));
    const dir = cacheDirOf(options.projectRoot);
    return BuildCache.open(dir, toolchainKey(WATTBOOK_VERSION, code, path.basename(library.dir), dir), options.projectRoot);
  };
  let cache = await openCache();
  const pages = new Map<string, PageState>(); // by output path
  const clients = new Set<ServerResponse>();
  let siteConfig: SiteConfig = options.site ?? DEFAULT_SITE_CONFIG;
  let typecheck = options.typecheck ?? "error";
  /** The configuration's errors, shown over every page while it does not read. */
  let configErrors: readonly LocatedError[] = [];

  const broadcast = (pagesToReload: readonly string[]) => {
    const data = `data: ${JSON.stringify({ type: "reload", pages: pagesToReload })}\n\n`;
    for (const client of clients) client.write(data);
  };

  /** The site as built so far: at start-up, it grows as the notebooks are read. */
  const site = (): Site =>
    makeSite(
      siteConfig,
      [...pages.values()].flatMap((state) => (state.page ? [state.page] : [])),
      { chromeScript: `${LIBRARY_DIR}/${library.chrome}` },
    );

  /** A notebook's scripts, written into the preview's site, evaluated; its errors, or what it built to. */
  async function buildNotebook(text: NotebookText): Promise<BuiltNotebook> {
    const key = text.sourceText === undefined ? undefined : cache.keyOf(text as NotebookText & { sourceText: string }, { limits, typecheck });
    const hit = key ? await cache.read(key) : undefined;
    if (hit) {
      await writeScripts(hit.emitted.files);
      await writeScripts(new Map((hit.emitted.shared ?? []).map((file) => [file, readFileSync(cache.sharedFile(file), "utf8")])));
      const compiled = compiledFromCache(hit, text as NotebookText & { sourceText: string });
      const attachments = hit.attachments ?? [];
      await writeAttachments(attachments);
      const depends = [...(hit.inputs ?? []).map((input) => path.resolve(options.projectRoot, input.file))];
      return { compiled, emitted: hit.emitted, outputs: hit.outputs, errors: [], warnings: [...frontMatterWarnings(compiled.notebook.frontMatter, compiled.sourceText, compiled.displayPath), ...displayWarnings(compiled, hit.missing)], fromCache: true, attachments, depends };
    }
    const { compiled, errors } = compileForSite(text, library);
    if (!compiled) return { errors };
    let emitted: EmittedNotebook;
    // Made afresh for each save: a package installed meanwhile is seen (its bundles come from the cache).
    let made: Promise<PackageFiles> | undefined;
    const packageFiles = () => (made ??= import("../publish/package-files.ts").then(({ PackageFiles }) => new PackageFiles({ projectRoot: options.projectRoot, cacheDir: cache.dir, toolchain: cache.toolchain })));
    try {
      emitted = await emitNotebook(compiled, { outDir: siteDir, projectRoot: options.projectRoot, notebooksRoot: options.root, library, packages: packageFiles });
    } catch (error) {
      if (error instanceof LocatedErrors) return { compiled, errors: [...error.errors] };
      throw error;
    }
    await writeScripts(emitted.files);
    // A fresh set of loaders per save: a loader that changed runs again (one that did not comes from the cache).
    const loaders = new DataLoaders({ projectRoot: options.projectRoot, cacheDir: cacheDirOf(options.projectRoot), reuse: true, timeoutMs: DEFAULT_LOADER_TIMEOUT_MS });
    const files = await resolveAttachments(compiled, { root: options.root, projectRoot: options.projectRoot, loaders });
    const packages = emitted.shared?.length ? await packageFiles() : undefined;
    await writeScripts(new Map((emitted.shared ?? []).map((file) => [file, packages!.text(file)!])));
    const depends = [...(emitted.bundleInputs ?? []), ...files.inputs, ...files.absent];
    if (files.errors.length) return { compiled, errors: files.errors, depends };
    await writeAttachments(files.attachments);
    // The notebook's own scripts in memory too, as the build sends them: its local modules keep their lines.
    const modules = Object.fromEntries([...emitted.files].map(([file, text]) => [pathToFileURL(path.join(siteDir, file)).href, text]));
    const evaluation = await pool.evaluate(pathToFileURL(path.join(siteDir, emitted.notebook)).href, modules, evaluationAttachments(files.attachments, pageOutputPath(compiled.sourcePath)));
    const sources = emitted.sourceMaps ? { siteDir, sourceMaps: emitted.sourceMaps, projectRoot: options.projectRoot } : undefined;
    const typeProblems = typecheck === "off" ? [] : await typeErrors(compiled);
    const found = [...evaluationErrors(compiled, evaluation, limits, sources), ...(typecheck === "error" ? typeProblems : [])];
    const outputs = evaluation.type === "result" ? evaluation.outputs : {};
    const missing = evaluation.type === "result" ? evaluation.missing : undefined;
    if (!found.length && key) {
      const read = [...(emitted.bundleInputs ?? []), ...files.inputs];
      const inputs = read.length || files.absent.length ? { inputs: [...(await cache.hashInputs(read)), ...cache.absentInputs(files.absent)] } : {};
      const attachments = files.attachments.length ? { attachments: files.attachments } : {};
      await cache.keepShared(emitted.shared ?? [], (file) => packages?.text(file));
      await cache.write(key, { notebook: compiled.notebook, module: compiled.module, emitted: { ...emitted, bundleInputs: undefined, sourceMaps: undefined }, outputs, values: evaluation.type === "result" ? (evaluation.values ?? {}) : {}, ...(missing ? { missing } : {}), ...attachments, ...inputs });
    }
    const warnings = [...frontMatterWarnings(compiled.notebook.frontMatter, compiled.sourceText, compiled.displayPath), ...displayWarnings(compiled, missing), ...(typecheck === "warn" ? typeProblems : [])];
    return { compiled, emitted, outputs, errors: found, warnings, attachments: files.attachments, depends };
  }

  /** Puts attached files where the pages load them (only those not there yet: the names are content-hashed). */
  async function writeAttachments(attachments: readonly Attachment[]): Promise<void> {
    for (const attachment of attachments) {
      const target = path.join(siteDir, ...attachment.published.split("/"));
      if (existsSync(target)) continue;
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(attachment.source, target);
    }
  }

  /** A save's type errors: one checker for the whole session, so that a save re-checks its notebook only. */
  let checker: TypeChecker | undefined;
  async function typeErrors(compiled: Compiled): Promise<LocatedError[]> {
    if (!compiled.notebook.cells.some((cell) => cell.lang === "ts")) return [];
    checker ??= await createTypeChecker(options.projectRoot);
    return checker.check([compiled]);
  }

  async function writeScripts(files: ReadonlyMap<string, string>): Promise<void> {
    await Promise.all(
      [...files].map(async ([file, text]) => {
        await mkdir(path.dirname(path.join(siteDir, file)), { recursive: true });
        await writeFile(path.join(siteDir, file), text);
      }),
    );
  }

  /**
   * Rebuilds one notebook. Rebuilds of a notebook run one after another (a save during a rebuild waits
   * for it), and a save event for text already built is dropped unless `force` (a file it depends on
   * changed): an editor's save often comes as two events, and a second reload would race the next save.
   */
  const rebuilds = new Map<string, Promise<void>>();
  function refresh(sourcePath: string, force = true): Promise<void> {
    const next = (rebuilds.get(sourcePath) ?? Promise.resolve()).then(() => rebuild(sourcePath, force));
    rebuilds.set(sourcePath, next.catch(() => {}));
    return next;
  }

  async function rebuild(sourcePath: string, force: boolean): Promise<void> {
    const started = performance.now();
    const output = pageOutputPath(sourcePath);
    if (!existsSync(path.join(options.root, sourcePath))) {
      pages.delete(output);
      broadcast(["*"]);
      log(`- ${sourcePath} removed`);
      return;
    }
    const state = pages.get(output) ?? { sourcePath, page: undefined, outputs: {}, errors: [], warnings: [], attachments: [], depends: [] };
    pages.set(output, state);
    let text = await readNotebookFile(options.projectRoot, options.root, sourcePath);
    if (!force && text.sourceText !== undefined && text.sourceText === state.builtText) return;
    let built: BuiltNotebook;
    for (;;) {
      state.builtText = text.sourceText;
      built = await buildNotebook(text);
      // Read while it was still being written (an editor's save can come in two writes): build what it
      // holds now, so that the reload shows the save, not half of it.
      const now = await readNotebookFile(options.projectRoot, options.root, sourcePath);
      if (now.sourceText === undefined || now.sourceText === text.sourceText) break;
      text = now;
    }
    // A page shows its last good build, and over it the errors of the latest save.
    if (built.compiled && built.emitted && built.outputs) {
      state.page = sitePage(built.compiled.notebook, built.emitted);
      state.outputs = built.outputs;
      state.attachments = built.attachments ?? [];
    }
    // What the latest save depends on, even when it failed: fixing a missing file rebuilds it.
    if (built.depends) state.depends = built.depends;
    state.errors = built.errors;
    state.warnings = built.warnings ?? [];
    broadcast([output]);
    const warned = state.warnings.length ? ` (${state.warnings.length} warning${state.warnings.length === 1 ? "" : "s"})` : "";
    const mark = state.errors.length ? `✗ ${state.errors.length} error${state.errors.length === 1 ? "" : "s"}` : `✓${warned}`;
    log(`${mark} ${sourcePath}  ${built.fromCache ? "from the cache" : `${Math.round(performance.now() - started)} ms`}`);
  }

  for (const sourcePath of existsSync(options.root) ? await findNotebooks(options.root) : []) await refresh(sourcePath);

  const pageHtml = (output: string): string | undefined => {
    const state = pages.get(output);
    if (output === "index.html" && !state) return withClient(renderGeneratedIndex(site()).replace("</main>", `${overlay(configErrors, [])}</main>`), "");
    if (!state) return undefined;
    const body = state.page
      ? renderSitePage(state.page, state.outputs, site(), undefined, publishedFiles(state.attachments)).html
      : `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(state.sourcePath)}</title>${STYLESHEETS.map((s) => `<link rel="stylesheet" href="${toRootOf(output)}${s}">`).join("")}</head><body><main class="wb-main"><h1>${escapeHtml(state.sourcePath)}</h1></main></body></html>`;
    return withClient(body.replace("</main>", `${overlay([...configErrors, ...state.errors], state.warnings)}</main>`), toRootOf(output));
  };

  // Set once the server listens (the policy needs the port it got); no request is handled before.
  let exposed: Exposure | undefined;
  const interfaces = (): InterfaceAddress[] => Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  const refuse = (response: ServerResponse, verdict: Verdict & { ok: false }) => {
    response.writeHead(verdict.status, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff", "cache-control": "no-store", connection: "close" });
    response.end(verdict.reason);
  };

  const respond = (request: IncomingMessage, response: ServerResponse) => {
    // The Host guard before anything else: a request for another name (DNS rebinding) gets nothing.
    if (!exposed) return refuse(response, { ok: false, status: 421, reason: "the preview is still starting; try again\n" });
    const hosts = headerValues(request.rawHeaders, "host");
    let host = checkHost(hosts, request.httpVersion, exposed.policy);
    if (!host.ok && host.status === 421 && isWildcardAddress(boundAddress)) {
      // Bound to every interface: the machine may have gained an address since start-up.
      exposed = exposure(requestedHost, boundAddress, exposed.policy.port, interfaces());
      host = checkHost(hosts, request.httpVersion, exposed.policy);
    }
    if (!host.ok) return refuse(response, host);
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { "content-type": "text/plain; charset=utf-8", allow: "GET, HEAD" });
      response.end("the preview serves GET and HEAD only");
      return;
    }
    // The path guard first: it refuses what would not parse as a URL, before anything else reads it.
    const resolved = resolveSitePath(request.url ?? "/");
    if (!resolved.ok) {
      response.writeHead(resolved.status, { "content-type": "text/plain; charset=utf-8" });
      response.end(resolved.reason);
      return;
    }
    if (`/${resolved.path}` === EVENTS_PATH) {
      // The only stream (and nothing has side effects): no subscribing from a page elsewhere.
      const origin = checkOrigin(request.headers.origin === undefined ? undefined : headerValues(request.rawHeaders, "origin"), exposed.policy);
      if (!origin.ok) return refuse(response, origin);
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      // Reconnect within a second of losing the preview (a restart, after the configuration moved a folder).
      response.write("retry: 1000\n: connected\n\n");
      clients.add(response);
      request.on("close", () => clients.delete(response));
      return;
    }
    if (resolved.path === SEARCH_INDEX_FILE && siteConfig.search) {
      // The index of the pages as they stand now (the build writes it once; the preview's pages change).
      const current = site();
      const outputs = new Map([...pages.values()].map((state) => [state.page?.output, state.outputs]));
      response.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
      response.end(searchIndexJson(current, (page) => outputs.get(page.output)));
      return;
    }
    const page = resolved.path.endsWith(".html") ? pageHtml(resolved.path) : undefined;
    if (page !== undefined) {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      response.end(page);
      return;
    }
    serveFile(siteDir, resolved.path, response);
  };
  // requireHostHeader off: the Host guard answers a request without Host itself, saying why.
  const server: Server = createServer({ requireHostHeader: false }, (request, response) => {
    try {
      respond(request, response);
    } catch (error) {
      // One bad request must not take the preview down.
      log(`preview: ${String((error as Error)?.stack ?? error)}`);
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end("internal error");
    }
  });
  server.keepAliveTimeout = 5_000;
  const requestedHost = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 3000, requestedHost, () => resolve());
  });
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error(`the preview did not get a network address for --host ${requestedHost}`);
  const boundAddress = address.address;
  exposed = exposure(requestedHost, boundAddress, address.port, interfaces());
  const url = exposed.url;
  if (exposed.warning) (options.warn ?? ((text: string) => process.stderr.write(`${text}\n`)))(exposed.warning);

  const refreshing = (source: string, force: boolean) => void refresh(source, force).catch((error) => log(`preview: ${String(error?.stack ?? error)}`));
  const watchers = watchSources(options, {
    notebook: (source) => refreshing(source, false),
    // A data file, a data loader or a module changed: the notebooks that depend on it are rebuilt.
    file: (file) => {
      for (const state of pages.values()) if (state.depends.includes(file)) refreshing(state.sourcePath, true);
    },
    everything: async () => {
      library = await loadLibrary();
      cache = await openCache();
      await copySiteAssets(siteDir, options.staticDir);
      for (const state of [...pages.values()]) await refresh(state.sourcePath);
      broadcast(["*"]);
    },
  });

  return {
    url,
    refresh,
    async reconfigure(change) {
      configErrors = change.errors ?? [];
      if (change.site) siteConfig = change.site;
      const retype = change.typecheck !== undefined && change.typecheck !== typecheck;
      if (change.typecheck) typecheck = change.typecheck;
      // Type errors belong to each notebook's build: a new mode builds every notebook again.
      if (retype) for (const state of [...pages.values()]) await refresh(state.sourcePath);
      broadcast(["*"]);
    },
    async close() {
      for (const watcher of watchers) watcher.close();
      for (const client of clients) client.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.close();
      checker?.close();
      await rm(siteDir, { recursive: true, force: true });
    },
  };
}

function withClient(html: string, toRoot: string): string {
  return html.replace("</head>", `<script type="module" src="${toRoot}${CLIENT_SCRIPT}"></script>\n</head>`);
}

interface WatchHandlers {
  notebook(source: string): void;
  /** Any other file under the notebooks root changed (absolute path). */
  file(file: string): void;
  everything(): void | Promise<void>;
}

/** Watches with a short debounce per file: editors often write a file in several steps. */
function watchSources(options: PreviewOptions, handlers: WatchHandlers): FSWatcher[] {
  const timers = new Map<string, NodeJS.Timeout>();
  const debounce = (key: string, action: () => void) => {
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => (timers.delete(key), action()), 15));
  };
  const watchers: FSWatcher[] = [];
  const tryWatch = (dir: string | undefined, onChange: (file: string) => void) => {
    if (!dir || !existsSync(dir)) return;
    watchers.push(watch(dir, { recursive: true }, (_event, file) => file && onChange(String(file).split(path.sep).join("/"))));
  };
  tryWatch(options.root, (file) => debounce(file, () => (isNotebookPath(file) ? handlers.notebook(file) : handlers.file(path.join(options.root, ...file.split("/"))))));
  tryWatch(options.staticDir, () => debounce("*", () => void handlers.everything()));
  tryWatch(path.join(PACKAGE_ROOT, "src"), (file) => /^(runtime|kernel)\//.test(file) && debounce("*", () => void handlers.everything()));
  return watchers;
}
