// Browser bundles that depend on wattbook alone (the runtime and kernel library, the cell editor). In a
// checkout of wattbook's repository they are bundled once per version of what goes into them and cached
// in the checkout's .wattbook-cache/. An installed package has them prebuilt: prepack bundled them into
// dist/bundles/ with these same recipes (scripts/package.ts), and a build only reads them there, so
// nothing is ever written inside the installed package and a user's first build bundles none of our
// sources. A bundle is written into a temporary folder and renamed into place, so a concurrent build
// never sees half of one; a manifest written with it says what the files are.
import type { Metafile, Plugin } from "esbuild";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileHashes } from "./file-hashes.ts";
import { FROM_SOURCES, PACKAGE_ROOT, PREBUILT } from "./package-root.ts";

export const BUNDLE_CACHE = path.join(PACKAGE_ROOT, ".wattbook-cache");

const MANIFEST = "manifest.json";

/** Every .ts and .js file under `dir`, sorted. */
export async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.(ts|js)$/.test(e.name)).map((e) => path.join(e.parentPath, e.name)).sort();
}

/**
 * A key that changes whenever one of `inputs` changes: files, or folders (their .ts and .js files),
 * relative to the package. List the recipe's own module too: options and plugins shape the output.
 */
export async function sourcesKey(inputs: readonly string[], cacheRoot = BUNDLE_CACHE): Promise<string> {
  const files: string[] = [];
  for (const input of inputs) {
    const absolute = path.join(PACKAGE_ROOT, input);
    if (!existsSync(absolute)) continue;
    files.push(...(/\.[a-z]+$/.test(input) ? [absolute] : await sourceFiles(absolute)));
  }
  const hash = createHash("sha256");
  const hashes = fileHashes(files, path.join(cacheRoot, "source-hashes.json"));
  files.forEach((file, index) => hash.update(`${path.relative(PACKAGE_ROOT, file)}\n${hashes[index]}\n`));
  return hash.digest("hex").slice(0, 16);
}

export interface CachedBundleOptions<M> {
  /** Folder name prefix in the cache: "library", "editor". */
  readonly name: string;
  readonly key: string;
  readonly entryPoints: readonly { readonly in: string; readonly out: string }[];
  readonly plugins?: Plugin[];
  /** What to remember of the build; `file` turns an output path into a name inside the folder. */
  readonly manifest: (metafile: Metafile, file: (output: string) => string) => M;
  readonly cacheRoot?: string;
}

/** Where prepack lists the bundles it made (name → folder inside PREBUILT). */
export const PREBUILT_INDEX = "index.json";

/**
 * The bundle named `name` ("library", "editor", "editor-sandbox") as prepack made it for an installed
 * package, with its manifest.
 */
export async function prebuiltBundle<M>(name: string): Promise<{ readonly dir: string; readonly manifest: M }> {
  const index = path.join(PREBUILT, PREBUILT_INDEX);
  let folder: string | undefined;
  try {
    folder = (JSON.parse(await readFile(index, "utf8")) as Record<string, string>)[name];
  } catch {
    // reported below
  }
  const dir = folder && path.join(PREBUILT, folder);
  if (!dir || !existsSync(path.join(dir, MANIFEST))) {
    throw new Error(`wattbook's prebuilt ${name} bundle is missing from ${PREBUILT}: this copy of wattbook was not packed by its prepack script. Install wattbook from a tarball made by \`npm pack\` (or from the registry), or run it from a checkout of its repository`);
  }
  return { dir, manifest: JSON.parse(await readFile(path.join(dir, MANIFEST), "utf8")) as M };
}

/** The bundle for `key`, from the cache or freshly bundled into it, with its manifest. */
export async function cachedBundle<M>(options: CachedBundleOptions<M>): Promise<{ readonly dir: string; readonly manifest: M }> {
  const dir = path.join(options.cacheRoot ?? BUNDLE_CACHE, `${options.name}-${options.key}`);
  const manifestFile = path.join(dir, MANIFEST);
  if (!existsSync(manifestFile)) await bundleInto(dir, options);
  return { dir, manifest: JSON.parse(await readFile(manifestFile, "utf8")) as M };
}

async function bundleInto<M>(dir: string, options: CachedBundleOptions<M>): Promise<void> {
  const temp = `${dir}.tmp-${process.pid}-${Date.now().toString(36)}`;
  await mkdir(temp, { recursive: true });
  try {
    // Loaded when a bundle is made, which is rare: a build from cached bundles never loads esbuild.
    const { build } = await import("esbuild");
    const result = await build({
      entryPoints: [...options.entryPoints],
      outdir: temp,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      minify: true,
      entryNames: "[name]-[hash]",
      chunkNames: "[name]-[hash]",
      metafile: true,
      logLevel: "silent",
      legalComments: "none",
      absWorkingDir: PACKAGE_ROOT,
      plugins: options.plugins ?? [],
    });
    const file = (output: string) => path.relative(temp, path.resolve(PACKAGE_ROOT, output)).split(path.sep).join("/");
    await writeFile(path.join(temp, MANIFEST), JSON.stringify(options.manifest(result.metafile, file)));
    await mkdir(path.dirname(dir), { recursive: true });
    if (existsSync(dir)) await rm(temp, { recursive: true, force: true });
    else await rename(temp, dir);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Copies a cached bundle's scripts (not its manifest) into `target`. */
export async function copyBundle(dir: string, target: string): Promise<void> {
  await mkdir(target, { recursive: true });
  await cp(dir, target, { recursive: true, filter: (src) => path.basename(src) !== MANIFEST });
}
