// Data loaders: a file `name.ext.js` or `name.ext.ts` beside where `name.ext` would be runs in Node at
// build, and what it writes to standard output becomes `name.ext`. It runs in place (its own
// import.meta.url, its own relative imports), with the project root as working directory, as the
// author would run it by hand; TypeScript loaders have their types stripped by esbuild as Node loads them
// (loader-hooks.ts). Its output is kept in the build cache, keyed by the content of the loader and of
// every local file it imports: a loader runs again only when one of them changes (or with --no-cache).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PACKAGE_ROOT } from "./package-root.ts";

/** The extensions a data loader may have, in the order they are looked for. */
export const LOADER_EXTENSIONS = [".js", ".ts", ".mjs", ".mts"] as const;

export interface LoaderOutput {
  /** The absolute file holding the loader's output. */
  readonly file: string;
  /** The loader and the local files it imports (absolute): what its output depends on. */
  readonly inputs: readonly string[];
  /** Whether this output was made by an earlier build. */
  readonly fromCache: boolean;
  readonly elapsedMs: number;
}

/** A loader that did not run to the end: why, and the end of what it wrote to standard error. */
export class LoaderError extends Error {
  override name = "LoaderError";
  constructor(
    readonly reason: string,
    readonly stderrTail: string,
  ) {
    super(reason);
  }
}

export interface DataLoaderOptions {
  readonly projectRoot: string;
  /** The build cache's folder: outputs go into its loaders/ folder. */
  readonly cacheDir: string;
  /** Whether outputs of earlier builds may be used (false with --no-cache). */
  readonly reuse: boolean;
  /** How long one loader may run. */
  readonly timeoutMs: number;
}

/** The loader that makes `file` (absolute), when there is one beside it. */
export function loaderFor(file: string): string | undefined {
  return LOADER_EXTENSIONS.map((extension) => file + extension).find((candidate) => existsSync(candidate));
}

/** Runs data loaders for one build: each at most once, however many notebooks attach its output. */
export class DataLoaders {
  private readonly runs = new Map<string, Promise<LoaderOutput>>();

  constructor(private readonly options: DataLoaderOptions) {}

  /** The output of the loader at `loader` (absolute) for the file named `outputName`; rejects with LoaderError. */
  run(loader: string): Promise<LoaderOutput> {
    let running = this.runs.get(loader);
    if (!running) this.runs.set(loader, (running = this.load(loader)));
    return running;
  }

  private async load(loader: string): Promise<LoaderOutput> {
    const started = performance.now();
    const inputs = await localImportsOf(loader, this.options.projectRoot);
    const hash = createHash("sha256").update(path.relative(this.options.projectRoot, loader));
    for (const input of inputs) hash.update("\0").update(path.relative(this.options.projectRoot, input)).update("\0").update(await readFile(input));
    const key = hash.digest("hex").slice(0, 32);
    const outputName = path.basename(loader).slice(0, -path.extname(loader).length);
    const folder = path.join(this.options.cacheDir, "loaders", key);
    const file = path.join(folder, outputName);
    if (this.options.reuse && existsSync(file)) return { file, inputs, fromCache: true, elapsedMs: performance.now() - started };
    await mkdir(folder, { recursive: true });
    const partial = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.partial`;
    try {
      await runToFile(loader, partial, this.options);
      await rename(partial, file);
    } finally {
      await rm(partial, { force: true });
    }
    return { file, inputs, fromCache: false, elapsedMs: performance.now() - started };
  }
}

/** How much of a failing loader's standard error is kept for the message. */
const STDERR_TAIL_BYTES = 2_000;

function runToFile(loader: string, outputFile: string, options: DataLoaderOptions): Promise<void> {
  const hooks = pathToFileURL(path.join(PACKAGE_ROOT, "dist", "loader-hooks.js")).href;
  const register = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(hooks)});`;
  return new Promise((resolve, reject) => {
    const out = createWriteStream(outputFile);
    // ES module syntax in a .js file runs as a module even where package.json does not say "type": "module".
    const flags = ["--import", register, "--enable-source-maps", "--experimental-detect-module", "--disable-warning=ExperimentalWarning"];
    const child = spawn(process.execPath, [...flags, loader], { cwd: options.projectRoot, stdio: ["ignore", "pipe", "pipe"], env: process.env });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-STDERR_TAIL_BYTES);
    });
    child.stdout.pipe(out);
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new LoaderError(`it ran longer than ${options.timeoutMs / 1000} s and was stopped`, stderr));
    }, options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new LoaderError(`it could not be started: ${error.message}`, stderr));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      out.end(() => {
        if (code === 0) resolve();
        else reject(new LoaderError(signal ? `it was killed by ${signal}` : `it exited with code ${code}`, stderr));
      });
    });
  });
}

/**
 * The loader and the local files it imports, found by esbuild (packages are left out: they change with
 * the lockfile, not the loader).
 */
async function localImportsOf(loader: string, projectRoot: string): Promise<string[]> {
  const { build } = await import("esbuild");
  try {
    const result = await build({ entryPoints: [loader], bundle: true, platform: "node", format: "esm", packages: "external", write: false, metafile: true, logLevel: "silent", absWorkingDir: projectRoot });
    return Object.keys(result.metafile.inputs).map((input) => path.resolve(projectRoot, input)).sort();
  } catch (error) {
    const message = (error as { errors?: { text: string; location?: { file: string; line: number; column: number } | null }[] }).errors?.[0];
    const where = message?.location ? ` (${message.location.file}:${message.location.line}:${message.location.column + 1})` : "";
    throw new LoaderError(`it does not compile: ${message?.text ?? (error as Error).message}${where}`, "");
  }
}
