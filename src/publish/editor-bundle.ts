// The cell editor's scripts (src/editor), bundled apart from the library and cached by their own
// sources: changing the runtime or the kernel does not re-bundle CodeMirror, and a cold build bundles
// the editor while the notebooks evaluate. Only edit pages load these files. Three parts:
//   editor-*.js   the edit page's shell (ES module, on the site's origin: storage, banner, consent)
//   frame-*.js    the editor inside the sandbox (ES module, with CodeMirror and the type stripper as
//                 lazy chunks), which the sandbox loads through its loader
//   sandbox-*.js  the sandbox's loader, a classic script (an opaque origin cannot load ES modules from
//                 a static host: CORS), and sandbox.html, the sandbox document, written beside them
// See src/editor/main.ts for the design.
import type { Metafile, Plugin } from "esbuild";
import { writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { ASSETS_DIR } from "./site-layout.ts";
import { BUNDLE_CACHE, cachedBundle, copyBundle, prebuiltBundle, sourcesKey } from "./cached-bundle.ts";
import { SANDBOX_PAGE } from "./edit-twin.ts";
import { FROM_SOURCES, PACKAGE_ROOT } from "./package-root.ts";

/** Where the editor's files live inside the site. */
export const EDITOR_DIR = `${ASSETS_DIR}/editor`;

const ENTRY = path.join(PACKAGE_ROOT, "src/editor/main.ts");
const FRAME = path.join(PACKAGE_ROOT, "src/editor/frame.ts");
const LOADER = path.join(PACKAGE_ROOT, "src/editor/sandbox/loader.ts");

/**
 * The sandbox document's own policy. Scripts: its loader from the site ('self' is the site's address
 * even in an opaque origin), the modules the loader makes from the site's scripts (blob:), and eval
 * for edited cells. No connect-src: it fetches nothing itself (and could not: CORS). Inline styles for
 * the page's stylesheets, which arrive as text; fonts arrive as bytes.
 */
export const SANDBOX_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' blob: 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; media-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'self'; form-action 'none'";

export interface EditorBundle {
  /** Folder holding the ES module files (in the cache). */
  readonly dir: string;
  /** Folder holding the loader (in the cache). */
  readonly loaderDir: string;
  /** The shell's entry file name inside `dir`. */
  readonly entry: string;
  /** The sandbox's editor entry inside `dir`, and the loader inside `loaderDir`. */
  readonly frame: string;
  readonly loader: string;
  /** Every file name of both folders with its size in bytes. */
  readonly files: ReadonlyMap<string, number>;
}

/** What goes into the editor: its sources, the notebook pipeline it bundles, the packages, and this recipe. */
const EDITOR_INPUTS = ["src/editor", "src/notebook", "src/publish/editor-bundle.ts", "src/publish/cached-bundle.ts", "package-lock.json"];

type EditorManifest = ReturnType<typeof manifestOf>;

/**
 * The editor: in a checkout, for the current sources, from the cache under `cacheRoot` or freshly
 * bundled into it; in an installed package, the one prepack bundled (see cached-bundle.ts).
 */
export async function ensureEditor(cacheRoot = BUNDLE_CACHE): Promise<EditorBundle> {
  const [modules, loader] = FROM_SOURCES ? await bundleEditor(cacheRoot) : await Promise.all([prebuiltBundle<EditorManifest>("editor"), prebuiltBundle<EditorManifest>("editor-sandbox")]);
  const files = new Map([...Object.entries(modules.manifest.files), ...Object.entries(loader.manifest.files)]);
  return { dir: modules.dir, loaderDir: loader.dir, entry: modules.manifest.entries.editor!, frame: modules.manifest.entries.frame!, loader: loader.manifest.entries.sandbox!, files };
}

type Bundled = { readonly dir: string; readonly manifest: EditorManifest };

async function bundleEditor(cacheRoot: string): Promise<[Bundled, Bundled]> {
  const key = await sourcesKey(EDITOR_INPUTS);
  return Promise.all([
    cachedBundle({
      name: "editor",
      key,
      cacheRoot,
      entryPoints: [
        { in: ENTRY, out: "editor" },
        { in: FRAME, out: "frame" },
      ],
      // The sandbox's loader carries acorn and hands it to frame.ts (src/editor/sandbox/loader.ts).
      plugins: [withoutEsbuild(), sharedWithLoader()],
      manifest: manifestOf,
    }),
    cachedBundle({
      name: "editor-sandbox",
      key,
      cacheRoot,
      entryPoints: [{ in: LOADER, out: "sandbox" }],
      plugins: [classicScript()],
      manifest: manifestOf,
    }),
  ]);
}

/**
 * esbuild never belongs in a page: the compiler takes its type stripper from the caller, and the editor
 * passes its own (sucrase). An import of esbuild reaching the editor's bundle is a mistake to stop here.
 */
function withoutEsbuild(): Plugin {
  return {
    name: "wattbook-without-esbuild",
    setup(build) {
      build.onResolve({ filter: /^esbuild$/ }, (args) => ({ errors: [{ text: `esbuild cannot run in a page, but ${path.relative(PACKAGE_ROOT, args.importer)} imports it` }] }));
    },
  };
}

/** Packages the sandbox's editor takes from the loader rather than carrying its own copy. */
const SHARED_PACKAGES = ["acorn", "acorn-walk"];

function sharedWithLoader(): Plugin {
  return {
    name: "wattbook-shared-with-loader",
    setup(build) {
      build.onResolve({ filter: /^acorn(-walk)?$/ }, (args) => (SHARED_PACKAGES.includes(args.path) ? { path: args.path, external: true } : undefined));
    },
  };
}

/** The loader as one classic script: an IIFE, no chunks. */
function classicScript(): Plugin {
  return {
    name: "wattbook-classic-script",
    setup(build) {
      build.initialOptions.format = "iife";
      build.initialOptions.splitting = false;
    },
  };
}

const ENTRIES: Record<string, string> = { [ENTRY]: "editor", [FRAME]: "frame", [LOADER]: "sandbox" };

function manifestOf(metafile: Metafile, name: (output: string) => string): { entries: Record<string, string>; files: Record<string, number> } {
  const files: Record<string, number> = {};
  const entries: Record<string, string> = {};
  for (const [file, output] of Object.entries(metafile.outputs)) {
    const own = name(file);
    files[own] = output.bytes;
    const entry = output.entryPoint && ENTRIES[path.resolve(PACKAGE_ROOT, output.entryPoint)];
    if (entry) entries[entry] = own;
    // Only the sandbox resolves the shared packages: the shell, on the edit page, must not import them.
    if (entry === "editor" && output.imports.some((i) => i.external)) throw new Error("the edit page's shell imports a package only the sandbox provides");
  }
  if (!Object.keys(entries).length) throw new Error("esbuild did not report the editor's entry files");
  return { entries, files };
}

/** The sandbox document: its policy, and the loader, told which module is the sandbox's editor. */
export function sandboxPage(bundle: EditorBundle): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CONTENT_SECURITY_POLICY}">
<meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>wattbook sandbox</title>
<link rel="icon" href="data:,">
</head>
<body>
<script src="${bundle.loader}" data-frame="${bundle.frame}"></script>
</body>
</html>
`;
}

/**
 * The editor's files for a site, relative to the editor's folder in it: each script with where it is
 * in the cache, and the sandbox document's text.
 */
export function editorFiles(bundle: EditorBundle): { readonly scripts: [string, string][]; readonly sandboxPage: string } {
  const scripts = [...bundle.files.keys()].map((name): [string, string] => [name, existsSync(path.join(bundle.dir, name)) ? path.join(bundle.dir, name) : path.join(bundle.loaderDir, name)]);
  return { scripts, sandboxPage: sandboxPage(bundle) };
}

/** Copies the editor's scripts (not their manifests) into `target`, with the sandbox document. */
export async function copyEditor(bundle: EditorBundle, target: string): Promise<void> {
  await copyBundle(bundle.dir, target);
  await copyBundle(bundle.loaderDir, target);
  await writeFile(path.join(target, SANDBOX_PAGE), sandboxPage(bundle));
}
