// A notebook's local modules (`import {f} from "./lib/helpers.js"`, `import regions from
// "../data/regions.json"`): the project's own JavaScript, TypeScript and JSON, bundled by esbuild for the
// page, one build per notebook over every module its cells import. Splitting over those entries gives a
// module imported by two cells, or by two modules, one instance in the page. What they import:
//   their own relative imports   bundled in (inside the project or the notebooks folder only)
//   an installed package         its shared file in the site (package-files.ts), as the cells import it
//   "wattbook/kernel"            the library's kernel
// The output is not minified: the realm runs it with its lines kept (module-form.ts), and its source
// maps (kept for the build, not written into the site) point a frame back to the author's file.
import type { Message, Metafile, Plugin } from "esbuild";
import { existsSync, readdirSync, realpathSync } from "node:fs";
import path from "node:path";
import { dataFileMethod, isRelativeSpecifier, isStylesheet } from "../notebook/data-files.ts";
import { type Diagnostic, diagnostic } from "../notebook/messages.ts";
import { isNodeBuiltin } from "../notebook/node-builtins.ts";
import { nearestName } from "../text/similar.ts";
import { bindImports } from "./import-bindings.ts";
import { exportDiagnostic, packageDiagnostic } from "./import-problems.ts";
import { originalPosition } from "./module-frames.ts";
import { type FileLocation, locationOf } from "./package-bundle.ts";
import type { PackageFile, PackageLookup } from "./package-files.ts";
import { ASSETS_DIR, KERNEL_SPECIFIER } from "./site-layout.ts";

/** Where a notebook's modules go in the site. */
export const LOCAL_DIR = `${ASSETS_DIR}/local`;

export interface LocalModulesRequest {
  /** The relative specifiers the cells import, as written. */
  readonly specifiers: readonly string[];
  /** The notebook (absolute): specifiers are relative to its folder. */
  readonly notebookFile: string;
  readonly projectRoot: string;
  readonly notebooksRoot: string;
  /** The site folder (absolute). */
  readonly siteDir: string;
  /** The library's kernel: each public name → the site-relative file of its topic. */
  readonly kernelExports: ReadonlyMap<string, string>;
  readonly packages: (specifier: string, fromDir: string) => Promise<PackageLookup>;
}

export interface LocalModuleEntry {
  /** Site-relative path of the module's output. */
  readonly path: string;
  readonly exports: readonly string[];
}

export interface LocalModules {
  /** By specifier, as the cells write it. */
  readonly entries: ReadonlyMap<string, LocalModuleEntry>;
  /** Every output (entries and shared chunks), by site-relative path. */
  readonly files: ReadonlyMap<string, string>;
  /** The source map of each output (not part of the site). */
  readonly sourceMaps: ReadonlyMap<string, string>;
  /** Each output's static imports, site-relative: chunks, package files, the kernel. */
  readonly imports: ReadonlyMap<string, readonly string[]>;
  /** The package files the modules import. */
  readonly packages: readonly PackageFile[];
  /** Every project file the outputs were made from, absolute. */
  readonly inputs: readonly string[];
}

/** What went wrong: at a cell's import of `specifier`, or at a place in a module. */
export interface LocalModuleProblem {
  readonly found: Diagnostic;
  readonly specifier?: string;
  readonly at?: FileLocation;
}

export class LocalModulesError extends Error {
  override name = "LocalModulesError";
  constructor(readonly problems: readonly LocalModuleProblem[]) {
    super(problems.map((p) => p.found.reason).join("\n"));
  }
}

/** Marks resolutions the plugin asks esbuild for itself. */
const OWN = "wattbook-local-own";

