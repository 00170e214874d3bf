// What of the library an exported notebook can leave out. The site loads the runtime's heavier parts
// only when a page asks for them (a dynamic import: KaTeX for `tex`, marked for `md`, Apache Arrow for
// `.arrow()`, Plot, Inputs, the exercises' code); an export bundles every part into its one script, so
// it keeps only the parts its cells can reach. A part left out is a module that throws if ever loaded,
// with a message saying why: the runtime loads a builtin only for a cell that names it, so a notebook
// whose cells do not name it never does.
import type { Plugin } from "esbuild";
import path from "node:path";
import type { AnalyzedNotebook } from "../notebook/types.ts";
import type { Library } from "./library.ts";

interface OptionalPart {
  /** What the reader would miss, for the message. */
  readonly name: string;
  /** The file of the library that holds it. */
  readonly file: (library: Library) => string | undefined;
  readonly needed: (notebook: AnalyzedNotebook) => boolean;
}

const names = (notebook: AnalyzedNotebook) => new Set(notebook.cells.flatMap((cell) => [...cell.references, ...cell.imports.flatMap((i) => i.specifiers.map((s) => s.local))]));
const uses = (name: string) => (notebook: AnalyzedNotebook) => names(notebook).has(name);
const moduleFile = (source: RegExp) => (library: Library) => [...library.modules].find(([module]) => source.test(module))?.[1];

const OPTIONAL_PARTS: readonly OptionalPart[] = [
  { name: "tex (KaTeX)", file: moduleFile(/^src\/runtime\/tex\.ts$/), needed: uses("tex") },
  { name: "md (marked)", file: moduleFile(/^src\/runtime\/md\.ts$/), needed: uses("md") },
  { name: "Plot", file: (library) => library.packages.get("@observablehq/plot")?.file, needed: uses("Plot") },
  { name: "Inputs", file: (library) => library.packages.get("@observablehq/inputs")?.file, needed: uses("Inputs") },
  // FileAttachment(…).arrow(): a method call, so the cell's text tells.
  { name: "Apache Arrow", file: moduleFile(/(^|\/)apache-arrow\//), needed: (notebook) => notebook.cells.some((cell) => /\.arrow\s*\(/.test(cell.sourceText)) },
  { name: "the exercises' code", file: moduleFile(/^src\/runtime\/exercise\.ts$/), needed: (notebook) => (notebook.exercises?.length ?? 0) > 0 },
];

/** The library's files the notebook never loads, with what each holds. */
export function partsLeftOut(notebook: AnalyzedNotebook, library: Library): Map<string, string> {
  const left = new Map<string, string>();
  for (const part of OPTIONAL_PARTS) {
    const file = part.file(library);
    if (file && !part.needed(notebook)) left.set(file, part.name);
  }
  return left;
}

/** esbuild: a dynamic import of a part left out loads a module that throws, saying what was left out. */
export function leaveOutPlugin(left: ReadonlyMap<string, string>): Plugin {
  return {
    name: "wattbook-export-leave-out",
    setup(build) {
      build.onResolve({ filter: /\.js$/ }, (args) => {
        if (args.kind !== "dynamic-import") return undefined;
        const name = left.get(path.basename(args.path));
        return name === undefined ? undefined : { path: name, namespace: "wattbook-left-out" };
      });
      build.onLoad({ filter: /.*/, namespace: "wattbook-left-out" }, (args) => ({
        contents: `throw new Error(${JSON.stringify(`this exported notebook leaves out ${args.path}: no cell used it when it was exported; export it again`)});`,
        loader: "js",
      }));
    },
  };
}
