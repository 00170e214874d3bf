// The sandbox's first script: a classic script (bundled as an IIFE), because the sandbox's origin is
// opaque and every ES module or import() it asked the site for would be a CORS request that a static
// host refuses. It refuses to run unless it really is sandboxed (origin "null") inside a page of this
// site. The parent sends the page (its prerendered main column, stylesheets as text, fonts as bytes)
// and, on request, the text of the site's own modules; this loader turns each into a blob: module
// (same-origin with the sandbox, so no CORS) with its imports pointing at the other blobs, and then
// runs the page's module (the notebook goes live here) and the sandbox's editor (frame.ts).
import * as acorn from "acorn";
import * as acornWalk from "acorn-walk";
import type { FromFrame, InitMessage, ToFrame } from "../protocol.ts";
import { ATTACHMENTS_ELEMENT_ID } from "../../runtime/file-attachment.ts";
import { lendStorage } from "./memory-storage.ts";

export interface SandboxApi {
  readonly init: InitMessage;
  post(message: FromFrame): void;
  /** Loads a module of the site by its site-relative path, or relative to `from` (a site-relative path). */
  import(specifier: string, from?: string): Promise<Record<string, unknown>>;
  onMessage(listener: (message: ToFrame) => void): void;
}

declare global {
  // eslint-disable-next-line no-var
  var __wattbookSandbox: SandboxApi | undefined;
  // eslint-disable-next-line no-var
  var __wbImport: ((specifier: string, from?: string) => Promise<Record<string, unknown>>) | undefined;
  /** An attached file's bytes by its absolute URL, read through the parent (runtime/browser.ts uses it). */
  var __wbReadFile: ((url: string) => Promise<ArrayBuffer>) | undefined;
}

const script = document.currentScript as HTMLScriptElement | null;
const here = new URL(script?.src ?? location.href);
const siteOrigin = here.origin;
/** The site's root URL, ending in "/": where _wattbook/ is. */
const root = here.href.slice(0, here.href.lastIndexOf("/_wattbook/") + 1);
const framePath = script?.dataset.frame ? `_wattbook/editor/${script.dataset.frame}` : "";

function post(message: FromFrame): void {
  window.parent.postMessage(message, siteOrigin);
}


function boot(): void {
  const listeners: ((message: ToFrame) => void)[] = [];
  const pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let started = false;

  window.addEventListener("message", (event) => {
    if (event.source !== window.parent || event.origin !== siteOrigin) return;
    const message = event.data as ToFrame;
    if (!message || typeof message !== "object") return;
    if (message.type === "module") {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (typeof message.text === "string") waiting?.resolve(message.text);
      else waiting?.reject(new Error(message.error ?? "the page did not send the module"));
    } else if (message.type === "file") {
      const waiting = files.get(message.id);
      files.delete(message.id);
      if (message.bytes instanceof ArrayBuffer) waiting?.resolve(message.bytes);
      else waiting?.reject(new Error(message.error ?? "the page did not send the file"));
    } else if (message.type === "init") {
      if (started) return;
      started = true;
      void start(message).catch((error) => post({ type: "failed", message: error instanceof Error ? error.message : String(error) }));
    } else if (message.type === "locate") {
      const target = document.getElementById(message.id);
      if (target) post({ type: "scroll", y: target.getBoundingClientRect().top + window.scrollY });
    } else for (const listener of listeners) listener(message);
  });

  const requestText = (path: string) =>
    new Promise<string>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      post({ type: "module", id, path });
    });

  const files = new Map<number, { resolve: (bytes: ArrayBuffer) => void; reject: (error: Error) => void }>();
  globalThis.__wbReadFile = (url: string) =>
    new Promise<ArrayBuffer>((resolve, reject) => {
      if (!url.startsWith(root)) return reject(new Error(`${url} is not a file of this site`));
      const id = nextId++;
      files.set(id, { resolve, reject });
      post({ type: "file", id, path: decodeURIComponent(new URL(url).pathname.slice(new URL(root).pathname.length)) });
    });

  const modules = new ModuleLoader(requestText);
  const importSite = async (specifier: string, from?: string) => import(/* @vite-ignore */ await modules.load(resolvePath(specifier, from)));
  globalThis.__wbImport = importSite;
  (globalThis as { __wbShared?: unknown }).__wbShared = SHARED;
  post({ type: "hello" });

  async function start(init: InitMessage): Promise<void> {
    if (!init.base.startsWith(root)) throw new Error("the page is not on this site");
    const base = document.createElement("base");
    base.href = init.base;
    document.head.append(base);
    const style = document.createElement("style");
    style.textContent = `${init.css}\nhtml, body { margin: 0; padding: 0; overflow: hidden; background: transparent; }\n.wb-main.wb-in-sandbox { max-width: none; padding: 0 0 1rem; }`;
    document.head.append(style);
    for (const font of init.fonts) {
      try {
        const face = new FontFace(font.family, font.data, font.descriptors);
        document.fonts.add(face);
        void face.load().catch(() => {});
      } catch {
        // A font that does not load falls back, as it would on any page.
      }
    }
    const main = document.createElement("main");
    main.className = "wb-main wb-in-sandbox";
    // The author's own page as the build wrote it (it came from the parent, not from an edit).
    main.innerHTML = init.html;
    main.querySelectorAll("a[href]").forEach((link, index) => link.setAttribute("data-wb-link", String(index)));
    document.body.replaceChildren(main);
    // The page's attached files, where the page's module looks for them.
    const table = document.createElement("script");
    table.type = "application/json";
    table.id = ATTACHMENTS_ELEMENT_ID;
    table.textContent = JSON.stringify(init.files ?? {});
    document.head.append(table);
    watchSize();
    watchLinks();
    keepFrames();
    lendStorage();
    setInterval(() => post({ type: "beat" }), 500);
    globalThis.__wattbookSandbox = { init, post, import: importSite, onMessage: (listener) => void listeners.push(listener) };
    await importSite(init.page);
    if (!framePath) throw new Error("the sandbox's editor is missing");
    await importSite(framePath);
  }
}

