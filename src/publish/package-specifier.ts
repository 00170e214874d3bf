// What a bare import names, and where that package is installed: Node's lookup, the nearest
// node_modules/<name> at or above the importing folder. Only the package's folder is found here; which
// file of it a specifier means (its "exports", "browser" and "module" fields) is esbuild's to resolve
// when the package is bundled (package-bundle.ts).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export interface BareSpecifier {
  /** The package's name: "lodash", "@observablehq/plot". */
  readonly name: string;
  /** What follows the name, without the slash: "fp" for "lodash/fp", "" for the package itself. */
  readonly subpath: string;
}

/** "lodash/fp" → {name: "lodash", subpath: "fp"}; undefined for what is not a package name. */
export function splitSpecifier(specifier: string): BareSpecifier | undefined {
  const match = /^((?:@[^/@\s]+\/)?[^/@\s.][^/\s]*)(?:\/(.*))?$/.exec(specifier);
  if (!match || /^[a-z][a-z\d+.-]*:/i.test(specifier)) return undefined;
  return { name: match[1]!, subpath: match[2] ?? "" };
}

export interface InstalledPackage {
  readonly name: string;
  readonly version: string;
  /** The package's folder, as found (not through links): `…/node_modules/<name>`. */
  readonly dir: string;
}

/** The package `name` as `fromDir` would import it, or undefined when no node_modules above holds it. */
export function findPackage(name: string, fromDir: string): InstalledPackage | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    const manifest = path.join(candidate, "package.json");
    if (path.basename(dir) !== "node_modules" && existsSync(manifest)) {
      let version = "0.0.0";
      try {
        const parsed = JSON.parse(readFileSync(manifest, "utf8")) as { version?: unknown };
        if (typeof parsed.version === "string" && /^[\w.+-]+$/.test(parsed.version)) version = parsed.version;
      } catch {
        // A package.json that does not parse: esbuild will say so when it bundles the package.
      }
      return { name, version, dir: candidate };
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The name a specifier's own file gets in the site: "fp" → "fp", "" → "index", "src/sum.js" → "src/sum". */
export function entryName(subpath: string): string {
  const segments = subpath
    .replace(/\.(?:m|c)?js$/, "")
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => (segment === "." || segment === ".." ? "_" : segment.replace(/[^\w.-]+/g, "_")));
  return segments.join("/") || "index";
}
