// Compiles the CLI and the build's evaluation worker from src/ into dist/ (Node ESM), so that the
// `wattbook` bin and worker threads run plain JavaScript, the scripts a notebook's realm runs
// (dist/realm.js, and dist/realm-plot.js, -inputs, -marked and -katex for the packages it loads on first
// use), and the kernel for Node (dist/kernel.js, the package's "wattbook/kernel" export).
//
// `--package` (the prepack script: `npm pack`, `npm publish`, installing from git) also makes what an
// installed package needs and cannot make itself (scripts/package.ts): the kernel's type declarations
// (dist/types), and the browser bundles prebuilt (dist/bundles), so that the installed package is only
// ever read.
import { build } from "esbuild";
import { existsSync } from "node:fs";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const forPackage = process.argv.includes("--package");

const requireHere = createRequire(import.meta.url);

const entryPoints = [
  { in: "src/cli.ts", out: "cli" },
  { in: "src/publish/evaluate-worker.ts", out: "evaluate-worker" },
  // Registered in each data loader's Node process (data-loader.ts): TypeScript loaders load as JavaScript.
  { in: "src/publish/loader-hooks.ts", out: "loader-hooks" },
].filter((entry) => existsSync(entry.in));
if (entryPoints.length) {
  const result = await build({
    entryPoints,
    outdir: "dist",
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Dependencies are bundled too: one file loads several times faster than hundreds of ES modules
    // (linkedom alone: ~380 ms unbundled, ~115 ms bundled), which the build pays in every worker.
    external: ["esbuild", "typescript"],
    alias: { "cssomnom/parse": "./src/publish/stubs/cssom-parse.ts" },
    // Whitespace and syntax minified, names kept: start-up parses less, stack traces stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    banner: { js: 'import { createRequire as __wattbookCreateRequire } from "node:module"; const require = __wattbookCreateRequire(import.meta.url);' },
    sourcemap: forPackage ? false : "linked", // the package ships no source maps (their sources are not in it)
    logLevel: "warning",
    metafile: true,
  });
  // What runs inside each notebook's realm (src/publish/realm-host.ts): one classic script, no imports,
  // no Node built-ins (a vm context has no module loader and no `require`). Plot, Inputs, marked (md)
  // and KaTeX (tex) stay lazy: their code runs in a realm only when a cell uses them.
  const realmPackages = { "@observablehq/plot": "plot", "@observablehq/inputs": "inputs", marked: "marked", katex: "katex", "apache-arrow": "arrow" };
  const packagesOnFirstUse = {
    name: "realm-packages",
    setup(build) {
      build.onResolve({ filter: /^(@observablehq\/(plot|inputs)|marked|katex|apache-arrow)$/ }, (args) => ({ path: args.path, namespace: "realm-package" }));
      build.onLoad({ filter: /.*/, namespace: "realm-package" }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(path.resolve("src/publish/realm-packages.ts"))}).realmPackage(${JSON.stringify(realmPackages[args.path])});`,
        loader: "js",
        resolveDir: path.resolve("src/publish"),
      }));
    },
  };
  // linkedom's htmlparser2 runs its top level on first use only (src/publish/stubs/htmlparser2-on-first-use.ts).
  const parserOnFirstUse = {
    name: "htmlparser2-on-first-use",
    setup(build) {
      build.onResolve({ filter: /^htmlparser2$/ }, (args) =>
        /[\\/]linkedom[\\/]/.test(args.importer) ? { path: path.resolve("src/publish/stubs/htmlparser2-on-first-use.ts") } : undefined,
      );
      // The stub takes the parser alone: htmlparser2's index also builds domutils' and dom-serializer's
      // tables (about 2 ms more per realm), which linkedom never uses.
      build.onResolve({ filter: /^htmlparser2-parser$/ }, () => ({ path: path.join(path.dirname(requireHere.resolve("htmlparser2")), "../esm/Parser.js") }));
    },
  };
  // The realm's htl (in realm.js, and Inputs' own copy) is patched as the site's library's is
  // (src/publish/htl-patch.ts, bundled here for this plain script), so that both run the same htl.
  const htlPatch = await build({ entryPoints: ["src/publish/htl-patch.ts"], bundle: true, write: false, platform: "node", format: "esm", logLevel: "warning" });
  const { htlPatchPlugin } = await import(`data:text/javascript;base64,${Buffer.from(htlPatch.outputFiles[0].text).toString("base64")}`);
  /** A realm has a browser's globals: code is bundled as for a browser, with no Node built-ins. */
  const forRealm = {
    outdir: "dist",
    bundle: true,
    platform: "neutral",
    mainFields: ["module", "main"],
    conditions: ["browser", "import"],
    target: "es2022",
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: "warning",
    metafile: true,
  };
  // The lazy packages as CommonJS bodies: realm-host.ts runs them as module functions.
  const packages = await build({
    ...forRealm,
    entryPoints: Object.entries(realmPackages).map(([from, name]) => ({ in: from, out: `realm-${name}` })),
    plugins: [htlPatchPlugin()],
    format: "cjs",
  });
  const realm = await build({
    ...forRealm,
    entryPoints: [{ in: "src/publish/realm-entry.ts", out: "realm" }],
    plugins: [packagesOnFirstUse, parserOnFirstUse, htlPatchPlugin()],
    format: "iife",
    alias: { "cssomnom/parse": "./src/publish/stubs/cssom-parse.ts" },
    sourcemap: forPackage ? false : "linked", // the package ships no source maps (their sources are not in it)
  });
  // The kernel for Node: `import {clusterEnergy} from "wattbook/kernel"` in a project that installed
  // wattbook (its types: dist/types, made with --package). One ES module; zod stays a dependency.
  const kernel = await build({
    entryPoints: [{ in: "src/kernel/index.ts", out: "kernel" }],
    outdir: "dist",
    bundle: true,
    platform: "neutral",
    format: "esm",
    target: "es2022",
    packages: "external",
    logLevel: "warning",
    metafile: true,
  });
  // Remove what an earlier compile left behind, after the new files are in place: a build that is
  // running from dist/ meanwhile keeps every file it may still load. The folders are --package's.
  const fresh = new Set([...Object.keys(result.metafile.outputs), ...Object.keys(realm.metafile.outputs), ...Object.keys(packages.metafile.outputs), ...Object.keys(kernel.metafile.outputs)].map((file) => path.resolve(file)));
  for (const name of await readdir("dist")) {
    const file = path.resolve("dist", name);
    if (!fresh.has(file) && !(await stat(file)).isDirectory()) await rm(file, { force: true });
  }
  if (forPackage) {
    // scripts/package.ts is TypeScript that imports the build's own modules (the bundles' recipes):
    // bundled into dist for the moment it runs, its packages resolving from the repository.
    const script = path.resolve("dist", `.package-${process.pid}.mjs`);
    try {
      await build({ entryPoints: ["scripts/package.ts"], outfile: script, bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "warning" });
      const { packageDist } = await import(pathToFileURL(script).href);
      await packageDist();
    } finally {
      await rm(script, { force: true });
    }
  }
}
