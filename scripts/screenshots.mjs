// Screenshots of one chapter page for review, written to docs/screenshots/: light and dark on a desktop,
// light and dark on a 390 px touch phone (the contents open on one), and the page as printed (print media
// emulated, at A4's width, at its first exercise and at the solutions section that printing adds).
//
//   node scripts/compile.mjs && node scripts/screenshots.mjs [--page 07-the-facility] [--site build]
//
// Without --site it builds the chapter into a temporary folder first. Images are PNG at 1× and cropped to
// a viewport, so each stays small; the sizes are printed.
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, stat, mkdir } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "docs/screenshots");
const { values } = parseArgs({ options: { page: { type: "string", default: "07-the-facility" }, site: { type: "string" } } });

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".woff2": "font/woff2", ".svg": "image/svg+xml" };

async function buildSite() {
  const dir = await mkdtemp(path.join(tmpdir(), "wattbook-screenshots-"));
  const out = path.join(dir, "site");
  const built = spawnSync(process.execPath, [path.join(ROOT, "bin/wattbook.js"), "build", "--out", out, "--cell-timeout-ms", "60000", "--timeout-ms", "120000"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  if (built.status !== 0) throw new Error(`the build failed (exit ${built.status})`);
  return { out, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

function serve(dir) {
  const server = createServer(async (request, response) => {
    const file = path.join(dir, decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    if (!file.startsWith(dir)) return response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() })));
}

async function live(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.classList.contains("wb-live") && window.wattbook?.isSettled());
  await page.evaluate(() => document.fonts.ready);
}

const SHOTS = [
  { name: "light", context: { viewport: { width: 1200, height: 900 }, colorScheme: "light" }, at: "figure.wb-figure" },
  { name: "dark", context: { viewport: { width: 1200, height: 900 }, colorScheme: "dark" }, at: "figure.wb-figure" },
  { name: "phone-light", context: { viewport: { width: 390, height: 844 }, colorScheme: "light", hasTouch: true, isMobile: true }, contents: true },
  { name: "phone-dark", context: { viewport: { width: 390, height: 844 }, colorScheme: "dark", hasTouch: true, isMobile: true }, at: ".katex-display.wb-scrolls", tap: true },
  { name: "print", context: { viewport: { width: 794, height: 1123 }, colorScheme: "light" }, print: true, at: "section.wb-exercise" },
  { name: "print-solutions", context: { viewport: { width: 794, height: 1123 }, colorScheme: "light" }, print: true, at: ".wb-print-solutions" },
];

const { out: siteDir, cleanup } = values.site ? { out: path.resolve(values.site), cleanup: async () => {} } : await buildSite();
const server = await serve(siteDir);
const browser = await chromium.launch({ executablePath: process.env.WATTBOOK_CHROMIUM ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"] });
try {
  await mkdir(OUT, { recursive: true });
  for (const shot of SHOTS) {
    const context = await browser.newContext({ deviceScaleFactor: 1, ...shot.context });
    const page = await context.newPage();
    await live(page, `${server.url}${values.page}.html`);
    if (shot.print) {
      await page.emulateMedia({ media: "print" });
      await page.waitForFunction(() => document.querySelector(".wb-print-solutions"));
    }
    if (shot.contents) await page.locator("details.wb-contents summary").click();
    if (shot.at) await page.evaluate((selector) => document.querySelector(selector)?.scrollIntoView({ block: "start" }), shot.at);
    if (shot.at && !shot.print) await page.evaluate(() => window.scrollBy(0, -120));
    if (shot.tap) {
      // A cell near the top of the view, tapped: its Edit link on a line of its own below it.
      const box = await page.evaluate(() => {
        const output = [...document.querySelectorAll(".wb-cell > .wb-output")].find((o) => o.parentElement.querySelector(":scope > .wb-cell-tools") && o.textContent.trim() && o.getBoundingClientRect().top > 60);
        const r = output?.getBoundingClientRect();
        return r && { x: r.x, y: r.y };
      });
      if (box) await page.touchscreen.tap(box.x + 4, box.y + 4);
    }
    await page.waitForTimeout(200);
    const file = path.join(OUT, `${values.page}-${shot.name}.png`);
    await page.screenshot({ path: file });
    console.log(`${path.relative(ROOT, file)}  ${Math.round((await stat(file)).size / 1024)} KB`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
  await cleanup();
}
