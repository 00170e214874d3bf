// One notebook compiled and evaluated as the build does it (compile-for-site, emit, attachments, a realm
// on an evaluation worker), into a scratch site that is removed after: what `wattbook explain` needs
// without building, caching or writing the rest of a site.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { LocatedErrors, type LocatedError } from "../notebook/errors.ts";
import { evaluationAttachments, resolveAttachments } from "./attachments.ts";
import { compileForSite, type Compiled } from "./compile-for-site.ts";
import { cacheDirOf } from "./build-cache.ts";
import { DataLoaders } from "./data-loader.ts";
import { emitNotebook } from "./emit.ts";
import { DEFAULT_LIMITS, EvaluationPool, type EvaluationLimits } from "./evaluate.ts";
import { evaluationErrors } from "./evaluation-errors.ts";
import { copyLibrary, ensureLibrary } from "./library.ts";
import type { PackageFiles } from "./package-files.ts";
import { readNotebookFile } from "./read-notebook.ts";
import { LIBRARY_DIR } from "./site-layout.ts";
import { pageOutputPath } from "./site-paths.ts";

export interface EvaluateOneOptions {
  readonly projectRoot: string;
  /** The notebooks root (absolute): where the notebook's `/`-rooted attachments and its site path start. */
  readonly root: string;
  /** The notebook, relative to `root`. */
  readonly sourcePath: string;
  readonly limits?: EvaluationLimits;
}

export type EvaluatedOne = { readonly compiled: Compiled; readonly outputs: Readonly<Record<string, string>>; readonly errors: readonly [] } | { readonly compiled?: Compiled; readonly errors: readonly LocatedError[] };

/** Never throws for a bad notebook: its errors come back, located, as the build would report them. */
export async function evaluateOne(options: EvaluateOneOptions): Promise<EvaluatedOne> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const text = await readNotebookFile(options.projectRoot, options.root, options.sourcePath);
  const library = await ensureLibrary();
  const { compiled, errors } = compileForSite(text, library);
  if (!compiled) return { errors };
  const site = await mkdtemp(path.join(tmpdir(), "wattbook-explain-"));
  const pool = new EvaluationPool(limits, 1);
  try {
    // Realms read the library, and the packages a notebook imports, from the site's scripts folder.
    await copyLibrary(library, path.join(site, LIBRARY_DIR));
    let packageFiles: Promise<PackageFiles> | undefined;
    const packages = () => (packageFiles ??= import("./package-files.ts").then(({ PackageFiles }) => new PackageFiles({ projectRoot: options.projectRoot, toolchain: "" })));
    let emitted;
    try {
      emitted = await emitNotebook(compiled, { outDir: site, library, projectRoot: options.projectRoot, notebooksRoot: options.root, packages });
    } catch (error) {
      if (error instanceof LocatedErrors) return { compiled, errors: [...error.errors] };
      throw error;
    }
    const shared = emitted.shared?.length ? await packages() : undefined;
    for (const file of emitted.shared ?? []) await writeDeep(path.join(site, file), shared!.text(file)!);
    const loaders = new DataLoaders({ projectRoot: options.projectRoot, cacheDir: cacheDirOf(options.projectRoot), reuse: true, timeoutMs: 120_000 });
    const files = await resolveAttachments(compiled, { root: options.root, projectRoot: options.projectRoot, loaders });
    if (files.errors.length) return { compiled, errors: files.errors };
    const modules = Object.fromEntries([...emitted.files].map(([file, code]) => [pathToFileURL(path.join(site, file)).href, code]));
    const evaluation = await pool.evaluate(pathToFileURL(path.join(site, emitted.notebook)).href, modules, evaluationAttachments(files.attachments, pageOutputPath(compiled.sourcePath)));
    const sources = emitted.sourceMaps ? { siteDir: site, sourceMaps: emitted.sourceMaps, projectRoot: options.projectRoot } : undefined;
    const found = evaluationErrors(compiled, evaluation, limits, sources);
    if (found.length || evaluation.type !== "result") return { compiled, errors: found };
    return { compiled, outputs: evaluation.outputs, errors: [] };
  } finally {
    await pool.close();
    await rm(site, { recursive: true, force: true });
  }
}

async function writeDeep(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}
