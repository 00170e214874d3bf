// A notebook realm (see realm-host.ts) has no ES module loader: Node 20 runs ES modules in a vm context
// only behind --experimental-vm-modules. So each module is run there as the body of a function
// `(require, module, exports)`, like CommonJS. The compiled notebook module has a known shape (its import
// lines hoisted to the top, one per module, then `export default {path: …`), which is rewritten here
// line for line: every cell keeps the module line it had, so a stack frame still names the cell's line
// (thrown.ts). Any other module (the library's files, bundled notebooks) goes through esbuild's
// CommonJS transform, whose lines are not claimed by thrown.ts anyway.

/** The compiled notebook's imports, as notebook/compile.ts hoists them. */
const NAMESPACE_IMPORT = /^import \* as ([\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*) from ("(?:[^"\\]|\\.)*");$/u;
const NAMED_IMPORT = /^import \{(.*)\} from ("(?:[^"\\]|\\.)*");$/u;
const BARE_IMPORT = /^import ("(?:[^"\\]|\\.)*");$/u;
const DEFAULT_EXPORT = "export default {path: ";

/**
 * The compiled notebook module as a function body with the same lines, or undefined when `code` is not
 * in the compiled notebook's shape (then use a general transform).
 */
export function notebookModuleBody(code: string): string | undefined {
  const lines = code.split("\n");
  const exportLine = lines.findIndex((line) => line.startsWith(DEFAULT_EXPORT));
  if (exportLine === -1) return undefined;
  const rewritten: string[] = [];
  for (const line of lines.slice(0, exportLine)) {
    const statement = importAsRequire(line);
    if (statement === undefined) return undefined;
    rewritten.push(statement);
  }
  rewritten.push(`exports.default = {path: ${lines[exportLine]!.slice(DEFAULT_EXPORT.length)}`, ...lines.slice(exportLine + 1));
  return rewritten.join("\n");
}

function importAsRequire(line: string): string | undefined {
  const namespace = NAMESPACE_IMPORT.exec(line);
  if (namespace) return `const ${namespace[1]} = require(${namespace[2]});`;
  const bare = BARE_IMPORT.exec(line);
  if (bare) return `require(${bare[1]});`;
  const named = NAMED_IMPORT.exec(line);
  if (!named) return undefined;
  const parts: string[] = [];
  for (const part of named[1]!.split(/,\s*/)) {
    const [imported, local] = part.split(/\s+as\s+/) as [string, string | undefined];
    if (!/^([\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*|"(?:[^"\\]|\\.)*")$/u.test(imported)) return undefined;
    parts.push(local === undefined ? imported : `${imported}: ${local}`);
  }
  return `const {${parts.join(", ")}} = require(${named[2]});`;
}

/** The first line of the wrapper (strict, as ES modules are); the module's own first line follows it. */
export const MODULE_WRAPPER_START = "(function (require, module, exports) { \"use strict\";";
export const MODULE_WRAPPER_END = "\n})";

/** A function body wrapped as an expression that evaluates to the module function. */
export function wrapModuleBody(body: string): string {
  return `${MODULE_WRAPPER_START}\n${body}${MODULE_WRAPPER_END}`;
}
