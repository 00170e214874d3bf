// Lists, block quotes and ::: containers, and emphasis, strikethrough and links, nest at most MAX_NESTING deep. marked
// lexes each level's content again, so its time grows with the square of the depth (400 nested lists
// take seconds), and its recursion overflows the stack at a few thousand levels. No readable notebook
// comes near the limit; a notebook past it gets a located error instead of a hang or a crash.
import { type MarkedExtension, Tokenizer } from "marked";

export const MAX_NESTING = 32;

export class NestingError extends Error {
  override name = "NestingError";
  constructor(
    readonly kind: "block" | "inline",
    /**
     * Blocks: the length of the top-level source from the outermost list or quote on (its offset,
     * counted from the end). Inline: the text from the outermost nested span on, to be found.
     */
    readonly at: number | string,
  ) {
    super(kind === "block" ? `lists, block quotes and containers nest more than ${MAX_NESTING} levels deep` : `emphasis, strikethrough and links nest more than ${MAX_NESTING} levels deep`);
  }
}

type Tokenize = (this: Tokenizer, src: string, ...rest: unknown[]) => unknown;

/** Starts of the inline spans that hold other inline content. */
const NESTED_SPAN = /^(?:[*_~[]|!\[)/;

export interface NestingLimit {
  /** The marked extension that counts list, quote, emphasis and link levels. */
  readonly extension: MarkedExtension;
  /** Runs `lex` (the content of a block container found at `src`) one block level deeper, within the limit. */
  nestedBlock<T>(src: string, lex: () => T): T;
}

/**
 * The limit for one parse: the levels entered so far live in this closure, so that parses never share a
 * count (each parse makes its own Markdown instance, see markdown.ts).
 */
export function createNestingLimit(): NestingLimit {
  const depth = { block: 0, inline: 0 };
  const outermost: { block: number; inline: string } = { block: 0, inline: "" };

  const guarded = (kind: "block" | "inline", name: "list" | "blockquote" | "emStrong" | "del" | "link" | "reflink"): Tokenize => {
    const original = Tokenizer.prototype[name] as Tokenize;
    return function (src, ...rest) {
      if (depth[kind] >= MAX_NESTING) {
        // One level too deep: an error only where a level could really start, not wherever marked tries.
        const starts = kind === "block" ? this.rules.block[name as "list" | "blockquote"].test(src) : NESTED_SPAN.test(src);
        if (starts) throw new NestingError(kind, outermost[kind]);
        return undefined;
      }
      if (depth[kind] === 0) {
        if (kind === "block") outermost.block = src.length;
        else outermost.inline = src;
      }
      depth[kind]++;
      try {
        return original.call(this, src, ...rest);
      } finally {
        depth[kind]--;
      }
    };
  };

  return {
    extension: {
      tokenizer: {
        list: guarded("block", "list") as Tokenizer["list"],
        blockquote: guarded("block", "blockquote") as Tokenizer["blockquote"],
        emStrong: guarded("inline", "emStrong") as Tokenizer["emStrong"],
        del: guarded("inline", "del") as Tokenizer["del"],
        link: guarded("inline", "link") as Tokenizer["link"],
        reflink: guarded("inline", "reflink") as Tokenizer["reflink"],
      },
    },
    nestedBlock(src, lex) {
      if (depth.block >= MAX_NESTING) throw new NestingError("block", outermost.block);
      if (depth.block === 0) outermost.block = src.length;
      depth.block++;
      try {
        return lex();
      } finally {
        depth.block--;
      }
    },
  };
}
