// The site's library: wattbook's browser runtime (with Plot and Inputs as lazy chunks) and the kernel,
// bundled and minified once per version of their sources and dependencies, and cached. Bundling d3 and
// zod takes esbuild most of a second; the notebooks' own modules take milliseconds. Every build copies
// the cached library into its site and bundles only the notebooks against it.
import type { Metafile } from "esbuild";
import path from "node:path";
import { BUNDLE_CACHE, cachedBundle, copyBundle, prebuiltBundle, sourceFiles, sourcesKey } from "./cached-bundle.ts";
import { htlPatchPlugin } from "./htl-patch.ts";
import { FROM_SOURCES, PACKAGE_ROOT } from "./package-root.ts";

export const LIBRARY_ENTRIES = {
  runtime: path.join(PACKAGE_ROOT, "src/runtime/browser.ts"),
  kernel: path.join(PACKAGE_ROOT, "src/kernel/index.ts"),
  /** The site's chrome (sidebar button, search box), which every page loads; the search is a lazy chunk of it. */
  chrome: path.join(PACKAGE_ROOT, "src/chrome/chrome.ts"),
} as const;

/**
 * Packages the runtime ships (as the lazy chunks behind the Plot and Inputs builtins), as entries of
 * their own: a cell that imports one gets the library's file, the same instance as the builtin,
 * rather than a second copy from node_modules. By specifier → the entry's name.
 */
export const LIBRARY_PACKAGES: Readonly<Record<string, string>> = { "@observablehq/plot": "plot", "@observablehq/inputs": "inputs" };

/** Where a shipped package's entry is bundled from when not the package itself: Inputs is wattbook's (runtime/inputs.ts). */
const PACKAGE_SOURCES: Readonly<Record<string, string>> = { "@observablehq/inputs": path.join(PACKAGE_ROOT, "src/runtime/inputs-package.ts") };

export interface Library {
  /** Folder holding the library's files (in the cache). */
  readonly dir: string;
  /** Entry file names inside `dir`. */
  readonly runtime: string;
  /** The whole kernel in one module (for namespace imports and bundled notebooks). */
  readonly kernel: string;
  /** The site's chrome (every page's one script when it has no cells). */
  readonly chrome: string;
  /**
   * Each public kernel name → the file of the kernel module that defines it, so that a page imports
   * only the topics it uses (a page using two edge functions loads a few KB, not the whole kernel).
   */
  readonly kernelExports: ReadonlyMap<string, string>;
  /** Every file name inside `dir` with its size in bytes. */
  readonly files: ReadonlyMap<string, number>;
  /** Static imports of each file (names inside `dir`), for modulepreload. */
  readonly imports: ReadonlyMap<string, readonly string[]>;
  /** The packages it ships (LIBRARY_PACKAGES), by specifier: the file a cell's import of one gets. */
  readonly packages: ReadonlyMap<string, { readonly file: string; readonly exports: readonly string[] }>;
  /**
   * The file each module that starts a file of its own is bundled into, by the module's path relative to
   * wattbook's folder ("src/runtime/tex.ts"): the entries, and what the runtime imports lazily (tex, md,
   * Arrow, exercises), for `wattbook export`, which leaves out what a notebook never loads.
   */
  readonly modules: ReadonlyMap<string, string>;
}

interface Manifest {
  readonly runtime: string;
  readonly kernel: string;
  readonly chrome: string;
  readonly kernelExports: Record<string, string>;
  readonly files: Record<string, number>;
  readonly imports: Record<string, string[]>;
  readonly packages: Record<string, { file: string; exports: string[] }>;
  readonly modules: Record<string, string>;
}

/** What goes into the library: its sources, the packages, and this recipe. */
const LIBRARY_INPUTS = [
  "src/runtime",
  "src/explain",
  "src/kernel",
  "src/exercise",
  "src/text",
  "src/chrome",
  "src/search",
  "src/notebook/types.ts",
  "src/publish/library.ts",
  "src/publish/htl-patch.ts",
  "src/publish/cached-bundle.ts",
  "package-lock.json",
];

