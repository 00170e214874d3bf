// A notebook's imports other than the kernel's, had for its page (see emit.ts): each package entry's
// shared file (package-files.ts) or the library's own file for the packages the runtime ships, the
// notebook's local modules bundled (local-modules.ts), the module's import lines pointed at them with
// every imported name checked, and what the page preloads. Loaded only for a notebook that imports more
// than the kernel: a build of kernel-only notebooks never loads a bundler or a parser for this.
import path from "node:path";
import { locatedError, type LocatedError, LocatedErrors } from "../notebook/errors.ts";
import { isRelativeSpecifier } from "../notebook/data-files.ts";
import type { Diagnostic } from "../notebook/messages.ts";
import type { CellImport } from "../notebook/types.ts";
import type { Compiled } from "./compile-for-site.ts";
import type { EmitOptions } from "./emit.ts";
import { bindImports, type ImportTarget } from "./import-bindings.ts";
import { exportDiagnostic, packageDiagnostic } from "./import-problems.ts";
import { staticClosure } from "./library.ts";
import { bundleLocalModules, type LocalModules, LocalModulesError } from "./local-modules.ts";
import { positionIn } from "./module-frames.ts";
import type { FileLocation } from "./package-bundle.ts";
import type { PackageFile } from "./package-files.ts";
import { ASSETS_DIR, KERNEL_SPECIFIER, libraryImport, LIBRARY_DIR } from "./site-layout.ts";

export interface ResolvedImports {
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
export async function resolveImports(compiled: Compiled, imports: readonly CellImport[], options: EmitOptions): Promise<ResolvedImports> {
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
    const found = await (await options.packages()).lookup(specifier, notebookDir);
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
        packages: async (specifier, fromDir) => (await options.packages()).lookup(specifier, fromDir),
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
