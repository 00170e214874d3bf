// One entry of an installed package (what `import … from "lodash/fp"` names) bundled by esbuild into
// one browser ES module: the package's own files are bundled in, and each other package it imports
// (`import` and `import()`, also of its own other entries) stays an import of that package's own file,
// written as a placeholder here and pointed at the file by package-files.ts. So a package imported by
// two notebooks, or by a notebook and another package, is one file and one instance. What a CommonJS
// module `require`s is bundled in: a require runs when and where it is called, which an import cannot.
// A CommonJS entry exports `default` (its module.exports) and the names commonjs-exports.ts finds.
import { parse } from "acorn";
import type { Message, Plugin } from "esbuild";
import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { isNodeBuiltin } from "../notebook/node-builtins.ts";
import { commonJsExports } from "./commonjs-exports.ts";
import { findPackage, type InstalledPackage, splitSpecifier } from "./package-specifier.ts";

/** How a bundle names another package's file until package-files.ts knows the file's name. */
export const PLACEHOLDER_PREFIX = "wattbook-npm:";

export interface PackageDependency {
  /** The string the bundle imports it by: "wattbook-npm:d3-array@3.2.4/". */
  readonly placeholder: string;
  readonly name: string;
  readonly version: string;
  /** The dependency's folder (absolute) and the part of the specifier after its name. */
  readonly dir: string;
  readonly subpath: string;
}

export interface RawPackageBundle {
  /** Minified ES module; other packages imported as `"wattbook-npm:<name>@<version>/<subpath>"`. */
  readonly code: string;
  /** The names it exports ("default" among them when it has one). */
  readonly exports: readonly string[];
  /** The entry is CommonJS: `default` is its module.exports, and other names may exist only at run time. */
  readonly commonJs: boolean;
  /** Sorted by placeholder. */
  readonly dependencies: readonly PackageDependency[];
  /** Every file the bundle was made from, absolute: its sources and the package.json files it depends on. */
  readonly inputs: readonly string[];
}

/** Where in a file esbuild found a problem: absolute file, 1-based line and column. */
export interface FileLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export type PackageProblem =
  | { readonly kind: "not-installed"; readonly name: string }
  | { readonly kind: "needs-node"; readonly builtin: string; readonly at?: FileLocation }
  | { readonly kind: "no-entry"; readonly name: string; readonly reason: string }
  | { readonly kind: "failed"; readonly text: string; readonly at?: FileLocation };

export class PackageBundleError extends Error {
  override name = "PackageBundleError";
  constructor(readonly problem: PackageProblem) {
    super(problem.kind === "not-installed" ? `${problem.name} is not installed` : problem.kind === "needs-node" ? `needs ${problem.builtin}` : problem.kind === "no-entry" ? problem.reason : problem.text);
  }
}

/** Marks resolutions the plugin asks esbuild for itself, so that it does not answer them again. */
const OWN = "wattbook-package-own";
const ENTRY = "wattbook-package-entry";

/**
 * The bundle of `pkg`'s entry `subpath` ("" for the package itself). `projectRoot` is where esbuild
 * works from; nothing else of the project shapes the bundle.
 */
