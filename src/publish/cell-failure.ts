// A cell's failure at build time as its author should read it: located at the line that threw (or at the
// first use of a name that is not defined), with a hint that says what to do.
import { CellLocator } from "../notebook/cell-position.ts";
import { BUILTINS } from "../notebook/analyze.ts";
import { locatedError, type LocatedError } from "../notebook/errors.ts";
import { LineIndex, normalizeNewlines } from "../notebook/locate.ts";
import { type Diagnostic, diagnostic } from "../notebook/messages.ts";
import type { AnalyzedCell, SourcePosition } from "../notebook/types.ts";
import type { Compiled } from "./compile-for-site.ts";
import type { Thrown } from "./thrown.ts";
import { nearestName } from "../text/similar.ts";
import { missingPropertyParams, type MissingProperty } from "./missing-property.ts";
import { browserApiBehind } from "./browser-api.ts";
import { locateFrame, type ModuleSources } from "./module-frames.ts";

/**
 * `missing`, when the cell threw a TypeError: the property read that made a value undefined (see
 * missing-property.ts), named in the hint. `modules`: the notebook's local modules, so that what one of
 * them threw is located at its own file and line, saying which cell called it.
 */
export function explainFailure(compiled: Compiled, cellId: string, message: string, thrown: Thrown | undefined, missing?: MissingProperty, modules?: ModuleSources): LocatedError {
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
  const inModule = thrown?.module && modules ? locateFrame(modules, thrown.module.url, thrown.module.line, thrown.module.column) : undefined;
  if (inModule) {
    const caller = origin && thrown?.at ? position : cell?.position;
    const called = caller ? ` (called by the cell at ${compiled.displayPath}:${caller.line}:${caller.column})` : "";
    // A name a module lacks is the module's to define, not a cell's: only Node's globals get their hint.
    const found = explain(`${message}${called}`, message, thrown?.name, undefinedName && NODE_GLOBALS.has(undefinedName) ? undefinedName : undefined, compiled);
    return locatedError(found, { file: inModule.file, ...(inModule.text === undefined ? {} : { lines: inModule.text }), position: { line: inModule.line, column: inModule.column }, cellId }, { before: 1, after: 1 });
  }
  // A browser API the build cannot give (localStorage, a query of the page's elements) explains the
  // failure better than anything else: the cell may be right, and belongs to the browser.
  const threwIn = origin ?? cell;
  const threwLine = origin && thrown?.at ? origin.sourceText.split("\n")[thrown.at.line - 1] : undefined;
  const browserApi = threwIn ? browserApiBehind({ message, ...(thrown?.name ? { errorName: thrown.name } : {}), source: threwIn.sourceText, ...(threwLine === undefined ? {} : { line: threwLine }) }) : undefined;
  const found = browserApi
    ? diagnostic("cell-browser-api", { thrown: reason, api: browserApi.api, atBuild: browserApi.atBuild, fence: `\`\`\`${threwIn!.lang} browser` })
    : missing && thrown?.name === "TypeError"
      ? diagnostic("cell-missing-property", { thrown: reason, ...missingPropertyParams(missing) })
      : explain(reason, message, thrown?.name, undefinedName, compiled);
  return locatedError(found, { file: compiled.displayPath, lines, position, cellId }, { before: 0, after: 2 });
}

/** Node's globals, which a cell does not have: it runs in the browser too. */
const NODE_GLOBALS = new Set(["process", "require", "module", "exports", "Buffer", "global", "__dirname", "__filename", "setImmediate", "clearImmediate"]);

/**
 * The error the cell threw, `message` (shown as `thrown`: the message with where it was called from), under
 * the catalog code whose hint fits it; `errorName` is the thrown error's constructor name.
 */
function explain(thrown: string, message: string, errorName: string | undefined, undefinedName: string | undefined, compiled: Compiled): Diagnostic {
  if (undefinedName && NODE_GLOBALS.has(undefinedName)) return diagnostic("cell-node-global", { thrown, name: undefinedName });
  if (/^Code generation from strings disallowed/.test(message)) return diagnostic("cell-eval-refused", { thrown });
  if (/^fetch\(.*\) cannot run while the site is built/.test(message)) return diagnostic("cell-fetch-at-build", { thrown });
  if (/^Cannot (assign to read only property|add property|delete property|define property)|object is not extensible|^Cannot set property \S+ of .* which has only a getter/.test(message)) return diagnostic("cell-frozen-kernel", { thrown });
  if (undefinedName) {
    const known = [...BUILTINS, ...compiled.notebook.cells.flatMap((cell) => [...cell.declarations, ...cell.imports.flatMap((i) => i.specifiers.map((s) => s.local))])];
    const near = nearestName(undefinedName, known);
    return near ? diagnostic("cell-not-defined-near", { thrown, name: undefinedName, near }) : diagnostic("cell-not-defined", { thrown, name: undefinedName });
  }
  if (/maximum call stack size exceeded/i.test(message)) return diagnostic("cell-stack-overflow", { thrown });
  const early = /^Cannot access '([^']+)' before initialization/.exec(message)?.[1];
  if (early) return diagnostic("cell-read-before-defined", { thrown, name: early });
  if (/^output is .* over the limit/.test(message)) return diagnostic("cell-output-too-large", { thrown });
  if (errorName === "KernelInputError") return diagnostic("cell-kernel-input", { thrown });
  if (errorName === "InputDefaultError") return diagnostic("cell-input-default", { thrown });
  if (errorName === "TypeError") return diagnostic("cell-type-error", { thrown });
  if (errorName === "ParseError" && message.startsWith("KaTeX parse error")) return diagnostic("cell-tex", { thrown });
  return diagnostic("cell-threw", { thrown });
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

