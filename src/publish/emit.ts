// A compiled notebook's scripts for the site: its module and the page entry that hydrates it, with
// content-hashed names. The notebook's module is never bundled: it keeps its lines (so that an error
// in a cell names the cell's line) and imports what it needs by relative paths into the site's scripts:
//   "wattbook/kernel"          each name from the library file of its topic (compile-for-site.ts)
//   an installed package       its file under _wattbook/npm/, shared by every page (package-files.ts),
//                              or the library's own file for the packages the runtime ships
//   "./lib/helpers.js"         the notebook's local modules, bundled for it (local-modules.ts)
// (emit-imports.ts, loaded for a notebook that imports more than the kernel).
// A notebook that imports only the kernel needs nothing but its module and page, which is what makes
// a build of hundreds of notebooks fast. Nothing is written here: the build writes the files (and the
// cache keeps them).
import type { Compiled } from "./compile-for-site.ts";
import { contentHash } from "./content-hash.ts";
import { staticClosure, type Library } from "./library.ts";
import type { PackageFiles } from "./package-files.ts";
import { ASSETS_DIR, KERNEL_SPECIFIER, libraryImport, LIBRARY_DIR, stemOf } from "./site-layout.ts";

export interface EmittedNotebook {
  /** The compiled module, relative to the site root (what the build evaluates). */
  readonly notebook: string;
  /** The page's module script, relative to the site root. */
  readonly page: string;
  /** Modules the page imports statically, for modulepreload, relative to the site root. */
  readonly preload: readonly string[];
  /** The notebook's own scripts to write (its module, page, local modules), by path relative to the site root. */
  readonly files: ReadonlyMap<string, string>;
  /** Package files the page loads (see package-files.ts), relative to the site root: shared with other pages. */
  readonly shared?: readonly string[];
  /** Every file besides the notebook that its scripts were made from (local modules, packages), absolute. */
  readonly bundleInputs?: readonly string[];
  /** Each local module output's source map, by site path: for locating errors, not part of the site or the cache. */
  readonly sourceMaps?: ReadonlyMap<string, string>;
}

export interface EmitOptions {
  /** The site folder (absolute): where the scripts will be. */
  readonly outDir: string;
  readonly library: Library;
  /** Where packages resolve from and local modules must lie; what files are shown relative to. */
  readonly projectRoot: string;
  /** The notebooks folder (absolute): local modules may lie in it too. */
  readonly notebooksRoot: string;
  /** The build's package files, made when a notebook first imports a package. */
  readonly packages: () => Promise<PackageFiles>;
}

/** The notebook's scripts. Throws LocatedErrors when an import cannot be had, each at its import. */
export async function emitNotebook(compiled: Compiled, options: EmitOptions): Promise<EmittedNotebook> {
  const { library } = options;
  const imports = compiled.notebook.cells.flatMap((cell) => cell.imports);
  const other = imports.some((i) => i.specifier !== KERNEL_SPECIFIER);
  const resolved = other ? await (await import("./emit-imports.ts")).resolveImports(compiled, imports, options) : undefined;
  const module = resolved?.module ?? compiled.module;

  const stem = stemOf(compiled.sourcePath);
  const notebookName = `notebook-${stem}-${contentHash(module)}.js`;
  const page = `import notebook from "./${notebookName}";\nimport {hydrate} from ${JSON.stringify(libraryImport(library.runtime))};\nhydrate(notebook);\n`;
  const pageName = `page-${stem}-${contentHash(page)}.js`;
  // The library files the module imports, in the order it imports them (see compile-for-site.ts).
  const kernelFiles = new Set(
    compiled.notebook.cells.flatMap((cell) =>
      cell.imports
        .filter((i) => i.specifier === KERNEL_SPECIFIER)
        .flatMap((i) => (i.specifiers.length ? i.specifiers.map((s) => (s.imported === "*" ? library.kernel : (library.kernelExports.get(s.imported) ?? library.kernel))) : [library.kernel])),
    ),
  );
  const lib = (file: string) => `${LIBRARY_DIR}/${file}`;
  const preload = [
    `${ASSETS_DIR}/${notebookName}`,
    ...(resolved?.preload ?? []),
    ...[...kernelFiles].flatMap((file) => [file, ...staticClosure(library, file)]).map(lib),
    ...[library.runtime, ...staticClosure(library, library.runtime)].map(lib),
  ];
  const files = new Map([
    [`${ASSETS_DIR}/${notebookName}`, module],
    [`${ASSETS_DIR}/${pageName}`, page],
    ...(resolved?.local?.files ?? []),
  ]);
  return {
    notebook: `${ASSETS_DIR}/${notebookName}`,
    page: `${ASSETS_DIR}/${pageName}`,
    preload: [...new Set(preload)],
    files,
    ...(resolved
      ? {
          shared: resolved.shared,
          bundleInputs: resolved.inputs,
          ...(resolved.local?.sourceMaps.size ? { sourceMaps: resolved.local.sourceMaps } : {}),
        }
      : {}),
  };
}