/**
 * The library: in a checkout, for the current sources, from the cache under `cacheRoot` or freshly
 * bundled into it; in an installed package, the one prepack bundled (see cached-bundle.ts).
 */
export async function ensureLibrary(cacheRoot = BUNDLE_CACHE): Promise<Library> {
  const { dir, manifest } = FROM_SOURCES ? await bundleLibrary(cacheRoot) : await prebuiltBundle<Manifest>("library");
  return {
    dir,
    runtime: manifest.runtime,
    kernel: manifest.kernel,
    chrome: manifest.chrome,
    kernelExports: new Map(Object.entries(manifest.kernelExports)),
    files: new Map(Object.entries(manifest.files)),
    imports: new Map(Object.entries(manifest.imports)),
    packages: new Map(Object.entries(manifest.packages)),
    modules: new Map(Object.entries(manifest.modules ?? {})),
  };
}

async function bundleLibrary(cacheRoot: string): Promise<{ readonly dir: string; readonly manifest: Manifest }> {
  const kernelModules = (await sourceFiles(path.dirname(LIBRARY_ENTRIES.kernel))).filter((file) => file !== LIBRARY_ENTRIES.kernel && !file.endsWith(".d.ts"));
  return cachedBundle<Manifest>({
    name: "library",
    key: await sourcesKey(LIBRARY_INPUTS),
    cacheRoot,
    entryPoints: [
      { in: LIBRARY_ENTRIES.runtime, out: "runtime" },
      { in: LIBRARY_ENTRIES.kernel, out: "kernel" },
      { in: LIBRARY_ENTRIES.chrome, out: "chrome" },
      ...kernelModules.map((file) => ({ in: file, out: `kernel-${path.relative(path.dirname(LIBRARY_ENTRIES.kernel), file).replace(/\.ts$/, "").replace(/[\\/]/g, "-")}` })),
      ...Object.entries(LIBRARY_PACKAGES).map(([specifier, out]) => ({ in: PACKAGE_SOURCES[specifier] ?? specifier, out: `package-${out}` })),
    ],
    plugins: [htlPatchPlugin()],
    manifest: manifestOf,
  });
}

function manifestOf(metafile: Metafile, name: (output: string) => string): Manifest {
  const files: Record<string, number> = {};
  const imports: Record<string, string[]> = {};
  let runtime = "";
  let kernel = "";
  let chrome = "";
  let publicNames: string[] = [];
  const moduleExports: [string, string[]][] = [];
  const packages: Record<string, { file: string; exports: string[] }> = {};
  const modules: Record<string, string> = {};
  for (const [file, output] of Object.entries(metafile.outputs)) {
    const own = name(file);
    files[own] = output.bytes;
    imports[own] = output.imports.filter((i) => i.kind === "import-statement").map((i) => name(i.path));
    const entry = output.entryPoint && path.resolve(PACKAGE_ROOT, output.entryPoint);
    if (!entry) continue;
    modules[path.relative(PACKAGE_ROOT, entry).split(path.sep).join("/")] = own;
    const shipped = Object.entries(LIBRARY_PACKAGES).find(([, out]) => own.startsWith(`package-${out}-`));
    if (shipped) {
      packages[shipped[0]] = { file: own, exports: [...output.exports].sort() };
      continue;
    }
    if (entry === LIBRARY_ENTRIES.runtime) runtime = own;
    else if (entry === LIBRARY_ENTRIES.chrome) chrome = own;
    else if (entry === LIBRARY_ENTRIES.kernel) (kernel = own), (publicNames = output.exports);
    else moduleExports.push([own, output.exports]);
  }
  if (!runtime || !kernel || !chrome) throw new Error("esbuild did not report the library's entry files");
  // Only what index.ts exports is public; a module's other exports stay internal.
  const kernelExports: Record<string, string> = {};
  for (const exported of publicNames) {
    const home = moduleExports.find(([, names]) => names.includes(exported));
    kernelExports[exported] = home ? home[0] : kernel;
  }
  return { runtime, kernel, chrome, kernelExports, files, imports, packages, modules };
}

/** Copies the library's scripts (not its manifest) into `target`. */
export function copyLibrary(library: Library, target: string): Promise<void> {
  return copyBundle(library.dir, target);
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