/** The modules bundled; throws LocalModulesError with every problem found. */
export async function bundleLocalModules(request: LocalModulesRequest): Promise<LocalModules> {
  const { projectRoot, notebooksRoot, siteDir } = request;
  const notebookDir = path.dirname(request.notebookFile);
  const shown = (file: string) => path.relative(projectRoot, file).split(path.sep).join("/") || ".";
  // Where a module may be, checked before a path is resolved and after (a link may lead elsewhere).
  const roots = [projectRoot, notebooksRoot, realpathOr(projectRoot), realpathOr(notebooksRoot)];
  const allowed = (file: string) => roots.some((root) => within(file, root));
  // esbuild works from the notebooks folder: the paths it writes into the outputs (the comment naming
  // each module's source) are then the same whichever folder the build runs from.
  const workingDir = notebooksRoot;
  const problems: LocalModuleProblem[] = [];
  const entries: { specifier: string; file: string; out: string }[] = [];
  const outNames = new Set<string>();
  for (const specifier of new Set(request.specifiers)) {
    const file = path.resolve(notebookDir, specifier);
    if (!allowed(file)) {
      problems.push({ specifier, found: diagnostic("module-outside-project", { specifier, file: shown(file) }) });
      continue;
    }
    let out = (path.basename(file).replace(/\.[^.]*$/, "") || "module").replace(/[^\w-]+/g, "_");
    if (out === "chunk") out = "chunk_";
    for (let n = 2; outNames.has(out); n++) out = `${out.replace(/-\d+$/, "")}-${n}`;
    outNames.add(out);
    entries.push({ specifier, file, out });
  }
  if (problems.length) throw new LocalModulesError(problems);

  const used = new Map<string, PackageFile>();
  const outDir = path.join(siteDir, ASSETS_DIR);
  /** How an output in local/ imports a site file. */
  const fromLocal = (sitePath: string) => path.posix.relative(LOCAL_DIR, sitePath);
  const refuse = (found: Diagnostic) => ({ errors: [{ text: found.reason, detail: found }] });
  const plugin: Plugin = {
    name: "wattbook-local-modules",
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.[OWN] || args.kind === "entry-point") return undefined;
        const specifier = args.path;
        if (specifier === KERNEL_SPECIFIER) return { path: KERNEL_SPECIFIER, namespace: "wattbook-kernel" };
        // A topic file of the kernel, as the kernel module below re-exports it: unused, it is left out.
        if (args.namespace === "wattbook-kernel") return { path: specifier, external: true, sideEffects: false };
        if (/^wattbook(\/|$)/.test(specifier) || /^[a-z][a-z\d+.-]*:/i.test(specifier) && !specifier.startsWith("node:")) return refuse(diagnostic("module-import-unsupported", { specifier }));
        if (isNodeBuiltin(specifier)) return refuse(diagnostic("module-node-builtin", { specifier }));
        if (isRelativeSpecifier(specifier) || path.isAbsolute(specifier)) {
          const file = path.resolve(args.resolveDir, specifier);
          if (!allowed(file)) return refuse(diagnostic("module-outside-project", { specifier, file: shown(file) }));
          const method = dataFileMethod(specifier);
          if (method) return refuse(diagnostic("import-data-file", { specifier, method }));
          if (isStylesheet(specifier)) return refuse(diagnostic("import-stylesheet", { specifier }));
          const resolved = await build.resolve(specifier, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { [OWN]: true } });
          if (resolved.errors.length) return refuse(notFound(specifier, file, args.importer ? shown(args.importer) : "the module", shown));
          if (!allowed(resolved.path)) return refuse(diagnostic("module-outside-project", { specifier, file: shown(resolved.path) }));
          return { path: resolved.path };
        }
        // A require of a package would stay a require in the page, which a browser module cannot run.
        if (args.kind === "require-call" || args.kind === "require-resolve") return refuse(diagnostic("module-import-unsupported", { specifier }));
        const found = await request.packages(specifier, args.resolveDir);
        if ("problem" in found) return refuse(packageDiagnostic(specifier, found.problem, shown));
        used.set(found.file.path, found.file);
        return { path: fromLocal(found.file.path), external: true };
      });
      // The kernel as a module that re-exports each name from its topic's library file, so that a page
      // loads only the topics its modules use, and the same instances its cells import.
      build.onLoad({ filter: /.*/, namespace: "wattbook-kernel" }, () => {
        const byFile = new Map<string, string[]>();
        for (const [name, file] of request.kernelExports) byFile.set(file, [...(byFile.get(file) ?? []), name]);
        const contents = [...byFile].map(([file, names]) => `export {${names.join(", ")}} from ${JSON.stringify(fromLocal(file))};`).join("\n");
        return { contents, loader: "js", resolveDir: siteDir };
      });
    },
  };

  const { build } = await import("esbuild");
  let result;
  try {
    result = await build({
      entryPoints: entries.map(({ file, out }) => ({ in: file, out })),
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      outdir: outDir,
      entryNames: "local/[name]-[hash]",
      chunkNames: "local/chunk-[hash]",
      sourcemap: "external",
      sourcesContent: false,
      write: false,
      metafile: true,
      logLevel: "silent",
      absWorkingDir: workingDir,
      plugins: [plugin],
    });
  } catch (error) {
    const messages = (error as { errors?: Message[] }).errors;
    if (!messages?.length) throw error;
    throw new LocalModulesError(messages.map((message) => problemOf(message, entries, workingDir, shown, shown(request.notebookFile))));
  }

  const siteRelative = (file: string) => path.relative(siteDir, path.resolve(workingDir, file)).split(path.sep).join("/");
  const files = new Map<string, string>();
  const sourceMaps = new Map<string, string>();
  for (const output of result.outputFiles) {
    const sitePath = siteRelative(output.path);
    if (sitePath.endsWith(".js.map")) sourceMaps.set(sitePath.slice(0, -".map".length), output.text);
    else if (sitePath.endsWith(".js")) files.set(sitePath, output.text);
  }
  // Names the modules import from packages: a CommonJS package's run-time names from its default
  // export, and a name an ES module package lacks an error at the import that asks for it.
  for (const [sitePath, text] of files) {
    const packageAt = (source: string) => used.get(path.posix.join(path.posix.dirname(sitePath), source));
    const bound = bindImports(text, (source) => {
      const file = packageAt(source);
      return file && { url: source, exports: file.exports, commonJs: file.commonJs };
    });
    files.set(sitePath, bound.code);
    for (const { source, name, offset } of bound.missing) {
      const before = text.slice(0, offset).split("\n");
      const map = sourceMaps.get(sitePath);
      const at = map === undefined ? undefined : originalPosition(map, path.join(siteDir, sitePath), before.length, before.at(-1)!.length + 1);
      const specifier = specifierOf(source, packageAt(source)!);
      problems.push({ found: exportDiagnostic(specifier, name, packageAt(source)!.exports), ...(at ? { at } : {}) });
    }
  }
  if (problems.length) throw new LocalModulesError(problems);

  const imports = importsOf(result.metafile, siteRelative, files);
  const entryOutputs = new Map<string, LocalModuleEntry>();
  for (const [output, meta] of Object.entries(result.metafile.outputs)) {
    if (meta.entryPoint === undefined) continue;
    const sitePath = siteRelative(output);
    const entry = entries.find(({ out }) => new RegExp(`^${LOCAL_DIR}/${out}-[A-Z2-7]{8}\\.js$`).test(sitePath));
    if (entry) entryOutputs.set(entry.specifier, { path: sitePath, exports: [...meta.exports].sort() });
  }
  const inputs = Object.keys(result.metafile.inputs)
    .filter((input) => !/^[\w-]+:/.test(input))
    .map((input) => path.resolve(workingDir, input))
    .sort();
  return { entries: entryOutputs, files, sourceMaps, imports, packages: [...used.values()], inputs };
}

