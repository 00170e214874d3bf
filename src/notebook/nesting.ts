// Lists and block quotes nest at most MAX_NESTING deep. marked lexes each level's content again, so its
// time grows with the square of the depth (400 nested lists take seconds), and its recursion overflows
// the stack at a few thousand levels. No readable notebook comes near the limit; a notebook past it gets
// a located error instead of a hang or a crash.
import { type MarkedExtension, Tokenizer } from "marked";

export const MAX_NESTING = 32;

export class NestingError extends Error {
  override name = "NestingError";
  constructor(
    /** Length of the top-level source from the outermost list or quote on: its offset, counted from the end. */
    readonly remaining: number,
  ) {
    super(`lists and block quotes nest more than ${MAX_NESTING} levels deep`);
  }
}

let depth = 0;
let outermost = 0;

type Tokenize = (this: Tokenizer, src: string) => ReturnType<Tokenizer["list" | "blockquote"]>;

function guarded(name: "list" | "blockquote"): Tokenize {
  const original = Tokenizer.prototype[name] as Tokenize;
  return function (src) {
    if (depth >= MAX_NESTING) {
      // One level too deep: an error only where the level really starts, not wherever marked tries.
      if (this.rules.block[name].test(src)) throw new NestingError(outermost);
      return undefined;
    }
    if (depth === 0) outermost = src.length;
    depth++;
    try {
      return original.call(this, src);
    } finally {
      depth--;
    }
  };
}

export const nestingLimit: MarkedExtension = {
  tokenizer: { list: guarded("list") as Tokenizer["list"], blockquote: guarded("blockquote") as Tokenizer["blockquote"] },
};
