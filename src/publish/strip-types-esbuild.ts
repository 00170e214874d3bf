// The build's type stripper: esbuild. esbuild reprints the code, so the output is padded with blank lines
// to put each line back on the line it came from (where the order allows): stack traces and analysis
// positions then point at the author's line.
import { transformSync, type Message, type TransformOptions } from "esbuild";
import type { StripResult, TypeStripper } from "../notebook/type-stripper.ts";

const OPTIONS: TransformOptions = {
  loader: "ts",
  format: "esm",
  target: "es2022",
  // Keep imports that look unused: a cell's imports are visible to every other cell.
  tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
  sourcemap: "external",
};

function strip(source: string, lineOffset: number): StripResult {
  let result;
  try {
    result = transformSync(source, OPTIONS);
  } catch (error) {
    const message = (error as { errors?: Message[] }).errors?.[0];
    if (!message) return { failure: { reason: error instanceof Error ? error.message : String(error), line: 1, column: 0 } };
    const location = message.location;
    const line = (location?.line ?? 1) - lineOffset;
    // esbuild counts columns in UTF-8 bytes; positions here are UTF-16 code units.
    const column = location ? Buffer.from(location.lineText, "utf8").subarray(0, location.column).toString("utf8").length : 0;
    return { failure: { reason: message.text, line: Math.max(1, line), column: line < 1 ? 0 : column } };
  }
  return { js: alignLines(result.code, originalLines(result.map), lineOffset) };
}

/** esbuild prints `(\n<expression>\n)` as `<expression>;`. */
function stripExpression(source: string): string | undefined {
  const result = strip(`(\n${source}\n)`, 1);
  if (!("js" in result)) return undefined;
  return result.js.replace(/;\s*$/, "");
}

export const esbuildStripper: TypeStripper = { strip, stripExpression };

/** The generated code with blank lines inserted so that line k sits on its original line. */
function alignLines(code: string, original: readonly (number | undefined)[], lineOffset: number): string {
  const lines = code.replace(/\n$/, "").split("\n");
  const out: string[] = [];
  lines.forEach((line, index) => {
    const target = original[index];
    if (target !== undefined) while (out.length < target - lineOffset) out.push("");
    out.push(line);
  });
  return out.join("\n");
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** For each generated line, the 0-based original line of its first mapping (source map v3 VLQ). */
function originalLines(mapText: string): (number | undefined)[] {
  const mappings = (JSON.parse(mapText) as { mappings: string }).mappings;
  const out: (number | undefined)[] = [];
  let sourceLine = 0;
  for (const line of mappings.split(";")) {
    let first: number | undefined;
    for (const segment of line.split(",")) {
      if (!segment) continue;
      const fields = decodeVlq(segment);
      if (fields.length < 4) continue;
      sourceLine += fields[2]!; // deltas accumulate across lines and segments
      first ??= sourceLine;
    }
    out.push(first);
  }
  return out;
}

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = shift = 0;
    }
  }
  return values;
}
