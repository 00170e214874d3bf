// A realm per notebook: each notebook evaluates in a fresh node:vm context of its own, with its own
// intrinsics (Array.prototype, Object, Promise…), globals, DOM, runtime and kernel, so nothing one
// notebook changes reaches another, and with browser globals only (no process, require, Buffer, or
// node: imports; no eval, as under the page's Content-Security-Policy). Everything a cell can reach was
// created inside the realm: dist/realm.js (the DOM, the runtime glue, the evaluation) and the site's own
// library and notebook modules are run there, not passed in.
//
// Why a vm context, not a worker per notebook: a worker costs a thread, an isolate, Node's bootstrap and
// the loading of our code (about 130 ms a notebook, `npm run bench realm`); a context costs about 10 ms,
// because the compiled code is shared: each script is compiled once per worker (vm.Script) and run in
// every realm. What remains is running the libraries' top level and their first, unoptimised calls
// again in each realm. The
// worker threads stay the unit of failure: a cell that never yields or allocates without end takes its
// worker down, and the pool blames it (evaluate.ts).
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createHash, randomFillSync, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { format } from "node:util";
import vm from "node:vm";
import { moduleBodyKeepingLines, notebookModuleBody, type Parse, wrapModuleBody } from "./module-form.ts";
import type { ModuleFunction, RealmApi, RealmHost, RealmOutcome, RealmTask } from "./realm-protocol.ts";
import { DIST, FROM_SOURCES, PACKAGE_ROOT, PREBUILT } from "./package-root.ts";
import { ASSETS_DIR } from "./site-layout.ts";


const REALM_FILE = path.join(DIST, "realm.js");

/** The library's CommonJS forms, made at prepack for an installed package (scripts/package.ts). */
export const PREBUILT_REALM_MODULES = path.join(PREBUILT, "realm-modules");

/**
 * Where CommonJS forms of modules are kept, by content (see commonJsOf). In a checkout of wattbook, its
 * .wattbook-cache/ (beside the library cache, cached-bundle.ts). In an installed package, which is only
 * read: the library's forms prebuilt at prepack, and the others (the project's package files) in the
 * project's build cache, once the pool has said where it is (useProjectModuleCache); a build without a
 * cache (--no-cache) makes them afresh.
 */
const moduleCache: { read: string[]; write: string | undefined } = FROM_SOURCES
  ? { read: [path.join(PACKAGE_ROOT, ".wattbook-cache", "realm-modules")], write: path.join(PACKAGE_ROOT, ".wattbook-cache", "realm-modules") }
  : { read: [PREBUILT_REALM_MODULES], write: undefined };

/** The project's folder for CommonJS forms of modules (in its build cache), when wattbook is an installed package. */
export function useProjectModuleCache(dir: string | undefined): void {
  if (FROM_SOURCES || !dir) return;
  moduleCache.read = [PREBUILT_REALM_MODULES, dir];
  moduleCache.write = dir;
}

/** Web classes given to a notebook whose cells name them (see RealmServices.webClasses). */
const WEB_CLASSES: Readonly<Record<string, unknown>> = { URL, URLSearchParams, TextEncoder, TextDecoder, AbortController, AbortSignal, Blob };

let realmScript: vm.Script | undefined;

/**
 * Scripts compiled for realms, by file and its identity on disk: the library's files and Plot and Inputs
 * serve every realm. A notebook's own module is compiled for its realm alone and not kept (a preview
 * session would otherwise keep every save).
 */
const scripts = new Map<string, { readonly stamp: string; readonly script: vm.Script }>();

const requireHere = createRequire(import.meta.url);
let esbuild: typeof import("esbuild") | undefined;
let acornParse: Parse | undefined;

/**
 * The module at `url` as a script that evaluates to its module function (`commonJs`: it is one already).
 * `inMemory` is the module's text when the build has not written it yet (a notebook's own scripts).
 */
