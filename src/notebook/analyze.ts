// ParsedCell → AnalyzedCell: strip types, parse with acorn, learn what the cell defines, reads, imports
// and assigns, and reject what a reactive notebook cannot run. What concerns several cells (names
// defined twice, imports that disagree, assignments to another cell's value, cycles) is check.ts's.
// Every error is located in the .md and worded by the catalog (messages.ts).
import { type Expression, type ImportDeclaration, type Node, parse, parseExpressionAt, type Program } from "acorn";
import { CellLocator } from "./cell-position.ts";
import { MAX_JS_NESTING, nestingTooDeep } from "./depth.ts";
import { locatedError, LocatedError, LocatedErrors } from "./errors.ts";
import type { LineIndex } from "./locate.ts";
import { diagnostic, type Diagnostic } from "./messages.ts";
import { analyzeScope } from "./scope.ts";
import { dataFileMethod, isRelativeSpecifier, isStylesheet } from "./data-files.ts";
import { isNodeBuiltin } from "./node-builtins.ts";
import type { TypeStripper } from "./type-stripper.ts";
import type { AnalyzedCell, CellAttachment, CellImport, ParsedCell, SourcePosition } from "./types.ts";

/**
 * Names every cell can use without importing them; the runtime provides them, so cells may not redefine
 * them. After wattbook's own come Observable Framework's common ones, so that a Framework page builds.
 */
export const BUILTINS = ["display", "view", "Plot", "Inputs", "html", "width", "invalidation", "FileAttachment",
  "svg", "md", "tex", "Generators", "Mutable", "now", "dark", "resize", "visibility"] as const;

const BUILTIN_SET: ReadonlySet<string> = new Set(BUILTINS);

export interface AnalyzeContext {
  /** The notebook path as shown to the author. */
  readonly file: string;
  /** The whole .md text, indexed: for excerpts and for columns inside indented cells. */
  readonly lines: LineIndex;
  /** Strips the types of ts cells; without one, a ts cell is an error (js cells need none). */
  readonly typeStripper?: TypeStripper;
}

const PARSE_OPTIONS = { ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true, locations: true } as const;

/** Whitespace and comments only: what may follow an expression cell's expression. */
const TRIVIA_ONLY = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*$/;

export function analyzeCell(cell: ParsedCell, context: AnalyzeContext): AnalyzedCell {
  const at = new CellLocator(cell, context.lines);
  const errors: LocatedError[] = [];
  const fail = (found: Diagnostic, position: SourcePosition) => errors.push(locatedError(found, { file: context.file, lines: context.lines, position, cellId: cell.id }));

  const code = prepare(cell, at, context.typeStripper);
  if ("problem" in code) {
    fail(code.problem, code.position);
    throw errors[0];
  }
  const { js, root } = code;
  let scope: ReturnType<typeof analyzeScope>;
  try {
    scope = analyzeScope(root);
  } catch (error) {
    // The walk recurses once per level of nesting; acorn parses somewhat deeper than it can go.
    if (!(error instanceof RangeError)) throw error;
    fail(diagnostic("cell-too-deep-to-analyze"), at.relative(1, 0));
    throw errors[0];
  }
  const locate = (node: Node, needle?: string) => at.node(node, needle);
  const imports: CellImport[] = [];
  if (root.type === "Program") {
    for (const statement of root.body) {
      if (statement.type === "ImportDeclaration") {
        const checked = checkImport(statement);
        if ("code" in checked) fail(checked, locate(statement, "import"));
        else imports.push({ ...checked, position: locate(statement, "import") });
      } else if (statement.type.startsWith("Export")) {
        fail(diagnostic("cell-exports"), locate(statement, "export"));
      }
    }
  }
  for (const node of scope.moduleFeatures) {
    if (node.type === "ImportExpression") fail(diagnostic("dynamic-import"), locate(node, "import"));
    else fail(diagnostic("import-meta"), locate(node, "import"));
  }
  const attachments: CellAttachment[] = [];
  for (const call of scope.fileAttachmentCalls) {
    const name = literalName(call.arguments[0]);
    if (name === undefined) fail(diagnostic("file-attachment-not-literal"), locate(call, "FileAttachment"));
    else if (name.trim() === "") fail(diagnostic("file-attachment-empty-name"), locate(call, "FileAttachment"));
    else attachments.push({ name, position: locate(call, "FileAttachment") });
  }
  for (const { name, node } of scope.declarations) {
    if (BUILTIN_SET.has(name)) fail(diagnostic("builtin-redefined", { name, builtins: BUILTINS.join(", ") }), locate(node, name));
  }
  for (const { local } of imports.flatMap((i) => i.specifiers)) {
    if (BUILTIN_SET.has(local)) fail(diagnostic("builtin-imported", { name: local }), imports.find((i) => i.specifiers.some((s) => s.local === local))!.position);
  }
  const foreignAssignments: { name: string; position: SourcePosition }[] = [];
  for (const { name, node, imported } of scope.foreignAssignments) {
    const position = locate(node, name);
    if (imported) fail(diagnostic("import-reassigned", { name }), position);
    else if (BUILTIN_SET.has(name)) fail(diagnostic("builtin-reassigned", { name }), position);
    // Whether another cell defines the name is the notebook's to say (check.ts).
    else foreignAssignments.push({ name, position });
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
    ...(foreignAssignments.length ? { foreignAssignments } : {}),
    ...(attachments.length ? { attachments } : {}),
  };
}

