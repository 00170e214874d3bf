// The chrome a built page draws from the site's configuration: the sidebar's order and sections, the
// current page, header, footer and head HTML, the search box; and the 404 page's inline script, which
// its own CSP must allow by hash and nothing else may.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { AnalyzedNotebook } from "../../src/notebook/types.ts";
import { DEFAULT_SITE_CONFIG, type SiteConfig } from "../../src/publish/site-config.ts";
import { makeSite, renderGeneratedIndex, renderSitePage, sitePage } from "../../src/publish/site-pages.ts";
import { siteNav } from "../../src/publish/site-nav.ts";
import { ROOT_FINDER } from "../../src/publish/not-found.ts";

function notebook(path: string, title: string, order?: number): AnalyzedNotebook {
  return { path, frontMatter: { title, ...(order === undefined ? {} : { order }) }, title, html: `<h1>${title}</h1>\n<p>About ${title}.</p>`, headings: [], labels: [], cells: [] };
}

const NOTEBOOKS = [
  notebook("index.md", "Home"),
  notebook("energy.md", "Energy", 2),
  notebook("carbon.md", "Carbon", 1),
  notebook("guides/setup.md", "Setting up"),
  notebook("guides/deploy.md", "Deploying"),
  notebook("404.md", "Not found"),
];
const pages = NOTEBOOKS.map((nb) => sitePage(nb, undefined));
const configured = (config: Partial<SiteConfig>) => makeSite({ ...DEFAULT_SITE_CONFIG, ...config }, pages, { chromeScript: "_wattbook/lib/chrome-TEST.js", notFoundTheme: ".wb-header{display:flex}" });
const titles = (config: Partial<SiteConfig>) => siteNav(configured(config).pages, { ...DEFAULT_SITE_CONFIG, ...config }).map((entry) => ("pages" in entry ? `${entry.name}: ${entry.pages.map((p) => p.title).join(", ")}` : entry.title));

describe("sidebar order", () => {
  it("without `pages`: home first, then front-matter order, then title; no 404", () => {
    expect(titles({})).toEqual(["Home", "Carbon", "Energy", "Deploying", "Setting up"]);
  });

  it("the configuration's pages and sections first, its titles, the rest after; prev/next follow", () => {
    const config: Partial<SiteConfig> = { pages: [{ path: "energy.md", title: "Energy use" }, { name: "Guides", open: false, pages: [{ path: "guides/setup.md" }, { path: "guides/deploy.md" }] }] };
    expect(titles(config)).toEqual(["Energy use", "Guides: Setting up, Deploying", "Home", "Carbon"]);
    const site = configured(config);
    expect(site.pages.map((p) => p.output)).toEqual(["energy.html", "guides/setup.html", "guides/deploy.html", "index.html", "carbon.html", "404.html"]);
    const setup = renderSitePage(site.pages[1]!, {}, site).html;
    expect(setup).toMatch(/<a rel="prev" href="\.\.\/energy\.html">/);
    expect(setup).toMatch(/<a rel="next" href="\.\.\/guides\/deploy\.html">/);
  });
});

describe("a page's chrome", () => {
  const config: Partial<SiteConfig> = {
    title: "Energy team",
    pages: [{ name: "Guides", open: false, pages: [{ path: "guides/setup.md" }] }, { name: "Closed", open: false, pages: [{ path: "guides/deploy.md" }] }],
    header: `<a href="https://example.org">Team</a>`,
    footer: "<p>© 2026 Energy team</p>",
    head: `<meta name="author" content="Energy team">`,
  };
  const site = configured(config);
  const html = renderSitePage(site.pages.find((p) => p.output === "guides/setup.html")!, {}, site).html;

  it("links every page through the site root and marks the current one; its section is open, others as configured", () => {
    const sidebar = /<nav class="wb-sidebar"[\s\S]*?<\/nav>/.exec(html)![0];
    expect(sidebar).toContain(`<a href="../guides/setup.html" aria-current="page">Setting up</a>`);
    expect(sidebar).toContain(`<a href="../index.html">Home</a>`);
    expect(sidebar).toContain(`<details open><summary>Guides</summary>`);
    expect(sidebar).toContain(`<details><summary>Closed</summary>`);
    expect(sidebar.match(/aria-current/g)).toHaveLength(1);
    expect(sidebar).not.toContain("404.html");
  });

  it("has the title, header, search box, footer, head HTML and the chrome's script", () => {
    expect(html).toContain("<title>Setting up · Energy team</title>");
    expect(html).toContain(`<a class="wb-home" href="../index.html">Energy team</a><div class="wb-header-extra"><a href="https://example.org">Team</a></div>`);
    expect(html).toContain(`<input id="wb-search-input" type="search"`);
    expect(html).toContain(`<footer class="wb-footer"><p>© 2026 Energy team</p></footer>`);
    expect(html).toContain(`<meta name="author" content="Energy team">`);
    expect(html).toContain(`<script type="module" src="../_wattbook/lib/chrome-TEST.js"></script>`);
    expect(html).toContain(`<html lang="en" data-root="../">`);
  });

  it("search: false leaves the box out; the generated index has the chrome too", () => {
    const off = configured({ search: false });
    expect(renderSitePage(off.pages[0]!, {}, off).html).not.toContain("wb-search");
    const index = renderGeneratedIndex(makeSite({ ...DEFAULT_SITE_CONFIG }, pages.filter((p) => p.output !== "index.html"), { chromeScript: "_wattbook/lib/chrome-TEST.js" }));
    expect(index).toContain(`id="wb-sidebar"`);
    expect(index).toContain("wb-search-input");
    expect(index).not.toContain(`href="404.html"`);
  });
});

describe("404 page", () => {
  const site = configured({});
  const html = renderSitePage(site.pages.find((p) => p.output === "404.html")!, {}, site).html;

  it("writes its theme into itself and links no stylesheet or script by a relative URL", () => {
    expect(html).toContain("<style>.wb-header{display:flex}</style>");
    expect(html).not.toMatch(/<link rel="stylesheet"/);
    expect(html).not.toMatch(/<script type="module"/);
    expect(html).toContain(`<meta name="robots" content="noindex">`);
    expect(html).not.toContain("_edit/");
  });

  it("runs one inline script, the root finder, allowed by its SHA-256 in the page's CSP and by nothing looser", () => {
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline).toEqual([ROOT_FINDER]);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    const scriptSrc = /script-src ([^;]+)/.exec(csp)![1]!.split(" ");
    expect(scriptSrc).toEqual(["'self'", `'sha256-${createHash("sha256").update(inline[0]!).digest("base64")}'`]);
    // What it loads, written relative to the root for the finder to prefix.
    const data = JSON.parse(/<script type="application\/json" id="wb-not-found">(.*?)<\/script>/.exec(html)![1]!);
    expect(data).toEqual({ probe: "wattbook.css", stylesheets: ["_wattbook/katex/katex.min.css"], scripts: ["_wattbook/lib/chrome-TEST.js"] });
  });
});
