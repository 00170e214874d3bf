// The editor's entry on an edit page (`_edit/<page>.html`), on the site's origin. The design:
//
// Edited code — a shared link's and the reader's own — never runs here. The whole live page runs in
// an opaque-origin sandbox, `<iframe sandbox="allow-scripts">` without allow-same-origin
// (_wattbook/editor/sandbox.html): the notebook's runtime, every cell, its inputs and outputs, the
// cell controls, CodeMirror, Diff and scratch cells, exactly as the page would run them, so every
// edit-page feature keeps working (an edited cell may define functions, inputs, figures or
// generators that other cells use; values never have to cross a boundary). In the sandbox,
// localStorage, sessionStorage and cookies throw and `parent` is another origin, so edited code cannot
// touch the site's storage or other pages. This page is the shell around it: it keeps storage, the
// banner (share link, Reset page, the reader's set-aside edits), the consent panel of a shared link,
// and a watchdog. It shows the prerendered page (and runs the published notebook, the site's own
// code, exactly like the read page) until the sandbox is live, then shows the sandbox in its place.
//
// Why not run only the edited cells in the sandbox: their values would have to cross by structured
// clone, so an edited cell could no longer hand functions, DOM, inputs or generators to the others,
// and their outputs would have to come back as HTML to sanitise. Why not classic copies of the
// library: an opaque origin cannot load the site's ES modules (CORS) and a second, IIFE build of the
// runtime, Plot and the kernel would double what edit pages load. Instead the sandbox's loader (a
// classic script) asks this page for the text of the site's own modules under _wattbook/ and loads
// each as a blob: module (see sandbox/loader.ts): the same bytes as the read page, fetched once.
//
// The messages both ways are in protocol.ts; this side validates each one (sender, type, fields and
// sizes) and can only be made to save edits of this page's cells under this page's key, size the
// frame, scroll, follow a link the author put in the page, or hand out the site's scripts. A link's
// edits run only after "Run these edits" and are saved only after "Keep these edits"; the reader's
// own edits are saved only once they have run to the end without tripping the loop guard (the sandbox
// reports them after they settle). A sandbox that stops answering (no heartbeat) is removed and the
// published page comes back, so "Reset page" is always reachable: in Chromium the sandboxed frame
// runs in its own process, and a frame that spins does not stop this page (test/browser/share-link).
import { ATTACHMENTS_ELEMENT_ID, type AttachedFile } from "../runtime/file-attachment.ts";
import { type Edits, editCount, NO_EDITS } from "./edits.ts";
import { fragmentParameters, readPageData, type PageData } from "./page-data.ts";
import { type FontData, type FromFrame, parseFrameMessage, type ToFrame } from "./protocol.ts";
import { decodeEdits, encodeEdits, INPUTS_PARAMETER, SHARE_PARAMETER, shareUrl } from "./share.ts";
import { localEditStore, setAsideKey, storageKey } from "./store.ts";
import { Banner } from "./ui/banner.ts";
import { ConsentPanel, fitEdits, leftOutNote, type LinkEdits } from "./ui/consent.ts";
import { h } from "./ui/dom.ts";
import { parseInputValues, type InputValues } from "./ui/inputs.ts";
import { installStyles } from "./ui/styles.ts";

/** No heartbeat for this long: the sandbox is stuck (its loop guard stops loops after 1 s). */
const FROZEN_MS = 4000;
/** How long the sandbox may take to load the page before the first heartbeat. */
const BOOT_MS = 20_000;

type Mode =
  /** The reader's own edits run, and are saved as they change. */
  | "own"
  /** A shared link waits for the reader's decision: the sandbox runs the published page. */
  | "asking"
  /** A shared link's edits run, not saved. */
  | "preview";

