// Offsets ↔ positions in the .md file. marked reports no positions, so the parser finds each token's raw
// text in the source, moving a cursor forward in document order; this module does the arithmetic.
import type { SourcePosition } from "./types.ts";

/**
 * The source with line endings normalized to "\n" (marked does the same, and line/column stay equal)
 * and without a byte order mark, which editors on Windows write and which would hide the front matter.
 */
export function normalizeNewlines(source: string): string {
  return source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

export class LineIndex {
  readonly text: string;
  private readonly starts: number[] = [0];

  constructor(text: string) {
    this.text = text;
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  /** 1-based line and column of a 0-based offset. */
  position(offset: number): SourcePosition {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }

  /** The text of a 1-based line, without its newline ("" past the end). */
  line(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return "";
    const end = this.starts[line];
    return this.text.slice(start, end === undefined ? undefined : end - 1);
  }
}

/** The first line of a token's raw text: inside lists and blockquotes only that much is verbatim. */
export function firstLine(raw: string): string {
  const newline = raw.indexOf("\n");
  return newline === -1 ? raw : raw.slice(0, newline);
}
