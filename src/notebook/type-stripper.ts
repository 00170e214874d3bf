// TypeScript cells have their types stripped, not checked, by a stripper the caller passes in: the build
// uses esbuild (publish/strip-types-esbuild.ts), the in-page editor, where esbuild cannot run, a light one
// (editor/strip-types.ts). The compiler itself imports neither. Either keeps each line on the line it
// came from where the order allows, so that analysis positions and stack traces point at the author's line.

export interface StripFailure {
  readonly reason: string;
  /** 1-based line and 0-based UTF-16 column in the TypeScript source. */
  readonly line: number;
  readonly column: number;
}

export type StripResult = { readonly js: string } | { readonly failure: StripFailure };

export interface TypeStripper {
  /** Types stripped from a whole cell; `lineOffset` is how many lines were prepended to the source. */
  strip(sourceText: string, lineOffset: number): StripResult;
  /**
   * A cell that is one expression, as that expression with its types stripped. Undefined when the source
   * is not a lone expression (a trailing semicolon, a declaration, several statements): then the cell
   * is a program.
   */
  stripExpression(sourceText: string): string | undefined;
}
