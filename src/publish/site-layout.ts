// Where things go in a built site: the scripts folder, the library inside it, and the names of a
// notebook's scripts. A module of constants and path arithmetic only, so that any part of the build
// (the realm host in a worker too) can ask without loading the bundler.
import path from "node:path";

/** The site's scripts, styles and fonts: a folder no notebook can write into (it starts with _). */
export const ASSETS_DIR = "_wattbook";

/** Where the library's files (runtime, kernel) live inside the site. */
export const LIBRARY_DIR = `${ASSETS_DIR}/lib`;

/** A library file as a module in the scripts folder imports it: "./lib/kernel-energy-XXXX.js". */
export function libraryImport(file: string): string {
  return `./${path.posix.relative(ASSETS_DIR, `${LIBRARY_DIR}/${file}`)}`;
}

/** A stable, file-name-safe stem for a notebook path: "chapters/energy.md" → "chapters-energy". */
export function stemOf(notebookPath: string): string {
  return notebookPath.replace(/\.md$/i, "").replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "index";
}

/** What a cell imports the kernel as. */
export const KERNEL_SPECIFIER = "wattbook/kernel";
