// The preview's Host and Origin guard against a real running server, over raw sockets (no client
// library picks the Host header for us).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startPreview, type PreviewServer } from "../../src/preview/server.ts";

const BIN = fileURLToPath(new URL("../../bin/wattbook.js", import.meta.url));

let dir: string;
let server: PreviewServer;
let port: number;
const warnings: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "wattbook-host-guard-"));
  await mkdir(path.join(dir, "notebooks"));
  await writeFile(path.join(dir, "notebooks/guarded.md"), "# Guarded\n\nThe value is ${value}.\n\n```js\nconst value = 7;\n```\n");
  server = await startPreview({ projectRoot: dir, root: path.join(dir, "notebooks"), host: "127.0.0.1", port: 0, warn: (text) => warnings.push(text) });
  port = Number(new URL(server.url).port);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * Writes `head` (request line and headers, without the blank line) on a socket to `address` and
 * resolves with the answer. An event stream stays open: it resolves once `until` was received.
 */
function send(head: string, options: { address?: string; port?: number; until?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(options.port ?? port, options.address ?? "127.0.0.1", () => socket.write(`${head}\r\n\r\n`));
    let received = "";
    const finish = () => {
      const split = received.indexOf("\r\n\r\n");
      const [statusLine = "", ...lines] = received.slice(0, split < 0 ? undefined : split).split("\r\n");
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0), headers, body: split < 0 ? "" : received.slice(split + 4) });
    };
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      received += chunk;
      if (options.until && received.includes(options.until)) {
        socket.destroy();
        finish();
      }
    });
    socket.on("close", finish);
    socket.on("error", reject);
    setTimeout(() => (socket.destroy(), reject(new Error(`no answer to ${JSON.stringify(head)} within 10 s; got ${JSON.stringify(received)}`))), 10_000).unref();
  });
}

const get = (target: string, host: string | undefined, extra = "") =>
  send(`GET ${target} HTTP/1.1\r\n${host === undefined ? "" : `Host: ${host}\r\n`}Connection: close${extra}`);

