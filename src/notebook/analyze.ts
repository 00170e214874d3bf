// ParsedCell → AnalyzedCell: strip types, parse with acorn, learn what the cell defines, reads and imports,
// and reject what a reactive notebook cannot run. Then, across cells: names defined twice, imports that
// disagree, and cycles. Every error is located in the .md.
import { type Expression, type ImportDeclaration, type Node, parse, parseExpressionAt, type Program, type SourceLocation } from "acorn";
import { excerptAt, LocatedError, LocatedErrors } from "./errors.ts";
import { analyzeScope } from "./scope.ts";
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
  const scope = analyzeScope(root);
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
    return { reason: "an inline ${…} must be a single expression", position: at.relative(1, 0) };
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = error instanceof Error ? error.message.replace(/ \(\d+:\d+\)$/, "") : String(error);
    return { reason: `syntax error: ${message}`, position: loc ? at.js(loc.line, loc.column) : at.relative(1, 0) };
  }
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
  if (/^[a-z][a-z\d+.-]*:/i.test(source)) return `import from a URL ("${source}") is not supported; cells import "wattbook/kernel" and installed packages by name`;
  if (/^\.{0,2}\//.test(source)) return `import from a relative path ("${source}") is not supported; cells import "wattbook/kernel" and installed packages by name`;
  if (/^wattbook(\/|$)/.test(source) && source !== "wattbook/kernel") return `"${source}" is not importable from a cell; the notebook API is "wattbook/kernel"`;
  const specifiers = node.specifiers.map((s) => ({
    imported: s.type === "ImportDefaultSpecifier" ? "default" : s.type === "ImportNamespaceSpecifier" ? "*" : s.imported.type === "Identifier" ? s.imported.name : String(s.imported.value),
    local: s.local.name,
  }));
  return { source, specifiers };
}

/** Positions inside a cell → positions in the .md. */
class CellLocator {
  private readonly cellLines: string[];

  constructor(
    private readonly cell: ParsedCell,
    private readonly context: AnalyzeContext,
  ) {
    this.cellLines = cell.source.split("\n");
  }

  private get mdLines(): readonly string[] {
    return linesOf(this.context.source);
  }

  /** A 1-based line and 0-based column of the cell's source. */
  relative(line: number, column: number): SourcePosition {
    const { position, kind } = this.cell;
    const mdLine = position.line + line - 1;
    if (line === 1) return { line: mdLine, column: position.column + column };
    // Later lines of a block cell in a list or quote carry the container's prefix; an inline cell's
    // later lines start wherever the paragraph's do.
    const text = this.mdLines[mdLine - 1] ?? "";
    const own = this.cellLines[line - 1] ?? "";
    if (kind === "block" && text.endsWith(own)) return { line: mdLine, column: text.length - own.length + column + 1 };
    if (kind === "block") return { line: mdLine, column: position.column + column };
    const index = own ? text.indexOf(own) : -1;
    return { line: mdLine, column: (index === -1 ? 0 : index) + column + 1 };
  }

  /** A position in the JavaScript: the source itself for js cells; for ts cells, the line is aligned
   *  (see typescript.ts) but the column is not, so a column is found by searching for `needle`. */
  js(line: number, column: number, needle?: string): SourcePosition {
    if (this.cell.lang === "js") return this.relative(line, column);
    const own = this.cellLines[line - 1] ?? "";
    const found = needle === undefined ? -1 : own.search(new RegExp(`(?<![\\w$])${escapeRegExp(needle)}(?![\\w$])`));
    return this.relative(Math.min(line, this.cellLines.length), found === -1 ? (own.length - own.trimStart().length) : found);
  }

  node(node: Node, needle?: string): SourcePosition {
    const loc = node.loc as SourceLocation;
    return this.js(loc.start.line, loc.start.column, needle);
  }
}