type Prepared = { js: string; root: Program | Expression } | { problem: Diagnostic; position: SourcePosition };

/**
 * The cell's JavaScript and its AST. The rule for "expression or program" is Observable Framework's: a
 * cell is an expression when its whole source parses as one expression (comments and whitespace may
 * follow), so `1 + 2` displays 3 while `1 + 2;` is a statement that displays nothing; a named function
 * or class is a declaration, not an expression. Inline `${…}` cells are always expressions.
 */
function prepare(cell: ParsedCell, at: CellLocator, stripper: TypeStripper | undefined): Prepared {
  let js = cell.sourceText;
  const deep = nestingTooDeep(js);
  if (deep !== -1) {
    const before = js.slice(0, deep).split("\n");
    return { problem: diagnostic("cell-too-deep", { limit: MAX_JS_NESTING }), position: at.relative(before.length, before.at(-1)!.length) };
  }
  if (cell.lang === "ts") {
    if (!stripper) return { problem: diagnostic("no-typescript-stripper"), position: at.relative(1, 0) };
    // The program form decides first (a parenthesized named function would pass for an expression);
    // only a lone statement that might be an expression costs a second esbuild call.
    const stripped = stripper.strip(cell.sourceText, 0);
    if (!("js" in stripped) || mightBeExpression(stripped.js)) {
      const expression = stripper.stripExpression(cell.sourceText);
      const root = expression === undefined ? undefined : parseWholeExpression(expression, true);
      if (expression !== undefined && root) return { js: expression, root };
    }
    if ("failure" in stripped) {
      const { reason, line, column } = stripped.failure;
      return { problem: diagnostic("typescript-syntax", { reason }), position: at.relative(line, column) };
    }
    js = stripped.js;
  }
  const expression = cell.kind === "block" && startsAStatement(js) ? undefined : parseWholeExpression(js, cell.kind === "inline");
  if (expression) return { js, root: expression };
  try {
    if (cell.kind === "inline") parseExpressionAt(js, 0, PARSE_OPTIONS); // to report why it is no expression
    else return { js, root: parse(js, PARSE_OPTIONS) };
    return { problem: diagnostic("inline-not-expression"), position: at.relative(1, 0) };
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const reason = error instanceof Error ? error.message.replace(/ \(\d+:\d+\)$/, "") : String(error);
    const position = loc ? at.js(loc.line, loc.column) : at.relative(1, 0);
    if (/not enough stack space/i.test(reason)) return { problem: diagnostic("cell-too-deep-to-parse"), position };
    return { problem: syntaxError(cell, reason, stripper), position };
  }
}

