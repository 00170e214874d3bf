// ParsedCell → AnalyzedCell: strip types, parse with acorn, learn what the cell defines, reads and imports,
// and reject what a reactive notebook cannot run. Then, across cells: names defined twice, imports that
// disagree, and cycles. Every error is located in the .md.
import { type Expression, type ImportDeclaration, type Node, parse, parseExpressionAt, type Program } from "acorn";
import { CellLocator } from "./cell-position.ts";
import { MAX_JS_NESTING, nestingTooDeep } from "./depth.ts";
import { checkCycles, checkDeclarations, checkImports, located, where } from "./checks.ts";
import { excerptAt, LocatedError, LocatedErrors } from "./errors.ts";
import { analyzeScope } from "./scope.ts";
import { isNodeBuiltin } from "./node-builtins.ts";
import { stripExpressionTypes, stripTypes } from "./typescript.ts";
import type { AnalyzedCell, AnalyzedNotebook, CellImport, ParsedCell, ParsedNotebook, SourcePosition } from "./types.ts";

/** Names every cell can use without importing them; the runtime provides them, so cells may not redefine them. */
export const BUILTINS = ["display", "view", "Plot", "Inputs", "html", "width", "invalidation"] as const;

const BUILTIN_SET: ReadonlySet<string> = new Set(BUILTINS);

export interface AnalyzeContext {
  /** The notebook path as shown to the author. */
  readonly file: string;
  /** The whole .md text, for excerpts and for columns inside indented cells. */
  readonly source: string;
}

const PARSE_OPTIONS = { ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true, locations: true } as const;

/** Whitespace and comments only: what may follow an expression cell's expression. */
const TRIVIA_ONLY = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*$/;

