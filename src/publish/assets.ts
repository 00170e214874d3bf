// Files every site gets: the theme, KaTeX's stylesheet and fonts, and the project's static/ folder.
// Everything is served from the site itself: pages load nothing from elsewhere.
import { cp, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT } from "./package-root.ts";
import { ASSETS_DIR } from "./bundle.ts";

export const THEME_FILE = "wattbook.css";

/** Stylesheets every page links, relative to the site root. */
export const STYLESHEETS = [`${ASSETS_DIR}/katex/katex.min.css`, THEME_FILE];

/** Browsers that run the pages' ES modules all read woff2; the older font formats are not copied. */
const isNeededFont = (file: string) => !/\.(woff|ttf)$/i.test(file);

export async function copySiteAssets(siteDir: string, staticDir?: string): Promise<void> {
  const katexDist = path.join(PACKAGE_ROOT, "node_modules/katex/dist");
  const katexOut = path.join(siteDir, ASSETS_DIR, "katex");
  await mkdir(katexOut, { recursive: true });
  await cp(path.join(katexDist, "katex.min.css"), path.join(katexOut, "katex.min.css"));
  await cp(path.join(katexDist, "fonts"), path.join(katexOut, "fonts"), { recursive: true, filter: isNeededFont });
  await cp(path.join(PACKAGE_ROOT, "static", THEME_FILE), path.join(siteDir, THEME_FILE));
  // The project's static files come last, so a project may restyle the site with its own wattbook.css.
  if (staticDir && existsSync(staticDir)) await cp(staticDir, siteDir, { recursive: true });
}
