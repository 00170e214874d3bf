// A compiled notebook's scripts for the site: its module and the page entry that hydrates it, with
// content-hashed names. A notebook that imports only the kernel needs no bundler: its compiled module
// already imports each kernel name from the library file of its topic, so it is a browser ES module as
// it is, which is what makes a build of hundreds of notebooks fast. A notebook that imports other
// packages is bundled with esbuild against the same library. Nothing is written here: the build writes
// the files (and the cache keeps them).
import { createHash } from "node:crypto";
import { locatedError, type LocatedError, LocatedErrors } from "../notebook/errors.ts";
import { diagnostic } from "../notebook/messages.ts";
import { BundleError, bundleSite } from "./bundle.ts";
import type { Compiled } from "./compile-for-site.ts";
import { ASSETS_DIR, KERNEL_SPECIFIER, libraryImport, LIBRARY_DIR, stemOf } from "./site-layout.ts";
import { staticClosure, type Library } from "./library.ts";

export interface EmittedNotebook {
  /** The compiled module, relative to the site root (what the build evaluates). */
  readonly notebook: string;
  /** The page's module script, relative to the site root. */
  readonly page: string;
  /** Modules the page imports statically, for modulepreload, relative to the site root. */
  readonly preload: readonly string[];
  /** The scripts to write, by path relative to the site root (library files are the library's). */
  readonly files: ReadonlyMap<string, string>;
  /** For a bundled notebook: every package file the bundle read, absolute. */
  readonly bundleInputs?: readonly string[];
}

export interface EmitOptions {
  /** The site folder (absolute): where a bundle's files would go. */
  readonly outDir: string;
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

/** Whether the notebook imports anything but the kernel: then it is bundled. */
export function needsBundler(compiled: Compiled): boolean {
  return compiled.notebook.cells.some((cell) => cell.imports.some((i) => i.specifier !== KERNEL_SPECIFIER));
}

/** The notebook's scripts. Throws LocatedErrors when a bundled notebook's imports cannot be resolved. */
export async function emitNotebook(compiled: Compiled, options: EmitOptions): Promise<EmittedNotebook> {
  if (needsBundler(compiled)) {
    let bundle;
    try {
      bundle = await bundleSite([{ path: compiled.sourcePath, module: compiled.module }], options);
    } catch (error) {
      if (error instanceof BundleError) throw new LocatedErrors(bundleErrors(error, compiled));
      throw error;
    }
    return { ...bundle.pages.get(compiled.sourcePath)!, files: bundle.files, bundleInputs: bundle.inputs };
  }

  const { library } = options;
  const stem = stemOf(compiled.sourcePath);
  const notebookName = `notebook-${stem}-${contentHash(compiled.module)}.js`;
  const page = `import notebook from "./${notebookName}";\nimport {hydrate} from ${JSON.stringify(libraryImport(library.runtime))};\nhydrate(notebook);\n`;
  const pageName = `page-${stem}-${contentHash(page)}.js`;
  // The library files the module imports, in the order it imports them (see compile-for-site.ts).
  const kernelFiles = new Set(
    compiled.notebook.cells.flatMap((cell) =>
      cell.imports.flatMap((i) => (i.specifiers.length ? i.specifiers.map((s) => (s.imported === "*" ? library.kernel : (library.kernelExports.get(s.imported) ?? library.kernel))) : [library.kernel])),
    ),
  );
  const lib = (file: string) => `${LIBRARY_DIR}/${file}`;
  const preload = [
    `${ASSETS_DIR}/${notebookName}`,
    ...[...kernelFiles].flatMap((file) => [file, ...staticClosure(library, file)]).map(lib),
    ...[library.runtime, ...staticClosure(library, library.runtime)].map(lib),
  ];
  return {
    notebook: `${ASSETS_DIR}/${notebookName}`,
    page: `${ASSETS_DIR}/${pageName}`,
    preload: [...new Set(preload)],
    files: new Map([
      [`${ASSETS_DIR}/${notebookName}`, compiled.module],
      [`${ASSETS_DIR}/${pageName}`, page],
    ]),
  };
}

/** esbuild's complaints about a notebook's module, located at the import they concern when there is one. */
function bundleErrors(error: BundleError, compiled: Compiled): LocatedError[] {
  return error.messages.map((message) => {
    // The text names the import it is about: locate it at that import's line in the .md.
    const specifier = /"([^"]+)"/.exec(message.text)?.[1];
    const importPosition = specifier ? compiled.notebook.cells.flatMap((cell) => cell.imports).find((i) => i.specifier === specifier)?.position : undefined;
    const found = specifier ? diagnostic("bundle-failed-at-import", { esbuild: message.text, specifier }) : diagnostic("bundle-failed", { esbuild: message.text });
    return locatedError(found, { file: compiled.displayPath, lines: compiled.sourceText, position: importPosition ?? { line: 1, column: 1 } }, { before: 0, after: 0 });
  });
}
