// The site's npm package files: each package entry a page imports becomes one ES module under
// `_wattbook/npm/<name>@<version>/<entry>-<hash>.js`, made once per build however many notebooks (and
// local modules, and other packages) import it, and shared by every page that does. A notebook's
// module imports it by a relative path, as it imports the library's files, so the notebook itself is
// never bundled and keeps its lines.
//
// Each entry's bundle (package-bundle.ts) is kept in the build cache by the package's folder and entry,
// with the SHA-256 of every file it was made from: it is served only while all of them are unchanged,
// and only to the toolchain that made it. A file's name hashes its own bundle and those of every
// package file it imports, transitively (its imports name them, so its bytes follow theirs), so a name
// always means the same bytes.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { ASSETS_DIR } from "./site-layout.ts";
import { contentHash } from "./content-hash.ts";
import { fileHashes } from "./file-hashes.ts";
import { bundlePackageEntry, PackageBundleError, type PackageDependency, type PackageProblem, type RawPackageBundle } from "./package-bundle.ts";
import { entryName, findPackage, type InstalledPackage, splitSpecifier } from "./package-specifier.ts";

export type { PackageProblem };

/** Where package files go in the site. */
export const PACKAGES_DIR = `${ASSETS_DIR}/npm`;

export interface PackageFile {
  /** Site-relative path: "_wattbook/npm/d3-array@3.2.4/index-ABCDEFGH.js". */
  readonly path: string;
  /** The names it exports ("default" among them when it has one). */
  readonly exports: readonly string[];
  /** A CommonJS entry: a name it does not list may still be a property of its default export. */
  readonly commonJs: boolean;
  /** This file and every package file it imports, transitively: what a page importing it loads. */
  readonly closure: readonly string[];
  /** Every file those were made from, absolute: what a page that imports it depends on. */
  readonly inputs: readonly string[];
}

export type PackageLookup = { readonly file: PackageFile } | { readonly problem: PackageProblem };

export interface PackageFilesOptions {
  /** Where bundling works from, and what cached paths are relative to. */
  readonly projectRoot: string;
  /** The build cache's folder; without one, every entry is bundled afresh. */
  readonly cacheDir?: string;
  /** What made the bundles (wattbook's code and version): a cached bundle serves only the same. */
  readonly toolchain: string;
}

interface Node {
  readonly key: string;
  readonly pkg: InstalledPackage;
  readonly subpath: string;
  readonly bundle: RawPackageBundle;
}

/** Bump when a cached bundle's shape or meaning changes. */
const FORMAT = 1;

export class PackageFiles {
  private readonly nodes = new Map<string, Promise<Node>>();
  private readonly files = new Map<string, PackageFile>();
  private readonly texts = new Map<string, string>();
  private readonly names = new Map<string, string>();

  constructor(private readonly options: PackageFilesOptions) {}

  /**
   * The file of `specifier` ("lodash/fp") as code in `fromDir` imports it, with every file it imports,
   * bundled now or taken from the cache; or why it cannot be had.
   */
  async lookup(specifier: string, fromDir: string): Promise<PackageLookup> {
    const bare = splitSpecifier(specifier);
    if (!bare) return { problem: { kind: "failed", text: `"${specifier}" is not a package name` } };
    // As Node finds it from the importing folder, else from the project's (a notebooks folder outside
    // the project uses the project's packages).
    const pkg = findPackage(bare.name, fromDir) ?? findPackage(bare.name, this.options.projectRoot);
    if (!pkg) return { problem: { kind: "not-installed", name: bare.name } };
    try {
      const root = await this.node(pkg, bare.subpath);
      const loaded = await this.load(root);
      return { file: this.fileOf(root.key, loaded) };
    } catch (error) {
      if (error instanceof PackageBundleError) return { problem: error.problem };
      throw error;
    }
  }

  /** A package file's text, by its site path (one that a lookup returned). */
  text(sitePath: string): string | undefined {
    return this.texts.get(sitePath);
  }

  private node(pkg: InstalledPackage, subpath: string): Promise<Node> {
    const key = keyOf({ dir: pkg.dir, subpath });
    let node = this.nodes.get(key);
    if (!node) {
      node = this.bundled(pkg, subpath).then((bundle) => ({ key, pkg, subpath, bundle }));
      this.nodes.set(key, node);
    }
    return node;
  }

  /** Every node reachable from `root`, by key; a dependency that fails fails the lookup. */
  private async load(root: Node): Promise<Map<string, Node>> {
    const loaded = new Map<string, Node>([[root.key, root]]);
    let frontier = [root];
    while (frontier.length) {
      const next = await Promise.all(frontier.flatMap((node) => node.bundle.dependencies.map((d) => this.node(packageOf(d), d.subpath))));
      frontier = next.filter((node) => !loaded.has(node.key));
      for (const node of frontier) loaded.set(node.key, node);
    }
    return loaded;
  }

  /** The site path of node `key`: named by its bundle and those of everything it imports. */
  private nameOf(key: string, loaded: ReadonlyMap<string, Node>): string {
    const known = this.names.get(key);
    if (known) return known;
    const { pkg, subpath } = loaded.get(key)!;
    const hash = createHash("sha256");
    for (const member of [...closureOf(key, loaded)].sort()) {
      const node = loaded.get(member)!;
      hash.update(`${node.pkg.name}@${node.pkg.version}/${node.subpath}\n${node.bundle.code}\n`);
    }
    const name = `${PACKAGES_DIR}/${pkg.name}@${pkg.version}/${entryName(subpath)}-${contentHash(hash.digest("hex"))}.js`;
    this.names.set(key, name);
    return name;
  }

