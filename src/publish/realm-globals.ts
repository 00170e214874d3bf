// Runs inside a notebook's realm (see realm-host.ts): gives it the globals a browser page has and that
// a vm context lacks (timers, animation frames, console, performance, atob/btoa, crypto), built from the
// few services the worker passes in. Every function a cell can reach is made here, in the realm: a host
// function would hand a cell the worker's own Function constructor, and with it `process`. Host
// services stay in this module's closure.
//
// What the realm deliberately does not have: process, require, Buffer, global, setImmediate, node:
// modules (cells run in the browser too), and network access at build time (fetch rejects, saying why).

/** What the worker gives a realm; plain functions of plain values. */
export interface RealmServices {
  /** Schedules `callback` after `ms` (repeating when `repeat`); returns a handle for cancelTimer. */
  readonly startTimer: (callback: () => void, ms: number, repeat: boolean) => number;
  readonly cancelTimer: (handle: number) => void;
  /** Runs `callback` as soon as the event loop is free (the realm's animation frame). */
  readonly nextFrame: (callback: () => void) => number;
  readonly cancelFrame: (handle: number) => void;
  /** Milliseconds, monotonic. */
  readonly now: () => number;
  /** Wall clock at the realm's start, ms since the epoch (performance.timeOrigin). */
  readonly timeOrigin: number;
  readonly log: (level: string, args: readonly unknown[]) => void;
  readonly atob: (data: string) => string;
  readonly btoa: (data: string) => string;
  /** Fills a typed array with random bytes. */
  readonly randomFill: (array: ArrayBufferView) => void;
  readonly randomUUID: () => string;
  /**
   * Web platform classes a vm context lacks (URL, TextEncoder, …), each given only to a notebook whose
   * cells name it (see giveWebClasses). They are the worker's own classes: a way back to its realm for code that sets out to
   * find one, which node:vm does not close (it is no security boundary). What it does stop is any
   * notebook seeing Node's globals, or another notebook's changes.
   */
  readonly webClasses: Readonly<Record<string, unknown>>;
  /** The bytes of a file the notebook attaches, by its path relative to the notebooks root (see file-attachment.ts). */
  readonly readAttachment: (path: string) => Uint8Array;
}

export interface RealmTimers {
  /** Timers, frames and intervals not yet run once, and when each is due (on performance.now()). */
  pendingFirstRuns(): number[];
  /** Cancels every timer and frame: the realm is being thrown away. */
  cancelAll(): void;
}

/**
 * Installs the browser globals on the realm's globalThis. `fault` receives what a timer, frame or
 * microtask callback throws: in a page that is an uncaught error; at build it belongs to its notebook.
 */
