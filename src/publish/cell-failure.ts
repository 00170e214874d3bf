// A cell's failure at build time as its author should read it: located at the line that threw (or at the
// first use of a name that is not defined), with a hint that says what to do.
import { CellLocator } from "../notebook/cell-position.ts";
import { BUILTINS } from "../notebook/analyze.ts";
import { excerptAt, LocatedError } from "../notebook/errors.ts";
import { LineIndex, normalizeNewlines } from "../notebook/locate.ts";
import type { AnalyzedCell, SourcePosition } from "../notebook/types.ts";
import type { Compiled } from "./compile-for-site.ts";
import type { Thrown } from "./thrown.ts";
import { nearestName } from "../text/similar.ts";

export function explainFailure(compiled: Compiled, cellId: string, message: string, thrown: Thrown | undefined): LocatedError {
  const cells = new Map(compiled.notebook.cells.map((cell) => [cell.id, cell]));
  const cell = cells.get(cellId);
  const lines = new LineIndex(normalizeNewlines(compiled.sourceText));
  const locate = (target: AnalyzedCell, line: number, column: number) => new CellLocator(target, lines).js(line, column);
  let position: SourcePosition = cell?.position ?? { line: 1, column: 1 };
  let reason = message;
  const undefinedName = /^(\S+) is not defined$/.exec(message)?.[1];
  const origin = thrown?.at && cells.get(thrown.at.cellId);
  if (origin && thrown?.at && thrown.at.line <= origin.sourceText.split("\n").length) {
    position = locate(origin, thrown.at.line, thrown.at.column);
    if (origin !== cell && cell) reason += ` (in a function called by the cell at ${compiled.displayPath}:${cell.position.line}:${cell.position.column})`;
  } else if (cell && undefinedName) {
    const use = firstUse(cell.sourceText, undefinedName);
    if (use) position = new CellLocator(cell, lines).relative(use.line, use.column);
  }
  const hint = hintFor(message, thrown?.name, undefinedName, compiled);
  return new LocatedError(reason, { file: compiled.displayPath, position, cellId, excerpt: excerptAt(lines, position, 0, 2), hint });
}

/** Node's globals, which a cell does not have: it runs in the browser too. */
const NODE_GLOBALS = new Set(["process", "require", "module", "exports", "Buffer", "global", "__dirname", "__filename", "setImmediate", "clearImmediate"]);

function hintFor(message: string, name: string | undefined, undefinedName: string | undefined, compiled: Compiled): string {
  if (undefinedName && NODE_GLOBALS.has(undefinedName)) {
    return `${undefinedName} is Node's, not the browser's: cells run in the reader's browser too, and at build they see only what a page has (no files, no network, no environment)`;
  }
  if (/^Code generation from strings disallowed/.test(message)) {
    return "eval, new Function and string timers are not allowed: the page's Content-Security-Policy forbids them, so the build does too; write the code in the cell itself";
  }
  if (/^fetch\(.*\) cannot run while the site is built/.test(message)) {
    return "the build has no network: compute the data in a cell or import it from an installed package; a live page may still fetch if the cell catches this failure and shows something meanwhile";
  }
  if (/^Cannot (assign to read only property|add property|delete property|define property)|object is not extensible/.test(message)) {
    return "the kernel's catalogs and constants are frozen, so that no notebook can change another's numbers; copy what you change: const h100 = {...accelerators.h100, watts: {...accelerators.h100.watts, value: 100}}";
  }
  if (undefinedName) {
    const known = [...BUILTINS, ...compiled.notebook.cells.flatMap((cell) => [...cell.declarations, ...cell.imports.flatMap((i) => i.specifiers.map((s) => s.local))])];
    const near = nearestName(undefinedName, known);
    return `${near ? `did you mean ${near}? Otherwise ` : ""}define ${undefinedName} in a cell (const ${undefinedName} = …), or import it`;
  }
  if (/maximum call stack size exceeded/i.test(message)) return "a function calls itself without end; give the recursion a case that stops it";
  const early = /^Cannot access '([^']+)' before initialization/.exec(message)?.[1];
  if (early) return `${early} is read while it is still being defined; a cell cannot read its own value, so compute ${early} from other names`;
  if (/^output is .* over the limit/.test(message)) return "display a summary instead (slice long arrays; a table shows 200 rows), or raise --max-output-mb";
  if (name === "KernelInputError") return "the kernel rejected an input: pass a value that meets the rule (an input's min and max can keep readers inside it)";
  if (name === "TypeError") return "a value is not what the code expects here, often undefined or null; check where it comes from";
  return "the cell threw this at build time; fix the cause, or catch the error and display a message instead";
}

/** 1-based line and 0-based column of the first use of `name` as a name (not a property) in `sourceText`. */
function firstUse(sourceText: string, name: string): { line: number; column: number } | undefined {
  const pattern = new RegExp(`(?<![\\w$.\\p{ID_Continue}])${name.replace(/[$]/g, "\\$")}(?![\\w$\\p{ID_Continue}])`, "u");
  const lines = sourceText.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const match = pattern.exec(lines[i]!);
    if (match) return { line: i + 1, column: match.index };
  }
  return undefined;
}

