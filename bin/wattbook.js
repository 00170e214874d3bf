#!/usr/bin/env node
// The CLI runs from dist/: compiled from src/ by scripts/compile.mjs, which every npm script of the
// repository runs first, and which `npm pack` runs (the prepack script) for the published package.
import { existsSync } from "node:fs";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  const folder = new URL("..", import.meta.url).pathname;
  const checkout = existsSync(new URL("../scripts/compile.mjs", import.meta.url));
  console.error(
    checkout
      ? `wattbook: dist/cli.js is missing in ${folder}, a checkout of wattbook's repository: run \`npm install && node scripts/compile.mjs\` there (every npm script of the repository compiles first). To use this checkout in another project, install the tarball \`npm pack\` makes there.`
      : `wattbook: dist/cli.js is missing in ${folder}: this copy of wattbook was packed without its compiled code. Install it from a tarball made by \`npm pack\` (its prepack script compiles dist/), or from the registry.`,
  );
  process.exit(1);
}
await import(cli.href);
