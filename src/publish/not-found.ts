// The site's 404 page: `404.md` at the root of the notebooks becomes `404.html`, which hosts (GitHub
// Pages, Netlify, Cloudflare Pages, nginx's error_page) serve for any address they do not have, at any
// depth: /team/energy/a/b/missing shows it with its URL unchanged. Its relative links would then point
// under /a/b/, so the page is built to stand anywhere:
//
// - its theme is written into the page (inline styles are allowed by the pages' CSP), so it is styled
//   at once, with or without JavaScript;
// - one inline script, allowed by its hash in the page's own CSP (script-src 'self' 'sha256-…'), finds
//   the site's root (the deepest folder of the address that holds the site's theme stylesheet, asked
//   of the host with HEAD requests) and then prefixes every relative link and image with it, and loads
//   the page's other stylesheets and its scripts (the chrome: sidebar button, search) from there.
//
// Links are written as if the page were at the site root, which it is: they work as they are when the
// host serves /404.html at the root or scripts are off. It is in no sidebar, index, pager or search.
import { createHash } from "node:crypto";
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { CONTENT_SECURITY_POLICY, type PageContext } from "./render.ts";
import { THEME_FILE } from "./assets.ts";
import { PACKAGE_ROOT } from "./package-root.ts";
import { urlOfPath } from "./url-path.ts";
import { NOT_FOUND_PAGE } from "./site-paths.ts";

export { NOT_FOUND_PAGE };

const DATA_ID = "wb-not-found";

/** Runs in the page (as written: its hash is in the CSP). `data.probe` is the file that marks the root. */
export const ROOT_FINDER = `(async () => {
  const data = JSON.parse(document.getElementById(${JSON.stringify(DATA_ID)}).textContent);
  const folders = [];
  for (let folder = location.pathname.replace(/[^/]*$/, ""); ; folder = folder.replace(/[^/]*\\/$/, "")) {
    folders.push(folder);
    if (!folder.includes("/") || folder === "/") break;
  }
  let root = "";
  if (location.protocol !== "file:") {
    const found = await Promise.all(folders.map((folder) =>
      fetch(folder + data.probe, { method: "HEAD", cache: "no-cache" }).then((response) => response.ok && /css/.test(response.headers.get("content-type") || ""), () => false)));
    if (found.includes(true)) root = folders[found.indexOf(true)];
  }
  document.documentElement.dataset.root = root;
  const relative = (url) => url !== null && !/^(#|\\/|[a-z][a-z0-9+.-]*:)/i.test(url);
  for (const [selector, attribute] of [["a[href], area[href], link[rel~=icon]", "href"], ["img[src], source[src]", "src"]])
    for (const element of document.querySelectorAll(selector))
      if (relative(element.getAttribute(attribute))) element.setAttribute(attribute, root + element.getAttribute(attribute));
  for (const href of data.stylesheets) document.head.append(Object.assign(document.createElement("link"), { rel: "stylesheet", href: root + href }));
  for (const src of data.scripts) document.head.append(Object.assign(document.createElement("script"), { type: "module", src: root + src }));
})();`;

/** The hash source that lets ROOT_FINDER run under the page's CSP. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash("sha256").update(script).digest("base64")}'`;
}

export const NOT_FOUND_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' ${scriptHash(ROOT_FINDER)}`);

/** The theme a 404 page writes into itself: the project's static/wattbook.css when it has one, else wattbook's. */
export function notFoundTheme(staticDir: string | undefined): string {
  const own = staticDir ? path.join(staticDir, THEME_FILE) : undefined;
  return readFileSync(own && existsSync(own) ? own : path.join(PACKAGE_ROOT, "static", THEME_FILE), "utf8");
}

/**
 * The 404 page's context from a page's: its theme inline, its other stylesheets and its scripts left to
 * ROOT_FINDER, no edit links, and the CSP that lets ROOT_FINDER run.
 */
export function notFoundContext(context: PageContext, theme: string): PageContext {
  const data = {
    probe: THEME_FILE,
    stylesheets: context.stylesheets.filter((href) => href !== THEME_FILE).map(urlOfPath),
    scripts: [context.script, ...(context.scripts ?? []), context.chrome?.script].filter((src): src is string => !!src).map(urlOfPath),
  };
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return {
    ...context,
    toRoot: "",
    stylesheets: [],
    styles: [theme],
    script: undefined,
    scripts: [],
    preload: [],
    prev: undefined,
    next: undefined,
    editHref: undefined,
    contentSecurityPolicy: NOT_FOUND_CONTENT_SECURITY_POLICY,
    ...(context.chrome ? { chrome: { ...context.chrome, script: undefined } } : {}),
    head: [...(context.head ?? []), `<meta name="robots" content="noindex">`],
    bodyEnd: `<script type="application/json" id="${DATA_ID}">${json}</script>\n<script>${ROOT_FINDER}</script>\n`,
  };
}
