// A module's imports of the site's own files, checked and bound: each source pointed at its file in
// the site, each imported name checked against what that file exports, and a name a CommonJS package
// has only at run time (lodash's `chunk`: its module.exports is built by code) read from its default
// export, as bundlers do: `import {default as __wattbook_cjs_0} from "…"; const {chunk} = __wattbook_cjs_0;`.
// Each statement is rewritten in its own lines, so every other line of the module stays where it was
// (the notebook module's cells, a local module's source map).
import { parse } from "acorn";

export interface ImportTarget {
  /** What the import's source becomes. */
  readonly url: string;
  /** The names the file exports; undefined: not checked. */
  readonly exports?: readonly string[];
  /** A CommonJS package: a name it does not list is read from its default export. */
  readonly commonJs?: boolean;
}

export interface MissingExport {
  /** The import's source as written. */
  readonly source: string;
  readonly name: string;
  /** Offset of the statement in the code. */
  readonly offset: number;
}

export const COMMONJS_BINDING = "__wattbook_cjs_";

type Ranged = { start: number; end: number };
type ModuleName = { type: "Identifier"; name: string } | { type: "Literal"; value: unknown };
type Specifier = Ranged & { type: string; imported?: ModuleName; local?: ModuleName; exported?: ModuleName };
type Statement = Ranged & { type: string; source?: (Ranged & { value: unknown }) | null; specifiers?: Specifier[] };

const nameOf = (node: ModuleName): string => (node.type === "Identifier" ? node.name : String(node.value));
const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;
const quoted = (name: string) => (IDENTIFIER.test(name) ? name : JSON.stringify(name));

/**
 * `code` (an ES module) with every import of a file `targetOf` knows rewritten; undefined from
 * `targetOf` leaves an import as it is. Names a file lacks (and cannot have at run time) are returned.
 */
export function bindImports(code: string, targetOf: (source: string) => ImportTarget | undefined): { code: string; missing: MissingExport[] } {
  const program = parse(code, { ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true });
  const edits: { start: number; end: number; text: string }[] = [];
  const missing: MissingExport[] = [];
  let bindings = 0;
  for (const statement of program.body as unknown as Statement[]) {
    if (statement.type !== "ImportDeclaration" && statement.type !== "ExportNamedDeclaration" && statement.type !== "ExportAllDeclaration") continue;
    const source = statement.source;
    if (!source || typeof source.value !== "string") continue;
    const target = targetOf(source.value);
    if (!target) continue;
    const from = JSON.stringify(target.url);
    const imports = statement.type === "ImportDeclaration";
    // [imported, as] per named binding; namespaces need nothing of the file.
    const named = (statement.specifiers ?? []).flatMap((s): [string, string][] => {
      if (s.type === "ImportNamespaceSpecifier" || s.type === "ExportNamespaceSpecifier") return [];
      if (s.type === "ImportDefaultSpecifier") return [["default", nameOf(s.local!)]];
      return [[nameOf(imports ? s.imported! : s.local!), nameOf(imports ? s.local! : s.exported!)]];
    });
    const absent = target.exports ? named.filter(([name]) => !target.exports!.includes(name)) : [];
    const atRunTime = target.commonJs ? absent : [];
    for (const [name] of target.commonJs ? [] : absent) missing.push({ source: source.value, name, offset: statement.start });
    if (!atRunTime.length) {
      edits.push({ start: source.start, end: source.end, text: from });
      continue;
    }
    const kept = named.filter((pair) => !atRunTime.includes(pair)).map(([name, as]) => (name === as ? quoted(name) : `${quoted(name)} as ${as}`));
    const binding = `${COMMONJS_BINDING}${bindings++}`;
    const newlines = "\n".repeat(code.slice(statement.start, statement.end).split("\n").length - 1);
    let text: string;
    if (imports) {
      const namespace = statement.specifiers!.find((s) => s.type === "ImportNamespaceSpecifier");
      text = `import {default as ${binding}${kept.map((part) => `, ${part}`).join("")}} from ${from};${namespace ? ` import * as ${nameOf(namespace.local!)} from ${from};` : ""} const {${atRunTime.map(([name, as]) => (name === as ? name : `${quoted(name)}: ${as}`)).join(", ")}} = ${binding};`;
    } else {
      const locals = atRunTime.map(([name], index) => [name, `${binding}_${index}`] as const);
      text = `${kept.length ? `export {${kept.join(", ")}} from ${from}; ` : ""}import {default as ${binding}} from ${from}; const {${locals.map(([name, local]) => `${quoted(name)}: ${local}`).join(", ")}} = ${binding}; export {${locals.map(([, local], index) => `${local} as ${quoted(atRunTime[index]![1])}`).join(", ")}};`;
    }
    edits.push({ start: statement.start, end: statement.end, text: text + newlines });
  }
  let out = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return { code: out, missing };
}
