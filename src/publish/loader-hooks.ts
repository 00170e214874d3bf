// Node module hooks for a data loader's process (see data-loader.ts, which registers them): a TypeScript
// file (.ts, .mts) is loaded as the JavaScript esbuild makes of it, with an inline source map so that a
// stack trace names the loader's own lines (the process runs with --enable-source-maps).
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

interface LoadContext {
  readonly format?: string | null;
}
interface LoadResult {
  readonly format: string;
  readonly source: string;
  readonly shortCircuit?: boolean;
}

export async function load(url: string, context: LoadContext, nextLoad: (url: string, context: LoadContext) => Promise<LoadResult>): Promise<LoadResult> {
  if (!url.startsWith("file:") || !/\.m?ts$/.test(new URL(url).pathname)) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const { transform } = await import("esbuild");
  const { code } = await transform(await readFile(file, "utf8"), { loader: "ts", format: "esm", target: "node20", sourcefile: file, sourcemap: "inline" });
  return { format: "module", source: code, shortCircuit: true };
}
