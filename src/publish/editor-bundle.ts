// The cell editor's scripts (src/editor: its entry, CodeMirror and the type stripper as lazy chunks),
// bundled apart from the library and cached by their own sources: changing the runtime or the kernel
// does not re-bundle CodeMirror, and a cold build bundles the editor while the notebooks evaluate.
// Only edit pages load these files; they reach the page's kernel by the URL the page gives them.
import type { Metafile, Plugin } from "esbuild";
import path from "node:path";
import { ASSETS_DIR } from "./bundle.ts";
import { BUNDLE_CACHE, cachedBundle, copyBundle, sourcesKey } from "./cached-bundle.ts";
import { PACKAGE_ROOT } from "./package-root.ts";

/** Where the editor's files live inside the site. */
export const EDITOR_DIR = `${ASSETS_DIR}/editor`;

const ENTRY = path.join(PACKAGE_ROOT, "src/editor/main.ts");

export interface EditorBundle {
  /** Folder holding the files (in the cache). */
  readonly dir: string;
  /** The entry's file name inside `dir`. */
  readonly entry: string;
  /** Every file name inside `dir` with its size in bytes. */
  readonly files: ReadonlyMap<string, number>;
}

/** What goes into the editor: its sources, the notebook pipeline it bundles, the packages, and this recipe. */
const EDITOR_INPUTS = ["src/editor", "src/notebook", "src/publish/editor-bundle.ts", "src/publish/cached-bundle.ts", "package-lock.json"];

/** The editor for the current sources, from the cache under `cacheRoot` or freshly bundled into it. */
export async function ensureEditor(cacheRoot = BUNDLE_CACHE): Promise<EditorBundle> {
  const { dir, manifest } = await cachedBundle({
    name: "editor",
    key: await sourcesKey(EDITOR_INPUTS),
    cacheRoot,
    entryPoints: [{ in: ENTRY, out: "editor" }],
    plugins: [withoutEsbuild()],
    manifest: manifestOf,
  });
  return { dir, entry: manifest.entry, files: new Map(Object.entries(manifest.files)) };
}

/** The analysis must not pull esbuild into a page: the editor strips types with sucrase instead. */
function withoutEsbuild(): Plugin {
  return {
    name: "wattbook-without-esbuild",
    setup(build) {
      build.onResolve({ filter: /[\\/]typescript-esbuild\.ts$/ }, () => ({ path: path.join(PACKAGE_ROOT, "src/editor/no-esbuild.ts") }));
    },
  };
}

function manifestOf(metafile: Metafile, name: (output: string) => string): { entry: string; files: Record<string, number> } {
  const files: Record<string, number> = {};
  let entry = "";
  for (const [file, output] of Object.entries(metafile.outputs)) {
    const own = name(file);
    files[own] = output.bytes;
    if (output.entryPoint && path.resolve(PACKAGE_ROOT, output.entryPoint) === ENTRY) entry = own;
  }
  if (!entry) throw new Error("esbuild did not report the editor's entry file");
  return { entry, files };
}

/** Copies the editor's scripts (not its manifest) into `target`. */
export function copyEditor(bundle: EditorBundle, target: string): Promise<void> {
  return copyBundle(bundle.dir, target);
}
