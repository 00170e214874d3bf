// How deeply JavaScript source nests, found without parsing it. acorn recurses once per level and reports
// "not enough stack space" when it runs out, but near the end of the stack V8 may have to compile a
// regular expression, and that failure kills the process instead of throwing. So code nested past
// MAX_JS_NESTING levels is refused before any parser sees it. Real cells nest a few levels.

export const MAX_JS_NESTING = 200;

/**
 * The offset where `js` first nests brackets (and template substitutions) more than `limit` deep, or -1.
 * Strings and comments are skipped; a regular expression's brackets count, which only matters for
 * hundreds of them. With `start` inside a `${`, the scan stops at the brace that closes it.
 */
export function nestingTooDeep(js: string, start = 0, limit = MAX_JS_NESTING, insideSubstitution = false): number {
  /** Per open template literal, the bracket depth at which its current substitution opened. */
  const templates: number[] = [];
  let depth = insideSubstitution ? 1 : 0;
  let i = start;
  const inTemplateText = () => templates.length > 0 && templates[templates.length - 1] === -1;
  while (i < js.length) {
    const c = js[i]!;
    if (inTemplateText()) {
      if (c === "\\") i += 2;
      else if (c === "`") templates.pop(), i++;
      else if (c === "$" && js[i + 1] === "{") {
        templates[templates.length - 1] = ++depth;
        if (depth > limit) return i;
        i += 2;
      } else i++;
      continue;
    }
    if (c === "/" && js[i + 1] === "/") {
      const end = js.indexOf("\n", i);
      i = end === -1 ? js.length : end;
    } else if (c === "/" && js[i + 1] === "*") {
      const end = js.indexOf("*/", i + 2);
      i = end === -1 ? js.length : end + 2;
    } else if (c === '"' || c === "'") {
      i++;
      while (i < js.length && js[i] !== c && js[i] !== "\n") i += js[i] === "\\" ? 2 : 1;
      i++;
    } else if (c === "`") {
      templates.push(-1);
      i++;
    } else if (c === "(" || c === "[" || c === "{") {
      if (++depth > limit) return i;
      i++;
    } else if (c === ")" || c === "]" || c === "}") {
      if (c === "}" && templates.length && templates[templates.length - 1] === depth) templates[templates.length - 1] = -1; // back in the template's text
      depth--;
      i++;
      if (insideSubstitution && depth === 0) return -1;
    } else i++;
  }
  return -1;
}
