// Stands in for src/notebook/typescript-esbuild.ts in the page bundle (see publish/library.ts): esbuild
// does not run in a page. The editor plugs in its own stripper (strip-types.ts) before any TS cell.
import type { TypeStripper } from "../notebook/typescript.ts";

const missing = (): never => {
  throw new Error("no TypeScript stripper in this page yet: the editor loads one before compiling a TS cell");
};

export const esbuildStripper: TypeStripper = { strip: missing, stripExpression: missing };
