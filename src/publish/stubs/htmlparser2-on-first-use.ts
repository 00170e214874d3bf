// Stand-in for htmlparser2 in the realm's bundle, which runs once per notebook. linkedom needs the real
// parser only to parse markup (innerHTML, DOMParser, htl's templates), but htmlparser2's top level
// (its entity tables) costs about 3.5 ms in every realm, most of a realm's cost for a notebook that
// never parses markup. The real parser runs on the first parse: esbuild wraps a module reached by
// require() so that its top level waits for that call. "htmlparser2-parser" is the package's Parser
// module alone (scripts/compile.mjs resolves it), without the index's DOM utilities.
import type * as Htmlparser2 from "htmlparser2";

declare const require: (specifier: string) => unknown;

let real: typeof Htmlparser2 | undefined;

export class Parser {
  constructor(...args: ConstructorParameters<typeof Htmlparser2.Parser>) {
    real ??= require("htmlparser2-parser") as typeof Htmlparser2;
    return new real.Parser(...args);
  }
}
