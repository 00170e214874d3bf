// The build replaces its output folder with the new site, so the folder it is given must be one whose
// loss costs nothing: missing, empty, or a site an earlier build wrote. Anything else is refused
// before a notebook is read, and nothing is deleted:
// - the notebooks folder itself, a folder that holds it, or a folder inside it that the notebooks
//   rule reads (the site's files would sit among the notebooks: a .md copied from static/ would be built
//   as a notebook next time). Inside it, a folder starting with _ or . is never read as notebooks, so
//   `--root . --out _site` is fine;
// - the project folder or a folder that holds it (`--out .`, `--out ..`);
// - a folder holding a package.json or .git (a project of its own, or a checkout to publish from);
// - a file, or any other non-empty folder that is not a wattbook site.
// A site is told by the marker every build writes, `_wattbook/site.json` ({"generator": "wattbook"}).
// Sites built before the marker existed are told by `index.html` beside a `_wattbook/lib/` folder.
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { diagnostic, type Diagnostic } from "../notebook/messages.ts";
import { ASSETS_DIR, LIBRARY_DIR } from "./site-layout.ts";
import { judgeEntry } from "./notebook-files.ts";

/** The marker, relative to the site root. */
export const SITE_MARKER = `${ASSETS_DIR}/site.json`;

/** The marker's text: stable bytes (no date, no path), so a site's bytes depend only on its notebooks. */
export function siteMarker(pages: readonly string[]): string {
  return `${JSON.stringify({ generator: "wattbook", about: "written by wattbook build; a folder holding this file may be replaced by the next build", pages: [...pages].sort() }, null, 2)}\n`;
}

export interface OutPlaces {
  /** The output folder (absolute). */
  readonly out: string;
  /** The notebooks folder (absolute). */
  readonly root: string;
  /** The project folder (absolute). */
  readonly projectRoot: string;
}

/** Why the output folder is refused, in the catalog's words (messages.ts, topic "folders"). */
export type Refusal = Diagnostic;

/** Whether a folder holds a site a wattbook build wrote. */
export function isWattbookSite(dir: string): boolean {
  try {
    const marker = JSON.parse(readFileSync(path.join(dir, SITE_MARKER), "utf8")) as { generator?: unknown };
    if (marker?.generator === "wattbook") return true;
  } catch {
    // no marker, or not ours: look for a site from before the marker
  }
  return existsSync(path.join(dir, "index.html")) && isDirectory(path.join(dir, LIBRARY_DIR));
}

/** Why the build must not replace `out`, or undefined when it may. */
export function refuseOut({ out, root, projectRoot }: OutPlaces): Refusal | undefined {
  // Compared as written and with links resolved: `--out link-to-notebooks` is the notebooks folder too.
  const pairs: [string, string, string][] = [
    [path.resolve(out), path.resolve(root), path.resolve(projectRoot)],
    [realish(out), realish(root), realish(projectRoot)],
  ];
  for (const [o, r, p] of pairs) {
    if (o === r) return diagnostic("out-is-notebooks");
    if (o === p || isInside(p, o)) return diagnostic("out-holds-project");
    if (isInside(r, o)) return diagnostic("out-holds-notebooks");
    if (isInside(o, r) && readAsNotebooks(path.relative(r, o))) return diagnostic("out-inside-notebooks");
  }
  if (!existsSync(out)) return undefined;
  if (!isDirectory(out)) return diagnostic("out-is-file");
  for (const name of ["package.json", ".git"]) {
    if (existsSync(path.join(out, name)) || isLink(path.join(out, name))) return diagnostic("out-holds-checkout", { name });
  }
  let held: string[];
  try {
    held = readdirSync(out);
  } catch (error) {
    return diagnostic("out-unreadable", { reason: (error as Error).message });
  }
  if (held.length && !isWattbookSite(out)) return diagnostic("out-not-a-site", { marker: SITE_MARKER });
  return undefined;
}

/** Whether the notebooks rule walks into a folder at this path under the root. */
function readAsNotebooks(relative: string): boolean {
  return relative.split(path.sep).every((folder) => judgeEntry(folder, "folder").kind === "folder");
}

/** `inner` is strictly inside `outer`. */
function isInside(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative !== "" && relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The real path of a file that may not exist yet: its nearest existing ancestor resolved, the rest appended. */
function realish(file: string): string {
  let at = path.resolve(file);
  const rest: string[] = [];
  while (!existsSync(at)) {
    const up = path.dirname(at);
    if (up === at) break;
    rest.unshift(path.basename(at));
    at = up;
  }
  try {
    return path.join(realpathSync(at), ...rest);
  } catch {
    return path.resolve(file);
  }
}
