// Writes one notebook's scripts into the site: its compiled module and the page entry that hydrates it,
// with content-hashed names. A notebook that imports only the kernel needs no bundler: the compiled
// module is already a browser ES module once "wattbook/kernel" points at the library's file, which is
// what makes a build of hundreds of notebooks fast. A notebook that imports other packages is bundled
// with esbuild against the same library.
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { compileNotebook } from "../notebook/compile.ts";
import { excerptAt, LocatedError, LocatedErrors } from "../notebook/errors.ts";
import { ASSETS_DIR, bundleSite, LIBRARY_DIR, stemOf } from "./bundle.ts";
import { staticClosure, type Library } from "./library.ts";
import type { Compiled } from "./phases.ts";
import { nearestName } from "../text/similar.ts";

export const KERNEL_SPECIFIER = "wattbook/kernel";

/** Folders already created in this process: one mkdir per build, not one per notebook. */
const createdDirs = new Set<string>();

export interface EmittedNotebook {
  /** The compiled module, relative to the site root (what the build evaluates). */
  readonly notebook: string;
  /** The page's module script, relative to the site root. */
  readonly page: string;
  /** Modules the page imports statically, for modulepreload, relative to the site root. */
  readonly preload: readonly string[];
  /** Bytes written, by site-relative file. */
  readonly files: ReadonlyMap<string, number>;
}

export interface EmitOptions {
  /** The site folder (absolute). */
  readonly outDir: string;
  /** Scripts folder inside the site (default `_wattbook`). */
  readonly assetsDir?: string;
  readonly library: Library;
  readonly projectRoot: string;
}

/** 8 characters of base-32 SHA-256, like esbuild's [hash]. */
function contentHash(text: string): string {
  const digest = createHash("sha256").update(text).digest();
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 8) {
      out += "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length === 8) break;
  }
  return out;
}

export async function emitNotebook(compiled: Compiled, options: EmitOptions): Promise<EmittedNotebook> {
  const assetsDir = options.assetsDir ?? ASSETS_DIR;
  const sources = new Set(compiled.notebook.cells.flatMap((cell) => cell.imports.map((i) => i.source)));
  const onlyKernel = [...sources].every((source) => source === KERNEL_SPECIFIER);
  const unknown = compiled.notebook.cells
    .flatMap((cell) => cell.imports)
    .filter((i) => i.source === KERNEL_SPECIFIER)
    .flatMap((i) => i.specifiers.filter((s) => s.imported !== "*" && !options.library.kernelExports.has(s.imported)).map((s) => ({ name: s.imported, position: i.position })));
  if (unknown.length) {
    throw new LocatedErrors(
      unknown.map(({ name, position }) => new LocatedError(`"${KERNEL_SPECIFIER}" has no export named "${name}"`, { file: compiled.file, position, excerpt: excerptAt(compiled.text, position, 0, 0), hint: kernelHint(name, options.library.kernelExports.keys()) })),
    );
  }
  if (!onlyKernel) {
    const bundle = await bundleSite([{ path: compiled.source, module: compiled.module }], { ...options, assetsDir });
    const entry = bundle.pages.get(compiled.source)!;
    return { ...entry, files: bundle.files };
  }

  const libraryUrl = (file: string) => {
    const relative = path.posix.relative(assetsDir, `${LIBRARY_DIR}/${file}`);
    return relative.startsWith(".") ? relative : `./${relative}`;
  };
  const stem = stemOf(compiled.source);
  const kernelFiles = new Set<string>();
  const module = compileNotebook(compiled.notebook, {
    importUrl: (source, imported) => {
      if (source !== KERNEL_SPECIFIER) return source;
      const file = options.library.kernelExports.get(imported) ?? options.library.kernel;
      kernelFiles.add(file);
      return libraryUrl(file);
    },
  });
  const notebookName = `notebook-${stem}-${contentHash(module)}.js`;
  const page = `import notebook from "./${notebookName}";\nimport {hydrate} from ${JSON.stringify(libraryUrl(options.library.runtime))};\nhydrate(notebook);\n`;
  const pageName = `page-${stem}-${contentHash(page)}.js`;
  const dir = path.join(options.outDir, assetsDir);
  if (!createdDirs.has(dir)) {
    await mkdir(dir, { recursive: true });
    createdDirs.add(dir);
  }
  await Promise.all([writeFile(path.join(dir, notebookName), module), writeFile(path.join(dir, pageName), page)]);

  const lib = (file: string) => `${LIBRARY_DIR}/${file}`;
  const preload = [
    `${assetsDir}/${notebookName}`,
    ...[...kernelFiles].flatMap((file) => [file, ...staticClosure(options.library, file)]).map(lib),
    ...[options.library.runtime, ...staticClosure(options.library, options.library.runtime)].map(lib),
  ];
  return {
    notebook: `${assetsDir}/${notebookName}`,
    page: `${assetsDir}/${pageName}`,
    preload: [...new Set(preload)],
    files: new Map([
      [`${assetsDir}/${notebookName}`, Buffer.byteLength(module)],
      [`${assetsDir}/${pageName}`, Buffer.byteLength(page)],
    ]),
  };
}

function kernelHint(name: string, exported: Iterable<string>): string {
  const best = nearestName(name, exported, Math.max(2, Math.floor(name.length / 3)));
  return best ? `did you mean "${best}"?` : "see src/kernel/index.ts for what the kernel exports";
}