/** What a package file was imported as (its name and entry), for messages. */
function specifierOf(source: string, file: PackageFile): string {
  const match = /_wattbook\/npm\/((?:@[^/]+\/)?[^/@]+)@[^/]+\/(.*)-[A-Z2-7]{8}\.js$/.exec(file.path);
  return match ? (match[2] === "index" ? match[1]! : `${match[1]}/${match[2]}`) : source;
}

/** Each output's static imports, as site paths. */
function importsOf(metafile: Metafile, siteRelative: (file: string) => string, files: ReadonlyMap<string, string>): Map<string, string[]> {
  const imports = new Map<string, string[]>();
  for (const [output, meta] of Object.entries(metafile.outputs)) {
    const sitePath = siteRelative(output);
    if (!files.has(sitePath)) continue;
    imports.set(
      sitePath,
      meta.imports.filter((i) => i.kind === "import-statement").map((i) => (i.external ? path.posix.join(path.posix.dirname(sitePath), i.path) : siteRelative(i.path))),
    );
  }
  return imports;
}

/** A relative import that resolves to no file: the path it names, and a file nearby it may have meant. */
function notFound(specifier: string, file: string, from: string, shown: (file: string) => string): Diagnostic {
  let candidates: string[] = [];
  try {
    candidates = readdirSync(path.dirname(file));
  } catch {
    // the folder is missing too
  }
  const near = nearestName(path.basename(file), candidates);
  const meant = near ? path.posix.join(path.posix.dirname(specifier), near) : undefined;
  const suggestion = meant ? `; did you mean "${meant.startsWith(".") ? meant : `./${meant}`}"?` : "";
  return diagnostic("module-not-found", { specifier, file: shown(file), from, near: suggestion });
}

/** An esbuild message as a problem: one of ours (its detail), a missing entry, or esbuild's own. */
function problemOf(message: Message, entries: readonly { specifier: string; file: string }[], workingDir: string, shown: (file: string) => string, notebook: string): LocalModuleProblem {
  const at = locationOf(message, workingDir);
  const detail = message.detail as Diagnostic | undefined;
  if (detail && typeof detail === "object" && "code" in detail && "reason" in detail) return { found: detail, ...(at ? { at } : {}) };
  const unresolved = /^Could not resolve "([^"]+)"/.exec(message.text)?.[1];
  const entry = unresolved === undefined ? undefined : entries.find(({ file }) => file === unresolved || path.resolve(workingDir, unresolved) === file);
  if (entry && !at) {
    // The cell's own import names a file that is not there.
    return { specifier: entry.specifier, found: existsSync(entry.file) ? diagnostic("module-build-failed", { reason: message.text, importer: notebook }) : notFound(entry.specifier, entry.file, notebook, shown) };
  }
  return { found: diagnostic("module-build-failed", { reason: message.text, importer: notebook }), ...(at ? { at } : {}) };
}

function realpathOr(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

function within(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}
