// A static server over a built site for browser tests, using the preview's own path guard and file
// serving (so those are exercised too).
import { createServer, type Server } from "node:http";
import { resolveSitePath } from "../../src/preview/paths.ts";
import { serveFile } from "../../src/preview/static.ts";

/**
 * With `base` ("/team/site/"), the site is served under that path, as a host serves a project's pages
 * (GitHub Pages: /<repository>/): a request outside it gets 404.
 */
export async function serveSite(siteDir: string, { base = "/" }: { readonly base?: string } = {}): Promise<{ url: string; close: () => Promise<void> }> {
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
