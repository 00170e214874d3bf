// Bundles the notebooks' JavaScript: per notebook, its compiled module and a page entry that hydrates
// it. The runtime and kernel come from the prebuilt library (library.ts) as external imports, so this
// step bundles only the notebooks and takes milliseconds. The compiled modules come from memory
// through a plugin (no temporary source files).
import type { Message, Metafile, Plugin } from "esbuild";
import path from "node:path";
import { staticClosure, type Library } from "./library.ts";

import { ASSETS_DIR, libraryImport, LIBRARY_DIR, stemOf } from "./site-layout.ts";

export { ASSETS_DIR, LIBRARY_DIR, stemOf };

export interface BundleInput {
  /** Notebook path relative to the notebooks root ("energy.md"). */
  readonly path: string;
  /** The compiled module's source text. */
  readonly module: string;
}

export interface BundleOutput {
  /** Per notebook path: output files relative to the site root. */
  readonly pages: Map<string, { readonly notebook: string; readonly page: string; readonly preload: readonly string[] }>;
  /** Every output file's text, by path relative to the site root (nothing is written). */
  readonly files: Map<string, string>;
  /** Every file on disk the bundle read (packages), absolute: what a cached bundle depends on. */
  readonly inputs: readonly string[];
}

export class BundleError extends Error {
  override name = "BundleError";
  constructor(readonly messages: readonly Message[]) {
    super(messages.map((m) => m.text).join("\n"));
  }
}


/** How a compiled module imports a library file (site-layout.ts's libraryImport). */
const LIBRARY_IMPORT = /^\.\/lib\//;

function notebooksPlugin(inputs: readonly BundleInput[], projectRoot: string, library: Library): Plugin {
  const modules = new Map(inputs.map((input) => [input.path, input.module]));
  return {
    name: "wattbook-notebooks",
    setup(build) {
      build.onResolve({ filter: /^wattbook\/kernel$/ }, () => ({ path: libraryImport(library.kernel), external: true }));
      // The compiled module imports each kernel name from its topic's library file already.
      build.onResolve({ filter: LIBRARY_IMPORT }, (args) => (args.namespace === "wattbook" ? { path: args.path, external: true } : undefined));
      build.onResolve({ filter: /^wattbook\/runtime$/ }, () => ({ path: libraryImport(library.runtime), external: true }));
      build.onResolve({ filter: /^wattbook-(notebook|page):/ }, (args) => ({ path: args.path, namespace: "wattbook" }));
      build.onLoad({ filter: /.*/, namespace: "wattbook" }, (args) => {
        const [kind, notebookPath] = [args.path.slice(0, args.path.indexOf(":")), args.path.slice(args.path.indexOf(":") + 1)];
        if (kind === "wattbook-notebook") {
          return { contents: modules.get(notebookPath) ?? "", loader: "js", resolveDir: projectRoot };
        }
        const contents = `import notebook from ${JSON.stringify(`wattbook-notebook:${notebookPath}`)};
import {hydrate} from "wattbook/runtime";
hydrate(notebook);
`;
        return { contents, loader: "js", resolveDir: projectRoot };
      });
    },
  };
}

export interface BundleOptions {
  /** Absolute path of the site's output directory: where the outputs would go (nothing is written). */
  readonly outDir: string;
  /** The prebuilt runtime and kernel, found at LIBRARY_DIR inside the site. */
  readonly library: Library;
  /** Where bare imports in cells resolve from (the project root, holding node_modules). */
  readonly projectRoot: string;
  readonly minify?: boolean;
}

export async function bundleSite(inputs: readonly BundleInput[], options: BundleOptions): Promise<BundleOutput> {
  const assetsDir = ASSETS_DIR;
  const entryPoints = inputs.flatMap((input) => [
    { in: `wattbook-notebook:${input.path}`, out: `notebook-${stemOf(input.path)}` },
    { in: `wattbook-page:${input.path}`, out: `page-${stemOf(input.path)}` },
  ]);
  let metafile: Metafile;
  let outputFiles: { path: string; text: string }[];
  try {
    // Only notebooks that import npm packages are bundled: the others never load esbuild.
    const { build } = await import("esbuild");
    const result = await build({
      entryPoints,
      outdir: path.join(options.outDir, assetsDir),
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      minify: options.minify ?? true,
      entryNames: "[name]-[hash]",
      // Flat, so that every output's relative import of the library is the same.
      chunkNames: "[name]-[hash]",
      metafile: true,
      write: false,
      logLevel: "silent",
      legalComments: "none",
      absWorkingDir: options.projectRoot,
      plugins: [notebooksPlugin(inputs, options.projectRoot, options.library)],
    });
    metafile = result.metafile;
    outputFiles = result.outputFiles;
  } catch (error) {
    const messages = (error as { errors?: Message[] }).errors;
    if (messages?.length) throw new BundleError(messages);
    throw error;
  }
  const relative = (file: string) => path.relative(options.outDir, path.resolve(options.projectRoot, file)).split(path.sep).join("/");
  const files = new Map(outputFiles.map((file) => [relative(file.path), file.text]));
  const entries = new Map<string, string>();
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (output.entryPoint) entries.set(output.entryPoint.replace(/^wattbook:/, ""), file);
  }
  // What a page loads before it runs: its own static imports, then the library files they reach.
  const inLibrary = (url: string) => path.posix.join(assetsDir, url).replace(`${LIBRARY_DIR}/`, "");
  const preloadOf = (page: string): string[] => {
    const seen = new Set<string>();
    const preload: string[] = [];
    const visit = (file: string) => {
      for (const item of metafile.outputs[file]?.imports ?? []) {
        if (item.kind !== "import-statement" || seen.has(item.path)) continue;
        seen.add(item.path);
        if (!item.external) {
          preload.push(relative(item.path));
          visit(item.path);
        } else {
          const name = inLibrary(item.path);
          for (const file of [name, ...staticClosure(options.library, name)]) preload.push(`${LIBRARY_DIR}/${file}`);
        }
      }
    };
    visit(page);
    return [...new Set(preload)];
  };
  const pages = new Map<string, { notebook: string; page: string; preload: string[] }>();
  for (const input of inputs) {
    const notebook = entries.get(`wattbook-notebook:${input.path}`);
    const page = entries.get(`wattbook-page:${input.path}`);
    if (!notebook || !page) throw new Error(`esbuild produced no output for ${input.path}`);
    pages.set(input.path, { notebook: relative(notebook), page: relative(page), preload: preloadOf(page) });
  }
  const read = Object.keys(metafile.inputs)
    .filter((input) => !/^[\w-]+:/.test(input))
    .map((input) => path.resolve(options.projectRoot, input));
  return { pages, files, inputs: read };
}
