// TypeScript cells: types stripped, not checked, by a pluggable stripper. The build uses esbuild
// (typescript-esbuild.ts); the in-page editor, where esbuild cannot run, plugs in a light one
// (src/editor/strip-types.ts). Either keeps each line on the line it came from where the order allows,
// so that analysis positions and stack traces point at the author's line.
import { esbuildStripper } from "./typescript-esbuild.ts";

export interface StripFailure {
  readonly reason: string;
  /** 1-based line and 0-based UTF-16 column in the TypeScript source. */
  readonly line: number;
  readonly column: number;
}

export type StripResult = { readonly js: string } | { readonly failure: StripFailure };

export interface TypeStripper {
  /** Types stripped from a whole cell; `lineOffset` is how many lines were prepended to the source. */
  strip(source: string, lineOffset: number): StripResult;
  /**
   * A cell that is one expression, as that expression with its types stripped. Undefined when the source
   * is not a lone expression (a trailing semicolon, a declaration, several statements): then the cell
   * is a program.
   */
  stripExpression(source: string): string | undefined;
}

let stripper: TypeStripper = esbuildStripper;

/** Makes `next` the stripper of every later analysis; returns the one it replaces. */
export function useTypeStripper(next: TypeStripper): TypeStripper {
  const previous = stripper;
  stripper = next;
  return previous;
}

export function stripTypes(source: string, lineOffset = 0): StripResult {
  return stripper.strip(source, lineOffset);
}

export function stripExpressionTypes(source: string): string | undefined {
  return stripper.stripExpression(source);
}
