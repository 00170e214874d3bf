// The in-page type stripper: sucrase's TypeScript transform (about 48 KB gzipped, ~0.1 ms a cell; esbuild
// cannot run in a page, and esbuild-wasm is several MB). Sucrase removes types in place and keeps every
// line where it was, so analysis positions need no realignment; like the build's esbuild it compiles
// enums and parameter properties, and keeps imports that look unused (a cell's imports are everyone's).
import { transform } from "sucrase";
import { LineIndex } from "../notebook/locate.ts";
import type { StripResult, TypeStripper } from "../notebook/type-stripper.ts";

const OPTIONS = { transforms: ["typescript" as const], disableESTransforms: true, keepUnusedImports: true };

function strip(sourceText: string, lineOffset: number): StripResult {
  try {
    return { js: dropLines(transform(sourceText, OPTIONS).code, lineOffset) };
  } catch (error) {
    const pos = (error as { pos?: unknown }).pos;
    const reason = error instanceof Error ? error.message.replace(/ \(\d+:\d+\)$/, "") : String(error);
    // LineIndex columns are 1-based; a stripper's are 0-based.
    const at = typeof pos === "number" ? new LineIndex(sourceText).position(pos) : { line: 1, column: 1 };
    const line = at.line - lineOffset;
    return { failure: { reason, line: Math.max(1, line), column: line < 1 ? 0 : at.column - 1 } };
  }
}

/** Sucrase keeps `(\n<expression>\n)` as it is, types removed: the expression is what is inside. */
function stripExpression(sourceText: string): string | undefined {
  let js: string;
  try {
    js = transform(`(\n${sourceText}\n)`, OPTIONS).code;
  } catch {
    return undefined;
  }
  const match = /^\(\n([\s\S]*)\n\);?\s*$/.exec(js);
  return match ? match[1] : undefined;
}

/** The code without its first `count` lines (the ones the caller prepended). */
function dropLines(code: string, count: number): string {
  let at = 0;
  for (let i = 0; i < count; i++) at = code.indexOf("\n", at) + 1;
  return code.slice(at);
}

export const sucraseStripper: TypeStripper = { strip, stripExpression };
