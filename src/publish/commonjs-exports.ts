// The names a CommonJS module exports, read from its source without running it, so that a cell may
// write `import {chunk} from "some-cjs-package"`. The patterns are those Node's cjs-module-lexer knows
// (and esbuild's, TypeScript's and Babel's CommonJS output): `exports.name =`, `module.exports.name =`,
// `Object.defineProperty(exports, "name", …)`, `module.exports = {a, b: …}`, and re-exports
// (`module.exports = require("./x")`, `__exportStar(require("./x"), exports)`, Babel's
// `Object.keys(_x).forEach(…)`), followed into the required file. A module that builds its exports at
// run time (lodash: `module.exports = _` with `_.chunk = …`) has none found here; a cell's named
// import from it is read from its default export instead (see import-bindings.ts).
import { parse, type Node } from "acorn";
import { simple } from "acorn-walk";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const IDENTIFIER_NAME = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

/** The named exports of the CommonJS module in `file` (not "default"), sorted; empty when none can be read. */
export function commonJsExports(file: string, read: (file: string) => string = (at) => readFileSync(at, "utf8")): string[] {
  const names = new Set<string>();
  collect(file, read, names, new Set());
  names.delete("default");
  names.delete("__esModule");
  return [...names].filter((name) => IDENTIFIER_NAME.test(name)).sort();
}

type AnyNode = Node & Record<string, any>;

function collect(file: string, read: (file: string) => string, names: Set<string>, seen: Set<string>): void {
  if (seen.has(file) || seen.size > 50) return;
  seen.add(file);
  let program: Node;
  try {
    program = parse(read(file), { ecmaVersion: "latest", sourceType: "script", allowReturnOutsideFunction: true, allowHashBang: true, allowReserved: true });
  } catch {
    return;
  }
  const reexports: string[] = [];
  /** Identifiers bound to `require("…")`, for Babel's re-export loop. */
  const required = new Map<string, string>();
  /** esbuild's `__export(target, {a: () => a})`: the names per target. */
  const exportedTo = new Map<string, string[]>();
  let commonJsOf: string | undefined;
  const onExports = (node: AnyNode) => isExports(node);
  simple(program, {
    VariableDeclarator(node: AnyNode) {
      const source = requiredSource(node.init);
      if (node.id?.type === "Identifier" && source !== undefined) required.set(node.id.name, source);
    },
    AssignmentExpression(node: AnyNode) {
      const left = node.left;
      if (left.type !== "MemberExpression") return;
      if (onExports(left.object)) {
        const name = propertyName(left);
        if (name !== undefined) names.add(name);
      } else if (isModuleExports(left)) {
        const right = node.right;
        if (right.type === "ObjectExpression") {
          for (const property of right.properties) {
            if (property.type === "SpreadElement") {
              const source = requiredSource(property.argument);
              if (source !== undefined) reexports.push(source);
            } else if (!property.computed) {
              const key = property.key.type === "Identifier" ? property.key.name : typeof property.key.value === "string" ? property.key.value : undefined;
              if (key !== undefined) names.add(key);
            }
          }
        }
        const source = requiredSource(right);
        if (source !== undefined) reexports.push(source);
        if (right.type === "CallExpression" && calleeName(right.callee) === "__toCommonJS" && right.arguments[0]?.type === "Identifier") commonJsOf = right.arguments[0].name;
      }
    },
    CallExpression(node: AnyNode) {
      const callee = calleeName(node.callee);
      const [first, second, third] = node.arguments as AnyNode[];
      if (callee === "defineProperty" && first && onExports(first) && second?.type === "Literal" && typeof second.value === "string") names.add(second.value);
      else if ((callee === "__exportStar" || callee === "__export") && first) {
        const source = requiredSource(first);
        if (source !== undefined) reexports.push(source);
        else if (callee === "__export" && first.type === "Identifier" && second?.type === "ObjectExpression") {
          exportedTo.set(first.name, second.properties.flatMap((p: AnyNode) => (p.type === "Property" && !p.computed ? [p.key.type === "Identifier" ? p.key.name : String(p.key.value)] : [])));
        }
      } else if (callee === "__reExport" && second) {
        const source = requiredSource(second);
        if (source !== undefined && third && (isModuleExports(third) || isExports(third))) reexports.push(source);
      } else if (callee === "forEach" && node.callee.type === "MemberExpression") {
        // Babel: Object.keys(_x).forEach(function (key) { … exports[key] = _x[key] … })
        const keys = node.callee.object;
        if (keys?.type === "CallExpression" && calleeName(keys.callee) === "keys" && keys.arguments[0]?.type === "Identifier") {
          const source = required.get(keys.arguments[0].name);
          if (source !== undefined) reexports.push(source);
        }
      }
    },
  });
  if (commonJsOf !== undefined) for (const name of exportedTo.get(commonJsOf) ?? []) names.add(name);
  const requireHere = createRequire(file);
  for (const source of reexports) {
    let target: string;
    try {
      target = requireHere.resolve(source);
    } catch {
      continue;
    }
    if (/\.(c?js)$/.test(target)) collect(target, read, names, seen);
  }
}

function isExports(node: AnyNode | undefined): boolean {
  return (node?.type === "Identifier" && node.name === "exports") || isModuleExports(node);
}

function isModuleExports(node: AnyNode | undefined): boolean {
  return node?.type === "MemberExpression" && node.object.type === "Identifier" && node.object.name === "module" && propertyName(node) === "exports";
}

function propertyName(member: AnyNode): string | undefined {
  if (!member.computed && member.property.type === "Identifier") return member.property.name;
  if (member.computed && member.property.type === "Literal" && typeof member.property.value === "string") return member.property.value;
  return undefined;
}

/** `require("x")` (or `__toESM(require("x"))`, `_interopRequireWildcard(require("x"))`): "x". */
function requiredSource(node: AnyNode | undefined | null): string | undefined {
  if (!node || node.type !== "CallExpression") return undefined;
  const [argument] = node.arguments as AnyNode[];
  if (node.callee.type === "Identifier" && node.callee.name === "require") return argument?.type === "Literal" && typeof argument.value === "string" ? argument.value : undefined;
  return argument && node.arguments.length <= 2 ? requiredSource(argument) : undefined;
}

/** `f(…)`, `a.f(…)`, `(0, a.f)(…)`: "f". */
function calleeName(callee: AnyNode): string | undefined {
  if (callee.type === "Identifier") return callee.name;
  if (callee.type === "MemberExpression") return propertyName(callee);
  if (callee.type === "SequenceExpression") return calleeName(callee.expressions.at(-1));
  return undefined;
}
