// A notebook realm (see realm-host.ts) has no ES module loader: Node 20 runs ES modules in a vm context
// only behind --experimental-vm-modules. So each module is run there as the body of a function
// `(require, module, exports)`, like CommonJS. The compiled notebook module has a known shape (its import
// lines hoisted to the top, one per module, then `export default {path: …`), which is rewritten here
// line for line: every cell keeps the module line it had, so a stack frame still names the cell's line
// (thrown.ts). The notebook's local modules (bundled by esbuild, unminified) keep their lines too, through
// a general rewrite of their import and export statements (moduleBodyKeepingLines), so that a frame in
// one maps back through its source map to the author's file. Any other module (the library's files,
// package files, all minified) goes through esbuild's CommonJS transform, whose lines nothing claims.
import type { Node, Options, Pattern } from "acorn";

/** The compiled notebook's imports, as notebook/compile.ts hoists them. */
const NAMESPACE_IMPORT = /^import \* as ([\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*) from ("(?:[^"\\]|\\.)*");$/u;
const NAMED_IMPORT = /^import \{(.*?)\} from ("(?:[^"\\]|\\.)*");((?: import \* as [\p{ID_Start}$_][\p{ID_Continue}$]* from "(?:[^"\\]|\\.)*";)? const \{[^{}]*\} = [\p{ID_Start}$_][\p{ID_Continue}$]*;)?$/u;
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
  // A CommonJS package's names read from its default export (import-bindings.ts): the statement after
  // the import is plain JavaScript, and a namespace import beside it becomes a require like any other.
  const after = (named[3] ?? "").replace(/^ import \* as (\S+) from ("(?:[^"\\]|\\.)*");/u, (_, local: string, from: string) => ` const ${local} = require(${from});`);
  const parts: string[] = [];
  for (const part of named[1]!.split(/,\s*/)) {
    const [imported, local] = part.split(/\s+as\s+/) as [string, string | undefined];
    if (!/^([\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*|"(?:[^"\\]|\\.)*")$/u.test(imported)) return undefined;
    parts.push(local === undefined ? imported : `${imported}: ${local}`);
  }
  return `const {${parts.join(", ")}} = require(${named[2]});${after}`;
}

/** acorn's parse, passed in: a worker loads acorn only when a notebook has local modules. */
export type Parse = (code: string, options: Options) => Node;

type AnyNode = Node & Record<string, any>;

/**
 * Any ES module as a function body with the same lines: each import and export statement is replaced in
 * its own lines (imports by requires, `export` keywords by spaces), and the exports are defined at
 * the end, as getters, so that they stay live. Columns move only on the lines of the replaced
 * statements, which in esbuild's unminified output hold nothing else.
 */