describe("the preview's Host guard", () => {
  it("binds loopback, says nothing on stderr, and answers its own name", async () => {
    expect(server.url).toBe(`http://127.0.0.1:${port}/`);
    expect(warnings).toEqual([]);
    const page = await get("/guarded.html", `127.0.0.1:${port}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<span class="wb-value wb-num">7</span>');
  });

  it.each(["localhost", "LOCALHOST", "[::1]", "127.0.0.1", "127.9.8.7"])("answers the loopback name %s with the port", async (name) => {
    const page = await get("/guarded.html", `${name}:${port}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("Guarded");
  });

  it.each(["/guarded.html", "/", "/wattbook.css", "/_wattbook/events", "/nope.html", "/../package.json"])("refuses a foreign Host on %s with 421 and says what to do", async (target) => {
    const answer = await get(target, `rebound.evil.example:${port}`);
    expect(answer.status).toBe(421);
    expect(answer.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.body).toContain(`misdirected request: Host "rebound.evil.example:${port}": this preview is not known by that name`);
    expect(answer.body).toContain(`This preview answers only requests naming 127.0.0.1, localhost, [::1] (port ${port})`);
    expect(answer.body).toContain(`Open http://127.0.0.1:${port}/ instead, or start the preview with --host`);
    expect(answer.body).not.toContain("Guarded");
  });

  it("refuses a loopback name on another port, or without one", async () => {
    for (const host of [`127.0.0.1:${port + 1}`, "127.0.0.1", "localhost"]) {
      const answer = await get("/guarded.html", host);
      expect(answer.status, host).toBe(421);
      expect(answer.body, host).toMatch(/port \d+ is not this preview's port/);
    }
  });

  it("refuses the machine's other names and addresses when bound to loopback", async () => {
    for (const host of [`0.0.0.0:${port}`, `192.0.2.2:${port}`, `localhost.:${port}`, `sub.localhost:${port}`]) {
      expect((await get("/guarded.html", host)).status, host).toBe(421);
    }
  });

  it("refuses a request without Host: 421 on HTTP/1.0, 400 on HTTP/1.1, each saying why", async () => {
    const old = await send("GET /guarded.html HTTP/1.0");
    expect(old.status).toBe(421);
    expect(old.body).toContain("the request has no Host header");
    expect(old.body).toContain(`Open http://127.0.0.1:${port}/`);
    const current = await get("/guarded.html", undefined);
    expect(current.status).toBe(400);
    expect(current.body).toContain("the request has no Host header");
    // HTTP/1.0 with the right Host is fine.
    const named = await send(`GET /guarded.html HTTP/1.0\r\nHost: 127.0.0.1:${port}`);
    expect(named.status).toBe(200);
    expect(named.body).toContain("Guarded");
  });

  it("refuses two Host headers and a malformed one with 400", async () => {
    const two = await send(`GET /guarded.html HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nHost: rebound.evil.example:${port}\r\nConnection: close`);
    expect(two.status).toBe(400);
    expect(two.body).toContain("the request has 2 Host headers");
    const userinfo = await get("/guarded.html", `user@127.0.0.1:${port}`);
    expect(userinfo.status).toBe(400);
    expect(userinfo.body).toContain("is not a host name or address");
  });

  it("checks Host before the method and the path", async () => {
    expect((await send(`POST /guarded.html HTTP/1.1\r\nHost: evil.example:${port}\r\nContent-Length: 0\r\nConnection: close`)).status).toBe(421);
    expect((await send(`POST /guarded.html HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 0\r\nConnection: close`)).status).toBe(405);
    expect((await get("/../package.json", `127.0.0.1:${port}`)).status).toBe(403);
    expect((await send(`HEAD /guarded.html HTTP/1.1\r\nHost: evil.example:${port}\r\nConnection: close`)).status).toBe(421);
  });
});

describe("the preview's event stream and Origin", () => {
  const events = (origin: string | undefined, host = `127.0.0.1:${port}`) =>
    send(`GET /_wattbook/events HTTP/1.1\r\nHost: ${host}${origin === undefined ? "" : `\r\nOrigin: ${origin}`}`, { until: ": connected" });

  it.each([undefined, "http://127.0.0.1:PORT", "http://localhost:PORT", "http://[::1]:PORT"])("streams with Origin %s", async (origin) => {
    const answer = await events(origin?.replace("PORT", String(port)));
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("text/event-stream");
    expect(answer.body).toContain(": connected");
  });

  it.each([
    ["http://evil.example", 'the request comes from a page at "http://evil.example"'],
    ["http://127.0.0.1:PORT1", "the request comes from a page at"],
    ["https://127.0.0.1:PORT", "is not an http origin of this preview"],
    ["null", "opaque origin"],
  ])("refuses Origin %s with 403", async (origin, why) => {
    const value = origin.replace("PORT1", String(port + 1)).replace("PORT", String(port));
    const answer = await send(`GET /_wattbook/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${value}`);
    expect(answer.status).toBe(403);
    expect(answer.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(answer.body).toContain("the preview's event stream is only for its own pages");
    expect(answer.body).toContain(why.replace("PORT", String(port)));
    expect(answer.body).not.toContain("connected");
  });

  it("a refused stream gets no reload events; an accepted one does", async () => {
    const accepted = send(`GET /_wattbook/events HTTP/1.1\r\nHost: 127.0.0.1:${port}`, { until: '"reload"' });
    const refused = send(`GET /_wattbook/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://evil.example`);
    await new Promise((r) => setTimeout(r, 100));
    await server.refresh("guarded.md");
    expect((await accepted).body).toContain('data: {"type":"reload","pages":["guarded.html"]}');
    expect((await refused).body).not.toContain("reload");
  });

  it("pages and files are served whatever the Origin (browsers keep cross-origin reads from them)", async () => {
    expect((await get("/guarded.html", `127.0.0.1:${port}`, "\r\nOrigin: http://evil.example")).status).toBe(200);
    expect((await get("/wattbook.css", `127.0.0.1:${port}`, "\r\nOrigin: null")).status).toBe(200);
  });
});

describe("a preview bound to another loopback address", () => {
  it("answers that address and the loopback names, and warns about nothing", async () => {
    const other = await mkdtemp(path.join(tmpdir(), "wattbook-host-guard-2-"));
    const said: string[] = [];
    const second = await startPreview({ projectRoot: other, root: path.join(other, "notebooks"), host: "127.0.0.2", port: 0, warn: (text) => said.push(text) });
    try {
      const secondPort = Number(new URL(second.url).port);
      expect(second.url).toBe(`http://127.0.0.2:${secondPort}/`);
      expect(said).toEqual([]);
      const at = { address: "127.0.0.2", port: secondPort };
      expect((await send(`GET / HTTP/1.1\r\nHost: 127.0.0.2:${secondPort}\r\nConnection: close`, at)).status).toBe(200);
      expect((await send(`GET / HTTP/1.1\r\nHost: localhost:${secondPort}\r\nConnection: close`, at)).status).toBe(200);
      const refused = await send(`GET / HTTP/1.1\r\nHost: evil.example:${secondPort}\r\nConnection: close`, at);
      expect(refused.status).toBe(421);
      expect(refused.body).toContain(`Open http://127.0.0.2:${secondPort}/ instead`);
    } finally {
      await second.close();
      await rm(other, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("wattbook preview (the command)", () => {
  it("documents the guard in --help", async () => {
    const help = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [BIN, "preview", "--help"], { env: { ...process.env, NO_COLOR: "1" } });
      let out = "";
      child.stdout.on("data", (chunk) => (out += chunk));
      child.on("close", () => resolve(out));
    });
    expect(help).toContain("--host HOST");
    expect(help).toContain("any other name gets 421");
    expect(help).toContain("the preview warns at start-up");
  });

  it("starts on loopback without a warning and refuses a foreign Host", async () => {
    const project = await mkdtemp(path.join(tmpdir(), "wattbook-host-guard-cli-"));
    await mkdir(path.join(project, "notebooks"));
    const child = spawn(process.execPath, [BIN, "preview", "--port", "0", "--host", "127.0.0.3"], { cwd: project, env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    try {
      const url = await new Promise<URL>((resolve, reject) => {
        child.stderr.on("data", (chunk) => {
          stderr += chunk;
          const found = /preview at (http:\/\/\S+)/.exec(stderr)?.[1];
          if (found) resolve(new URL(found));
        });
        child.on("close", (code) => reject(new Error(`preview exited (${code}):\n${stderr}`)));
      });
      expect(url.hostname).toBe("127.0.0.3");
      expect(stderr).not.toContain("warning");
      const at = { address: "127.0.0.3", port: Number(url.port) };
      expect((await send(`GET / HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close`, at)).status).toBe(200);
      const refused = await send(`GET / HTTP/1.1\r\nHost: evil.example:${url.port}\r\nConnection: close`, at);
      expect(refused.status).toBe(421);
      expect(refused.body).toContain(`Open http://127.0.0.3:${url.port}/ instead`);
    } finally {
      await new Promise((done) => (child.exitCode !== null ? done(null) : (child.once("close", done), child.kill("SIGINT"))));
      await rm(project, { recursive: true, force: true });
    }
  }, 60_000);
});
