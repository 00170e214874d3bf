// Which browser API, missing or empty at build, made a cell fail: the build's realm has a browser's
// globals but no page around them (no storage, no sensors, no layout, a document holding nothing of the
// page), so a cell that needs the reader's browser fails there for that reason alone. Its author is then
// told about ```js browser (cell-failure.ts). Read from what the cell threw and the code that threw it.

/** An API a cell may use that the build cannot give it, and what it is at build. */
interface BrowserApi {
  /** As the hint names it: "localStorage", "navigator.geolocation", "document.querySelector". */
  readonly api: string;
  /** What the cell meets at build, after the API's name: "exists only in the reader's browser, not at build". */
  readonly atBuild: string;
}

const MISSING = "exists only in the reader's browser, not at build";

/**
 * Globals a page has and the build's realm does not. A cell that names one gets "X is not defined";
 * through `window.X` it gets undefined, or "window.X is not a function".
 */
const BROWSER_GLOBALS: ReadonlySet<string> = new Set([
  "localStorage", "sessionStorage", "indexedDB", "caches", "cookieStore",
  "IntersectionObserver", "ResizeObserver", "MutationObserver", "PerformanceObserver",
  "AudioContext", "webkitAudioContext", "OfflineAudioContext", "Audio", "Image", "speechSynthesis", "SpeechSynthesisUtterance",
  "matchMedia", "getComputedStyle", "requestIdleCallback", "cancelIdleCallback", "getSelection", "visualViewport",
  "location", "history", "screen", "innerWidth", "innerHeight", "outerWidth", "outerHeight", "devicePixelRatio", "scrollX", "scrollY", "scrollTo", "scrollBy",
  "alert", "confirm", "prompt", "open", "print",
  "Worker", "SharedWorker", "WebSocket", "EventSource", "XMLHttpRequest", "BroadcastChannel", "Notification",
  "OffscreenCanvas", "Path2D", "createImageBitmap", "WebGLRenderingContext", "WebGL2RenderingContext", "FileReader",
]);

/** Properties of navigator a page may have and the build's fixed navigator has not. */
const NAVIGATOR_APIS = ["geolocation", "mediaDevices", "clipboard", "serviceWorker", "permissions", "storage", "getBattery", "connection", "wakeLock", "share", "vibrate", "bluetooth", "usb", "gpu", "deviceMemory", "userAgentData", "locks", "credentials"];

/** Code that reads a part of the page: it finds nothing in the build's empty document. */
const PAGE_QUERY = /\bdocument\s*\.\s*(querySelector|querySelectorAll|getElementById|getElementsByClassName|getElementsByTagName|getElementsByName|elementFromPoint)\b/;
const CANVAS_CONTEXT = /\.\s*getContext\s*\(/;
const NAVIGATOR = new RegExp(`\\bnavigator\\s*\\.\\s*(${NAVIGATOR_APIS.join("|")})\\b`);
const WINDOW_GLOBAL = /\b(?:window|globalThis|self)\s*\.\s*([A-Za-z_$][\w$]*)/g;

export interface CellThrew {
  /** What the cell threw, as its message. */
  readonly message: string;
  /** The thrown error's constructor name ("TypeError"), when it was an Error. */
  readonly errorName?: string;
  /** The line of the cell that threw, when known. */
  readonly line?: string;
  /** The whole code of the cell that threw. */
  readonly source: string;
}

/** The browser API behind a cell's failure at build, or undefined when the failure has another cause. */
export function browserApiBehind(threw: CellThrew): BrowserApi | undefined {
  const { message } = threw;
  const notDefined = /^(\S+) is not defined$/.exec(message)?.[1];
  if (notDefined !== undefined) return BROWSER_GLOBALS.has(notDefined) ? { api: notDefined, atBuild: MISSING } : undefined;
  if (threw.errorName !== undefined && threw.errorName !== "TypeError") return undefined;
  // window.matchMedia(…), new window.AudioContext(), navigator.getBattery()
  const notCallable = /^(.+?) is not a (?:function|constructor)\b/.exec(message)?.[1];
  if (notCallable !== undefined) {
    const name = notCallable.split(".").at(-1)!;
    if (BROWSER_GLOBALS.has(name)) return { api: notCallable.startsWith("window.") ? notCallable : name, atBuild: MISSING };
    if (/^navigator\./.test(notCallable) && NAVIGATOR_APIS.includes(name)) return { api: notCallable, atBuild: MISSING };
    if (name === "getContext") return canvas();
    // new (window.AudioContext || window.webkitAudioContext)()
    return windowGlobalIn(notCallable);
  }
  // A value the build's browser gives as null or undefined, read from: the line that threw first, then
  // the rest of the cell (the element a query found is often used a line or two later).
  const readNothing = /^Cannot (?:read|set) propert(?:y|ies) of (null|undefined)\b/.exec(message)?.[1];
  if (readNothing === undefined) return undefined;
  for (const code of threw.line === undefined ? [threw.source] : [threw.line, threw.source]) {
    const found = usedIn(code, readNothing === "null");
    if (found) return found;
  }
  return undefined;
}

/** The first browser API `code` uses that is null (`isNull`) or undefined at build. */
function usedIn(code: string, isNull: boolean): BrowserApi | undefined {
  const query = PAGE_QUERY.exec(code)?.[1];
  if (query !== undefined) return { api: `document.${query}`, atBuild: "finds nothing at build: the build's document holds none of the page's elements" };
  if (isNull) return CANVAS_CONTEXT.test(code) ? canvas() : undefined;
  const navigator = NAVIGATOR.exec(code)?.[1];
  if (navigator !== undefined) return { api: `navigator.${navigator}`, atBuild: MISSING };
  return windowGlobalIn(code);
}

/** The first browser global `code` reads from window (or globalThis, self). */
function windowGlobalIn(code: string): BrowserApi | undefined {
  for (const [, name] of code.matchAll(WINDOW_GLOBAL)) if (BROWSER_GLOBALS.has(name!)) return { api: `window.${name}`, atBuild: MISSING };
  return undefined;
}

function canvas(): BrowserApi {
  return { api: "HTMLCanvasElement.getContext", atBuild: "returns null at build, where nothing is drawn" };
}
