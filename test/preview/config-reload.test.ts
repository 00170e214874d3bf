// The preview reads wattbook.config.js again when it changes: a new title and table-of-contents setting
// show at once; a configuration that breaks shows its errors over every page while the last good
// settings stay; a new notebooks folder restarts the preview on the same address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { LocatedError } from "../../src/notebook/errors.ts";
import { startConfiguredPreview, type ConfiguredPreview } from "../../src/preview/configured.ts";

let dir: string;
let preview: ConfiguredPreview;
const reported: LocatedError[][] = [];

const notebook = (title: string) => `---\ntitle: ${title}\n---\n\n# ${title}\n\n## One\n\nText.\n\n## Two\n\nMore.\n`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "wattbook-preview-config-"));
  await mkdir(path.join(dir, "notebooks"));
  await mkdir(path.join(dir, "docs"));
  await writeFile(path.join(dir, "notebooks/index.md"), notebook("Home"));
  await writeFile(path.join(dir, "docs/other.md"), notebook("Other"));
  await writeFile(path.join(dir, "wattbook.config.js"), `export default {title: "First"};\n`);
  const started = await startConfiguredPreview({ projectRoot: dir, flags: {}, host: "127.0.0.1", port: 0, log: () => {}, warn: () => {}, report: (errors) => reported.push([...errors]) });
  if (!started) throw new Error("the preview did not start");
  preview = started;
}, 60_000);

afterAll(async () => {
  await preview?.close();
  await rm(dir, { recursive: true, force: true });
});

async function page(file: string): Promise<{ status: number; body: string }> {
  const response = await fetch(new URL(file, preview.url));
  return { status: response.status, body: await response.text() };
}

/** Waits until the page's text passes `test` (the watcher reads the configuration a little after the write). */
async function until(file: string, test: (body: string) => boolean): Promise<string> {
  const deadline = Date.now() + 15_000;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const { status, body } = await page(file);
      last = body;
      if (status === 200 && test(body)) return body;
    } catch {
      // Restarting: nothing listens for a moment.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${file} never passed the test; it was:\n${last.slice(0, 2000)}`);
}

describe("the preview and wattbook.config.js", () => {
  it("serves the configuration's title", async () => {
    const { body } = await page("index.html");
    expect(body).toContain("<title>Home · First</title>");
    expect(body).toContain('<nav class="wb-toc"');
  });

  it("takes a new title and toc: false as soon as the file changes", async () => {
    await writeFile(path.join(dir, "wattbook.config.js"), `export default {title: "Second", toc: false};\n`);
    const body = await until("index.html", (text) => text.includes("· Second</title>"));
    expect(body).toMatch(/<a class="wb-home" href="index.html">Second<\/a>/);
    expect(body).not.toContain("wb-toc");
  });

  it("shows a broken configuration's errors over every page and keeps the last good settings, until it reads again", async () => {
    await writeFile(path.join(dir, "wattbook.config.js"), `export default {\n  titel: "Third",\n};\n`);
    const body = await until("index.html", (text) => text.includes("unknown key titel"));
    expect(body).toContain("wattbook.config.js:2:3: unknown key titel (did you mean title?)");
    expect(body).toContain("· Second</title>");
    expect(reported.at(-1)?.map((error) => error.code)).toEqual(["config-unknown-key-near"]);
    await writeFile(path.join(dir, "wattbook.config.js"), `export default {title: "Third"};\n`);
    const fixed = await until("index.html", (text) => text.includes("· Third</title>"));
    expect(fixed).not.toContain("unknown key titel");
  });

  it("restarts on the same address for a new notebooks folder", async () => {
    const url = preview.url;
    await writeFile(path.join(dir, "wattbook.config.js"), `export default {title: "Docs", root: "docs"};\n`);
    const body = await until("other.html", (text) => text.includes("<title>Other · Docs</title>"));
    expect(body).toContain("<h1");
    expect(preview.url).toBe(url);
    expect((await page("index.html")).body).not.toContain("<title>Home");
  });
});