export function analyzeCell(cell: ParsedCell, context: AnalyzeContext): AnalyzedCell {
  const at = new CellLocator(cell, context);
  const errors: LocatedError[] = [];
  const fail = (reason: string, position: SourcePosition, hint?: string) =>
    errors.push(new LocatedError(reason, { file: context.file, position, cellId: cell.id, excerpt: excerptAt(context.source, position), ...(hint ? { hint } : {}) }));

  const code = prepare(cell, at);
  if ("reason" in code) {
    fail(code.reason, code.position, code.hint);
    throw errors[0];
  }
  const { js, root } = code;
  let scope: ReturnType<typeof analyzeScope>;
  try {
    scope = analyzeScope(root);
  } catch (error) {
    // The walk recurses once per level of nesting; acorn parses somewhat deeper than it can go.
    if (!(error instanceof RangeError)) throw error;
    fail("this cell nests too deeply to analyze", at.relative(1, 0), TOO_DEEP_HINT);
    throw errors[0];
  }
  const locate = (node: Node, needle?: string) => at.node(node, needle);
  const imports: CellImport[] = [];
  if (root.type === "Program") {
    for (const statement of root.body) {
      if (statement.type === "ImportDeclaration") {
        const checked = checkImport(statement);
        if (typeof checked === "string") fail(checked, locate(statement, "import"), IMPORT_HINT);
        else imports.push({ ...checked, position: locate(statement, "import") });
      } else if (statement.type.startsWith("Export")) {
        fail("a cell cannot export; its top-level declarations are already visible to every other cell", locate(statement, "export"), "remove the export keyword");
      }
    }
  }
  for (const node of scope.moduleFeatures) {
    if (node.type === "ImportExpression") fail("import(…) is not supported in a cell: the build must know every module a page loads", locate(node, "import"), 'import at the top of the cell instead: import {…} from "wattbook/kernel" or from an installed package');
    else fail("import.meta is not available in a cell: a cell is not a module of its own", locate(node, "import"), "to find a file of the notebook, give its path relative to the page");
  }
  for (const { name, node } of scope.declarations) {
    if (BUILTIN_SET.has(name)) fail(`${name} is built in; a cell cannot redefine it`, locate(node, name), `pick another name than ${BUILTINS.join(", ")}`);
  }
  for (const { local } of imports.flatMap((i) => i.specifiers)) {
    if (BUILTIN_SET.has(local)) fail(`${local} is built in; an import cannot rebind it`, imports.find((i) => i.specifiers.some((s) => s.local === local))!.position, `import it under another name: { ${local} as my${local} }`);
  }
  for (const { name, node, imported } of scope.foreignAssignments) {
    const position = locate(node, name);
    if (imported) fail(`${name} is imported; imports cannot be reassigned`, position, `compute a new value under a new name, e.g. const my${name} = …`);
    else if (BUILTIN_SET.has(name)) fail(`${name} is built in; cells cannot reassign it`, position, `compute a new value under a new name, e.g. const my${name} = …`);
    else {
      fail(`cannot assign to ${name}: it is not declared in this cell, and cells cannot reassign each other's values`, position, `declare it in this cell (let ${name} = …), or compute a new value under a new name`);
      assignedNames.set(errors.at(-1)!, name);
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new LocatedErrors(errors);

  const declarations = scope.declarations.map((d) => d.name);
  return {
    ...cell,
    js,
    declarations,
    declarationPositions: scope.declarations.map((d) => locate(d.node, d.name)),
    references: scope.references.map((r) => r.name),
    imports,
    expression: root.type !== "Program",
    async: scope.topLevelAwait,
  };
}

/** Errors about assigning to a free name, and that name: the notebook can say which cell defines it. */
const assignedNames = new WeakMap<LocatedError, string>();

const IMPORT_HINT = 'import from "wattbook/kernel" or an installed package by name, e.g. import * as d3 from "d3"';

type Prepared = { js: string; root: Program | Expression } | { reason: string; position: SourcePosition; hint?: string };

/**
 * The cell's JavaScript and its AST. The rule for "expression or program" is Observable Framework's: a
 * cell is an expression when its whole source parses as one expression (comments and whitespace may
 * follow), so `1 + 2` displays 3 while `1 + 2;` is a statement that displays nothing; a named function
 * or class is a declaration, not an expression. Inline `${…}` cells are always expressions.
 */
function prepare(cell: ParsedCell, at: CellLocator): Prepared {
  let js = cell.source;
  const deep = nestingTooDeep(js);
  if (deep !== -1) {
    const before = js.slice(0, deep).split("\n");
    return { reason: `this cell nests brackets more than ${MAX_JS_NESTING} levels deep`, position: at.relative(before.length, before.at(-1)!.length), hint: TOO_DEEP_HINT };
  }
  if (cell.lang === "ts") {
    // The program form decides first (a parenthesized named function would pass for an expression);
    // only a lone statement that might be an expression costs a second esbuild call.
    const stripped = stripTypes(cell.source);
    if (!("js" in stripped) || mightBeExpression(stripped.js)) {
      const expression = stripExpressionTypes(cell.source);
      const root = expression === undefined ? undefined : parseWholeExpression(expression, true);
      if (expression !== undefined && root) return { js: expression, root };
    }
    if ("failure" in stripped) {
      const { reason, line, column } = stripped.failure;
      return { reason: `TypeScript: ${reason}`, position: at.relative(line, column), hint: "fix the syntax; the cell's types are stripped, not checked" };
    }
    js = stripped.js;
  }
  const expression = parseWholeExpression(js, cell.kind === "inline");
  if (expression) return { js, root: expression };
  try {
    if (cell.kind === "inline") parseExpressionAt(js, 0, PARSE_OPTIONS); // to report why it is no expression
    else return { js, root: parse(js, PARSE_OPTIONS) };
    return { reason: "an inline ${…} must be a single expression", position: at.relative(1, 0), hint: "compute the value in a cell and show its name here" };
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = error instanceof Error ? error.message.replace(/ \(\d+:\d+\)$/, "") : String(error);
    const position = loc ? at.js(loc.line, loc.column) : at.relative(1, 0);
    if (/not enough stack space/i.test(message)) return { reason: "this cell nests too deeply to parse", position, hint: TOO_DEEP_HINT };
    return { reason: `syntax error: ${message}`, position, hint: syntaxHint(cell) };
  }
}

const TOO_DEEP_HINT = "split the deeply nested expression into named parts, each in a const of its own";

/** What to do about a syntax error: TypeScript in a js cell is common enough to name. */
function syntaxHint(cell: ParsedCell): string {
  if (cell.kind === "block" && cell.lang === "js" && "js" in stripTypes(cell.source)) {
    return "this is TypeScript; write ```ts to have its types stripped";
  }
  return cell.kind === "inline"
    ? "write a JavaScript expression between ${ and }"
    : "fix the JavaScript at the caret (a cell is a module: declarations and statements, or one expression)";
}

/** One expression statement, or a block that may be an object literal (`{a: 1}`). */
function mightBeExpression(js: string): boolean {
  try {
    const { body } = parse(js, PARSE_OPTIONS);
    return body.length === 1 && (body[0]!.type === "ExpressionStatement" || body[0]!.type === "BlockStatement");
  } catch {
    return true;
  }
}

function parseWholeExpression(js: string, inline: boolean): Expression | undefined {
  let node: Expression;
  try {
    // preserveParens: otherwise `(x)` ends before its closing parenthesis and would not look whole.
    node = parseExpressionAt(js, 0, { ...PARSE_OPTIONS, preserveParens: true });
  } catch {
    return undefined;
  }
  if (!TRIVIA_ONLY.test(js.slice(node.end))) return undefined;
  if (!inline && (node.type === "FunctionExpression" || node.type === "ClassExpression") && node.id) return undefined;
  return node;
}

function checkImport(node: ImportDeclaration): Omit<CellImport, "position"> | string {
  const source = String(node.source.value);
  if (node.attributes?.length) return `import attributes (with {…}) are not supported`;
  if (/^npm:/i.test(source)) return `import from "${source}" is not supported; install the package and import it by name ("${source.slice(4).replace(/^(@[^/]+\/[^/@]+|[^/@]+)@[^/]*/, "$1")}")`;
  if (isNodeBuiltin(source)) return `"${source}" is a Node.js built-in module; cells run in the browser too, where it does not exist`;
  if (/^[a-z][a-z\d+.-]*:/i.test(source)) return `import from a URL ("${source}") is not supported; cells import "wattbook/kernel" and installed packages by name`;
  if (/^\.{0,2}\//.test(source)) return `import from a relative path ("${source}") is not supported; cells import "wattbook/kernel" and installed packages by name`;
  if (/^wattbook(\/|$)/.test(source) && source !== "wattbook/kernel") return `"${source}" is not importable from a cell; the notebook API is "wattbook/kernel"`;
  const specifiers = node.specifiers.map((s) => ({
    imported: s.type === "ImportDefaultSpecifier" ? "default" : s.type === "ImportNamespaceSpecifier" ? "*" : s.imported.type === "Identifier" ? s.imported.name : String(s.imported.value),
    local: s.local.name,
  }));
  return { source, specifiers };
}

// ---- the notebook ----------------------------------------------------------------------------------------

/** Analyzes every cell and checks them against each other; throws one LocatedErrors with all problems. */
export function analyzeNotebook(nb: ParsedNotebook, source: string): AnalyzedNotebook {
  const context = { file: nb.path, source };
  const errors: LocatedError[] = [];
  const cells: AnalyzedCell[] = [];
  for (const cell of nb.cells) {
    try {
      cells.push(analyzeCell(cell, context));
    } catch (error) {
      if (error instanceof LocatedErrors) errors.push(...error.errors);
      else if (error instanceof LocatedError) errors.push(error);
      else throw error;
    }
  }
  const imported = checkImports(cells, context, errors);
  const defined = checkDeclarations(cells, imported, context, errors);
  errors.forEach((error, index) => {
    const name = assignedNames.get(error);
    const definition = name === undefined ? undefined : defined.get(name);
    if (name === undefined || !definition || !error.cellId) return;
    const reason = `${name} is defined by another cell (${where(context, definition)}); cells cannot reassign each other's values`;
    errors[index] = located(context, reason, { line: error.line, column: error.column }, error.cellId, `compute a new value under a new name here, or move this assignment into the cell that defines ${name}`);
  });
  // Imported names are module bindings, visible in every cell: not inputs of any cell.
  const analyzed = cells.map((cell) => ({ ...cell, references: cell.references.filter((name) => !imported.has(name)) }));
  checkCycles(analyzed, context, errors);
  if (errors.length) throw new LocatedErrors([...errors].sort((a, b) => a.line - b.line || a.column - b.column));
  return { ...nb, cells: analyzed };
}
