// The site's temporary folder, created one level at a time. Node's recursive mkdir can spin forever
// where a level cannot be made (under /proc, for one), which would hang the build instead of failing
// it; here each missing level is made on its own, and the first that cannot be says why.
import { existsSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";

export async function makeDirectory(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = path.resolve(dir);
  while (!existsSync(at)) {
    missing.unshift(at);
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  if (existsSync(at) && !statSync(at).isDirectory()) throw new Error(`${at} is a file, not a folder`);
  for (const level of missing) await mkdir(level);
}