function moduleScript(url: string, commonJs = false, inMemory?: string): vm.Script {
  const file = fileURLToPath(url);
  let stamp = "";
  if (inMemory === undefined) {
    const stat = statSync(file);
    stamp = `${stat.size}:${stat.mtimeMs}`;
    const cached = scripts.get(file);
    if (cached?.stamp === stamp) return cached.script;
  }
  const code = inMemory ?? readFileSync(file, "utf8");
  const notebook = commonJs ? undefined : notebookModuleBody(code);
  // The notebook's other scripts in memory are its local modules: they keep their lines too, so that
  // a frame in one maps back to the author's file (module-frames.ts). Loaded only when there is one.
  const local = () => moduleBodyKeepingLines(code, (acornParse ??= (requireHere("acorn") as typeof import("acorn")).parse));
  const body = commonJs ? code : (notebook ?? (inMemory !== undefined ? local() : commonJsOf(code, url)));
  // The wrapper's first line comes before the module's: line k of the module is line k of the file.
  const script = new vm.Script(wrapModuleBody(body), { filename: url, lineOffset: -1, importModuleDynamically: undefined });
  if (notebook === undefined && inMemory === undefined) scripts.set(file, { stamp, script });
  return script;
}

/** The name a module's CommonJS form is kept under: a hash of the module's text. */
export function realmModuleKey(code: string): string {
  return createHash("sha256").update(code).digest("hex").slice(0, 32);
}

/** esbuild's CommonJS form of an ES module (`url` only names it in errors). */
export function commonJsForm(code: string, url: string): string {
  esbuild ??= requireHere("esbuild") as typeof import("esbuild");
  return esbuild.transformSync(code, { format: "cjs", loader: "js", target: "es2022", sourcefile: url, logLevel: "silent" }).code;
}

/**
 * esbuild's CommonJS form of an ES module, cached on disk by the module's content: the library's files
 * are the same for every build of a version, and starting esbuild in each worker costs more than the
 * evaluation of a small notebook.
 */
