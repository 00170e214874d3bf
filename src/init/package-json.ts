// The package.json `wattbook init` leaves: a new one with the scripts and wattbook as a dependency, or
// the project's own with what it lacks added. An existing package.json keeps every field, every script
// it has (a `build` of its own stays, and is reported), its key order and its indentation. Pure.

/** The scripts a wattbook site runs by. */
export const SCRIPTS: Readonly<Record<string, string>> = { dev: "wattbook preview", build: "wattbook build", check: "wattbook check" };

export type MergedPackage =
  | {
      readonly ok: true;
      /** The new text, or undefined when nothing needs changing. */
      readonly text: string | undefined;
      readonly created: boolean;
      readonly addedScripts: readonly string[];
      /** Scripts of ours that the package already had under that name, with its own command. */
      readonly keptScripts: readonly (readonly [name: string, command: string])[];
      readonly addedDependency: boolean;
      /** Whether Node reads the package's .js files as ES modules ("type": "module"). */
      readonly esm: boolean;
    }
  | { readonly ok: false; readonly reason: string };

export interface PackageOptions {
  /** The package's name, for a new package.json. */
  readonly name: string;
  /** wattbook's version: the dependency is `^version`. */
  readonly version: string;
}

export function mergePackageJson(existing: string | undefined, options: PackageOptions): MergedPackage {
  const dependency = `^${options.version}`;
  if (existing === undefined) {
    const created = {
      name: options.name,
      private: true,
      type: "module",
      scripts: { ...SCRIPTS },
      dependencies: { wattbook: dependency },
      engines: { node: ">=20" },
    };
    return { ok: true, text: `${JSON.stringify(created, null, 2)}\n`, created: true, addedScripts: Object.keys(SCRIPTS), keptScripts: [], addedDependency: true, esm: true };
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(existing);
  } catch (error) {
    return { ok: false, reason: `it is not valid JSON (${(error as Error).message})` };
  }
  if (manifest === null || typeof manifest !== "object" || Array.isArray(manifest)) return { ok: false, reason: "it does not hold a JSON object" };
  const pkg = manifest as Record<string, unknown>;
  for (const field of ["scripts", "dependencies"] as const) {
    const value = pkg[field];
    if (value !== undefined && (value === null || typeof value !== "object" || Array.isArray(value))) return { ok: false, reason: `its "${field}" is not an object` };
  }
  const scripts = { ...((pkg.scripts as Record<string, string> | undefined) ?? {}) };
  const addedScripts: string[] = [];
  const keptScripts: (readonly [string, string])[] = [];
  for (const [name, command] of Object.entries(SCRIPTS)) {
    if (name in scripts) keptScripts.push([name, String(scripts[name])]);
    else (scripts[name] = command), addedScripts.push(name);
  }
  const dependencies = (pkg.dependencies as Record<string, string> | undefined) ?? {};
  const devDependencies = pkg.devDependencies && typeof pkg.devDependencies === "object" ? (pkg.devDependencies as Record<string, string>) : {};
  const addedDependency = !("wattbook" in dependencies) && !("wattbook" in devDependencies);
  const esm = pkg.type === "module";
  if (!addedScripts.length && !addedDependency) return { ok: true, text: undefined, created: false, addedScripts, keptScripts, addedDependency, esm };
  // Fields keep their places; a field that was missing goes at the end.
  const merged: Record<string, unknown> = { ...pkg, scripts, ...(addedDependency ? { dependencies: { ...dependencies, wattbook: dependency } } : {}) };
  const indent = /^[ \t]+(?=")/m.exec(existing)?.[0] ?? "  ";
  const newline = existing.includes("\r\n") ? "\r\n" : "\n";
  const text = JSON.stringify(merged, null, indent).replace(/\n/g, newline) + (/\r?\n$/.test(existing) ? newline : "");
  return { ok: true, text, created: false, addedScripts, keptScripts, addedDependency, esm };
}

/** A package name from a folder's name: lower case, letters, digits and -._~ only. */
export function packageNameOf(folderName: string): string {
  const name = folderName.toLowerCase().replace(/[^a-z0-9._~-]+/g, "-").replace(/^[-._]+|-+$/g, "").slice(0, 214);
  return name || "notebooks";
}
