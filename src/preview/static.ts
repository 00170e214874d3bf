// Serves one file from the preview's site folder. The path was already checked by resolveSitePath;
// the realpath check below also refuses symlinks that point outside the folder.
import { createReadStream, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { ServerResponse } from "node:http";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json",
};

export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

export function serveFile(siteDir: string, relative: string, response: ServerResponse): void {
  const notFound = () => {
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    response.end("not found");
  };
  let file: string;
  try {
    file = realpathSync(path.join(siteDir, relative));
    const root = realpathSync(siteDir);
    if (file !== root && !file.startsWith(root + path.sep)) {
      response.writeHead(403, { "content-type": "text/plain; charset=utf-8" });
      response.end("request path leaves the site");
      return;
    }
    if (!statSync(file).isFile()) return notFound();
  } catch {
    return notFound();
  }
  response.writeHead(200, { "content-type": contentTypeOf(file), "cache-control": "no-store" });
  createReadStream(file).on("error", () => response.destroy()).pipe(response);
}
