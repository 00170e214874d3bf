// Offsets ↔ positions in a text: the one place that knows where lines start. The parser finds each
// token's raw text in the .md with a cursor moving forward (marked reports no positions), analysis maps
// cell positions to the .md, and errors show excerpts; all of them ask a LineIndex, built once per text.
import type { SourcePosition } from "./types.ts";

/**
 * The source with line endings normalized to "\n" (marked does the same, and line/column stay equal)
 * and without a byte order mark, which editors on Windows write and which would hide the front matter.
 */
export function normalizeNewlines(source: string): string {
  return source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** A line break as editors write them: \n, \r\n, or a lone \r. */
const NEWLINE = /\r\n?|\n/g;

export class LineIndex {
  readonly text: string;
  private readonly starts: number[] = [0];

  constructor(text: string) {
    this.text = text;
    if (!text.includes("\r")) {
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
    } else for (const match of text.matchAll(NEWLINE)) this.starts.push(match.index + match[0].length);
  }

  /** How many lines the text has (a text ending in a newline has an empty last line). */
  get lineCount(): number {
    return this.starts.length;
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

  /** The text of a 1-based line, without its line break ("" past the end). */
  line(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return "";
    const end = this.starts[line];
    return this.text.slice(start, end === undefined ? undefined : end).replace(/\r?\n$|\r$/, "");
  }

  /** The 0-based offset of a 1-based line and column (clamped to the text). */
  offset(position: SourcePosition): number {
    const start = this.starts[Math.min(Math.max(position.line, 1), this.starts.length) - 1]!;
    return Math.min(start + Math.max(position.column - 1, 0), this.text.length);
  }
}

/** The first line of a token's raw text: inside lists and blockquotes only that much is verbatim. */
export function firstLine(raw: string): string {
  const newline = raw.indexOf("\n");
  return newline === -1 ? raw : raw.slice(0, newline);
}
