// Where a key of a config's settings is written: ["pages", 1, "title"] → the line and column of `title:`
// in the second entry of `pages`. Read from the module's syntax tree (acorn): the default export's
// object, or the constant or the call (`defineConfig({…})`) it names, followed key by key and index by
// index. Where the tree stops (a value computed at run time), the nearest place found is given; where
// it gives nothing, the key's first `name:` in the text. Pure.
import { type Node, parse } from "acorn";
import type { SourcePosition } from "../notebook/types.ts";
import type { KeyPath } from "./key-path.ts";

/** How many names (a constant naming another) are followed before giving up. */
const MAX_HOPS = 8;

/**
 * The 1-based line and column where `path` is written in `source` (JavaScript; a TypeScript config's
 * text with its types stripped, lines kept), or undefined when neither the tree nor the text shows it.
 */
export function locateKeyPath(source: string, path: KeyPath): SourcePosition | undefined {
  let program: Node & { body: Node[] };
  try {
    program = parse(source, { ecmaVersion: "latest", sourceType: "module", locations: true, allowHashBang: true }) as Node & { body: Node[] };
  } catch {
    return textual(source, path);
  }
  const constants = topLevelConstants(program.body);
  const resolve = (node: Node | null | undefined, hops = 0): Node | undefined => {
    if (!node || hops > MAX_HOPS) return undefined;
    const any = node as AnyNode;
    if (node.type === "ObjectExpression" || node.type === "ArrayExpression") return node;
    if (node.type === "Identifier") return resolve(constants.get(any.name!), hops + 1);
    // defineConfig({…}) and the like: the object passed.
    if (node.type === "CallExpression" && any.arguments?.length === 1) return resolve(any.arguments[0], hops + 1);
    if (node.type === "AwaitExpression") return resolve(any.argument, hops + 1);
    return undefined;
  };
  const exported = exportedDefault(program.body);
  let value = resolve(exported);
  if (!value) {
    // The export itself is what an error about the whole default export is about.
    if (!path.length && exported) return { line: exported.loc!.start.line, column: exported.loc!.start.column + 1 };
    return textual(source, path);
  }
  let found: Node = value;
  for (const key of path) {
    const any = value as AnyNode | undefined;
    let next: Node | undefined;
    if (typeof key === "number" && any?.type === "ArrayExpression") {
      const element = any.elements?.[key];
      if (!element || element.type === "SpreadElement") break;
      found = element;
      next = element;
    } else if (typeof key === "string" && any?.type === "ObjectExpression") {
      // The last one written wins in an object literal, so an error is about that one.
      const property = any.properties?.filter((p) => p.type === "Property" && !(p as AnyNode).computed && keyName((p as AnyNode).key!) === key).at(-1) as AnyNode | undefined;
      if (!property) break;
      found = property.key!;
      next = property.value;
    } else break;
    value = resolve(next) ?? undefined;
    if (!value) {
      // The value is computed: what is left of the path cannot be followed, the key itself can be shown.
      break;
    }
  }
  const { line, column } = found.loc!.start;
  return { line, column: column + 1 };
}

interface AnyNode extends Node {
  name?: string;
  value?: Node & { value?: unknown };
  key?: Node & { name?: string; value?: unknown };
  computed?: boolean;
  arguments?: Node[];
  argument?: Node;
  elements?: (Node | null)[];
  properties?: Node[];
  declaration?: Node;
  declarations?: { id: Node & { name?: string }; init?: Node | null }[];
  specifiers?: { local: Node & { name?: string }; exported: Node & { name?: string; value?: unknown } }[];
  source?: Node | null;
  kind?: string;
}

function keyName(key: Node): string | undefined {
  const any = key as AnyNode;
  if (key.type === "Identifier") return any.name;
  if (key.type === "Literal") return String((any as { value?: unknown }).value);
  return undefined;
}

/** What the module exports as default: `export default …`, or `export {config as default}`. */
function exportedDefault(body: readonly Node[]): Node | undefined {
  for (const statement of body) {
    const any = statement as AnyNode;
    if (statement.type === "ExportDefaultDeclaration") return any.declaration;
    if (statement.type === "ExportNamedDeclaration" && !any.source) {
      const specifier = any.specifiers?.find((s) => (s.exported.name ?? s.exported.value) === "default");
      if (specifier) return specifier.local;
    }
  }
  return undefined;
}

/** Top-level `const name = …` (and let, var), by name, including exported ones. */
function topLevelConstants(body: readonly Node[]): Map<string, Node> {
  const constants = new Map<string, Node>();
  for (const statement of body) {
    const any = statement as AnyNode;
    const declaration = (statement.type === "ExportNamedDeclaration" ? any.declaration : statement) as AnyNode | undefined;
    if (declaration?.type !== "VariableDeclaration") continue;
    for (const declarator of declaration.declarations ?? []) if (declarator.id.type === "Identifier" && declarator.init) constants.set(declarator.id.name!, declarator.init);
  }
  return constants;
}

/** The first `key:` of the path's last named key, in the text: for a config the tree cannot follow. */
function textual(source: string, path: KeyPath): SourcePosition | undefined {
  const key = path.findLast((part): part is string => typeof part === "string");
  if (key === undefined) return undefined;
  const name = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`(^|[{,\\s])(["']?)${name}\\2\\s*:`, "m").exec(source);
  if (!match) return undefined;
  const offset = match.index + match[1]!.length;
  const before = source.slice(0, offset).split(/\r\n?|\n/);
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
