// Stands in for src/notebook/typescript-esbuild.ts in the page bundle (see publish/library.ts): esbuild
// does not run in a page. Until the editor plugs in its own stripper (strip-types.ts, loaded before the
// first TS cell), stripping fails quietly: analysis also tries it on a js cell with a syntax error, to
// say whether the cell is TypeScript, and then simply gives its general hint.
import type { TypeStripper } from "../notebook/typescript.ts";

export const esbuildStripper: TypeStripper = {
  strip: () => ({ failure: { reason: "no TypeScript stripper is loaded in this page", line: 1, column: 0 } }),
  stripExpression: () => undefined,
};
