// AnalyzedNotebook → the source of one ES module: imports hoisted to the top, then one record per cell
// whose body is a real function (no eval at run time, so a strict Content-Security-Policy holds).
// Each body keeps its cell's line structure: the cell's line k sits on module line `bodyLine + k - 1`,
// which is how a runtime error's line in the module maps back to the .md:
//   md line = cell.position.line + (module line − bodyLine)
// (for ts cells the lines are aligned where esbuild's output allows, see typescript.ts).
import { parse } from "acorn";
import { exerciseSpecs } from "./exercise-spec.ts";
import type { AnalyzedCell, AnalyzedNotebook, CellImport } from "./types.ts";

export interface CompileCellOptions {
  /** Names bound by the notebook's imports: module bindings, not inputs. */
  readonly imported?: ReadonlySet<string>;
  /** The module line on which the cell's record starts (1 when compiled alone). */
  readonly line?: number;
}

/** Strict mode forbids these as parameter names; they are never another cell's value. */
const NOT_INPUTS = new Set(["eval", "arguments"]);

/**
 * One cell's record, as JavaScript source: `{id: …, inputs: […], …, bodyLine: n, body: (…) => {…}}`.
 * The record's first line ends where the body's source begins, so bodyLine is `line + 1`.
 */
export function compileCell(cell: AnalyzedCell, options: CompileCellOptions = {}): string {
  const imported = options.imported ?? new Set(cell.imports.flatMap((i) => i.specifiers.map((s) => s.local)));
  const inputs = cell.references.filter((name) => !imported.has(name) && !NOT_INPUTS.has(name));
  const outputs = cell.expression ? [] : cell.declarations;
  const bodyLine = (options.line ?? 1) + 1;
  const params = `${cell.async ? "async " : ""}(${inputs.join(", ")}) =>`;
  const code = withoutImports(cell);
  const body = cell.expression ? `${params} (\n${code}\n)` : `${params} {\n${code}\n${outputs.length ? `return {${outputs.join(", ")}};\n` : ""}}`;
  const head = [
    `id: ${JSON.stringify(cell.id)}`,
    `inputs: ${JSON.stringify(inputs)}`,
    `outputs: ${JSON.stringify(outputs)}`,
    `expression: ${cell.expression}`,
    `inline: ${cell.kind === "inline"}`,
    ...(cell.browser ? ["browser: true"] : []),
    `position: {line: ${cell.position.line}, column: ${cell.position.column}}`,
    `bodyLine: ${bodyLine}`,
  ];
  return `{${head.join(", ")}, body: ${body}}`;
}

export interface CompileNotebookOptions {
  /** Where an imported name comes from in the emitted module ("*" for a namespace); the specifier itself by default. */
  readonly importUrl?: (specifier: string, imported: string) => string;
}

/** The kernel, which the editor loads itself: not among a module's `modules`. */
const KERNEL_SPECIFIER = "wattbook/kernel";

/** The local name of a notebook's namespace import of its `index`th module (see `modules` below). */
export const MODULE_NAMESPACE = "__wattbook_module_";

/**
 * The module: imports, then `export default {path, cells, imports, modules, exercises}` with the cell
 * records in document order. `imports` holds the imported bindings by local name, for cells compiled
 * later in the page (the editor's), which cannot see this module's scope; `modules` (only when the page
 * imports more than the kernel) each imported module's namespace by specifier, so that an edited cell
 * may import other names of a module the notebook imports; `exercises` (only when the page has any)
 * what the page checks answers against.
 */
export function compileNotebook(nb: AnalyzedNotebook, options: CompileNotebookOptions = {}): string {
  const cellImports = nb.cells.flatMap((cell) => cell.imports);
  const modules = [...new Set(cellImports.map((i) => i.specifier).filter((specifier) => specifier !== KERNEL_SPECIFIER))];
  const namespaces = modules.map((specifier, index) => ({ specifier, specifiers: [{ imported: "*", local: `${MODULE_NAMESPACE}${index}` }], position: { line: 1, column: 1 } }));
  const imports = hoistImports([...cellImports, ...namespaces], options.importUrl);
  const imported = new Set(cellImports.flatMap((i) => i.specifiers.map((s) => s.local)));
  const lines = [...imports, `export default {path: ${JSON.stringify(nb.path)}, cells: [`];
  nb.cells.forEach((cell, index) => {
    const record = compileCell(cell, { imported, line: lines.length + 1 });
    lines.push(...`${record}${index < nb.cells.length - 1 ? "," : ""}`.split("\n"));
  });
  const exercises = nb.exercises?.length ? `, exercises: ${JSON.stringify(exerciseSpecs(nb))}` : "";
  const namespaced = modules.length ? `, modules: {${modules.map((specifier, index) => `${JSON.stringify(specifier)}: ${MODULE_NAMESPACE}${index}`).join(", ")}}` : "";
  lines.push(`], imports: {${[...imported].join(", ")}}${namespaced}${exercises}};`, "");
  return lines.join("\n");
}

/**
 * The cell's JavaScript with its import declarations blanked out (newlines kept, so lines stay put). The
 * blank starts with `;`: the import ended a statement, and `a = 1⏎(f)()` must not become `a = 1(f)()`.
 */
function withoutImports(cell: AnalyzedCell): string {
  if (cell.expression || !cell.imports.length) return cell.js;
  const program = parse(cell.js, { ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true });
  let js = cell.js;
  for (const statement of program.body) {
    if (statement.type !== "ImportDeclaration") continue;
    const blank = `;${js.slice(statement.start + 1, statement.end).replace(/[^\n]/g, " ")}`;
    js = js.slice(0, statement.start) + blank + js.slice(statement.end);
  }
  return js;
}

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

/**
 * One import statement per module (namespaces apart, as the syntax demands), each binding once.
 * `importUrl` says where each imported name comes from; the build splits "wattbook/kernel" into the
 * kernel's module files this way, so a page loads only the topics it uses.
 */
export function hoistImports(imports: readonly CellImport[], importUrl: (specifier: string, imported: string) => string = (specifier) => specifier): string[] {
  const byUrl = new Map<string, Map<string, string>>(); // url → "imported as local" → statement part
  const partsOf = (url: string) => {
    const parts = byUrl.get(url) ?? new Map<string, string>();
    byUrl.set(url, parts);
    return parts;
  };
  for (const { specifier, specifiers } of imports) {
    if (!specifiers.length) partsOf(importUrl(specifier, "*"));
    for (const { imported, local } of specifiers) {
      const name = IDENTIFIER.test(imported) ? imported : JSON.stringify(imported);
      partsOf(importUrl(specifier, imported)).set(`${imported}\0${local}`, imported === "*" ? `* as ${local}` : name === local ? local : `${name} as ${local}`);
    }
  }
  const lines: string[] = [];
  for (const [url, parts] of byUrl) {
    const from = JSON.stringify(url);
    const named = [...parts.values()].filter((part) => !part.startsWith("* as "));
    const namespaces = [...parts.values()].filter((part) => part.startsWith("* as "));
    for (const namespace of namespaces) lines.push(`import ${namespace} from ${from};`);
    if (named.length) lines.push(`import {${named.join(", ")}} from ${from};`);
    if (!parts.size) lines.push(`import ${from};`);
  }
  return lines;
}
