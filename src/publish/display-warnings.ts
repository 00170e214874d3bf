// Warnings from a notebook's evaluation: what built but shows the reader nothing, located at the read
// that went wrong. A notebook from the build cache replays the same warnings (they are cached with it).
import { CellLocator } from "../notebook/cell-position.ts";
import { locatedError, type LocatedError } from "../notebook/errors.ts";
import { LineIndex, normalizeNewlines } from "../notebook/locate.ts";
import { diagnostic } from "../notebook/messages.ts";
import type { Compiled } from "./compile-for-site.ts";
import { missingPropertyParams, type MissingProperty } from "./missing-property.ts";

/**
 * A warning for each displayed value that is undefined or NaN because it reads a property its object does
 * not have (see missing-property.ts); cells that failed have the same finding in their error's hint.
 */
export function displayWarnings(compiled: Compiled, missing: Readonly<Record<string, MissingProperty>> | undefined): LocatedError[] {
  if (!missing) return [];
  const lines = new LineIndex(normalizeNewlines(compiled.sourceText));
  const warnings: LocatedError[] = [];
  for (const cell of compiled.notebook.cells) {
    const found = missing[cell.id];
    if (!found?.shows) continue;
    const params = missingPropertyParams(found);
    const at = readOf(cell.sourceText, found.property);
    const position = at ? new CellLocator(cell, lines).relative(at.line, at.column) : cell.position;
    const warning = diagnostic("display-missing-property", { ...params, shown: found.shows });
    warnings.push(locatedError(warning, { file: compiled.displayPath, lines, position, cellId: cell.id }, { before: 0, after: 0 }));
  }
  return warnings;
}

/** 1-based line and 0-based column of the first `.property` read in a cell's text (at the property's name). */
function readOf(sourceText: string, property: string): { line: number; column: number } | undefined {
  const match = new RegExp(`\\??\\.\\s*(${property.replace(/\$/g, "\\$")})(?![\\w$])`).exec(sourceText);
  if (!match) return undefined;
  const offset = match.index + match[0].length - property.length;
  const before = sourceText.slice(0, offset).split("\n");
  return { line: before.length, column: before.at(-1)!.length };
}
