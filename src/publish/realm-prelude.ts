// The first module to run in a notebook's realm (realm-entry.ts imports it first): it takes the worker's
// services off the global object, before any other module's top level (htmlparser2 already calls atob
// there), and installs the browser globals made from them. Cells never see the services object.
import { installRealmGlobals, type RealmServices } from "./realm-globals.ts";
import type { RealmHost } from "./realm-protocol.ts";

const slot = globalThis as unknown as { __wattbookHost?: RealmHost };
const given = slot.__wattbookHost;
delete slot.__wattbookHost;
if (!given) throw new Error("realm.js runs only in a notebook realm made by realm-host.ts");

export const host: RealmHost = given;

/** What timer, frame and microtask callbacks threw: each belongs to this realm's notebook. */
export const callbackFaults: unknown[] = [];

export const timers = installRealmGlobals(host as RealmServices, (error) => callbackFaults.push(error));

/**
 * A wait of the realm's own (time limits, settling): not one of the notebook's timers, so it neither
 * counts as work the notebook left pending nor is visible to it.
 */
export function ownDelay(ms: number): { promise: Promise<void>; cancel: () => void } {
  let handle = 0;
  const promise = new Promise<void>((resolve) => (handle = host.startTimer(resolve, ms, false)));
  return { promise, cancel: () => host.cancelTimer(handle) };
}

/** The realm's own repeating check; returns its canceller. */
export function ownInterval(callback: () => void, ms: number): () => void {
  const handle = host.startTimer(callback, ms, true);
  return () => host.cancelTimer(handle);
}
