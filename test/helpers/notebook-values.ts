// Runs a notebook in this process (linkedom DOM, the real compile and runtime) and returns the values
// of named cells' declarations: what chapter-example tests assert on.
import { build } from "esbuild";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { processNotebook } from "./compiler.ts";
import type { CompiledNotebook } from "../../src/notebook/types.ts";
import { installBuildDom } from "../../src/publish/dom.ts";
import { BUILD_WIDTH, createBuiltins } from "../../src/runtime/builtins.ts";
import { NotebookRun } from "../../src/runtime/notebook.ts";
import { REPO_ROOT } from "./cli.ts";

export interface NotebookValues {
  /** The value of a name some cell declares (awaits it). */
  value(name: string): Promise<unknown>;
  /** Serialized output of every cell, by id; and the run itself for finer checks. */
  readonly run: NotebookRun;
  readonly html: (cellId: string) => string;
  dispose(): void;
}

/** Compiles and runs `file` (relative to the repo root, e.g. "notebooks/energy.md"). */
export async function runNotebook(file: string): Promise<NotebookValues> {
  installBuildDom();
  const source = await readFile(path.join(REPO_ROOT, file), "utf8");
  const { module } = processNotebook(source, file);
  const dir = await mkdtemp(path.join(tmpdir(), "wattbook-values-"));
  try {
    const result = await build({
      stdin: { contents: module, resolveDir: REPO_ROOT, loader: "js" },
      bundle: true,
      write: false,
      format: "esm",
      platform: "node",
      packages: "external",
      alias: { "wattbook/kernel": path.join(REPO_ROOT, "src/kernel/index.ts") },
      logLevel: "silent",
    });
    // Inside the repo so that bare imports resolve from its node_modules.
    await mkdir(path.join(REPO_ROOT, ".wattbook-cache"), { recursive: true });
    const out = path.join(REPO_ROOT, ".wattbook-cache", `values-${path.basename(dir)}.mjs`);
    await writeFile(out, result.outputFiles[0]!.text);
    const notebook = (await import(pathToFileURL(out).href)).default as CompiledNotebook;
    await rm(out);
    const roots = new Map<string, Element>();
    const run = new NotebookRun(notebook, {
      builtins: createBuiltins({ width: BUILD_WIDTH }),
      root: (cell) => {
        const root = document.createElement(cell.inline ? "span" : "div");
        roots.set(cell.id, root);
        return root;
      },
    });
    await run.settled();
    return {
      run,
      value: (name) => run.module.value(name),
      html: (cellId) => roots.get(cellId)?.innerHTML ?? "",
      dispose: () => run.dispose(),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
