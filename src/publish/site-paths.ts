// Where a notebook's page goes in the site, and how pages reach each other: file paths, never URLs
// (url-path.ts encodes them as they are written into a page).

/** "chapters/energy.md" → "chapters/energy.html". */
export function pageOutputPath(sourcePath: string): string {
  return sourcePath.replace(/\.md$/i, ".html");
}

/** From a page to the site root: "" or "../", "../../", … */
export function toRootOf(output: string): string {
  return "../".repeat(output.split("/").length - 1);
}

/** The path from the page `from` to the page or file `to` (both relative to the site root). */
export function relativeHref(from: string, to: string): string {
  return toRootOf(from) + to;
}

/** The 404 page's path in the site (from `404.md` at the notebooks' root, see not-found.ts). */
export const NOT_FOUND_PAGE = "404.html";