/** `specifier` (site-relative, or relative to the module at `from`) as a site-relative path. */
function resolvePath(specifier: string, from?: string): string {
  const base = new URL(from ?? "", root);
  const url = new URL(specifier.startsWith(root) ? specifier.slice(root.length) : specifier, from ? base : root);
  if (!url.href.startsWith(root)) throw new Error(`${specifier} is not a module of this site`);
  return url.pathname.slice(new URL(root).pathname.length).split("/").map(decodeURIComponent).join("/");
}

/**
 * Chromium stops animation frames in a cross-origin frame that is off screen (a long consent panel
 * can push the whole sandbox below the fold), and the notebook's runtime computes on animation
 * frames: each frame also gets a timer, and whichever comes first runs the callback, once.
 */
function keepFrames(): void {
  const request = window.requestAnimationFrame.bind(window);
  const cancel = window.cancelAnimationFrame.bind(window);
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  window.requestAnimationFrame = (callback) => {
    let done = false;
    const run = (time: number) => {
      if (done) return;
      done = true;
      clearTimeout(timers.get(id));
      timers.delete(id);
      callback(time);
    };
    const id = request(run);
    timers.set(id, setTimeout(() => run(performance.now()), 100));
    return id;
  };
  window.cancelAnimationFrame = (id) => {
    clearTimeout(timers.get(id));
    timers.delete(id);
    cancel(id);
  };
}

function watchSize(): void {
  let last = -1;
  const report = () => {
    const px = Math.ceil(document.body.scrollHeight);
    if (px !== last) post({ type: "height", px: (last = px) });
  };
  new ResizeObserver(report).observe(document.body);
  report();
}

/**
 * Links in the sandbox never navigate it. A link within the page scrolls the parent; a link the
 * author wrote is followed by the parent, which looks it up in its own copy of the page by index.
 */
function watchLinks(): void {
  document.addEventListener("click", (event) => {
    const link = (event.target as Element | null)?.closest?.("a[href]");
    if (!link || link.classList.contains("wb-edit") || event.defaultPrevented) return;
    event.preventDefault();
    const href = link.getAttribute("href") ?? "";
    if (href.startsWith("#")) {
      const target = document.getElementById(decodeURIComponent(href.slice(1)));
      if (target) post({ type: "scroll", y: target.getBoundingClientRect().top + window.scrollY });
      return;
    }
    const index = link.getAttribute("data-wb-link");
    if (index !== null) post({ type: "link", index: Number(index) });
  });
}

/**
 * Packages the loader carries anyway, handed to the sandbox's editor instead of a second copy: its
 * bundle leaves them as bare imports (see publish/editor-bundle.ts), which resolve here.
 */