  private fileOf(key: string, loaded: ReadonlyMap<string, Node>): PackageFile {
    const known = this.files.get(key);
    if (known) return known;
    const closure = [...closureOf(key, loaded)];
    for (const member of closure) {
      if (this.files.has(member)) continue;
      const { bundle } = loaded.get(member)!;
      const sitePath = this.nameOf(member, loaded);
      // Placeholder in, file name out. The placeholders are strings no package writes itself, and
      // esbuild prints every import path in double quotes.
      let text = bundle.code;
      for (const dependency of bundle.dependencies) {
        let relative = path.posix.relative(path.posix.dirname(sitePath), this.nameOf(keyOf(dependency), loaded));
        if (!relative.startsWith(".")) relative = `./${relative}`;
        text = text.split(JSON.stringify(dependency.placeholder)).join(JSON.stringify(relative));
      }
      const reached = [...closureOf(member, loaded)];
      this.files.set(member, {
        path: sitePath,
        exports: bundle.exports,
        commonJs: bundle.commonJs,
        closure: [sitePath, ...reached.filter((other) => other !== member).map((other) => this.nameOf(other, loaded)).sort()],
        inputs: [...new Set(reached.flatMap((other) => loaded.get(other)!.bundle.inputs))].sort(),
      });
      this.texts.set(sitePath, text);
    }
    return this.files.get(key)!;
  }

  /** The entry's bundle from the cache when every file it was made from is unchanged, else bundled (and cached). */
  private async bundled(pkg: InstalledPackage, subpath: string): Promise<RawPackageBundle> {
    const { projectRoot, cacheDir, toolchain } = this.options;
    const relative = (file: string) => path.relative(projectRoot, file).split(path.sep).join("/");
    const cacheFile = cacheDir && path.join(cacheDir, "packages", `${createHash("sha256").update(`${FORMAT}\n${toolchain}\n${relative(pkg.dir)}\n${subpath}`).digest("hex").slice(0, 32)}.json`);
    const memo = cacheDir && path.join(cacheDir, "package-hashes.json");
    if (cacheFile && memo) {
      const cached = await readCached(cacheFile, projectRoot, memo);
      if (cached) return cached;
    }
    const bundle = await bundlePackageEntry(pkg, subpath, projectRoot);
    if (cacheFile && memo) {
      let hashes: string[];
      try {
        hashes = fileHashes(bundle.inputs, memo);
      } catch {
        return bundle; // a file went away meanwhile: not cached
      }
      const stored: StoredBundle = {
        ...bundle,
        inputs: bundle.inputs.map((file, index) => ({ file: relative(file), sha256: hashes[index]! })),
        dependencies: bundle.dependencies.map((d) => ({ ...d, dir: relative(d.dir) })),
      };
      const temporary = `${cacheFile}.${process.pid}-${Math.random().toString(36).slice(2)}`;
      try {
        await mkdir(path.dirname(cacheFile), { recursive: true });
        await writeFile(temporary, JSON.stringify(stored));
        await rename(temporary, cacheFile);
      } catch {
        await rm(temporary, { force: true }).catch(() => {});
      }
    }
    return bundle;
  }
}

interface StoredBundle extends Omit<RawPackageBundle, "inputs"> {
  readonly inputs: readonly { readonly file: string; readonly sha256: string }[];
}

async function readCached(file: string, projectRoot: string, memo: string): Promise<RawPackageBundle | undefined> {
  let stored: StoredBundle;
  try {
    stored = JSON.parse(await readFile(file, "utf8")) as StoredBundle;
  } catch {
    return undefined;
  }
  if (typeof stored.code !== "string" || !Array.isArray(stored.inputs) || !Array.isArray(stored.dependencies) || !Array.isArray(stored.exports)) return undefined;
  const inputs = stored.inputs.map((input) => path.resolve(projectRoot, input.file));
  try {
    const hashes = fileHashes(inputs, memo);
    if (stored.inputs.some((input, index) => input.sha256 !== hashes[index])) return undefined;
  } catch {
    return undefined; // a file it was made from is gone
  }
  return { ...stored, inputs, dependencies: stored.dependencies.map((d) => ({ ...d, dir: path.resolve(projectRoot, d.dir) })) };
}

function keyOf(dependency: { readonly dir: string; readonly subpath: string }): string {
  return `${dependency.dir}\0${dependency.subpath}`;
}

function packageOf(dependency: PackageDependency): InstalledPackage {
  return { name: dependency.name, version: dependency.version, dir: dependency.dir };
}

/** `key` and every node it imports, transitively. */
function closureOf(key: string, loaded: ReadonlyMap<string, Node>): Set<string> {
  const seen = new Set<string>([key]);
  const stack = [key];
  while (stack.length) {
    for (const d of loaded.get(stack.pop()!)!.bundle.dependencies) {
      const next = keyOf(d);
      if (!seen.has(next)) seen.add(next), stack.push(next);
    }
  }
  return seen;
}
