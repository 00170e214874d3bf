// Positions inside a cell → positions in the .md. A cell's first line starts at the cell's position; later
// lines of a block cell in a list or blockquote carry the container's prefix, which the .md line shows.
import type { Node, SourceLocation } from "acorn";
import type { LineIndex } from "./locate.ts";
import type { ParsedCell, SourcePosition } from "./types.ts";

export class CellLocator {
  private readonly cellLines: string[];

  constructor(
    private readonly cell: Pick<ParsedCell, "sourceText" | "position" | "kind" | "lang">,
    /** The notebook's .md, indexed once for all its cells. */
    private readonly mdLines: LineIndex,
  ) {
    this.cellLines = cell.sourceText.split("\n");
  }

  /** A 1-based line and 0-based column of the cell's source. */
  relative(line: number, column: number): SourcePosition {
    const { position, kind } = this.cell;
    const mdLine = position.line + line - 1;
    if (line === 1) return { line: mdLine, column: position.column + column };
    // Later lines of a block cell in a list or quote carry the container's prefix; an inline cell's
    // later lines start wherever the paragraph's do.
    const text = this.mdLines.line(mdLine);
    const own = this.cellLines[line - 1] ?? "";
    if (kind === "block" && text.endsWith(own)) return { line: mdLine, column: text.length - own.length + column + 1 };
    if (kind === "block") return { line: mdLine, column: position.column + column };
    const index = own ? text.indexOf(own) : -1;
    return { line: mdLine, column: (index === -1 ? 0 : index) + column + 1 };
  }

  /** A position in the JavaScript: the source itself for js cells; for ts cells, the line is aligned
   *  (see typescript.ts) but the column is not, so a column is found by searching for `needle`. */
  js(line: number, column: number, needle?: string): SourcePosition {
    if (this.cell.lang === "js") return this.relative(line, column);
    const own = this.cellLines[line - 1] ?? "";
    const found = needle === undefined ? -1 : own.search(new RegExp(`(?<![\\w$])${escapeRegExp(needle)}(?![\\w$])`));
    return this.relative(Math.min(line, this.cellLines.length), found === -1 ? (own.length - own.trimStart().length) : found);
  }

  node(node: Node, needle?: string): SourcePosition {
    const loc = node.loc as SourceLocation;
    return this.js(loc.start.line, loc.start.column, needle);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