export function moduleBodyKeepingLines(code: string, parse: Parse): string {
  const program = parse(code, { ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true, allowHashBang: true }) as AnyNode;
  const edits: { start: number; end: number; text: string }[] = [];
  /** Exported name → the expression that reads it. */
  const exported = new Map<string, string>();
  let temporaries = 0;
  const temporary = () => `__wattbook_module_${temporaries++}`;
  const keepLines = (node: AnyNode, text: string) => edits.push({ start: node.start, end: node.end, text: text + "\n".repeat(code.slice(node.start, node.end).split("\n").length - 1) });
  const blank = (start: number, end: number) => edits.push({ start, end, text: code.slice(start, end).replace(/[^\n]/g, " ") });
  const name = (node: AnyNode) => (node.type === "Identifier" ? node.name : String(node.value));
  for (const statement of program.body as AnyNode[]) {
    const from = statement.source ? `require(${JSON.stringify(statement.source.value)})` : "";
    if (statement.type === "ImportDeclaration") {
      const namespace = statement.specifiers.find((s: AnyNode) => s.type === "ImportNamespaceSpecifier");
      const named = statement.specifiers.filter((s: AnyNode) => s.type !== "ImportNamespaceSpecifier").map((s: AnyNode) => `${s.type === "ImportDefaultSpecifier" ? "default" : JSON.stringify(name(s.imported))}: ${s.local.name}`);
      const parts = namespace ? [`const ${namespace.local.name} = ${from};`, ...(named.length ? [`const {${named.join(", ")}} = ${namespace.local.name};`] : [])] : [named.length ? `const {${named.join(", ")}} = ${from};` : `${from};`];
      keepLines(statement, parts.join(" "));
    } else if (statement.type === "ExportAllDeclaration") {
      if (statement.exported) {
        const local = temporary();
        exported.set(name(statement.exported), local);
        keepLines(statement, `const ${local} = ${from};`);
      } else {
        keepLines(statement, `((m) => { for (const k of Object.keys(m)) if (k !== "default" && !Object.prototype.hasOwnProperty.call(exports, k)) Object.defineProperty(exports, k, {enumerable: true, configurable: true, get: () => m[k]}); })(${from});`);
      }
    } else if (statement.type === "ExportNamedDeclaration" && statement.declaration) {
      blank(statement.start, statement.declaration.start);
      for (const declared of declaredNames(statement.declaration)) exported.set(declared, declared);
    } else if (statement.type === "ExportNamedDeclaration") {
      const source = from && temporary();
      for (const s of statement.specifiers) exported.set(name(s.exported), source ? `${source}[${JSON.stringify(name(s.local))}]` : s.local.name);
      keepLines(statement, source ? `const ${source} = ${from};` : "");
    } else if (statement.type === "ExportDefaultDeclaration") {
      const declaration = statement.declaration;
      if ((declaration.type === "FunctionDeclaration" || declaration.type === "ClassDeclaration") && declaration.id) {
        blank(statement.start, declaration.start);
        exported.set("default", declaration.id.name);
      } else {
        const local = temporary();
        edits.push({ start: statement.start, end: declaration.start, text: `const ${local} = ` });
        exported.set("default", local);
      }
    }
  }
  // A function body has no import.meta; a module that reads it gets an empty object (no url) at build.
  for (const meta of nodesOfType(program, "MetaProperty")) if (meta.meta.name === "import") edits.push({ start: meta.start, end: meta.end, text: "({})" });
  let body = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) body = body.slice(0, edit.start) + edit.text + body.slice(edit.end);
  if (!exported.size) return body;
  const getters = [...exported].map(([as, read]) => `${JSON.stringify(as)}: {enumerable: true, configurable: true, get: () => ${read}}`);
  return `${body}\n;Object.defineProperties(exports, {${getters.join(", ")}});`;
}

/** Every node of `type` under `root`. */
function nodesOfType(root: AnyNode, type: string): AnyNode[] {
  const found: AnyNode[] = [];
  const stack: unknown[] = [root];
  while (stack.length) {
    const value = stack.pop();
    if (Array.isArray(value)) for (const item of value) stack.push(item);
    else if (value && typeof value === "object" && typeof (value as AnyNode).type === "string") {
      if ((value as AnyNode).type === type) found.push(value as AnyNode);
      for (const key in value) if (key !== "loc") stack.push((value as Record<string, unknown>)[key]);
    }
  }
  return found;
}

/** The names a declaration binds (patterns included). */
function declaredNames(declaration: AnyNode): string[] {
  if (declaration.type !== "VariableDeclaration") return declaration.id ? [declaration.id.name] : [];
  const names: string[] = [];
  const visit = (pattern: Pattern | AnyNode | null) => {
    if (!pattern) return;
    const node = pattern as AnyNode;
    if (node.type === "Identifier") names.push(node.name);
    else if (node.type === "ObjectPattern") for (const p of node.properties) visit(p.type === "RestElement" ? p.argument : p.value);
    else if (node.type === "ArrayPattern") for (const element of node.elements) visit(element);
    else if (node.type === "RestElement") visit(node.argument);
    else if (node.type === "AssignmentPattern") visit(node.left);
  };
  for (const declarator of declaration.declarations) visit(declarator.id);
  return names;
}

/** The first line of the wrapper (strict, as ES modules are); the module's own first line follows it. */
export const MODULE_WRAPPER_START = "(function (require, module, exports) { \"use strict\";";
export const MODULE_WRAPPER_END = "\n})";

/** A function body wrapped as an expression that evaluates to the module function. */
export function wrapModuleBody(body: string): string {
  return `${MODULE_WRAPPER_START}\n${body}${MODULE_WRAPPER_END}`;
}
