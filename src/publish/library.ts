// The site's library: wattbook's browser runtime (with Plot and Inputs as lazy chunks) and the kernel,
// bundled and minified once per version of their sources and dependencies, and cached. Bundling d3 and
// zod takes esbuild most of a second; the notebooks' own modules take milliseconds. Every build copies
// the cached library into its site and bundles only the notebooks against it.
import { build, type Metafile } from "esbuild";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { htlPatchPlugin } from "./htl-patch.ts";
import { PACKAGE_ROOT } from "./package-root.ts";

export const LIBRARY_ENTRIES = {
  runtime: path.join(PACKAGE_ROOT, "src/runtime/browser.ts"),
  kernel: path.join(PACKAGE_ROOT, "src/kernel/index.ts"),
} as const;

export interface Library {
  /** Folder holding the library's files (in the cache). */
  readonly dir: string;
  /** Entry file names inside `dir`. */
  readonly runtime: string;
  /** The whole kernel in one module (for namespace imports and bundled notebooks). */
  readonly kernel: string;
  /**
   * Each public kernel name → the file of the kernel module that defines it, so that a page imports
   * only the topics it uses (a page using two edge functions loads a few KB, not the whole kernel).
   */
  readonly kernelExports: ReadonlyMap<string, string>;
  /** Every file name inside `dir` with its size in bytes. */
  readonly files: ReadonlyMap<string, number>;
  /** Static imports of each file (names inside `dir`), for modulepreload. */
  readonly imports: ReadonlyMap<string, readonly string[]>;
}

interface Manifest {
  readonly runtime: string;
  readonly kernel: string;
  readonly kernelExports: Record<string, string>;
  readonly files: Record<string, number>;
  readonly imports: Record<string, string[]>;
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.(ts|js)$/.test(e.name)).map((e) => path.join(e.parentPath, e.name)).sort();
}

/** Changes whenever anything that goes into the library changes: its sources or the installed packages. */
async function libraryKey(): Promise<string> {
  const hash = createHash("sha256");
  const files = [
    ...(await sourceFiles(path.join(PACKAGE_ROOT, "src/runtime"))),
    ...(await sourceFiles(path.join(PACKAGE_ROOT, "src/kernel"))),
    ...(await sourceFiles(path.join(PACKAGE_ROOT, "src/exercise"))),
    path.join(PACKAGE_ROOT, "src/notebook/types.ts"),
    // The recipe itself: options and plugins change the output too.
    path.join(PACKAGE_ROOT, "src/publish/library.ts"),
    path.join(PACKAGE_ROOT, "src/publish/htl-patch.ts"),
    path.join(PACKAGE_ROOT, "package-lock.json"),
  ];
  for (const file of files) {
    if (!existsSync(file)) continue;
    hash.update(path.relative(PACKAGE_ROOT, file));
    hash.update(await readFile(file));
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * The library depends on wattbook alone (its sources and installed packages), not on the project, so
 * its cache lives beside wattbook and every project on the machine shares it.
 */
export const LIBRARY_CACHE = path.join(PACKAGE_ROOT, ".wattbook-cache");

/** The library for the current sources, from the cache under `cacheRoot` or freshly bundled into it. */
export async function ensureLibrary(cacheRoot = LIBRARY_CACHE): Promise<Library> {
  const key = await libraryKey();
  const dir = path.join(cacheRoot, `library-${key}`);
  const manifestFile = path.join(dir, "manifest.json");
  if (!existsSync(manifestFile)) await bundleLibrary(dir);
  const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as Manifest;
  return {
    dir,
    runtime: manifest.runtime,
    kernel: manifest.kernel,
    kernelExports: new Map(Object.entries(manifest.kernelExports)),
    files: new Map(Object.entries(manifest.files)),
    imports: new Map(Object.entries(manifest.imports)),
  };
}

async function bundleLibrary(dir: string): Promise<void> {
  // Build beside the final folder and rename, so that concurrent builds never see half a library.
  const temp = `${dir}.tmp-${process.pid}-${Date.now().toString(36)}`;
  await mkdir(temp, { recursive: true });
  try {
    const kernelModules = (await sourceFiles(path.dirname(LIBRARY_ENTRIES.kernel))).filter((file) => file !== LIBRARY_ENTRIES.kernel && !file.endsWith(".d.ts"));
    const result = await build({
      entryPoints: [
        { in: LIBRARY_ENTRIES.runtime, out: "runtime" },
        { in: LIBRARY_ENTRIES.kernel, out: "kernel" },
        ...kernelModules.map((file) => ({ in: file, out: `kernel-${path.relative(path.dirname(LIBRARY_ENTRIES.kernel), file).replace(/\.ts$/, "").replace(/[\\/]/g, "-")}` })),
      ],
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
      plugins: [htlPatchPlugin()],
    });
    await writeFile(path.join(temp, "manifest.json"), JSON.stringify(manifestOf(result.metafile, temp)));
    await mkdir(path.dirname(dir), { recursive: true });
    if (existsSync(dir)) await rm(temp, { recursive: true, force: true });
    else await rename(temp, dir);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

function manifestOf(metafile: Metafile, outDir: string): Manifest {
  const name = (file: string) => path.relative(outDir, path.resolve(PACKAGE_ROOT, file)).split(path.sep).join("/");
  const files: Record<string, number> = {};
  const imports: Record<string, string[]> = {};
  let runtime = "";
  let kernel = "";
  let publicNames: string[] = [];
  const moduleExports: [string, string[]][] = [];
  for (const [file, output] of Object.entries(metafile.outputs)) {
    const own = name(file);
    files[own] = output.bytes;
    imports[own] = output.imports.filter((i) => i.kind === "import-statement").map((i) => name(i.path));
    const entry = output.entryPoint && path.resolve(PACKAGE_ROOT, output.entryPoint);
    if (!entry) continue;
    if (entry === LIBRARY_ENTRIES.runtime) runtime = own;
    else if (entry === LIBRARY_ENTRIES.kernel) (kernel = own), (publicNames = output.exports);
    else moduleExports.push([own, output.exports]);
  }
  if (!runtime || !kernel) throw new Error("esbuild did not report the library's entry files");
  // Only what index.ts exports is public; a module's other exports stay internal.
  const kernelExports: Record<string, string> = {};
  for (const exported of publicNames) {
    const home = moduleExports.find(([, names]) => names.includes(exported));
    kernelExports[exported] = home ? home[0] : kernel;
  }
  return { runtime, kernel, kernelExports, files, imports };
}

/** Copies the library's scripts (not its manifest) into `target`. */
export async function copyLibrary(library: Library, target: string): Promise<void> {
  await mkdir(target, { recursive: true });
  await cp(library.dir, target, { recursive: true, filter: (src) => path.basename(src) !== "manifest.json" });
}

/** Every file `file` imports statically, transitively (names inside the library). */
export function staticClosure(library: Library, file: string): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    for (const next of library.imports.get(name) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      visit(next);
    }
  };
  visit(file);
  return [...seen];
}
