// Files every site gets: the theme, KaTeX's stylesheet and fonts, and the project's static/ folder.
// Everything is served from the site itself: pages load nothing from elsewhere.
import { cp, mkdir, readdir, realpath, stat, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { dependencyFolder, PACKAGE_ROOT } from "./package-root.ts";
import { diagnostic, type Diagnostic } from "../notebook/messages.ts";
import { ASSETS_DIR } from "./site-layout.ts";
import { FILE_NOTICE_SCRIPT, fileNoticeScript } from "./file-notice.ts";

export const THEME_FILE = "wattbook.css";

/** Stylesheets every page links, relative to the site root. */
export const STYLESHEETS = [`${ASSETS_DIR}/katex/katex.min.css`, THEME_FILE];

/** Browsers that run the pages' ES modules all read woff2; the older font formats are not copied. */
const isNeededFont = (file: string) => !/\.(woff|ttf)$/i.test(file);

export async function copySiteAssets(siteDir: string, staticDir?: string): Promise<void> {
  // KaTeX wherever npm installed it (hoisted beside wattbook, as a rule), never a path inside wattbook.
  const katexDist = path.join(dependencyFolder("katex"), "dist");
  const katexOut = path.join(siteDir, ASSETS_DIR, "katex");
  await mkdir(katexOut, { recursive: true });
  await cp(path.join(katexDist, "katex.min.css"), path.join(katexOut, "katex.min.css"));
  await cp(path.join(katexDist, "fonts"), path.join(katexOut, "fonts"), { recursive: true, filter: isNeededFont });
  await cp(path.join(PACKAGE_ROOT, "static", THEME_FILE), path.join(siteDir, THEME_FILE));
  await writeFile(path.join(siteDir, FILE_NOTICE_SCRIPT), fileNoticeScript());
  // The project's static files come last, so a project may restyle the site with its own wattbook.css.
  // Links were checked (staticLinkProblems): each is copied as the file or folder it points to, so the
  // site holds no link (one into the project would break once deployed).
  if (staticDir && existsSync(staticDir)) await cp(staticDir, siteDir, { recursive: true, dereference: true });
}

export interface StaticLinkProblem {
  /** The link (absolute). */
  readonly link: string;
  /** What is wrong with it, in the catalog's words (its message reads after the link's path). */
  readonly problem: Diagnostic;
}

/**
 * Symbolic links in static/ that the site must not follow: one that points outside static/ would copy
 * a file from elsewhere on the machine (a key, a home folder) into a site meant to be published; one
 * that points nowhere, or at a folder holding it, cannot be copied. Links within static/ are fine.
 */
export async function staticLinkProblems(staticDir: string | undefined): Promise<StaticLinkProblem[]> {
  if (!staticDir || !existsSync(staticDir)) return [];
  const base = await realpath(staticDir);
  const problems: StaticLinkProblem[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(file);
      if (!entry.isSymbolicLink()) continue;
      let target: string;
      try {
        target = await realpath(file);
      } catch {
        problems.push({ link: file, problem: diagnostic("static-link-nowhere") });
        continue;
      }
      if (!within(target, base)) problems.push({ link: file, problem: diagnostic("static-link-outside", { target }) });
      else if ((await stat(target)).isDirectory() && within(await realpath(dir), target)) problems.push({ link: file, problem: diagnostic("static-link-loop") });
    }
  };
  await walk(staticDir);
  return problems;
}

/** `file` is `dir` or inside it. */
function within(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative === "" || (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