export async function bundlePackageEntry(pkg: InstalledPackage, subpath: string, projectRoot: string): Promise<RawPackageBundle> {
  const { build } = await import("esbuild");
  const specifier = subpath ? `${pkg.name}/${subpath}` : pkg.name;
  const dependencies = new Map<string, PackageDependency>();
  let commonJs = false;
  const plugin: Plugin = {
    name: "wattbook-package",
    setup(esbuild) {
      esbuild.onResolve({ filter: new RegExp(`^${ENTRY}$`) }, (args) => (args.kind === "entry-point" ? { path: ENTRY, namespace: ENTRY } : undefined));
      esbuild.onLoad({ filter: /.*/, namespace: ENTRY }, async () => {
        const resolved = await esbuild.resolve(specifier, { kind: "import-statement", resolveDir: resolveDirOf(pkg), pluginData: { [OWN]: true } });
        if (resolved.errors.length) {
          // The package is there (findPackage found it), but not this entry of it.
          const reason = [resolved.errors[0]!.text, ...(resolved.errors[0]!.notes ?? []).map((note) => note.text)].join(" ");
          throw new PackageBundleError({ kind: "no-entry", name: pkg.name, reason });
        }
        const entry = resolved.path;
        const form = moduleForm(entry);
        commonJs = form.commonJs;
        const from = JSON.stringify(entry);
        // Only identifier names: esbuild cannot re-export a CommonJS property under a string name.
        const contents = form.commonJs
          ? `export {${["default", ...commonJsExports(entry)].join(", ")}} from ${from};\n`
          : `export * from ${from};\n${form.hasDefault ? `export {default} from ${from};\n` : ""}`;
        return { contents, loader: "js", resolveDir: path.dirname(entry) };
      });
      // Another package (or another entry of this one), imported: its own file.
      esbuild.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData?.[OWN] || args.kind === "entry-point" || args.kind === "require-call" || args.kind === "require-resolve") return undefined;
        // A Node built-in: a "browser" field may map it to something, or esbuild says it cannot be had.
        if (isNodeBuiltin(args.path)) return undefined;
        const bare = splitSpecifier(args.path);
        const found = bare && findPackage(bare.name, args.resolveDir);
        if (!bare || !found) return undefined; // esbuild reports what it cannot resolve, where
        // The importing package's "browser" field may send the name elsewhere, or nowhere: that wins.
        const resolved = await esbuild.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { [OWN]: true } });
        if (!resolved.errors.length && resolved.path && !within(resolved.path, found.dir)) {
          return { path: resolved.path, namespace: resolved.namespace, sideEffects: resolved.sideEffects, external: resolved.external };
        }
        const placeholder = `${PLACEHOLDER_PREFIX}${found.name}@${found.version}/${bare.subpath}`;
        dependencies.set(placeholder, { placeholder, name: found.name, version: found.version, dir: found.dir, subpath: bare.subpath });
        return { path: placeholder, external: true };
      });
    },
  };
  let result;
  try {
    result = await build({
      entryPoints: [{ in: ENTRY, out: "entry" }],
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      minify: true,
      write: false,
      metafile: true,
      outdir: path.join(projectRoot, "wattbook-package-out"),
      logLevel: "silent",
      legalComments: "none",
      // What packages test to leave out their development-only code.
      define: { "process.env.NODE_ENV": '"production"' },
      absWorkingDir: projectRoot,
      plugins: [plugin],
    });
  } catch (error) {
    if (error instanceof PackageBundleError) throw error;
    const messages = (error as { errors?: Message[] }).errors;
    const thrown = messages?.[0]?.detail;
    if (thrown instanceof PackageBundleError) throw thrown;
    if (messages?.length) throw new PackageBundleError(problemOf(messages[0]!, projectRoot));
    throw error;
  }
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined);
  const code = result.outputFiles.find((file) => file.path.endsWith(".js"))?.text;
  if (!output || code === undefined) throw new Error(`esbuild produced no output for ${specifier}`);
  const sources = Object.keys(result.metafile.inputs)
    .filter((input) => !input.startsWith(`${ENTRY}:`))
    .map((input) => path.resolve(projectRoot, input));
  const manifests = [pkg.dir, ...[...dependencies.values()].map((d) => d.dir)].map((dir) => path.join(dir, "package.json"));
  return {
    code,
    exports: [...output.exports].sort(),
    commonJs,
    dependencies: [...dependencies.values()].sort((a, b) => (a.placeholder < b.placeholder ? -1 : 1)),
    inputs: [...new Set([...sources, ...manifests])].sort(),
  };
}

/** The folder that holds the node_modules the package was found in: where its name resolves to it. */
export function resolveDirOf(pkg: InstalledPackage): string {
  return pkg.dir.slice(0, pkg.dir.length - `${path.sep}node_modules${path.sep}${pkg.name.split("/").join(path.sep)}`.length) || path.sep;
}

function within(file: string, dir: string): boolean {
  const real = (at: string) => {
    try {
      return realpathSync(at);
    } catch {
      return at;
    }
  };
  const root = real(dir);
  return file === root || file.startsWith(root + path.sep);
}

/**
 * Whether `file` is CommonJS, and for an ES module whether it has a default export. `.mjs` and `.cjs`
 * say so; otherwise a file with import or export declarations is an ES module, and one without is
 * CommonJS (as bundlers read them; Node would also ask the package's "type").
 */
function moduleForm(file: string): { commonJs: boolean; hasDefault: boolean } {
  if (file.endsWith(".cjs")) return { commonJs: true, hasDefault: true };
  if (file.endsWith(".json")) return { commonJs: false, hasDefault: true };
  let body;
  try {
    body = parse(readFileSync(file, "utf8"), { ecmaVersion: "latest", sourceType: "module", allowHashBang: true, allowAwaitOutsideFunction: true }).body;
  } catch {
    // Not a module (a `with`, an octal literal, a top-level return): CommonJS, or esbuild will say.
    return { commonJs: !file.endsWith(".mjs"), hasDefault: true };
  }
  const moduleSyntax = body.some((node) => node.type === "ImportDeclaration" || node.type.startsWith("Export"));
  if (!moduleSyntax && !file.endsWith(".mjs")) return { commonJs: true, hasDefault: true };
  const hasDefault = body.some(
    (node) =>
      node.type === "ExportDefaultDeclaration" ||
      (node.type === "ExportNamedDeclaration" && node.specifiers.some((s) => (s.exported.type === "Identifier" ? s.exported.name : s.exported.value) === "default")),
  );
  return { commonJs: false, hasDefault };
}

/** esbuild's first complaint, as what the author is told. */
function problemOf(message: Message, projectRoot: string): PackageProblem {
  const at = locationOf(message, projectRoot);
  const unresolved = /^Could not resolve "([^"]+)"/.exec(message.text)?.[1];
  if (unresolved && isNodeBuiltin(unresolved)) return { kind: "needs-node", builtin: unresolved, ...(at ? { at } : {}) };
  return { kind: "failed", text: message.text, ...(at ? { at } : {}) };
}

/** A message's location: absolute file, 1-based line and (UTF-16) column. */
export function locationOf(message: Message, workingDir: string): FileLocation | undefined {
  const location = message.location;
  if (!location?.file) return undefined;
  // esbuild counts columns in UTF-8 bytes.
  const column = Buffer.from(location.lineText, "utf8").subarray(0, location.column).toString("utf8").length + 1;
  return { file: path.resolve(workingDir, location.file), line: location.line, column };
}
