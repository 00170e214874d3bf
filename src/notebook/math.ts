// TeX → HTML with KaTeX at build time, so pages need no math script. Errors come back as data with an
// offset into the TeX, for the parser to locate in the .md.
import katex from "katex";
import { type Diagnostic, diagnostic } from "./messages.ts";

/** The HTML, or what is wrong and where (an offset into the TeX). */
export type MathResult = { readonly html: string } | { readonly problem: Diagnostic; readonly offset: number };

/** KaTeX recurses per group; formulas nest a few braces, so hundreds are refused before it runs. */
const MAX_TEX_NESTING = 200;

export function renderMath(tex: string, display: boolean): MathResult {
  const deep = bracesTooDeep(tex);
  if (deep !== -1) return { problem: diagnostic("math-too-deep", { limit: MAX_TEX_NESTING }), offset: deep };
  try {
    // strict "ignore": KaTeX's strict-mode notices go to the console, which a build should keep quiet.
    return { html: katex.renderToString(tex, { displayMode: display, throwOnError: true, output: "htmlAndMathml", strict: "ignore" }) };
  } catch (error) {
    if (error instanceof katex.ParseError) {
      const raw = (error as { rawMessage?: unknown }).rawMessage;
      const reason = typeof raw === "string" ? raw : error.message;
      const offset = typeof error.position === "number" ? Math.min(Math.max(error.position, 0), tex.length) : 0;
      return { problem: diagnostic("math-tex", { reason }), offset };
    }
    return { problem: diagnostic("math-tex", { reason: error instanceof Error ? error.message : String(error) }), offset: 0 };
  }
}

/** The offset where `tex` first opens a brace group past the limit (escaped braces aside), or -1. */
function bracesTooDeep(tex: string): number {
  let depth = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === "\\") i++;
    else if (c === "{" && ++depth > MAX_TEX_NESTING) return i;
    else if (c === "}") depth--;
  }
  return -1;
}
