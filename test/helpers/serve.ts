// A static server over a built site for browser tests, using the preview's own path guard and file
// serving (so those are exercised too).
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { resolveSitePath } from "../../src/preview/paths.ts";
import { serveFile } from "../../src/preview/static.ts";

/**
 * With `base` ("/team/site/"), the site is served under that path, as a host serves a project's pages
 * (GitHub Pages: /<repository>/): a request outside it gets 404.
 */
/**
 * With `notFound` ("404.html"), a request under `base` for a file the site lacks is answered with that
 * file and status 404, as GitHub Pages, Netlify and nginx's error_page do.
 */
export async function serveSite(siteDir: string, { base = "/", notFound }: { readonly base?: string; readonly notFound?: string } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  // Requests come percent-encoded: "/team/energy%20notes/".
  const prefix = base.split("/").map(encodeURIComponent).join("/");
  const server: Server = createServer((request, response) => {
    const requested = request.url ?? "/";
    if (!requested.startsWith(prefix)) {
      response.writeHead(404);
      response.end(`not under ${base}`);
      return;
    }
    const resolved = resolveSitePath(`/${requested.slice(prefix.length)}`);
    if (!resolved.ok) {
      response.writeHead(resolved.status);
      response.end(resolved.reason);
      return;
    }
    if (notFound && !existsSync(path.join(siteDir, resolved.path))) {
      response.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      response.end(readFileSync(path.join(siteDir, notFound)));
      return;
    }
    serveFile(siteDir, resolved.path, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
