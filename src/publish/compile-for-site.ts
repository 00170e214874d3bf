// A notebook compiled for a site: the compiler (src/notebook) with the build's dependencies plugged in:
// esbuild strips TypeScript, and each kernel name is imported from the library file of its topic, so a
// page loads only the topics it uses. One compile: the module made here is the one the build evaluates
// and the browser runs.
import { locatedError, LocatedError, LocatedErrors } from "../notebook/errors.ts";
import { missingKernelExport } from "../notebook/kernel-export.ts";
import { diagnostic } from "../notebook/messages.ts";
import { compileNotebookSource } from "../notebook/pipeline.ts";
import type { AnalyzedNotebook } from "../notebook/types.ts";
import { KERNEL_SPECIFIER, libraryImport } from "./site-layout.ts";

export { KERNEL_SPECIFIER };
import type { Library } from "./library.ts";
import type { NotebookText } from "./read-notebook.ts";
import { esbuildStripper } from "./strip-types-esbuild.ts";


/** A compiled notebook: plain data, what the cache keeps (see build-cache.ts). */
export interface Compiled {
  /** Relative to the notebooks root. */
  readonly sourcePath: string;
  /** As shown to the author (relative to the project root). */
  readonly displayPath: string;
  readonly sourceText: string;
  readonly notebook: AnalyzedNotebook;
  /** The notebook's ES module, its imports pointing into the site's library. */
  readonly module: string;
}

/**
 * Compiles a notebook that was read. Never throws for a bad notebook. Errors name the file as the
 * author finds it (`displayPath`); the notebook itself, and so everything written into the site (its
 * module, storage keys, the site's exercise counts), carries its path relative to the notebooks root
 * (`sourcePath`), so a site's bytes do not depend on where it was built from.
 */
export function compileForSite(text: NotebookText, library: Library): { compiled?: Compiled; errors: readonly LocatedError[] } {
  const { sourcePath, displayPath, sourceText } = text;
  if (sourceText === undefined) return { errors: text.errors };
  try {
    const result = compileNotebookSource(
      { sourceText, sourcePath, displayPath },
      {
        typeStripper: esbuildStripper,
        importUrl: (specifier, imported) => (specifier === KERNEL_SPECIFIER ? libraryImport(library.kernelExports.get(imported) ?? library.kernel) : specifier),
      },
    );
    if (!result.ok) return { errors: result.errors };
    const unknown = unknownKernelNames(result.notebook, library, displayPath, sourceText);
    if (unknown.length) return { errors: unknown };
    return { compiled: { sourcePath, displayPath, sourceText, notebook: result.notebook, module: result.module }, errors: [] };
  } catch (error) {
    return { errors: asLocatedErrors(error, displayPath) };
  }
}

export function asLocatedErrors(error: unknown, file: string): LocatedError[] {
  if (error instanceof LocatedErrors) return [...error.errors];
  if (error instanceof LocatedError) return [error];
  // Anything else escaping the pipeline is our bug; still say where it happened.
  const message = error instanceof Error ? error.message : String(error);
  return [locatedError(diagnostic("internal-error", { reason: message }), { file, position: { line: 1, column: 1 } })];
}

/** Kernel names a cell imports that the kernel does not export, each at its import. */
function unknownKernelNames(notebook: AnalyzedNotebook, library: Library, file: string, sourceText: string): LocatedError[] {
  return notebook.cells
    .flatMap((cell) => cell.imports)
    .filter((i) => i.specifier === KERNEL_SPECIFIER)
    .flatMap((i) => i.specifiers.filter((s) => s.imported !== "*" && !library.kernelExports.has(s.imported)).map((s) => ({ name: s.imported, position: i.position })))
    .map(({ name, position }) => locatedError(missingKernelExport(name, library.kernelExports.keys()), { file, lines: sourceText, position }, { before: 0, after: 0 }));
}
