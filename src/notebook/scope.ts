// Which names a cell defines, reads and assigns. Two walks over the AST: the first records every binding
// in the scope that owns it (so hoisting works), the second checks each identifier against the scopes
// enclosing it. What is bound nowhere in the cell is free: another cell's value, a builtin or a global.
import type { AnyNode, CallExpression, Expression, Identifier, Node, Pattern, Program } from "acorn";
import { fullAncestor } from "acorn-walk";

export interface Binding {
  readonly name: string;
  readonly node: Node;
}

export interface Scope {
  /** Top-level declarations, in order (only a program has them). */
  readonly declarations: readonly Binding[];
  /** Free names read, first use first, one node per name (its first use). */
  readonly references: readonly Binding[];
  /** Assignments to names bound nowhere in the cell, or to imports. */
  readonly foreignAssignments: readonly (Binding & { readonly imported: boolean })[];
  /** `await` or `for await` outside any function. */
  readonly topLevelAwait: boolean;
  /** `import(…)` expressions and `import.meta`: module features a cell does not have. */
  readonly moduleFeatures: readonly Node[];
  /** Calls of the free name `FileAttachment` (the builtin, not a local function of that name). */
  readonly fileAttachmentCalls: readonly CallExpression[];
}

const FUNCTION = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);
/** Nodes whose let, const, class and function declarations stay inside them. */
const BLOCK = new Set(["Program", "BlockStatement", "StaticBlock", "SwitchStatement", "ForStatement", "ForInStatement", "ForOfStatement", ...FUNCTION]);
/** Nodes whose var declarations stay inside them. */
const VAR_SCOPE = new Set(["Program", "StaticBlock", ...FUNCTION]);

export function analyzeScope(root: Program | Expression): Scope {
  const bindings = collectBindings(root);
  const imported = new Set<string>();
  if (root.type === "Program") {
    for (const statement of root.body) if (statement.type === "ImportDeclaration") for (const s of statement.specifiers) imported.add(s.local.name);
  }
  const isBound = (name: string, ancestors: readonly Node[]) => {
    for (let i = ancestors.length - 1; i >= 0; i--) if (bindings.get(ancestors[i]!)?.has(name)) return true;
    return false;
  };

  const references = new Map<string, Node>();
  const foreignAssignments: (Binding & { imported: boolean })[] = [];
  let topLevelAwait = false;
  const moduleFeatures: Node[] = [];
  const fileAttachmentCalls: CallExpression[] = [];
  const assign = (target: Pattern | Node, ancestors: readonly Node[]) => {
    for (const id of patternIdentifiers(target as Pattern)) {
      if (imported.has(id.name) && !isShadowed(id.name, ancestors, bindings, root)) foreignAssignments.push({ name: id.name, node: id, imported: true });
      else if (!isBound(id.name, ancestors)) foreignAssignments.push({ name: id.name, node: id, imported: false });
    }
  };

  fullAncestor(root as AnyNode, (node, _state, ancestors) => {
    const enclosing = ancestors.slice(0, -1) as Node[];
    switch (node.type) {
      case "Identifier":
        // Only identifiers read as values get here: patterns, keys, member names and labels do not.
        if (!isBound(node.name, enclosing) && !references.has(node.name)) references.set(node.name, node);
        break;
      case "AssignmentExpression":
        assign(node.left, enclosing);
        break;
      case "UpdateExpression":
        assign(node.argument, enclosing);
        break;
      case "ForInStatement":
      case "ForOfStatement":
        if (node.left.type !== "VariableDeclaration") assign(node.left, enclosing);
        if (node.type === "ForOfStatement" && node.await && !enclosing.some((n) => FUNCTION.has(n.type))) topLevelAwait = true;
        break;
      case "AwaitExpression":
        if (!enclosing.some((n) => FUNCTION.has(n.type))) topLevelAwait = true;
        break;
      case "ImportExpression":
        moduleFeatures.push(node);
        break;
      case "MetaProperty":
        if (node.meta.name === "import") moduleFeatures.push(node);
        break;
      case "CallExpression":
        if (node.callee.type === "Identifier" && node.callee.name === "FileAttachment" && !isBound("FileAttachment", enclosing)) fileAttachmentCalls.push(node);
        break;
    }
  });

  return {
    declarations: root.type === "Program" ? topLevelDeclarations(root) : [],
    references: [...references].map(([name, node]) => ({ name, node })),
    foreignAssignments,
    topLevelAwait,
    moduleFeatures,
    fileAttachmentCalls,
  };
}