const SHARED: Record<string, Record<string, unknown>> = { acorn, "acorn-walk": acornWalk };
const SHARED_PREFIX = "shared:";

function sharedModule(name: string): string {
  const names = Object.keys(SHARED[name]!).filter((key) => /^[A-Za-z_$][\w$]*$/.test(key) && key !== "default");
  const text = `const m = globalThis.__wbShared[${JSON.stringify(name)}];\nexport const {${names.join(", ")}} = m;\n`;
  return URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
}

interface Parsed {
  readonly text: string;
  /** Static imports and re-exports: the source literal's range and its resolved path. */
  readonly statics: readonly { start: number; end: number; path: string }[];
  readonly edits: readonly { start: number; end: number; text: string }[];
}

/**
 * Site modules as blob: URLs. Static imports are loaded first and written as the blobs' URLs (the
 * site's module graph has no static cycles; one would be reported); `import(…)` becomes a call to the
 * loader, so chunks load when they are first asked for, as on a read page; `import.meta` gets the
 * module's real URL.
 */
class ModuleLoader {
  private readonly urls = new Map<string, Promise<string>>();
  private readonly parsed = new Map<string, Promise<Parsed>>();

  constructor(private readonly requestText: (path: string) => Promise<string>) {}

  load(path: string, chain: readonly string[] = []): Promise<string> {
    if (chain.includes(path)) return Promise.reject(new Error(`the modules ${[...chain, path].join(" → ")} import each other`));
    let url = this.urls.get(path);
    if (!url) {
      url = path.startsWith(SHARED_PREFIX) ? Promise.resolve(sharedModule(path.slice(SHARED_PREFIX.length))) : this.build(path, [...chain, path]);
      this.urls.set(path, url);
    }
    return url;
  }

  private async build(path: string, chain: readonly string[]): Promise<string> {
    const parsed = await this.parse(path);
    const replacements: { start: number; end: number; text: string }[] = [...parsed.edits];
    const urls = await Promise.all(parsed.statics.map((item) => this.load(item.path, chain)));
    parsed.statics.forEach((item, index) => replacements.push({ start: item.start, end: item.end, text: JSON.stringify(urls[index]) }));
    let text = parsed.text;
    for (const { start, end, text: insert } of replacements.sort((a, b) => b.start - a.start)) text = text.slice(0, start) + insert + text.slice(end);
    return URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
  }

  private parse(path: string): Promise<Parsed> {
    let parsed = this.parsed.get(path);
    if (!parsed) {
      parsed = this.requestText(path).then((text) => parseModule(text, path));
      this.parsed.set(path, parsed);
    }
    return parsed;
  }
}

type Ranged = { start: number; end: number };
type SourceNode = Ranged & { source?: (Ranged & { type: string; value?: unknown }) | null };

function parseModule(text: string, path: string): Parsed {
  const program = acorn.parse(text, { ecmaVersion: "latest", sourceType: "module" });
  const statics: { start: number; end: number; path: string }[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  const staticSource = (node: unknown) => {
    const source = (node as SourceNode).source;
    if (source && typeof source.value === "string") statics.push({ start: source.start, end: source.end, path: source.value in SHARED ? `${SHARED_PREFIX}${source.value}` : resolvePath(source.value, path) });
  };
  acornWalk.simple(program, {
    ImportDeclaration: staticSource,
    ExportNamedDeclaration: staticSource,
    ExportAllDeclaration: staticSource,
    ImportExpression(node) {
      const source = (node as unknown as SourceNode).source!;
      // import(x) → __wbImport(x, "this/module.js"): the same resolution, through the loader.
      edits.push({ start: node.start, end: source.start, text: "__wbImport(" }, { start: source.end, end: source.end, text: `, ${JSON.stringify(path)}` });
    },
    MetaProperty(node) {
      edits.push({ start: node.start, end: node.end, text: `({url: ${JSON.stringify(new URL(path, root).href)}})` });
    },
  });
  return { text, statics, edits };
}

// Only inside an edit page of this site, and only sandboxed: opened directly or framed without the
// sandbox attribute, this document would have the site's origin and must run nothing it is sent.
const sandboxed = self.origin === "null" && window.parent !== window && root.length > 0;
if (!sandboxed) document.body.textContent = "This page only runs inside a wattbook edit page.";
else boot();
