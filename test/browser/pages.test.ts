// Every built page of notebooks/ and examples/ in real Chromium, read and live: a strict
// Content-Security-Policy on each (scripts only from the site; eval only on edit pages; inline styles
// allowed because Plot and Inputs write style attributes), zero violations, no errors, and no "NaN",
// "undefined" or "Infinity" in what a reader sees. Then a page of hostile strings, which shows them as
// text everywhere, and the kernel's validation at the page's boundary.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium, watchProblems } from "../helpers/chromium.ts";
import { runCli } from "../helpers/cli.ts";
import { serveSite } from "../helpers/serve.ts";
import { ROOT_FINDER, scriptHash } from "../../src/publish/not-found.ts";

let browser: Browser;
let work: string;
const sites: { name: string; dir: string; url: string; close: () => Promise<void> }[] = [];

const fence = "```";
const EVIL = `<script>alert("script")</script><img src=x onerror=alert("img")>`;
const HOSTILE = `---
title: "<script>alert('title')</script> Hostile strings"
description: "<img src=x onerror=alert('description')>"
---

# Hostile strings

<b class="author-markup">Markup the author wrote is markup.</b>

${fence}js
const evil = ${JSON.stringify(EVIL)};
const link = "javascript:alert('link')";
${fence}

${fence}js
evil
${fence}

${fence}js
link
${fence}

${fence}js
[{name: evil, url: link}, {name: "plain", url: "https://example.com"}]
${fence}

${fence}js
({evil, link})
${fence}

${fence}js
display(evil);
display(link);
${fence}

${fence}js
html\`<i class="from-template">\${evil}</i>\`
${fence}

${fence}js
Inputs.table([{name: evil, url: link}])
${fence}

${fence}js
Plot.text([evil], {x: 0, y: 0}).plot({width: 200, height: 60})
${fence}

Inline: \${evil} and \${link}.
`;

const BOUNDARY = `# Kernel boundary

${fence}js
import {operationalCarbon} from "wattbook/kernel";
${fence}

${fence}js
const grid = view(Inputs.text({label: "Grid g/kWh", value: "400"}));
${fence}

${fence}js
const carbon = operationalCarbon({energyKWh: 1000, gridGPerKWh: Number(grid)});
${fence}

The run emits \${carbon.kgCO2e} kg.

${fence}js
carbon
${fence}
`;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "wattbook-pages-"));
  const project = path.join(work, "project");
  await mkdir(path.join(project, "notebooks"), { recursive: true });
  await writeFile(path.join(project, "notebooks/hostile.md"), HOSTILE);
  await writeFile(path.join(project, "notebooks/boundary.md"), BOUNDARY);
  for (const [name, args, cwd] of [
    ["notebooks", ["build", "--out", path.join(work, "notebooks")], undefined],
    ["examples", ["build", "--root", "examples", "--out", path.join(work, "examples")], undefined],
    ["project", ["build"], project],
  ] as const) {
    const built = await runCli(args, { cwd });
    expect(built.stderr).toContain("Built");
    expect(built.code).toBe(0);
    const dir = name === "project" ? path.join(project, "build") : path.join(work, name);
    sites.push({ name, dir, ...(await serveSite(dir)) });
  }
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const site of sites) await site.close();
  await rm(work, { recursive: true, force: true });
});

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