/** True when a nested scope (not the root) binds the name, hiding the import of the same name. */
function isShadowed(name: string, ancestors: readonly Node[], bindings: ReadonlyMap<Node, ReadonlySet<string>>, root: Node): boolean {
  return ancestors.some((node) => node !== root && bindings.get(node)?.has(name));
}

/** Every binding in the cell, keyed by the node whose scope owns it. */
function collectBindings(root: Program | Expression): Map<Node, Set<string>> {
  const scopes = new Map<Node, Set<string>>();
  const bind = (scope: Node, names: Iterable<string>) => {
    let set = scopes.get(scope);
    if (!set) scopes.set(scope, (set = new Set()));
    for (const name of names) set.add(name);
  };
  /** The nearest enclosing node (ancestors exclude the declaring node itself) in `kinds`, else the root. */
  const nearest = (ancestors: readonly Node[], kinds: ReadonlySet<string>) => {
    for (let i = ancestors.length - 1; i >= 0; i--) if (kinds.has(ancestors[i]!.type)) return ancestors[i]!;
    return root;
  };
  bind(root, []);

  fullAncestor(root as AnyNode, (node, _state, ancestors) => {
    const enclosing = ancestors.slice(0, -1) as Node[];
    switch (node.type) {
      case "VariableDeclaration": {
        const scope = nearest(enclosing, node.kind === "var" ? VAR_SCOPE : BLOCK);
        for (const declarator of node.declarations) bind(scope, names(declarator.id));
        break;
      }
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        // A declaration's name belongs to the enclosing block; an expression's name only to itself.
        if (node.type === "FunctionDeclaration" && node.id) bind(nearest(enclosing, BLOCK), [node.id.name]);
        if (node.type === "FunctionExpression" && node.id) bind(node, [node.id.name]);
        bind(node, node.params.flatMap(names));
        if (node.type !== "ArrowFunctionExpression") bind(node, ["arguments"]);
        break;
      case "ClassDeclaration":
        if (node.id) bind(nearest(enclosing, BLOCK), [node.id.name]);
        break;
      case "ClassExpression":
        if (node.id) bind(node, [node.id.name]);
        break;
      case "CatchClause":
        if (node.param) bind(node, names(node.param));
        break;
      case "ImportDeclaration":
        bind(root, node.specifiers.map((s) => s.local.name));
        break;
    }
  });
  return scopes;
}

function topLevelDeclarations(program: Program): Binding[] {
  const out: Binding[] = [];
  const push = (binding: Binding) => out.some((b) => b.name === binding.name) || out.push(binding); // var x; var x;
  for (const statement of program.body) {
    if (statement.type === "VariableDeclaration") {
      for (const declarator of statement.declarations) for (const id of patternIdentifiers(declarator.id)) push({ name: id.name, node: id });
    } else if ((statement.type === "FunctionDeclaration" || statement.type === "ClassDeclaration") && statement.id) {
      push({ name: statement.id.name, node: statement.id });
    }
  }
  return out;
}

function names(pattern: Pattern): string[] {
  return patternIdentifiers(pattern).map((id) => id.name);
}

/** The identifiers a pattern binds or assigns: `{a, b: [c = 1, ...d]}` → a, c, d. Member targets bind nothing. */
export function patternIdentifiers(pattern: Pattern): Identifier[] {
  switch (pattern.type) {
    case "Identifier":
      return [pattern];
    case "ObjectPattern":
      return pattern.properties.flatMap((p) => patternIdentifiers(p.type === "RestElement" ? p.argument : p.value));
    case "ArrayPattern":
      return pattern.elements.flatMap((e) => (e ? patternIdentifiers(e) : []));
    case "RestElement":
      return patternIdentifiers(pattern.argument);
    case "AssignmentPattern":
      return patternIdentifiers(pattern.left);
    default:
      return [];
  }
}
