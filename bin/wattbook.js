#!/usr/bin/env node
// The CLI runs from dist/, compiled from src/ by `npm install` (the prepare script) or any npm script.
import { existsSync } from "node:fs";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  console.error("wattbook: dist/cli.js is missing; run `npm install` (or `node scripts/compile.mjs`) in the wattbook folder first.");
  process.exit(1);
}
await import(cli.href);