class Shell {
  private readonly store = localEditStore();
  private readonly key: string;
  private readonly setAside: string;
  private readonly known: ReadonlySet<string>;
  private readonly banner: Banner;
  private readonly main: HTMLElement;
  private readonly published: HTMLElement;
  private frame: HTMLIFrameElement | undefined;
  private frameLive = false;
  private lastBeat = 0;
  private watchdog: ReturnType<typeof setInterval> | undefined;
  /** What the sandbox last said runs. */
  private current: Edits = NO_EDITS;
  /** The inputs the sandbox last said the reader has moved (a share link carries them). */
  private inputs: InputValues = {};
  private unsafe: readonly string[] = [];
  private mode: Mode = "own";
  private consent: { panel: ConsentPanel; link: LinkEdits } | undefined;
  /** Edits to send once the sandbox is live (asked for before it was). */
  private queued: Edits | undefined;
  private pristine: Promise<Document>;

  constructor(
    private readonly data: PageData,
    private readonly root: string,
    notebookPath: string,
  ) {
    this.key = storageKey(notebookPath);
    this.setAside = setAsideKey(notebookPath);
    this.known = new Set(data.cells.map((cell) => cell.id));
    this.main = document.querySelector<HTMLElement>(".wb-main") ?? document.body;
    // The page as built, for the sandbox: not this document's, which the published run is changing.
    this.pristine = fetch(location.href.replace(/#.*$/, ""), { credentials: "same-origin" })
      .then((response) => response.text())
      .then((html) => new DOMParser().parseFromString(html, "text/html"));
    this.published = h("div", { class: "wb-published" });
    this.published.append(...this.main.childNodes);
    this.main.append(this.published);
    this.banner = new Banner(data.readPage, {
      share: async () => shareUrl(location.href, editCount(this.current) ? await encodeEdits(this.current) : undefined, this.inputs),
      resetAll: () => this.resetAll(),
      restoreSetAside: () => this.restoreSetAside(),
      restart: () => this.startFrame(this.store.load(this.key) ?? null),
    });
    installStyles();
    document.documentElement.classList.add("wb-editing");
    this.main.prepend(this.banner.element);
    window.addEventListener("message", (event) => this.receive(event));
    document.addEventListener("click", (event) => this.followPageLink(event), true);
  }

  /** Starts the sandbox with `edits` (none: the published page). */
  startFrame(edits: Edits | null, inputs: InputValues | null = null, open: string | null = null): void {
    this.stopFrame();
    const frame = h("iframe", {
      class: "wb-sandbox",
      sandbox: "allow-scripts",
      title: "The live page, with edits (sandboxed)",
      src: new URL(this.data.sandbox, location.href).href,
    });
    this.frame = frame;
    this.frameLive = false;
    this.initSent = false;
    // A sandbox that navigates itself elsewhere is no longer this page's: it is removed.
    let loads = 0;
    frame.addEventListener("load", () => {
      if (++loads > 1 && this.frame === frame) {
        this.stopFrame();
        this.banner.frozen("The edited code tried to take the page elsewhere, so it was stopped and the author's page is shown.");
      }
    });
    this.lastBeat = performance.now() + BOOT_MS - FROZEN_MS;
    this.main.classList.add("wb-booting");
    this.main.append(frame);
    this.pending = { edits, inputs, open };
    this.inputs = {};
    this.watchdog = setInterval(() => this.checkPulse(), 500);
  }

  private pending: { edits: Edits | null; inputs: InputValues | null; open: string | null } = { edits: null, inputs: null, open: null };
  private initSent = false;

  private stopFrame(): void {
    clearInterval(this.watchdog);
    this.frame?.remove();
    this.frame = undefined;
    this.frameLive = false;
    this.main.classList.remove("wb-sandboxed", "wb-booting");
    document.documentElement.classList.remove("wb-sandbox-live");
  }

  private checkPulse(): void {
    if (!this.frame || performance.now() - this.lastBeat < FROZEN_MS) return;
    // Stuck (or never started): remove it, which ends whatever it runs, and show the published page.
    this.stopFrame();
    this.banner.frozen("The edited code stopped responding, so it was stopped and the author's page is shown. Edits that had not run to the end were not saved.");
  }

  private post(message: ToFrame, transfer: Transferable[] = []): void {
    this.frame?.contentWindow?.postMessage(message, "*", transfer);
  }

  private receive(event: MessageEvent): void {
    if (!this.frame || event.source !== this.frame.contentWindow || event.origin !== "null") return;
    const message = parseFrameMessage(event.data, this.known);
    if (!message) return;
    this.lastBeat = performance.now();
    void this.handle(message);
  }

  private async handle(message: FromFrame): Promise<void> {
    switch (message.type) {
      case "hello":
        return this.sendInit();
      case "beat":
        return;
      case "module":
        return this.sendModule(message.id, message.path);
      case "file":
        return this.sendFile(message.id, message.path);
      case "live":
        this.frameLive = true;
        this.main.classList.remove("wb-booting");
        this.main.classList.add("wb-sandboxed");
        document.documentElement.classList.add("wb-sandbox-live");
        // The published run has nothing left to show: the sandbox runs the page now.
        try {
          window.wattbook?.runtime.dispose();
        } catch {
          // Already gone.
        }
        if (this.queued) (this.post({ type: "apply", edits: this.queued, note: true }), (this.queued = undefined));
        return;
      case "applied":
        if (message.skipped) this.banner.note(leftOutNote(message.skipped));
        if (this.mode === "preview") this.consent?.panel.running();
        return;
      case "edits":
        this.current = message.edits;
        this.unsafe = message.unsafe;
        if (this.mode === "own") this.store.save(this.key, withoutUnsafe(message.edits, message.unsafe));
        return this.updateBanner();
      case "height":
        if (this.frame) this.frame.style.height = `${Math.min(message.px, 1_000_000)}px`;
        return;
      case "scroll":
        if (this.frame) window.scrollTo({ top: this.frame.getBoundingClientRect().top + window.scrollY + message.y });
        return;
      case "link":
        return this.followAuthorLink(message.index);
      case "inputs":
        this.inputs = message.values;
        return this.updateBanner();
      case "failed":
        this.stopFrame();
        this.banner.frozen(`The page could not run in its sandbox (${message.message}); the author's page is shown.`);
        return;
    }
  }

  private async sendInit(): Promise<void> {
    const doc = await this.pristine;
    const main = doc.querySelector(".wb-main");
    const [css, fonts] = await Promise.all([pageStyles(), pageFonts()]);
    if (this.initSent) return;
    this.initSent = true;
    const { edits, inputs, open } = this.pending;
    this.post(
      {
        type: "init",
        base: location.href.replace(/#.*$/, ""),
        html: main?.innerHTML ?? "",
        css,
        fonts,
        page: this.sitePath(this.data.page),
        kernel: this.sitePath(this.data.kernel),
        cells: this.data.cells,
        edits,
        inputs,
        open,
        files: pageFiles(document, location.href),
      },
      fonts.map((font) => font.data),
    );
  }

  private sitePath(relative: string): string {
    return new URL(relative, location.href).href.slice(this.root.length);
  }

  private readonly scripts = new Map<string, Promise<string>>();

  /** One of the site's scripts, by a path the protocol has checked (under _wattbook/, a .js file). */
  private async sendModule(id: number, path: string): Promise<void> {
    const url = new URL(path.split("/").map(encodeURIComponent).join("/"), this.root);
    if (!url.href.startsWith(`${this.root}_wattbook/`)) return this.post({ type: "module", id, error: "not a script of this site" });
    let text = this.scripts.get(url.href);
    if (!text) {
      text = fetch(url, { credentials: "same-origin" }).then((response) => (response.ok ? response.text() : Promise.reject(new Error(`${path}: ${response.status}`))));
      this.scripts.set(url.href, text);
    }
    try {
      this.post({ type: "module", id, text: await text });
    } catch (error) {
      this.post({ type: "module", id, error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** An attached file's bytes, by a path the protocol has checked (under _file/): the sandbox cannot fetch the site. */
  private async sendFile(id: number, path: string): Promise<void> {
    const url = new URL(path.split("/").map(encodeURIComponent).join("/"), this.root);
    try {
      const response = await fetch(url, { credentials: "same-origin" });
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      const bytes = await response.arrayBuffer();
      this.post({ type: "file", id, bytes }, [bytes]);
    } catch (error) {
      this.post({ type: "file", id, error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** The sandbox asked to follow a link: only one the author wrote into the page, looked up here. */
  private async followAuthorLink(index: number): Promise<void> {
    const link = (await this.pristine).querySelectorAll<HTMLAnchorElement>(".wb-main a[href]")[index];
    if (!link) return;
    const url = new URL(link.getAttribute("href") ?? "", location.href);
    if (url.protocol === "http:" || url.protocol === "https:") location.assign(url.href);
  }

  /** Links outside the sandbox to places in the page (the contents) scroll to them in the sandbox. */
  private followPageLink(event: MouseEvent): void {
    if (!this.frameLive) return;
    const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>("a[href^='#']");
    const id = link?.getAttribute("href")?.slice(1);
    if (!link || !id || /^(edit|edits|inputs)=/.test(id)) return;
    event.preventDefault();
    this.post({ type: "locate", id: decodeURIComponent(id) });
  }

  /** Edits to run in the sandbox now (or once it is live). */
  private apply(edits: Edits): void {
    if (!this.frame) return this.startFrame(edits);
    if (this.frameLive) this.post({ type: "apply", edits, note: true });
    else if (!this.initSent) this.pending = { ...this.pending, edits };
    else this.queued = edits;
  }

  /** A shared link: nothing from it runs until the reader says so. */
  offer(link: LinkEdits): void {
    this.mode = "asking";
    const panel = new ConsentPanel(link, this.data.cells, {
      run: () => {
        if (this.mode !== "asking") return;
        this.mode = "preview";
        this.banner.fromLink = editCount(link.applicable) > 0;
        this.apply(link.applicable);
      },
      keep: () => {
        // What the reader saw in the panel, less what did not run to the end.
        const kept = withoutUnsafe(link.applicable, this.unsafe);
        const own = this.store.load(this.key);
        if (own && editCount(own)) this.store.save(this.setAside, own);
        this.store.save(this.key, kept);
        this.mode = "own";
        this.endOffer();
        if (link.leftOut) this.banner.note(leftOutNote(link.leftOut));
      },
      discard: () => {
        const ran = this.mode === "preview";
        this.mode = "own";
        this.banner.fromLink = false;
        this.endOffer();
        const own = this.store.load(this.key);
        if (ran || own) this.apply(own ?? NO_EDITS);
      },
    });
    this.consent = { panel, link };
    this.banner.element.after(panel.element);
  }

  private endOffer(): void {
    this.consent?.panel.remove();
    this.consent = undefined;
    history.replaceState(null, "", `${location.pathname}${location.search}`);
    this.updateBanner();
  }

  open(cell: string): void {
    if (this.frameLive) this.post({ type: "open", cell });
  }

  private resetAll(): void {
    this.store.save(this.key, NO_EDITS);
    this.banner.fromLink = false;
    if (this.consent) this.endOffer();
    this.mode = "own";
    this.current = NO_EDITS;
    this.banner.clearNotice();
    // A live sandbox resets in place; a stuck or missing one starts again without edits.
    if (this.frame && this.frameLive && performance.now() - this.lastBeat < 1500) this.post({ type: "apply", edits: NO_EDITS, note: false });
    else this.startFrame(null);
    this.updateBanner();
  }

  private restoreSetAside(): void {
    const own = this.store.load(this.setAside) ?? NO_EDITS;
    this.store.save(this.setAside, NO_EDITS);
    this.store.save(this.key, own);
    this.mode = "own";
    this.apply(own);
    this.updateBanner();
  }

  updateBanner(): void {
    this.banner.update(this.current, Boolean(this.store.load(this.setAside)), Object.keys(this.inputs).length);
  }
}

function withoutUnsafe(edits: Edits, unsafe: readonly string[]): Edits {
  if (!unsafe.length) return edits;
  const skip = new Set(unsafe);
  return { cells: Object.fromEntries(Object.entries(edits.cells).filter(([id]) => !skip.has(id))), scratch: edits.scratch.filter((s) => !skip.has(s.id)) };
}

/** The page's stylesheets as text for the sandbox, relative URLs made absolute, @font-face left out. */
async function pageStyles(): Promise<string> {
  const parts: string[] = [];
  for (const sheet of document.styleSheets) {
    if (!(sheet.ownerNode instanceof HTMLLinkElement)) continue;
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    const base = sheet.href ?? location.href;
    for (const rule of rules) {
      if (rule instanceof CSSFontFaceRule) continue;
      parts.push(rule.cssText.replace(/url\(\s*(["']?)([^"')]+)\1\s*\)/g, (_, __, url: string) => `url(${JSON.stringify(new URL(url, base).href)})`));
    }
  }
  return parts.join("\n");
}

/**
 * The fonts this page has loaded (KaTeX's, for math), as bytes: the sandbox's opaque origin makes
 * every font request a CORS request, which a static host refuses.
 */
async function pageFonts(): Promise<FontData[]> {
  await document.fonts.ready;
  const weight = (w: string) => (w === "normal" ? "400" : w === "bold" ? "700" : w);
  const unquote = (name: string) => name.replace(/^["']|["']$/g, "");
  const loaded = [...document.fonts].filter((face) => face.status === "loaded");
  const fonts: FontData[] = [];
  for (const sheet of document.styleSheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of rules) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const family = unquote(rule.style.getPropertyValue("font-family"));
      const style = rule.style.getPropertyValue("font-style") || "normal";
      const fontWeight = rule.style.getPropertyValue("font-weight") || "normal";
      if (!loaded.some((face) => unquote(face.family) === family && face.style === style && weight(face.weight) === weight(fontWeight))) continue;
      const src = /url\(\s*["']?([^"')]+)["']?\s*\)/.exec(rule.style.getPropertyValue("src"))?.[1];
      if (!src) continue;
      const url = new URL(src, sheet.href ?? location.href);
      if (url.origin !== location.origin) continue;
      try {
        const response = await fetch(url);
        if (response.ok) fonts.push({ family, descriptors: { style, weight: fontWeight }, data: await response.arrayBuffer() });
      } catch {
        // Falls back to another font.
      }
    }
  }
  return fonts;
}

async function start(): Promise<void> {
  const data = readPageData();
  const root = new URL(data.root, location.href).href;
  const notebookPath = await notebookPathOf(data);
  const shell = new Shell(data, root, notebookPath);
  const parameters = fragmentParameters(location.hash);
  const shared = parameters.get(SHARE_PARAMETER);
  const inputs = parseInputValues(parameters.get(INPUTS_PARAMETER)) ?? null;
  const target = parameters.get("edit");
  const link = shared ? await decodeEdits(shared) : undefined;
  if (link) {
    // The page runs as published until the reader decides; their own edits stay where they are.
    shell.offer(fitEdits(link, data.cells));
    shell.startFrame(null, inputs, target);
  } else {
    shell.startFrame(localEditStore().load(storageKey(notebookPath)) ?? null, inputs, target);
    // The fragment has done its work; a reload starts from what is stored.
    if (shared || inputs) history.replaceState(null, "", `${location.pathname}${location.search}${target ? `#edit=${encodeURIComponent(target)}` : ""}`);
  }
  shell.updateBanner();
  window.addEventListener("hashchange", () => {
    const id = fragmentParameters(location.hash).get("edit");
    if (id) shell.open(id);
  });
}

/** The notebook's path (the storage key): the published run's, which the read page uses too. */
async function notebookPathOf(data: PageData): Promise<string> {
  for (let i = 0; i < 50 && !window.wattbook && !data.notebook; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  return window.wattbook?.notebook.path ?? data.notebook ?? data.readPage;
}

start().catch((error) => console.error("wattbook editor:", error));

/** The page's table of attached files (see runtime/file-attachment.ts), with each URL made absolute. */
function pageFiles(doc: Document, base: string): Record<string, AttachedFile> {
  const element = doc.getElementById(ATTACHMENTS_ELEMENT_ID);
  const table = element ? (JSON.parse(element.textContent ?? "{}") as Record<string, AttachedFile>) : {};
  return Object.fromEntries(Object.entries(table).map(([name, file]) => [name, { ...file, url: new URL(file.url, base).href }]));
}
