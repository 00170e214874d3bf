// Compiles the CLI and the build's evaluation worker from src/ into dist/ (Node ESM), so that the
// `wattbook` bin and worker threads run plain JavaScript. Dependencies stay external.
import { build } from "esbuild";
import { existsSync } from "node:fs";

const entryPoints = ["src/cli.ts", "src/publish/evaluate-worker.ts"].filter((file) => existsSync(file));
if (entryPoints.length) {
  await build({
    entryPoints,
    outdir: "dist",
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    logLevel: "warning",
  });
}
