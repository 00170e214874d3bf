// The cell editor's scripts (src/editor: its entry, CodeMirror and the type stripper as lazy chunks),
// bundled apart from the library and cached by their own sources: changing the runtime or the kernel
// does not re-bundle CodeMirror, and a cold build bundles the editor while the notebooks evaluate.
// Only edit pages load these files; they reach the page's kernel by the URL the page gives them.
import { build, type Metafile, type Plugin } from "esbuild";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { ASSETS_DIR } from "./bundle.ts";
import { LIBRARY_CACHE } from "./library.ts";
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

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.(ts|js)$/.test(e.name)).map((e) => path.join(e.parentPath, e.name)).sort();
}

/** Changes with the editor's sources, the notebook pipeline it bundles, the packages, and this recipe. */
async function editorKey(): Promise<string> {
  const hash = createHash("sha256");
  const files = [
    ...(await sourceFiles(path.join(PACKAGE_ROOT, "src/editor"))),
    ...(await sourceFiles(path.join(PACKAGE_ROOT, "src/notebook"))),
    path.join(PACKAGE_ROOT, "src/publish/editor-bundle.ts"),
    path.join(PACKAGE_ROOT, "package-lock.json"),
  ];
  for (const file of files) {
    if (!existsSync(file)) continue;
    hash.update(path.relative(PACKAGE_ROOT, file));
    hash.update(await readFile(file));
  }
  return hash.digest("hex").slice(0, 16);
}

/** The editor for the current sources, from the cache under `cacheRoot` or freshly bundled into it. */
export async function ensureEditor(cacheRoot = LIBRARY_CACHE): Promise<EditorBundle> {
  const dir = path.join(cacheRoot, `editor-${await editorKey()}`);
  const manifestFile = path.join(dir, "manifest.json");
  if (!existsSync(manifestFile)) await bundleEditor(dir);
  const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as { entry: string; files: Record<string, number> };
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

async function bundleEditor(dir: string): Promise<void> {
  // Built beside the final folder and renamed, so that concurrent builds never see half an editor.
  const temp = `${dir}.tmp-${process.pid}-${Date.now().toString(36)}`;
  await mkdir(temp, { recursive: true });
  try {
    const result = await build({
      entryPoints: [{ in: ENTRY, out: "editor" }],
      outdir: temp,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      minify: true,
      entryNames: "[name]-[hash]",
      chunkNames: "[name]-[hash]",
      metafile: true,
      logLevel: "silent",
      legalComments: "none",
      absWorkingDir: PACKAGE_ROOT,
      plugins: [withoutEsbuild()],
    });
    await writeFile(path.join(temp, "manifest.json"), JSON.stringify(manifestOf(result.metafile, temp)));
    await mkdir(path.dirname(dir), { recursive: true });
    if (existsSync(dir)) await rm(temp, { recursive: true, force: true });
    else await rename(temp, dir);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

function manifestOf(metafile: Metafile, outDir: string): { entry: string; files: Record<string, number> } {
  const files: Record<string, number> = {};
  let entry = "";
  for (const [file, output] of Object.entries(metafile.outputs)) {
    const own = path.relative(outDir, path.resolve(PACKAGE_ROOT, file)).split(path.sep).join("/");
    files[own] = output.bytes;
    if (output.entryPoint && path.resolve(PACKAGE_ROOT, output.entryPoint) === ENTRY) entry = own;
  }
  if (!entry) throw new Error("esbuild did not report the editor's entry file");
  return { entry, files };
}

/** Copies the editor's scripts (not its manifest) into `target`. */
export async function copyEditor(bundle: EditorBundle, target: string): Promise<void> {
  await mkdir(target, { recursive: true });
  await cp(bundle.dir, target, { recursive: true, filter: (src) => path.basename(src) !== "manifest.json" });
}
