// The line table of an edited cell: how a position in the code that runs maps back to the code the
// reader typed. Three steps stand between them, none of which moves a line: types stripped in place
// (strip-types.ts: a TypeScript line loses its annotations), the loop guard's calls inserted
// (loop-guard.ts: a line gains text), and the record around the body (notebook/compile.ts: the cell's
// first line sits on the record's line `bodyLine`, at column 1; instantiate.ts takes that off). So the
// line is exact, and the column is undone step by step: the guard's inserts are known, and a stripped line is matched back to the line
// it came from character by character.
import { LineIndex } from "../notebook/locate.ts";
import type { SourcePosition } from "../notebook/types.ts";
import type { GuardInsert } from "./loop-guard.ts";

export interface EditLines {
  /** The code the reader typed. */
  readonly source: string;
  /** It as JavaScript: the same text for a js cell, types stripped (same lines) for a ts cell. */
  readonly js: string;
  /** What the loop guard inserted into `js`, in order of offset. */
  readonly inserts: readonly GuardInsert[];
}

/**
 * The 1-based line and column in the typed code of a 1-based line and column in the code that runs
 * (the guarded code: line 1 is the cell's first line); undefined past the cell's last line.
 */
export function typedPosition(table: EditLines, line: number, guardedColumn: number): SourcePosition | undefined {
  const js = new LineIndex(table.js);
  if (line < 1 || line > js.lineCount) return undefined;
  const lineStart = js.offset({ line, column: 1 });
  // The guarded line starts where the js line does, shifted by everything inserted before it.
  const before = insertedBefore(table.inserts, lineStart);
  const jsOffset = unguarded(table.inserts, lineStart + before + Math.max(guardedColumn, 1) - 1);
  const jsColumn = Math.min(jsOffset, lineStart + js.line(line).length) - lineStart + 1;
  const typed = new LineIndex(table.source).line(line);
  return { line, column: alignColumn(js.line(line), typed, jsColumn) };
}

/** How many characters the guard inserted before offset `at` of the unguarded code. */
function insertedBefore(inserts: readonly GuardInsert[], at: number): number {
  let length = 0;
  for (const insert of inserts) if (insert.at < at) length += insert.length;
  return length;
}

/** The offset in the unguarded code of an offset in the guarded code (inserted text maps to what follows it). */
function unguarded(inserts: readonly GuardInsert[], offset: number): number {
  let shift = 0;
  for (const insert of inserts) {
    const start = insert.at + shift;
    if (offset < start) break;
    if (offset < start + insert.length) return insert.at;
    shift += insert.length;
  }
  return offset - shift;
}

/**
 * The column in `typed` of a column in `stripped`, where `stripped` is `typed` with some text removed
 * (type annotations, `as` casts): each character of `stripped` is matched to the next equal character
 * of `typed`. Identical lines map to themselves.
 */
export function alignColumn(stripped: string, typed: string, column: number): number {
  if (stripped === typed) return column;
  let at = 0;
  for (let i = 0; i < column - 1 && i < stripped.length; i++) {
    const found = typed.indexOf(stripped[i]!, at);
    if (found < 0) return column;
    at = found + 1;
  }
  // The character at the column itself: the next equal one in the typed line.
  const own = stripped[column - 1];
  const found = own === undefined ? -1 : typed.indexOf(own, at);
  return (found < 0 ? at : found) + 1;
}
