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
import { ASSETS_DIR, LIBRARY_DIR } from "./bundle.ts";
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

export interface Refusal {
  readonly reason: string;
  readonly hint: string;
}

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
  const elsewhere = "pass --out a folder of its own, such as build";
  // Compared as written and with links resolved: `--out link-to-notebooks` is the notebooks folder too.
  const pairs: [string, string, string][] = [
    [path.resolve(out), path.resolve(root), path.resolve(projectRoot)],
    [realish(out), realish(root), realish(projectRoot)],
  ];
  for (const [o, r, p] of pairs) {
    if (o === r) return { reason: "the output folder is the notebooks folder: building would replace the notebooks with the site", hint: elsewhere };
    if (o === p || isInside(p, o)) return { reason: "the output folder holds the project: building would replace it, .git and all, with the site", hint: elsewhere };
    if (isInside(r, o)) return { reason: "the output folder holds the notebooks folder: building would replace the notebooks with the site", hint: elsewhere };
    if (isInside(o, r) && readAsNotebooks(path.relative(r, o))) return { reason: "the output folder is inside the notebooks folder: the site would mix with the notebooks (and a copied .md would be built as one)", hint: "put the site outside --root, or in a folder there that starts with _ (which is never read as notebooks), such as _site" };
  }
  if (!existsSync(out)) return undefined;
  if (!isDirectory(out)) return { reason: "the output folder is a file: building would replace it with the site", hint: `${elsewhere}, or remove the file` };
  for (const name of ["package.json", ".git"]) {
    if (existsSync(path.join(out, name)) || isLink(path.join(out, name))) {
      return { reason: `the output folder holds ${name}: building would replace that project with the site`, hint: `${elsewhere}; to publish from a checkout, build elsewhere and copy the site in` };
    }
  }
  let held: string[];
  try {
    held = readdirSync(out);
  } catch (error) {
    return { reason: `cannot read the output folder: ${(error as Error).message}`, hint: "pass --out a folder you may write to" };
  }
  if (held.length && !isWattbookSite(out)) {
    return { reason: `the output folder is not empty and holds no wattbook site (no ${SITE_MARKER}): building would delete what it holds`, hint: `${elsewhere}, or empty or remove this folder if nothing in it is needed` };
  }
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
