// Compiles the CLI and the build's evaluation worker from src/ into dist/ (Node ESM), so that the
// `wattbook` bin and worker threads run plain JavaScript.
import { build } from "esbuild";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";

const entryPoints = [
  { in: "src/cli.ts", out: "cli" },
  { in: "src/publish/evaluate-worker.ts", out: "evaluate-worker" },
].filter((entry) => existsSync(entry.in));
if (entryPoints.length) {
  await rm("dist", { recursive: true, force: true });
  await build({
    entryPoints,
    outdir: "dist",
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Dependencies are bundled too: one file loads several times faster than hundreds of ES modules
    // (linkedom alone: ~380 ms unbundled, ~115 ms bundled), which the build pays in every worker.
    external: ["esbuild"],
    banner: { js: 'import { createRequire as __wattbookCreateRequire } from "node:module"; const require = __wattbookCreateRequire(import.meta.url);' },
    sourcemap: "linked",
    logLevel: "warning",
  });
}