export function installRealmGlobals(services: RealmServices, fault: (error: unknown) => void): RealmTimers {
  const g = globalThis as unknown as Record<string, unknown>;
  const guarded = (callback: (...args: unknown[]) => unknown, args: readonly unknown[]) => () => {
    try {
      callback(...args);
    } catch (error) {
      fault(error);
    }
  };
  const callable = (name: string, handler: unknown): ((...args: unknown[]) => unknown) => {
    if (typeof handler !== "function") throw new TypeError(`${name} needs a function: a string of code would need eval, which the page's Content-Security-Policy forbids`);
    return handler as (...args: unknown[]) => unknown;
  };

  // The realm's clock (performance.now()) starts with the realm; due times below are on it.
  const start = services.now();
  const now = () => services.now() - start;

  // Handles as the browser gives them: small integers, the same space for timeouts and intervals.
  // An interval counts as due until its first tick: a callback that throws, throws then.
  const live = new Map<number, { readonly host: number; readonly frame: boolean; dueMs: number | undefined }>();
  let nextHandle = 1;
  const schedule = (callback: () => void, ms: number, repeat: boolean) => {
    const handle = nextHandle++;
    const delay = Math.max(0, Number(ms) || 0);
    const run = () => {
      if (!repeat) live.delete(handle);
      else if (live.has(handle)) live.get(handle)!.dueMs = undefined;
      callback();
    };
    live.set(handle, { host: services.startTimer(run, delay, repeat), frame: false, dueMs: now() + delay });
    return handle;
  };
  const cancel = (handle: unknown) => {
    const entry = live.get(Number(handle));
    if (!entry) return;
    live.delete(Number(handle));
    if (entry.frame) services.cancelFrame(entry.host);
    else services.cancelTimer(entry.host);
  };
  g.setTimeout = function setTimeout(handler: unknown, ms?: number, ...args: unknown[]) {
    return schedule(guarded(callable("setTimeout", handler), args), ms ?? 0, false);
  };
  g.setInterval = function setInterval(handler: unknown, ms?: number, ...args: unknown[]) {
    return schedule(guarded(callable("setInterval", handler), args), ms ?? 0, true);
  };
  g.clearTimeout = function clearTimeout(handle: unknown) {
    cancel(handle);
  };
  g.clearInterval = function clearInterval(handle: unknown) {
    cancel(handle);
  };
  g.requestAnimationFrame = function requestAnimationFrame(handler: unknown) {
    const callback = callable("requestAnimationFrame", handler);
    const handle = nextHandle++;
    const run = guarded(() => {
      live.delete(handle);
      callback(now());
    }, []);
    live.set(handle, { host: services.nextFrame(run), frame: true, dueMs: now() });
    return handle;
  };
  g.cancelAnimationFrame = function cancelAnimationFrame(handle: unknown) {
    cancel(handle);
  };
  g.queueMicrotask = function queueMicrotask(handler: unknown) {
    const callback = callable("queueMicrotask", handler);
    void Promise.resolve().then(guarded(callback, []));
  };

  g.performance = Object.freeze({ now, timeOrigin: services.timeOrigin });

  const console: Record<string, (...args: unknown[]) => void> = {};
  for (const level of ["log", "info", "warn", "error", "debug", "trace", "table", "dir"]) {
    console[level] = (...args: unknown[]) => services.log(level, args);
  }
  g.console = console;

  g.atob = function atob(data: unknown) {
    return services.atob(String(data));
  };
  g.btoa = function btoa(data: unknown) {
    return services.btoa(String(data));
  };
  g.crypto = Object.freeze({
    getRandomValues<T extends ArrayBufferView>(array: T): T {
      if (!ArrayBuffer.isView(array) || array instanceof Float32Array || array instanceof Float64Array) throw new TypeError("crypto.getRandomValues needs an integer typed array");
      services.randomFill(array);
      return array;
    },
    randomUUID: () => services.randomUUID(),
  });
  g.fetch = function fetch(resource: unknown) {
    return Promise.reject(
      new TypeError(`fetch(${JSON.stringify(String(resource)).slice(0, 200)}) cannot run while the site is built: notebooks are evaluated without network or file access; compute the value in a cell, or import it from an installed package`),
    );
  };
  g.self = globalThis;
  // A fixed navigator: what a page built anywhere says must not depend on the build machine.
  g.navigator = Object.freeze({ userAgent: "wattbook-build", language: "en-US", languages: Object.freeze(["en-US"]), onLine: false, hardwareConcurrency: 1 });
  g.structuredClone = function structuredClone(value: unknown) {
    return cloneStructured(value, new Map());
  };

  return {
    pendingFirstRuns: () => [...live.values()].flatMap((entry) => (entry.dueMs === undefined ? [] : [entry.dueMs])),
    cancelAll: () => {
      for (const handle of [...live.keys()]) cancel(handle);
    },
  };
}

/** Puts on globalThis the web classes that `names` (the cells' free names) ask for. */
export function giveWebClasses(services: RealmServices, names: Iterable<string>): void {
  const g = globalThis as unknown as Record<string, unknown>;
  for (const name of names) if (Object.hasOwn(services.webClasses, name) && !(name in g)) g[name] = services.webClasses[name];
}

/** The structured clone of plain data, made in this realm (a host clone would hand back the host's objects). */
function cloneStructured(value: unknown, seen: Map<object, unknown>): unknown {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) {
    if (typeof value === "symbol") throw new TypeError("structuredClone: a symbol cannot be cloned");
    return value;
  }
  if (typeof value === "function") throw new TypeError("structuredClone: a function cannot be cloned");
  const object = value as object;
  if (seen.has(object)) return seen.get(object);
  const remember = <T>(copy: T): T => (seen.set(object, copy), copy);
  if (object instanceof Date) return remember(new Date(object.getTime()));
  if (object instanceof RegExp) return remember(new RegExp(object.source, object.flags));
  if (object instanceof ArrayBuffer) return remember(object.slice(0));
  if (ArrayBuffer.isView(object)) {
    const view = object as unknown as { constructor: new (buffer: ArrayBuffer, offset: number, length: number) => unknown; buffer: ArrayBuffer; byteOffset: number; byteLength: number; length?: number };
    const buffer = view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength);
    return remember(new view.constructor(buffer, 0, view.length ?? view.byteLength));
  }
  if (object instanceof Map) {
    const copy = remember(new Map());
    for (const [k, v] of object) copy.set(cloneStructured(k, seen), cloneStructured(v, seen));
    return copy;
  }
  if (object instanceof Set) {
    const copy = remember(new Set());
    for (const v of object) copy.add(cloneStructured(v, seen));
    return copy;
  }
  if (object instanceof Error) {
    const copy = remember(new Error(object.message));
    copy.name = object.name;
    return copy;
  }
  if (Array.isArray(object)) {
    const copy = remember(new Array(object.length));
    object.forEach((v, i) => (copy[i] = cloneStructured(v, seen)));
    return copy;
  }
  const proto = Object.getPrototypeOf(object);
  if (proto !== Object.prototype && proto !== null) throw new TypeError(`structuredClone: a ${proto?.constructor?.name ?? "class instance"} cannot be cloned`);
  const copy = remember({} as Record<string, unknown>);
  for (const key of Object.keys(object)) copy[key] = cloneStructured((object as Record<string, unknown>)[key], seen);
  return copy;
}
