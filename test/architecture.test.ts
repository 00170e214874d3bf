// The shape the design promises, read from the sources so that a change breaking it fails here: no
// module imports itself round a circle (type imports count: a reader follows them too), and the
// compiler (src/notebook) is environment-free: no Node built-ins, no bundler, nothing of the build,
// the preview, the runtime or the editor, and no state at module level.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/cli.ts";

const SRC = path.join(REPO_ROOT, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
    .map((file) => path.join(dir, file));
}

/** Every `import … from "…"` and `export … from "…"` specifier of a module (static ones; comments skipped). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  return [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gm)].map((match) => match[1]!);
}

function localImports(file: string): string[] {
  return importsOf(file)
    .filter((specifier) => specifier.startsWith("."))
    .map((specifier) => path.resolve(path.dirname(file), specifier));
}

/** The circles of the import graph, each as its files relative to src/. */
function importCycles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((file) => [file, localImports(file).filter((target) => target !== file)]));
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") cycles.push(stack.slice(stack.indexOf(next)).map((f) => path.relative(SRC, f)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles;
}

describe("the module graph", () => {
  it("has no import cycles in src/", () => {
    expect(importCycles(sourceFiles(SRC))).toEqual([]);
  });

  it("finds a cycle when there is one (the check can fail)", () => {
    const dir = path.join(REPO_ROOT, "test", "fixtures-architecture");
    const files = [path.join(dir, "a.ts"), path.join(dir, "b.ts")];
    // Checked on a fixture of two modules that import each other.
    expect(importCycles(files).length).toBe(1);
  });
});

describe("the compiler, src/notebook", () => {
  const files = sourceFiles(path.join(SRC, "notebook"));

  it("imports nothing that ties it to an environment: no Node built-ins, no esbuild, nothing of the build, preview, runtime or editor", () => {
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => /^node:|^(fs|path|url|os|crypto|child_process|worker_threads|vm)$/.test(specifier) || specifier === "esbuild" || /\/(publish|preview|runtime|editor)\//.test(specifier))
        .map((specifier) => `${path.relative(SRC, file)} imports ${specifier}`),
    );
    expect(offending).toEqual([]);
  });

  it("keeps no state at module level: no top-level let or var, no collection filled at run time", () => {
    const offending = files.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, index) => ({ line, index }))
        .filter(({ line }) => /^(?:export\s+)?(?:let|var)\s/.test(line) || /^(?:export\s+)?const\s+\w+\s*(?::[^=]+)?=\s*new\s+(?:Weak)?(?:Map|Set)\b/.test(line))
        .map(({ line, index }) => `${path.relative(SRC, file)}:${index + 1}: ${line.trim()}`),
    );
    // Constant lookup tables (filled once, from literals, never written again) are the exception, named here.
    const constantTables = offending.filter((entry) => !/\bnew (?:Map|Set)\(\[/.test(entry) && !/new Set\(BUILTINS\)/.test(entry) && !/new Set\(\["/.test(entry));
    expect(constantTables).toEqual([]);
  });
});
