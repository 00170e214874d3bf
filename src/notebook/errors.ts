// The one error type the notebook pipeline lets escape: it names the .md file, the line and column, the
// cell when there is one, and says what to do. Anything else escaping parse/analyze/compile is a bug.
import { LineIndex } from "./locate.ts";
import type { Diagnostic, MessageCode } from "./messages.ts";
import type { SourcePosition } from "./types.ts";

export interface LocatedErrorOptions {
  /** Notebook path as shown to the author (relative to the project root or the notebooks root). */
  readonly file: string;
  readonly position: SourcePosition;
  /** The id of the cell the error is in, when there is one. */
  readonly cellId?: string;
  /** A few lines of the .md around the position, for the message. */
  readonly excerpt?: string;
  /** What the author can do about it, in one sentence. */
  readonly hint?: string;
  /** The error's code in the catalog (messages.ts), when it has one. */
  readonly code?: MessageCode;
}

export class LocatedError extends Error {
  override name = "LocatedError";
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly cellId: string | undefined;
  readonly excerpt: string | undefined;
  readonly hint: string | undefined;
  readonly code: MessageCode | undefined;
  /** The message without the location prefix. */
  readonly reason: string;

  constructor(reason: string, options: LocatedErrorOptions) {
    reason = visible(clip(reason, MAX_REASON_LENGTH));
    super(`${options.file}:${options.position.line}:${options.position.column}: ${reason}`);
    this.reason = reason;
    this.file = options.file;
    this.line = options.position.line;
    this.column = options.position.column;
    this.cellId = options.cellId;
    this.excerpt = options.excerpt;
    this.hint = options.hint;
    this.code = options.code;
  }

  /** The full report: location and reason (with the code, to look up in docs/errors.md), the excerpt with a caret, and the hint. */
  format(): string {
    const parts = [this.code ? `${this.message} [${this.code}]` : this.message];
    if (this.excerpt) parts.push(this.excerpt);
    if (this.hint) parts.push(`hint: ${this.hint}`);
    return parts.join("\n");
  }
}

/** Where a diagnostic is: the notebook file as shown, its text (indexed, or not), the position and the cell. */
export interface Located {
  readonly file: string;
  /** The notebook's text, for the excerpt; absent when there is none to show (a file that could not be read). */
  readonly lines?: LineIndex | string;
  readonly position: SourcePosition;
  readonly cellId?: string;
}

/** A catalog diagnostic located in a notebook, with an excerpt of the lines around it. */
export function locatedError(found: Diagnostic, at: Located, excerptLines: { before?: number; after?: number } = {}): LocatedError {
  return new LocatedError(found.reason, {
    file: at.file,
    position: at.position,
    ...(at.lines === undefined ? {} : { excerpt: excerptAt(at.lines, at.position, excerptLines.before, excerptLines.after) }),
    code: found.code,
    ...(at.cellId === undefined ? {} : { cellId: at.cellId }),
    ...(found.hint === undefined ? {} : { hint: found.hint }),
  });
}

/** Several located errors from one notebook (or one build), reported together. */
export class LocatedErrors extends Error {
  override name = "LocatedErrors";
  constructor(readonly errors: readonly LocatedError[]) {
    super(errors.map((e) => e.message).join("\n"));
  }
}

/** A reason longer than this (a cell can throw a megabyte of text) is cut, saying how much was left out. */
const MAX_REASON_LENGTH = 1_000;
/** Excerpt lines are cut to about this many characters around the column. */
const EXCERPT_WIDTH = 120;

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}… (${(text.length - length).toLocaleString("en-US")} more characters)` : text;
}

/** Control characters (a NUL, an escape sequence) shown as visible symbols, never sent to a terminal. */
function visible(text: string): string {
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? "\u2421" : "\ufffd";
  });
}

/**
 * Lines `line - before … line + after` of `text`, numbered, with a caret under `column` on `line`.
 *   12 | const x = ;
 *      |           ^
 * Long lines are cut to a window around the column; tabs stay tabs so that the caret lines up. Pass
 * the notebook's LineIndex when reporting several errors in one text: a string is indexed anew.
 */
export function excerptAt(text: string | LineIndex, position: SourcePosition, before = 1, after = 1): string {
  const lines = typeof text === "string" ? new LineIndex(text) : text;
  const lineOf = (n: number) => lines.line(n);
  const first = Math.max(1, position.line - before);
  const last = Math.min(lines.lineCount, position.line + after);
  const width = String(last).length;
  // One window for every line, so that the lines stay aligned with each other.
  const column = Math.max(0, position.column - 1);
  const from = column < EXCERPT_WIDTH - 20 ? 0 : column - Math.floor(EXCERPT_WIDTH / 2);
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const line = lineOf(n);
    const shown = line.slice(from, from + EXCERPT_WIDTH);
    const cut = from > 0 && line.length > 0 ? `…${visible(shown)}${line.length > from + EXCERPT_WIDTH ? "…" : ""}` : `${visible(shown)}${line.length > from + EXCERPT_WIDTH ? "…" : ""}`;
    out.push(`${String(n).padStart(width)} | ${cut}`);
    if (n === position.line) {
      const lead = from > 0 && line.length > 0 ? " " : "";
      const pad = line.slice(from, column).replace(/[^\t]/g, " ");
      out.push(`${" ".repeat(width)} | ${lead}${pad}${" ".repeat(Math.max(0, column - from - pad.length))}^`);
    }
  }
  return out.join("\n");
}

/** Errors in reading order: by file, then line, then column. */
export function sortLocatedErrors(errors: readonly LocatedError[]): LocatedError[] {
  return [...errors].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column);
}
