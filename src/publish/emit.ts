// A compiled notebook's scripts for the site: its module and the page entry that hydrates it, with
// content-hashed names. The notebook's module is never bundled: it keeps its lines (so that an error
// in a cell names the cell's line) and imports what it needs by relative paths into the site's scripts:
//   "wattbook/kernel"          each name from the library file of its topic (compile-for-site.ts)
//   an installed package       its file under _wattbook/npm/, shared by every page (package-files.ts),
//                              or the library's own file for the packages the runtime ships
//   "./lib/helpers.js"         the notebook's local modules, bundled for it (local-modules.ts)
// A notebook that imports only the kernel needs nothing but its module and page, which is what makes
// a build of hundreds of notebooks fast. Nothing is written here: the build writes the files (and the
// cache keeps them).
import path from "node:path";
import { locatedError, type LocatedError, LocatedErrors } from "../notebook/errors.ts";
import { isRelativeSpecifier } from "../notebook/data-files.ts";
import type { Diagnostic } from "../notebook/messages.ts";
import type { CellImport } from "../notebook/types.ts";
import type { Compiled } from "./compile-for-site.ts";
import { contentHash } from "./content-hash.ts";
import { bindImports, type ImportTarget } from "./import-bindings.ts";
import { exportDiagnostic, packageDiagnostic } from "./import-problems.ts";
import { staticClosure, type Library } from "./library.ts";
import { bundleLocalModules, type LocalModules, LocalModulesError } from "./local-modules.ts";
import { positionIn } from "./module-frames.ts";
import type { FileLocation } from "./package-bundle.ts";
import type { PackageFile, PackageFiles } from "./package-files.ts";
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
  readonly packages: () => PackageFiles;
}

/** The notebook's scripts. Throws LocatedErrors when an import cannot be had, each at its import. */
export async function emitNotebook(compiled: Compiled, options: EmitOptions): Promise<EmittedNotebook> {
  const { library } = options;
  const imports = compiled.notebook.cells.flatMap((cell) => cell.imports);
  const other = imports.some((i) => i.specifier !== KERNEL_SPECIFIER);
  const resolved = other ? await resolveImports(compiled, imports, options) : undefined;
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

interface ResolvedImports {
  /** The compiled module with its imports pointed into the site. */
  readonly module: string;
  readonly local: LocalModules | undefined;
  /** Package files, each with what it imports. */
  readonly shared: readonly string[];
  /** Local modules and package files the page loads before it runs, in order. */
  readonly preload: readonly string[];
  readonly inputs: readonly string[];
}

/** Each import other than the kernel's, had (or every reason it cannot be, at its import). */
async function resolveImports(compiled: Compiled, imports: readonly CellImport[], options: EmitOptions): Promise<ResolvedImports> {
  const { library, projectRoot } = options;
  const notebookFile = path.join(options.notebooksRoot, compiled.sourcePath);
  const notebookDir = path.dirname(notebookFile);
  const shown = (file: string) => path.relative(projectRoot, file).split(path.sep).join("/") || ".";
  const specifiers = [...new Set(imports.map((i) => i.specifier).filter((s) => s !== KERNEL_SPECIFIER))];
  const firstImport = (specifier: string) => imports.find((i) => i.specifier === specifier)!;
  const errors: LocatedError[] = [];
  const atImport = (specifier: string, found: Diagnostic) => {
    const { position } = firstImport(specifier);
    errors.push(locatedError(found, { file: compiled.displayPath, lines: compiled.sourceText, position }, { before: 0, after: 0 }));
  };
  const inModule = (at: FileLocation, found: Diagnostic) => {
    const where = positionIn(at, projectRoot);
    errors.push(locatedError(found, { file: where.file, ...(where.text === undefined ? {} : { lines: where.text }), position: { line: where.line, column: where.column } }, { before: 1, after: 1 }));
  };

  const targets = new Map<string, ImportTarget>();
  const packageFiles: PackageFile[] = [];
  const relative = specifiers.filter(isRelativeSpecifier);
  const bare = specifiers.filter((s) => !isRelativeSpecifier(s));
  const fromScripts = (sitePath: string) => `./${path.posix.relative(ASSETS_DIR, sitePath)}`;
  const lookups = bare.map(async (specifier) => {
    const shipped = library.packages.get(specifier);
    if (shipped) return void targets.set(specifier, { url: libraryImport(shipped.file), exports: shipped.exports });
    const found = await options.packages().lookup(specifier, notebookDir);
    if ("problem" in found) return atImport(specifier, packageDiagnostic(specifier, found.problem, shown));
    packageFiles.push(found.file);
    targets.set(specifier, { url: fromScripts(found.file.path), exports: found.file.exports, commonJs: found.file.commonJs });
  });
  const bundling = relative.length
    ? bundleLocalModules({
        specifiers: relative,
        notebookFile,
        projectRoot,
        notebooksRoot: options.notebooksRoot,
        siteDir: options.outDir,
        kernelExports: new Map([...library.kernelExports].map(([name, file]) => [name, `${LIBRARY_DIR}/${file}`])),
        packages: (specifier, fromDir) => options.packages().lookup(specifier, fromDir),
      }).catch((error: unknown) => {
        if (!(error instanceof LocalModulesError)) throw error;
        for (const problem of error.problems) {
          if (problem.at) inModule(problem.at, problem.found);
          else atImport(problem.specifier ?? relative[0]!, problem.found);
        }
        return undefined;
      })
    : Promise.resolve(undefined);
  const [local] = await Promise.all([bundling, ...lookups]);
  for (const [specifier, entry] of local?.entries ?? []) targets.set(specifier, { url: fromScripts(entry.path), exports: entry.exports });

  // The module's import lines (before its `export default`) pointed at the files, names checked.
  const exportLine = compiled.module.indexOf("\nexport default {path: ");
  const head = compiled.module.slice(0, exportLine + 1);
  const bound = bindImports(head, (source) => targets.get(source));
  for (const { source, name } of bound.missing) {
    const target = targets.get(source)!;
    atImport(source, exportDiagnostic(source, name, target.exports ?? []));
  }
  if (errors.length) throw new LocatedErrors(errors);

  const allPackages = [...packageFiles, ...(local?.packages ?? [])];
  const shared = [...new Set(allPackages.flatMap((file) => file.closure))].sort();
  const closureOf = new Map(allPackages.flatMap((file) => file.closure.length ? [[file.path, file.closure] as const] : []));
  const preload: string[] = [];
  const seen = new Set<string>();
  const visit = (sitePath: string) => {
    if (seen.has(sitePath)) return;
    seen.add(sitePath);
    if (sitePath.startsWith(`${LIBRARY_DIR}/`)) {
      const file = sitePath.slice(LIBRARY_DIR.length + 1);
      for (const each of [file, ...staticClosure(library, file)]) preload.push(`${LIBRARY_DIR}/${each}`);
      return;
    }
    preload.push(sitePath);
    for (const next of local?.imports.get(sitePath) ?? []) visit(next);
    for (const next of closureOf.get(sitePath) ?? []) visit(next);
  };
  for (const specifier of specifiers) {
    const url = targets.get(specifier)!.url;
    visit(path.posix.join(ASSETS_DIR, url));
  }
  const inputs = [...new Set([...(local?.inputs ?? []), ...allPackages.flatMap((file) => file.inputs)])].sort();
  return { module: bound.code + compiled.module.slice(exportLine + 1), local, shared, preload, inputs };
}