/** Opens a page with CSP violations counted as they happen (the event, and Chromium's console line). */
async function open(url: string): Promise<{ page: Page; problems: ReturnType<typeof watchProblems>; violations: () => Promise<string[]> }> {
  const page = await browser.newPage();
  const problems = watchProblems(page);
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = list;
    document.addEventListener("securitypolicyviolation", (e) => list.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on("dialog", (dialog) => {
    problems.pageErrors.push(`a dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(url);
  // Live pages: wait until every cell has settled again in the browser.
  await page.waitForFunction(() => {
    const run = (window as unknown as { wattbook?: { isSettled(): boolean } }).wattbook;
    return !document.querySelector("script[type=module][src*='page-']") || (document.documentElement.classList.contains("wb-live") && run?.isSettled());
  });
  await page.waitForTimeout(100);
  return { page, problems, violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations) };
}

/** The words that mean a value went wrong, in what a reader sees (math's hidden MathML aside). */
const WRONG = /\b(NaN|undefined|Infinity)\b/;

describe("every built page of notebooks/ and examples/", () => {
  it("declares a strict policy: scripts only from the site, eval only on edit pages", async () => {
    let pages = 0;
    for (const site of sites.filter((s) => s.name !== "project")) {
      for (const file of await htmlFiles(site.dir)) {
        const html = await readFile(path.join(site.dir, file), "utf8");
        const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
        expect(policy, file).toBeDefined();
        const directives = new Map(policy!.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
        expect(directives.get("default-src"), file).toEqual(["'self'"]);
        expect(directives.get("object-src"), file).toEqual(["'none'"]);
        expect(directives.get("base-uri"), file).toEqual(["'self'"]);
        const scripts = directives.get("script-src")!;
        expect(scripts, file).not.toContain("'unsafe-inline'");
        if (file.startsWith("_wattbook/")) {
          // The edit pages' sandbox, framed without allow-same-origin: it turns the site's modules into
          // blob: modules and runs edited cells (eval), and may fetch nothing itself.
          expect(file).toBe("_wattbook/editor/sandbox.html");
          expect(scripts, file).toEqual(["'self'", "blob:", "'unsafe-eval'"]);
          expect(directives.get("connect-src"), file).toEqual(["'none'"]);
          continue;
        }
        // The 404 page runs one inline script, the root finder, allowed by its hash (publish/not-found.ts).
        const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
        if (file.startsWith("_edit/")) expect(scripts, file).toEqual(["'self'", "'unsafe-eval'"]);
        else if (file === "404.html") expect(scripts, file).toEqual(["'self'", ...inline.map(scriptHash)]);
        else expect(scripts, file).toEqual(["'self'"]);
        expect(inline, file).toEqual(file === "404.html" ? [ROOT_FINDER] : []);
        // Inline styles stay allowed on purpose: Plot and Inputs write style attributes as they render.
        expect(directives.get("style-src"), file).toEqual(["'self'", "'unsafe-inline'"]);
        // No inline script to hold to that policy: every script has a src, or is data.
        for (const tag of html.match(/<script\b[^>]*>/g) ?? []) if (tag !== "<script>") expect(tag, file).toMatch(/\bsrc=|type="application\/json"/);
        pages++;
      }
    }
    expect(pages).toBeGreaterThan(20);
  });

  it("loads read and live with zero CSP violations, no errors, and no NaN, undefined or Infinity in the text", async () => {
    // Pages, not the editor's sandbox document (it runs only framed, and says so when opened alone).
    const pages = (await Promise.all(sites.filter((s) => s.name !== "project").map(async (site) => (await htmlFiles(site.dir)).filter((file) => !file.startsWith("_wattbook/")).map((file) => ({ site, file }))))).flat();
    const visit = async ({ site, file }: (typeof pages)[number]) => {
      const where = `${site.name}/${file}`;
      // Read: the prerendered HTML, as text.
      const html = await readFile(path.join(site.dir, file), "utf8");
      const text = html.replace(/<(script|style|annotation)\b[\s\S]*?<\/\1>/g, "").replace(/<[^>]+>/g, " ");
      expect(text.match(WRONG)?.[0], `${where} as built`).toBeUndefined();
      // Live: after hydration, in Chromium.
      const { page, problems, violations } = await open(`${site.url}${file}`);
      const live = await page.evaluate(() => document.body.innerText);
      expect(live.match(WRONG)?.[0], `${where} live`).toBeUndefined();
      expect(await violations(), where).toEqual([]);
      expect(problems.cspViolations, where).toEqual([]);
      expect(problems.pageErrors, where).toEqual([]);
      expect(problems.consoleErrors, where).toEqual([]);
      expect(await page.locator(".wb-error").count(), where).toBe(0);
      await page.close();
    };
    // Two pages at a time: each spends part of its second waiting on module loads, and other browser
    // tests share the machine's two cores.
    const queue = [...pages];
    await Promise.all(Array.from({ length: 2 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await visit(next);
    }));
    expect(pages.length).toBeGreaterThan(20);
  }, 180_000);
});

describe("a page of hostile strings", () => {
  const site = () => sites.find((s) => s.name === "project")!;

  it("writes every displayed string as text, and only the author's markup as markup", async () => {
    const html = await readFile(path.join(site().dir, "hostile.html"), "utf8");
    const body = html.slice(html.indexOf("<body"));
    expect(body).not.toContain("<script>alert");
    expect(body).not.toMatch(/<img[^>]*onerror/i);
    expect(body).not.toMatch(/href="javascript:/i);
    expect(html).not.toContain("<title><script>");
    expect(html).not.toMatch(/<meta name="description" content="<img/);
    // The hostile string is there, escaped, in each kind of output: value, table, object, display, template, inline.
    const escaped = body.split("&lt;script&gt;alert(").length - 1;
    expect(escaped).toBeGreaterThanOrEqual(8);
    expect(body).toContain("javascript:alert(");
    // Markup the author wrote: the <b> in prose and the <i> of the html template.
    expect(body).toContain('<b class="author-markup">');
    expect(body).toMatch(/<i class="from-template">&lt;script&gt;/);
    // The page's module, the chrome's, and the notice it shows when opened from a file: all from the site,
    // nothing else that runs (data blocks, type="application/json" like the Explain panels' record, never do).
    const scripts = html.match(/<script\b(?![^>]*\btype="application\/json")[^>]*>/g) ?? [];
    expect(scripts).toHaveLength(3);
    expect(scripts.filter((tag) => !/ src="_wattbook\/[^"]+-[A-Z0-9]{8}\.js"/.test(tag))).toEqual([]);
    expect(scripts.filter((tag) => tag.includes("_wattbook/file-notice-"))).toHaveLength(1);
  });

  it("stays text when the page goes live: no dialog, no injected element, no violation", async () => {
    const { page, problems, violations } = await open(`${site().url}hostile.html`);
    const injected = await page.evaluate(() => ({
      handlers: document.querySelectorAll("[onerror], [onload], [onclick]").length,
      images: document.querySelectorAll("main img").length,
      scripts: [...document.scripts].filter((s) => !s.src && s.type !== "application/json").length,
      links: document.querySelectorAll('a[href^="javascript:"]').length,
      shown: document.body.innerText.split('<script>alert("script")</script>').length - 1,
    }));
    expect(injected).toEqual({ handlers: 0, images: 0, scripts: 0, links: 0, shown: expect.any(Number) });
    expect(injected.shown).toBeGreaterThanOrEqual(6);
    expect(await violations()).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    await page.close();
  });
});

describe("the kernel at the page's boundary", () => {
  it("shows a rejected input as a cell error naming the field and the value, never as NaN", async () => {
    const site = sites.find((s) => s.name === "project")!;
    const { page, problems } = await open(`${site.url}boundary.html`);
    const text = page.locator(".wb-cell input[type=text]").first();
    await text.fill("-5");
    await text.dispatchEvent("input");
    const error = page.locator(".wb-error").first();
    await error.waitFor();
    const message = await error.innerText();
    expect(message).toContain("operationalCarbon: gridGPerKWh must be ≥ 0 (got -5)");
    expect(message).toMatch(/boundary\.md:\d+:\d+/);
    // The inline value and the table that depend on it show the failure too, not a number.
    expect(await page.locator(".wb-inline .wb-error, .wb-inline.wb-failed, .wb-inline [role=alert]").count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/\bNaN\b|\bundefined\b|\bInfinity\b/);
    // A value that is no number at all is rejected the same way.
    await text.fill("about four hundred");
    await text.dispatchEvent("input");
    await page.waitForFunction(() => document.body.innerText.includes("gridGPerKWh must be a finite number"));
    // And a good value recovers.
    await text.fill("100");
    await text.dispatchEvent("input");
    await page.waitForFunction(() => !document.querySelector(".wb-error"));
    expect(await page.locator(".wb-inline").first().innerText()).toBe("100");
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    await page.close();
  });
});
