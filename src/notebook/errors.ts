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

/**
 * Lines `line - before … line + after` of `text`, numbered, with a caret under `column` on `line`.
 *   12 | const x = ;
 *      |           ^
 */
export function excerptAt(text: string, position: SourcePosition, before = 1, after = 1): string {
  const lines = text.split(/\r\n?|\n/);
  const first = Math.max(1, position.line - before);
  const last = Math.min(lines.length, position.line + after);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    out.push(`${String(n).padStart(width)} | ${lines[n - 1] ?? ""}`);
    if (n === position.line) out.push(`${" ".repeat(width)} | ${" ".repeat(Math.max(0, position.column - 1))}^`);
  }
  return out.join("\n");
}
