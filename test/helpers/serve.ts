// A static server over a built site for browser tests, using the preview's own path guard and file
// serving (so those are exercised too).
import { createServer, type Server } from "node:http";
import { resolveSitePath } from "../../src/preview/paths.ts";
import { serveFile } from "../../src/preview/static.ts";

export async function serveSite(siteDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const resolved = resolveSitePath(request.url ?? "/");
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
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
