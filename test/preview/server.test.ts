// The preview server for real: a temporary project, HTTP on loopback, server-sent events.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { connect } from "node:net";
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
  // Short limits, so that a save that loops forever is stopped quickly.
  const limits = { timeoutMs: 4000, cellTimeoutMs: 1000, memoryMb: 256, maxOutputBytes: 5e6 };
  server = await startPreview({ projectRoot: dir, root: path.join(dir, "notebooks"), host: "127.0.0.1", port: 0, limits });
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

/** A request written byte for byte on a socket (no client library in between); resolves with the status line. */
function raw(text: string): Promise<string> {
  const url = new URL(server.url);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(text));
    let received = "";
    socket.on("data", (chunk) => (received += chunk));
    socket.on("close", () => resolve(received.split("\r\n")[0] ?? ""));
    socket.on("error", () => resolve(received.split("\r\n")[0] ?? ""));
  });
}

/** Writes the notebook and waits until its page was told to reload. */
async function save(content: string | Buffer): Promise<void> {
  const reloaded = nextReload("live.html");
  await new Promise((r) => setTimeout(r, 50));
  await writeFile(path.join(dir, "notebooks/live.md"), content);
  await reloaded;
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

  it("evaluates each save in a fresh realm: nothing an earlier evaluation left on its globals remains", async () => {
    // The notebook counts its own evaluations on globalThis and on Array.prototype; a preview that kept
    // one realm for the session would count up.
    const counting = (bump: string) =>
      `---\ntitle: Live\n---\n\n# Live\n\nThe value is \${value}.\n\n\`\`\`js\nglobalThis.saves = (globalThis.saves ?? 0) + 1;\nArray.prototype.saves = (Array.prototype.saves ?? 0) + 1;\nconst value = globalThis.saves * 100 + [].saves * 10 + ${bump};\n\`\`\`\n`;
    for (const bump of [1, 2, 3]) {
      await save(counting(String(bump)));
      expect((await get("/live.html")).body).toContain(`<span class="wb-value wb-num">11${bump}</span>`);
    }
    await save(notebook("42")); // as the next test expects to find it
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

  it("shows a TypeScript cell's type error over the page, then a displayed value a missing property left undefined as a warning", async () => {
    await save("# Live\n\n```ts\nconst value: string = 44;\n```\n\nThe value is ${value}.\n");
    const typed = await get("/live.html");
    expect(typed.body).toContain('class="wb-overlay"');
    expect(typed.body).toContain("notebooks/live.md:4:7: Type &#39;number&#39; is not assignable to type &#39;string&#39;. (TS2322)");
    await save("# Live\n\n```js\nconst value = {kgCO2e: 45};\n```\n\nThe value is ${value.kgCO2}.\n");
    const warned = await get("/live.html");
    expect(warned.body).toContain('class="wb-overlay wb-overlay-warnings"');
    expect(warned.body).toContain("1 warning");
    expect(warned.body).toContain("value.kgCO2 is undefined, so the cell shows nothing: value has no property &#34;kgCO2&#34; (did you mean kgCO2e?)");
    await save(notebook("42"));
    expect((await get("/live.html")).body).not.toContain("wb-overlay");
  }, 30_000);

  it("rebuilds a notebook when a file it attaches, the data loader that makes one, or a local module it imports changes", async () => {
    await mkdir(path.join(dir, "notebooks/data"), { recursive: true });
    await writeFile(path.join(dir, "notebooks/data/usage.csv"), "kwh\n5\n");
    await writeFile(path.join(dir, "notebooks/data/factor.json.js"), "console.log(JSON.stringify({factor: 2}));\n");
    await save('# Live\n\n```js\nconst rows = await FileAttachment("data/usage.csv").csv({typed: true});\nconst {factor} = await FileAttachment("data/factor.json").json();\n```\n\nThe value is ${rows[0].kwh * factor}.\n');
    const first = await get("/live.html");
    expect(first.body).toContain('<span class="wb-value wb-num">10</span>');
    const file = /"data\/usage\.csv":\{"url":"([^"]+)"/.exec(first.body)?.[1];
    expect((await get(`/${file}`)).body).toBe("kwh\n5\n");

    let reloaded = nextReload("live.html");
    await new Promise((r) => setTimeout(r, 50));
    await writeFile(path.join(dir, "notebooks/data/usage.csv"), "kwh\n6\n");
    await reloaded;
    expect((await get("/live.html")).body).toContain('<span class="wb-value wb-num">12</span>');

    reloaded = nextReload("live.html");
    await new Promise((r) => setTimeout(r, 50));
    await writeFile(path.join(dir, "notebooks/data/factor.json.js"), "console.log(JSON.stringify({factor: 3}));\n");
    await reloaded;
    expect((await get("/live.html")).body).toContain('<span class="wb-value wb-num">18</span>');

    // A local module the notebook imports, and one that module imports.
    await mkdir(path.join(dir, "notebooks/lib"), { recursive: true });
    await writeFile(path.join(dir, "notebooks/lib/base.js"), "export const base = 100;\n");
    await writeFile(path.join(dir, "notebooks/lib/offset.js"), 'import {base} from "./base.js";\nexport const offset = base + 1;\n');
    await save('# Live\n\n```js\nimport {offset} from "./lib/offset.js";\n```\n\nThe value is ${offset}.\n');
    expect((await get("/live.html")).body).toContain('<span class="wb-value wb-num">101</span>');
    reloaded = nextReload("live.html");
    await new Promise((r) => setTimeout(r, 50));
    await writeFile(path.join(dir, "notebooks/lib/base.js"), "export const base = 200;\n");
    await reloaded;
    expect((await get("/live.html")).body).toContain('<span class="wb-value wb-num">201</span>');
    await save(notebook("42"));
  }, 30_000);

  it("refuses paths outside the site", async () => {
    for (const bad of ["/../package.json", "/%2e%2e/%2e%2e/etc/passwd", "/_wattbook/..%2f..%2fetc/passwd", "/x%00"]) {
      const response = await get(bad);
      expect([400, 403], bad).toContain(response.status);
    }
    expect((await get("/wattbook.css")).status).toBe(200);
    expect((await get("/nope.html")).status).toBe(404);
  });

  it("refuses absolute, malformed, NUL and backslash request targets on the raw socket, and keeps serving", async () => {
    const targets = [
      "http://127.0.0.1/../../etc/passwd", // absolute form
      "http://[", // does not parse as a URL at all (this once crashed the server)
      "/..%2f..%2fetc/passwd",
      "/%2e%2e%5c%2e%2e%5cetc%5cpasswd",
      "/%c0%ae%c0%ae/etc/passwd", // overlong UTF-8 for "."
      "/\\..\\..\\etc\\passwd",
      "/a.html%00.txt",
      "/a.html\0",
      "/%",
      "*",
    ];
    for (const target of targets) {
      const status = await raw(`GET ${target} HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\nConnection: close\r\n\r\n`);
      expect(status, target).toMatch(/^HTTP\/1\.1 40[03] /);
    }
    expect(await raw(`POST /live.html HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 405 /);
    expect(await raw("\u0000\u0001 garbage\r\n\r\n")).toMatch(/^HTTP\/1\.1 400 /);
    expect((await get("/live.html")).status).toBe(200);
  });

  it("shows every kind of broken save as an overlay and recovers on the next good one", async () => {
    const broken: [string, string | Buffer, string][] = [
      ["invalid UTF-8", Buffer.concat([Buffer.from("# Live\n\nCaf"), Buffer.from([0xe9]), Buffer.from("\n")]), "notebooks/live.md:3:4: the file is not UTF-8 text"],
      ["binary junk", Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 131 + 7) % 256)), "the file is not UTF-8 text"],
      ["a loop that never ends", notebook("(() => { while (true) {} })()"), "notebooks/live.md:10:1: did not give the thread back within 1000 ms"],
      ["nesting too deep", `# Live\n\n${">".repeat(5000)} deep\n`, "nests lists, block quotes and ::: containers more than 32 levels deep"],
      ["a cell that throws", notebook('(() => { throw new Error("broken on purpose"); })()'), "notebooks/live.md:10:30: broken on purpose"],
    ];
    for (const [what, content, message] of broken) {
      await save(content);
      const page = await get("/live.html");
      expect(page.status, what).toBe(200);
      expect(page.body, what).toContain('class="wb-overlay"');
      expect(page.body, what).toContain(message);
      await save(notebook("44"));
      const fixed = await get("/live.html");
      expect(fixed.body, what).not.toContain('class="wb-overlay"');
      expect(fixed.body, what).toContain('<span class="wb-value wb-num">44</span>');
    }
  }, 60_000);

  it("still answers promptly after a burst of 1,000 requests", async () => {
    const statuses = await Promise.all(Array.from({ length: 1000 }, (_, i) => get(i % 2 ? "/live.html" : "/wattbook.css").then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    // And after a burst of bad ones: refused paths, garbage, connections dropped halfway.
    await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        i % 3 === 0 ? get("/../../etc/passwd") : i % 3 === 1 ? raw("GET /live.html HTTP/1.1\r\nHost: x\r\n") : raw("\u0000garbage\r\n\r\n"),
      ).map((request) => Promise.race([request, new Promise((r) => setTimeout(r, 2000))])),
    );
    const started = performance.now();
    expect((await get("/live.html")).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