/** The .md's lines, split once for all the cells of a notebook (the last text asked for is kept). */
let lastLines: { text: string; lines: string[] } | undefined;
function linesOf(text: string): readonly string[] {
  if (lastLines?.text !== text) lastLines = { text, lines: text.split(/\r\n?|\n/) };
  return lastLines.lines;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
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

type Context = AnalyzeContext;

function located(context: Context, reason: string, position: SourcePosition, cellId: string, hint?: string): LocatedError {
  return new LocatedError(reason, { file: context.file, position, cellId, excerpt: excerptAt(context.source, position), ...(hint ? { hint } : {}) });
}

function where(context: Context, position: SourcePosition): string {
  return `${context.file}:${position.line}:${position.column}`;
}

/** Every imported local name with what it binds; two different bindings of one name are an error. */
function checkImports(cells: readonly AnalyzedCell[], context: Context, errors: LocatedError[]): Map<string, { key: string; position: SourcePosition }> {
  const imported = new Map<string, { key: string; position: SourcePosition }>();
  for (const cell of cells) {
    for (const declaration of cell.imports) {
      for (const { imported: name, local } of declaration.specifiers) {
        const key = `${name === "*" ? "* as" : name} from "${declaration.source}"`;
        const first = imported.get(local);
        if (!first) imported.set(local, { key, position: declaration.position });
        else if (first.key !== key) {
          errors.push(located(context, `${local} is imported twice, as ${key} here and as ${first.key} at ${where(context, first.position)}`, declaration.position, cell.id, "import it under another name in one of them"));
        }
      }
    }
  }
  return imported;
}

/** Reports names defined twice, or defined and imported; returns where each name is defined. */
function checkDeclarations(cells: readonly AnalyzedCell[], imported: ReadonlyMap<string, { position: SourcePosition }>, context: Context, errors: LocatedError[]): Map<string, SourcePosition> {
  const defined = new Map<string, SourcePosition>();
  for (const cell of cells) {
    cell.declarations.forEach((name, index) => {
      const position = cell.declarationPositions?.[index] ?? cell.position;
      const imports = imported.get(name);
      const first = defined.get(name);
      if (imports) {
        errors.push(located(context, `${name} is defined here and imported at ${where(context, imports.position)}`, position, cell.id, "rename one of them"));
      } else if (first) {
        errors.push(located(context, `${name} is defined twice: here and at ${where(context, first)}`, position, cell.id, "each name is defined by one cell; rename one of them"));
      } else defined.set(name, position);
    });
  }
  return defined;
}

/** Cells that depend on each other in a circle never run: report each circle once, naming every cell. */
function checkCycles(cells: readonly AnalyzedCell[], context: Context, errors: LocatedError[]): void {
  const definedBy = new Map<string, number>();
  cells.forEach((cell, index) => cell.declarations.forEach((name) => definedBy.has(name) || definedBy.set(name, index)));
  const edges = cells.map((cell) => [...new Set(cell.references.map((name) => definedBy.get(name)).filter((i): i is number => i !== undefined))]);
  for (const component of stronglyConnected(edges)) {
    if (component.length < 2) continue;
    const members = new Set(component);
    const ordered = [...component].sort((a, b) => a - b);
    const describe = (index: number) => {
      const cell = cells[index]!;
      const reads = cell.references.filter((name) => members.has(definedBy.get(name) ?? -1));
      return `${where(context, cell.position)} defines ${cell.declarations.join(", ")} and reads ${reads.join(", ")}`;
    };
    const first = cells[ordered[0]!]!;
    errors.push(
      located(context, `these cells depend on each other in a cycle: ${ordered.map(describe).join("; ")}`, first.position, first.id, "a cell cannot read a value computed from its own; move the shared part into one cell"),
    );
  }
}

/** Tarjan's algorithm, iterative: the strongly connected components of a graph of cell indices. */
function stronglyConnected(edges: readonly (readonly number[])[]): number[][] {
  const index: number[] = new Array(edges.length).fill(-1);
  const low: number[] = new Array(edges.length).fill(0);
  const onStack: boolean[] = new Array(edges.length).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let start = 0; start < edges.length; start++) {
    if (index[start] !== -1) continue;
    const work: [number, number][] = [[start, 0]];
    while (work.length) {
      const frame = work[work.length - 1]!;
      const [node, next] = frame;
      if (next === 0 && index[node] === -1) {
        index[node] = low[node] = counter++;
        stack.push(node);
        onStack[node] = true;
      }
      const targets = edges[node]!;
      if (next < targets.length) {
        frame[1]++;
        const target = targets[next]!;
        if (index[target] === -1) work.push([target, 0]);
        else if (onStack[target]) low[node] = Math.min(low[node]!, index[target]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[node]!);
      if (low[node] === index[node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = false;
          component.push(member);
        } while (member !== node);
        components.push(component);
      }
    }
  }
  return components;
}
