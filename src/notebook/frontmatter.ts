// YAML front matter: `---` on the very first line, YAML, then `---` (or `...`) on a line of its own.
import { parseDocument } from "yaml";
import { nestingTooDeep } from "./depth.ts";
import { excerptAt, LocatedError } from "./errors.ts";
import type { LineIndex } from "./locate.ts";
import type { FrontMatter } from "./types.ts";

export interface FrontMatterResult {
  readonly data: FrontMatter;
  /** Offset in the normalized source where the Markdown body starts. */
  readonly bodyOffset: number;
  readonly errors: readonly LocatedError[];
}

const OPEN = /^---[ \t]*\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/** Expects the source with "\n" line endings (see normalizeNewlines). */
export function parseFrontMatter(lines: LineIndex, file: string): FrontMatterResult {
  const text = lines.text;
  const open = OPEN.exec(text);
  if (!open) return { data: {}, bodyOffset: 0, errors: [] };
  const yamlStart = open[0].length;
  const close = CLOSE.exec(text.slice(yamlStart));
  if (!close) {
    const position = { line: 1, column: 1 };
    const error = new LocatedError("the front matter opened by --- on line 1 is never closed", {
      file,
      position,
      excerpt: excerptAt(text, position, 0, 2),
      hint: "end the YAML with a line holding only ---, or remove the first line if it is meant as a rule",
    });
    return { data: {}, bodyOffset: text.length, errors: [error] };
  }
  const yamlEnd = yamlStart + close.index;
  const afterClose = text.indexOf("\n", yamlEnd);
  const bodyOffset = afterClose === -1 ? text.length : afterClose + 1;
  const yaml = text.slice(yamlStart, yamlEnd);
  const located = (reason: string, offset: number, hint?: string) => {
    const position = lines.position(yamlStart + offset);
    return new LocatedError(reason, { file, position, excerpt: excerptAt(text, position), ...(hint ? { hint } : {}) });
  };

  // The YAML parser recurses per level; front matter is a few keys, so deep nesting is refused first.
  const deep = tooDeep(yaml);
  if (deep !== -1) return { data: {}, bodyOffset, errors: [located(`front matter nests more than ${MAX_YAML_NESTING} levels deep`, deep, "front matter holds a page's title, description and order; keep it flat")] };
  const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((e) => located(`front matter: ${e.message}`, e.pos[0], "fix the YAML between the --- lines"));
  if (errors.length) return { data: {}, bodyOffset, errors };

  let value: unknown;
  try {
    value = doc.toJS();
  } catch (e) {
    // toJS throws on unresolved aliases, which the parser does not report as errors.
    const reason = e instanceof Error ? e.message : String(e);
    return { data: {}, bodyOffset, errors: [located(`front matter: ${reason}`, 0, "fix the YAML between the --- lines (quote a value that starts with * or &)")] };
  }
  if (value === null || value === undefined) return { data: {}, bodyOffset, errors: [] };
  if (typeof value !== "object" || Array.isArray(value)) {
    const error = located("front matter must be a YAML mapping of keys to values", 0, "write one `key: value` per line, e.g. `title: The Energy Ceiling`");
    return { data: {}, bodyOffset, errors: [error] };
  }
  const data = value as Record<string, unknown>;
  const typed: [string, string, string][] = [["title", "string", "text"], ["description", "string", "text"], ["order", "number", "a number"]];
  for (const [key, type, noun] of typed) {
    if (key in data && typeof data[key] !== type) {
      const offset = keyOffset(yaml, key);
      errors.push(located(`front matter: ${key} must be ${noun} (got ${JSON.stringify(data[key]) ?? String(data[key])})`, offset, `write ${key}: ${key === "order" ? "3" : "a line of text (quote it if it holds a colon)"}`));
    }
  }
  return { data: data as FrontMatter, bodyOffset, errors };
}

const MAX_YAML_NESTING = 64;

/** Where the YAML first nests flow collections, or indents, past the limit; -1 when it does not. */
function tooDeep(yaml: string): number {
  const flow = nestingTooDeep(yaml, 0, MAX_YAML_NESTING);
  if (flow !== -1) return flow;
  const indented = new RegExp(`^[ \\t-]{${2 * MAX_YAML_NESTING},}`, "m").exec(yaml);
  return indented ? indented.index : -1;
}

/** Where `key:` starts in the YAML text (0 when it cannot be found). */
function keyOffset(yaml: string, key: string): number {
  const match = new RegExp(`^[ \\t]*["']?${key}["']?[ \\t]*:`, "m").exec(yaml);
  return match ? match.index : 0;
}
