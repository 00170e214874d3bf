// Serves one file from the preview's site folder. The path was already checked by resolveSitePath;
// the realpath check below also refuses symlinks that point outside the folder.
import { createReadStream, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { ServerResponse } from "node:http";
import { contentTypeOf } from "../publish/mime-types.ts";


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
