// The libraries a notebook realm loads only when a cell uses them (Plot, Inputs, and marked and KaTeX
// behind md and tex). Each is its own script (dist/realm-plot.js, …), not part of dist/realm.js: a
// bundle's function declarations are all created when it runs, used or not, and d3 and Plot would make
// every realm pay for thousands of them. scripts/compile.mjs points the realm's imports of these
// packages here.
import { host } from "./realm-prelude.ts";
import type { RealmPackage } from "./realm-protocol.ts";

const loaded = new Map<RealmPackage, unknown>();

/** The package's exports, run in this realm on first use. */
export function realmPackage(name: RealmPackage): unknown {
  if (!loaded.has(name)) {
    const module = { exports: {} as unknown };
    host.loadPackage(name)(() => {
      throw new Error(`${name} imports nothing at run time`);
    }, module, module.exports);
    loaded.set(name, module.exports);
  }
  return loaded.get(name);
}