function commonJsOf(code: string, url: string): string {
  const key = realmModuleKey(code);
  for (const dir of moduleCache.read) {
    try {
      return readFileSync(path.join(dir, `${key}.js`), "utf8");
    } catch {
      // not cached there
    }
  }
  const body = commonJsForm(code, url);
  if (moduleCache.write) {
    const cached = path.join(moduleCache.write, `${key}.js`);
    try {
      mkdirSync(moduleCache.write, { recursive: true });
      const temporary = `${cached}.${process.pid}-${Math.random().toString(36).slice(2)}`;
      writeFileSync(temporary, body);
      renameSync(temporary, cached);
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
  return body;
}

export interface NotebookRealm {
  /**
   * Evaluates the notebook (its compiled module is at task.moduleUrl, a file: URL inside the site's
   * scripts); `onRun` hears each cell body start, with the cell's index. Never rejects. A realm
   * evaluates one notebook (bench/realm.ts evaluates it again, to measure a realm shared).
   */
  evaluate(task: RealmTask, onRun: (cellIndex: number) => void, attachmentSources?: Readonly<Record<string, string>>): Promise<RealmOutcome>;
  /** Whether an unhandled rejection's promise belongs to this realm. */
  owns(promise: Promise<unknown>): boolean;
  unhandledRejection(reason: unknown): void;
  /** Cancels the realm's timers; the context is left to the garbage collector. */
  dispose(): void;
}

/**
 * A fresh realm, ready for one notebook. Nothing runs in it before `evaluate` but dist/realm.js, so a
 * worker may make one ahead, while it waits for work.
 */
export function createRealm(): NotebookRealm {
  realmScript ??= new vm.Script(readFileSync(REALM_FILE, "utf8"), { filename: REALM_FILE });
  let siteDir: string | undefined;
  let notebookUrl: string | undefined;
  let inMemory: Readonly<Record<string, string>> = {};
  let attachments: Readonly<Record<string, string>> = {};
  let onRun: (cellIndex: number) => void = () => {};
  const timers = new Map<number, NodeJS.Timeout>();
  const frames = new Map<number, NodeJS.Immediate>();
  let nextHandle = 1;
  let api: RealmApi | undefined;
  const context = vm.createContext({}, { name: "notebook realm", codeGeneration: { strings: false, wasm: false } });
  const host: RealmHost = {
    startTimer: (callback, ms, repeat) => {
      const handle = nextHandle++;
      const run = () => {
        if (!repeat) timers.delete(handle);
        callback();
      };
      // Kept referenced: a realm's pending work keeps its thread alive until the realm is disposed.
      const timer = repeat ? setInterval(run, ms) : setTimeout(run, ms);
      timers.set(handle, timer);
      return handle;
    },
    cancelTimer: (handle) => {
      clearTimeout(timers.get(handle));
      timers.delete(handle);
    },
    nextFrame: (callback) => {
      const handle = nextHandle++;
      frames.set(
        handle,
        setImmediate(() => {
          frames.delete(handle);
          callback();
        }),
      );
      return handle;
    },
    cancelFrame: (handle) => {
      clearImmediate(frames.get(handle));
      frames.delete(handle);
    },
    now: () => performance.now(),
    timeOrigin: performance.timeOrigin,
    log: (level, args) => {
      const write = level === "error" || level === "warn" || level === "trace" ? process.stderr : process.stdout;
      write.write(`${format(...args)}\n`);
    },
    atob: (data) => atob(data),
    btoa: (data) => btoa(data),
    randomFill: (array) => void randomFillSync(array as Uint8Array),
    randomUUID: () => randomUUID(),
    webClasses: WEB_CLASSES,
    readAttachment: (name) => {
      // Only the files the notebook names: a cell cannot read the disk through this.
      if (!Object.hasOwn(attachments, name)) throw new Error(`FileAttachment("${name}"): the notebook attaches no such file`);
      return readFileSync(attachments[name]!);
    },
    onRun: (cellIndex) => onRun(cellIndex),
    resolve: (specifier, fromUrl) => {
      if (siteDir === undefined) throw new Error("the realm has no notebook yet");
      return resolveInSite(specifier, fromUrl, siteDir);
    },
    load: (url) => moduleScript(url, false, Object.hasOwn(inMemory, url) ? inMemory[url] : undefined).runInContext(context) as ModuleFunction,
    loadPackage: (name) => moduleScript(pathToFileURL(path.join(DIST, `realm-${name}.js`)).href, true).runInContext(context) as ModuleFunction,
    register: (given) => void (api = given),
  };
  (context as { __wattbookHost?: RealmHost }).__wattbookHost = host;
  realmScript.runInContext(context);
  if (!api) throw new Error("dist/realm.js did not register its interface");
  const realm = api as RealmApi;
  const dispose = () => {
    for (const timer of timers.values()) clearTimeout(timer);
    for (const frame of frames.values()) clearImmediate(frame);
    timers.clear();
    frames.clear();
  };
  return {
    evaluate: async (task, onCellRun, attachmentSources) => {
      if (notebookUrl !== undefined && notebookUrl !== task.moduleUrl) return { crash: "a realm evaluates one notebook only" };
      notebookUrl = task.moduleUrl;
      inMemory = task.modules ?? {};
      attachments = attachmentSources ?? {};
      siteDir = scriptsRoot(path.dirname(fileURLToPath(task.moduleUrl)));
      onRun = onCellRun;
      try {
        return JSON.parse(await realm.evaluate(task)) as RealmOutcome;
      } catch (error) {
        return { crash: error instanceof Error ? error.message : String(error) };
      }
    },
    owns: (promise) => {
      for (let proto = Object.getPrototypeOf(promise); proto; proto = Object.getPrototypeOf(proto)) if (proto === realm.promisePrototype) return true;
      return false;
    },
    unhandledRejection: (reason) => realm.unhandledRejection(reason),
    dispose,
  };
}

/**
 * A module a realm may load: a relative import between the site's scripts (the notebook module, its
 * chunks, the library), never a package, a Node built-in or a file outside the site's scripts folder.
 */
function resolveInSite(specifier: string, fromUrl: string, root: string): string {
  if (!/^\.{1,2}\//.test(specifier) && !specifier.startsWith("file:")) {
    throw new Error(`cannot import "${specifier}" while the site is built: cells run in the browser too, where only the site's own scripts can be imported`);
  }
  const url = new URL(specifier, fromUrl);
  const file = fileURLToPath(url);
  if (!file.startsWith(root + path.sep) && file !== root) throw new Error(`cannot import "${specifier}": it is outside the site's scripts (${path.basename(root)}/)`);
  return url.href;
}

/** The site's scripts folder (`_wattbook`) holding `dir`, or `dir` itself when it is in none. */
function scriptsRoot(dir: string): string {
  for (let at = dir; path.dirname(at) !== at; at = path.dirname(at)) if (path.basename(at) === ASSETS_DIR) return at;
  return dir;
}
