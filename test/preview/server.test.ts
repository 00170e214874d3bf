// The preview server for real: a temporary project, HTTP on loopback, server-sent events.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { startPreview, type PreviewServer } from "../../src/preview/server.ts";

let dir: string;
let server: PreviewServer;

const notebook = (value: string) => `---\ntitle: Live\n---\n\n# Live\n\nThe value is \${value}.\n\n\`\`\`js\nconst value = ${value};\n\`\`\`\n`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "wattbook-preview-"));
  await mkdir(path.join(dir, "notebooks"));
  await writeFile(path.join(dir, "notebooks/live.md"), notebook("41"));
  server = await startPreview({ projectRoot: dir, root: path.join(dir, "notebooks"), host: "127.0.0.1", port: 0 });
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Raw GET, so that paths reach the server exactly as written (fetch would normalise `..`). */
function get(pathname: string): Promise<{ status: number; body: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: pathname, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Resolves with the first reload event that names `page`. */
function nextReload(page: string): Promise<void> {
  const url = new URL("_wattbook/events", server.url);
  return new Promise((resolve, reject) => {
    const req = request(url, (res) => {
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        for (const line of chunk.split("\n")) {
          if (!line.startsWith("data: ")) continue;
          const event = JSON.parse(line.slice(6));
          if (event.type === "reload" && event.pages.includes(page)) {
            req.destroy();
            resolve();
          }
        }
      });
    });
    req.on("error", (error) => ((error as NodeJS.ErrnoException).code === "ECONNRESET" ? undefined : reject(error)));
    req.end();
  });
}

describe("wattbook preview", () => {
  it("binds loopback and serves the prerendered page", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get("/live.html");
    expect(page.status).toBe(200);
    expect(page.body).toContain('<span class="wb-value wb-num">41</span>');
    expect(page.body).toContain("_wattbook/preview.js");
  });

  it("rebuilds a saved notebook and tells its page to reload", async () => {
    const reloaded = nextReload("live.html");
    await new Promise((r) => setTimeout(r, 50));
    await writeFile(path.join(dir, "notebooks/live.md"), notebook("42"));
    await reloaded;
    expect((await get("/live.html")).body).toContain('<span class="wb-value wb-num">42</span>');
  });

  it("shows a broken save as an overlay over the last good page, and recovers", async () => {
    let reloaded = nextReload("live.html");
    await new Promise((r) => setTimeout(r, 50));
    await writeFile(path.join(dir, "notebooks/live.md"), notebook("42 +"));
    await reloaded;
    const broken = await get("/live.html");
    expect(broken.status).toBe(200);
    expect(broken.body).toContain('class="wb-overlay"');
    expect(broken.body).toContain("notebooks/live.md:10:19: syntax error");
    expect(broken.body).toContain('<span class="wb-value wb-num">42</span>');

    reloaded = nextReload("live.html");
    await new Promise((r) => setTimeout(r, 50));
    await writeFile(path.join(dir, "notebooks/live.md"), notebook("43"));
    await reloaded;
    const fixed = await get("/live.html");
    expect(fixed.body).not.toContain('class="wb-overlay"');
    expect(fixed.body).toContain('<span class="wb-value wb-num">43</span>');
  });

  it("refuses paths outside the site", async () => {
    for (const bad of ["/../package.json", "/%2e%2e/%2e%2e/etc/passwd", "/_wattbook/..%2f..%2fetc/passwd", "/x%00"]) {
      const response = await get(bad);
      expect([400, 403], bad).toContain(response.status);
    }
    expect((await get("/wattbook.css")).status).toBe(200);
    expect((await get("/nope.html")).status).toBe(404);
  });

  it("still answers promptly after a burst of 1,000 requests", async () => {
    const statuses = await Promise.all(Array.from({ length: 1000 }, (_, i) => get(i % 2 ? "/live.html" : "/wattbook.css").then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    const started = performance.now();
    expect((await get("/live.html")).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
