// The one error type the notebook pipeline lets escape: it names the .md file, the line and column, the
// cell when there is one, and says what to do. Anything else escaping parse/analyze/compile is a bug.
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
}

export class LocatedError extends Error {
  override name = "LocatedError";
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly cellId: string | undefined;
  readonly excerpt: string | undefined;
  readonly hint: string | undefined;
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
  }

  /** The full report: location and reason, the excerpt with a caret, and the hint. */
  format(): string {
    const parts = [this.message];
    if (this.excerpt) parts.push(this.excerpt);
    if (this.hint) parts.push(`hint: ${this.hint}`);
    return parts.join("\n");
  }
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

/** Where each line starts, for the last text asked about: one notebook's errors share one scan. */
let lastText: { text: string; starts: number[] } | undefined;

function lineStarts(text: string): number[] {
  if (lastText?.text === text) return lastText.starts;
  const starts = [0];
  const newline = /\r\n?|\n/g;
  while (newline.exec(text)) starts.push(newline.lastIndex);
  lastText = { text, starts };
  return starts;
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
 * Long lines are cut to a window around the column; tabs stay tabs so that the caret lines up.
 */
export function excerptAt(text: string, position: SourcePosition, before = 1, after = 1): string {
  const starts = lineStarts(text);
  const lineOf = (n: number) => text.slice(starts[n - 1], n < starts.length ? starts[n]! : text.length).replace(/\r?\n$|\r$/, "");
  const first = Math.max(1, position.line - before);
  const last = Math.min(starts.length, position.line + after);
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
