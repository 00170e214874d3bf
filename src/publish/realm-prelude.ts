// The first module to run in a notebook's realm (realm-entry.ts imports it first): it takes the worker's
// services off the global object, before any other module's top level (htmlparser2 already calls atob
// there), and installs the browser globals made from them. Cells never see the services object.
import { installRealmGlobals, type RealmServices } from "./realm-globals.ts";
import type { RealmHost } from "./realm-entry.ts";

const slot = globalThis as unknown as { __wattbookHost?: RealmHost };
const given = slot.__wattbookHost;
delete slot.__wattbookHost;
if (!given) throw new Error("realm.js runs only in a notebook realm made by realm-host.ts");

export const host: RealmHost = given;

/** What timer, frame and microtask callbacks threw: each belongs to this realm's notebook. */
export const callbackFaults: unknown[] = [];

export const timers = installRealmGlobals(host as RealmServices, (error) => callbackFaults.push(error));