/** A syntax error, with what to do about it: TypeScript in a js cell is common enough to name. */
function syntaxError(cell: ParsedCell, reason: string, stripper: TypeStripper | undefined): Diagnostic {
  if (cell.kind === "inline") return diagnostic("inline-syntax", { reason });
  if (cell.lang === "js" && stripper && "js" in stripper.strip(cell.sourceText, 0)) return diagnostic("typescript-in-js-cell", { reason });
  return diagnostic("syntax", { reason });
}

/**
 * Code whose first word begins a declaration or a statement cannot be one expression, and most cells
 * start so: they skip a parse attempt that would fail (a thrown SyntaxError costs as much as the parse).
 * In a module (strict), `let` is always a keyword; a class or function is an expression only unnamed.
 */
const STATEMENT_START = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(?:(?:const|let|var|if|for|while|do|switch|try|throw|return|break|continue|debugger|export)(?![\p{ID_Continue}$\u200c\u200d])|(?:async\s+)?function\s*\*?\s*[\p{ID_Start}$_]|class\s+(?!extends\b)[\p{ID_Start}$_]|import\s*[{*"'\p{ID_Start}$_])/u;

function startsAStatement(js: string): boolean {
  return STATEMENT_START.test(js);
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

/** A string literal, or a template literal without substitutions: the name a FileAttachment call gives. */
function literalName(node: Node | undefined): string | undefined {
  if (node?.type === "Literal" && typeof (node as unknown as { value?: unknown }).value === "string") return (node as unknown as { value: string }).value;
  if (node?.type === "TemplateLiteral") {
    const template = node as unknown as { expressions: unknown[]; quasis: { value: { cooked?: string | null } }[] };
    if (!template.expressions.length) return template.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

function attributeValue(attribute: NonNullable<ImportDeclaration["attributes"]>[number]): string {
  const key = attribute.key.type === "Identifier" ? attribute.key.name : String(attribute.key.value);
  return `${key}=${String(attribute.value.value)}`;
}

function checkImport(node: ImportDeclaration): Omit<CellImport, "position"> | Diagnostic {
  const specifier = String(node.source.value);
  // `with {type: "json"}` is what a browser asks of a JSON import; the build bundles JSON, so it may stay.
  const jsonAttribute = node.attributes?.length === 1 && /\.json$/i.test(specifier) && attributeValue(node.attributes[0]!) === "type=json";
  if (node.attributes?.length && !jsonAttribute) return diagnostic("import-attributes");
  if (/^npm:/i.test(specifier)) return diagnostic("import-npm-protocol", { specifier, name: specifier.slice(4).replace(/^(@[^/]+\/[^/@]+|[^/@]+)@[^/]*/, "$1") });
  if (isNodeBuiltin(specifier)) return diagnostic("import-node-builtin", { specifier });
  if (/^[a-z][a-z\d+.-]*:/i.test(specifier)) return diagnostic("import-url", { specifier });
  if (specifier.startsWith("/")) return diagnostic("import-absolute", { specifier });
  const method = isRelativeSpecifier(specifier) ? dataFileMethod(specifier) : undefined;
  if (method) return diagnostic("import-data-file", { specifier, method });
  if (isStylesheet(specifier)) return diagnostic("import-stylesheet", { specifier });
  if (/^wattbook(\/|$)/.test(specifier) && specifier !== "wattbook/kernel") return diagnostic("import-wattbook-internal", { specifier });
  const specifiers = node.specifiers.map((s) => ({
    imported: s.type === "ImportDefaultSpecifier" ? "default" : s.type === "ImportNamespaceSpecifier" ? "*" : s.imported.type === "Identifier" ? s.imported.name : String(s.imported.value),
    local: s.local.name,
  }));
  return { specifier, specifiers };
}
