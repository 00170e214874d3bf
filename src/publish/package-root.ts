// Where wattbook itself is installed, found the same way whether this code runs from src/ (tests) or
// from the bundled dist/ (the CLI): the nearest folder above with wattbook's package.json.
//
// wattbook runs in one of two layouts:
//   a checkout of its repository (src/ beside dist/): the browser bundles (library, editor, preview
//     client) are made from src/ on first use and cached in the checkout's .wattbook-cache/;
//   an installed package (node_modules/wattbook, packed by `npm pack`, whose prepack script compiled
//     everything): no src/; those bundles were made at prepack into dist/bundles/, and the installed
//     package is only read. Whatever a build caches goes into the user's project (build-cache.ts).
// Its dependencies are found by Node's resolution from this file (dependencyFolder), never by a path
// inside wattbook's folder: npm hoists them beside it.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "wattbook") return dir;
    if (path.dirname(dir) === dir) throw new Error(`cannot find wattbook's package.json above ${from}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** wattbook's version, from its package.json. */
export const WATTBOOK_VERSION = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;

/** wattbook runs from a checkout of its repository (its sources are there), not from an installed package. */
export const FROM_SOURCES = existsSync(path.join(PACKAGE_ROOT, "src", "kernel", "index.ts"));

/** The compiled code: the CLI, the evaluation worker, the realm's scripts. */
export const DIST = path.join(PACKAGE_ROOT, "dist");

/** What prepack made for an installed package to read (scripts/package.ts): the browser bundles, the realm's module forms. */
export const PREBUILT = path.join(DIST, "bundles");

const requireHere = createRequire(import.meta.url);

/**
 * The folder of the installed package `name`, as Node resolves it from wattbook's own code (hoisted
 * beside wattbook, or in its own node_modules). Found from the package's entry, since a package's
 * exports need not list package.json.
 */
export function dependencyFolder(name: string): string {
  let entry: string;
  try {
    entry = requireHere.resolve(name);
  } catch (error) {
    throw new Error(`wattbook cannot find its dependency ${name} from ${PACKAGE_ROOT} (${(error as Error).message.split("\n")[0]}); reinstall wattbook (npm install) so that npm installs its dependencies`);
  }
  for (let dir = path.dirname(entry); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === name) return dir;
    if (path.dirname(dir) === dir) throw new Error(`cannot find the folder of ${name} above ${entry}`);
  }
}
