// Where wattbook itself is installed, found the same way whether this code runs from src/ (tests) or
// from the bundled dist/ (the CLI): the nearest folder above with wattbook's package.json.
import { existsSync, readFileSync } from "node:fs";
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
