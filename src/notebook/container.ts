// Fenced containers, Pandoc's fenced divs: a line of three or more colons and a name opens one, a line of
// colons alone closes it, and containers nest. Code fences inside are skipped, so a ::: line in a cell is
// code. The tokenizer only finds a container's extent; parse.ts gives the names meaning (exercise.ts).
//
//   ::: exercise Checkpoint 1.1 {#cp11-energy}
//   …prompt…
//   ::: answer number
//   correct: ${cp11.facilityKWh / 1000} MWh
//   :::
//   :::
import type { MarkedExtension, Token, Tokens } from "marked";
import type { NestingLimit } from "./nesting.ts";

export interface ContainerToken extends Tokens.Generic {
  type: "wbContainer";
  /** The word after the colons, lower case; "" for a line of colons alone (a closer with nothing open). */
  name: string;
  /** The rest of the opening line, trimmed. */
  info: string;
  /** Where `info` starts in raw. */
  infoOffset: number;
  /** Everything between the opening and the closing line. */
  body: string;
  /** Where `body` starts in raw. */
  bodyOffset: number;
  /** False when the document ends before the closing line. */
  closed: boolean;
  /** The body's block tokens; empty for containers whose body is not Markdown (an answer). */
  tokens: Token[];
  /** Set by the walk: the container's HTML, with placeholders where cells go. */
  wbRender?: (parser: { parse(tokens: Token[]): string; parseInline(tokens: Token[]): string }) => string;
}

/** Containers whose body is data, read line by line rather than as Markdown. */
const DATA_BODIES = new Set(["answer"]);

const OPENER = /^( {0,3}:{3,}[ \t]*([A-Za-z][\w-]*)?[ \t]*)([^\n]*)(?:\n|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CLOSER = /^ {0,3}:{3,}[ \t]*$/;
const NESTED_OPENER = /^ {0,3}:{3,}[ \t]*[A-Za-z]/;

export function tokenizeContainer(src: string, lexBlocks: (body: string) => Token[]): ContainerToken | undefined {
  const open = OPENER.exec(src);
  if (!open) return undefined;
  const name = (open[2] ?? "").toLowerCase();
  const info = open[3]!.trimEnd();
  const infoOffset = open[1]!.length;
  if (!name && !info) {
    // A closer with nothing open: a token of its own, so the walk can report it.
    return { type: "wbContainer", raw: open[0], name: "", info: "", infoOffset: 0, body: "", bodyOffset: open[0].length, closed: true, tokens: [] };
  }
  const bodyOffset = open[0].length;
  let depth = 0;
  let fence: string | undefined;
  let offset = bodyOffset;
  while (offset < src.length) {
    const end = src.indexOf("\n", offset);
    const lineEnd = end === -1 ? src.length : end;
    const line = src.slice(offset, lineEnd);
    const next = end === -1 ? src.length : end + 1;
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length && !line.slice(fenceMatch[0].length).trim()) fence = undefined;
    } else if (fenceMatch) fence = fenceMatch[1];
    else if (CLOSER.test(line)) {
      if (depth === 0) {
        const body = src.slice(bodyOffset, offset);
        return { type: "wbContainer", raw: src.slice(0, next), name, info, infoOffset, body, bodyOffset, closed: true, tokens: DATA_BODIES.has(name) ? [] : lexBlocks(body) };
      }
      depth--;
    } else if (NESTED_OPENER.test(line)) depth++;
    offset = next;
  }
  const body = src.slice(bodyOffset);
  return { type: "wbContainer", raw: src, name, info, infoOffset, body, bodyOffset, closed: false, tokens: DATA_BODIES.has(name) ? [] : lexBlocks(body) };
}

/** The marked extension. A container may interrupt a paragraph, as a fenced code block may. */
export const containerExtension = (nesting: NestingLimit): MarkedExtension => ({
  extensions: [
    {
      name: "wbContainer",
      level: "block",
      start(src) {
        // Only within the current paragraph: marked asks once per paragraph, so searching the rest of
        // the document each time would be quadratic in its length.
        const blank = /\n[ \t]*\n/.exec(src);
        const paragraph = blank ? src.slice(0, blank.index + 1) : src;
        return /^ {0,3}:{3,}/m.exec(paragraph)?.index;
      },
      tokenizer(src) {
        return tokenizeContainer(src, (body) => nesting.nestedBlock(src, () => this.lexer.blockTokens(body, [])));
      },
      renderer(token) {
        const container = token as ContainerToken;
        return container.wbRender ? container.wbRender(this.parser) : "";
      },
    },
  ],
});
