// YAML front matter: `---` on the very first line, YAML, then `---` (or `...`) on a line of its own.
// The keys wattbook reads are validated by a schema (FRONT_MATTER): one of them with a value of the wrong
// type is an error at its line; any other key is only a warning (frontmatter-keys.ts), since another
// tool may read it.
import { boolean, looseObject, number, optional, safeParse, string, type ZodMiniType } from "zod/mini";
import { parseDocument } from "yaml";
import { nestingTooDeep } from "./depth.ts";
import { locatedError, type LocatedError } from "./errors.ts";
import { CLOSE, type FrontMatterKey, keyOffset, OPEN } from "./frontmatter-keys.ts";
import type { LineIndex } from "./locate.ts";
import { type Diagnostic, diagnostic } from "./messages.ts";
import type { FrontMatter } from "./types.ts";

/** What each front-matter key wattbook reads must be (the keys are FRONT_MATTER_KEYS). */
export const FRONT_MATTER = looseObject({
  /** The page's title (else its first # heading, else its file name). */
  title: optional(string()),
  /** A line under the title in the index, and the page's meta description. */
  description: optional(string()),
  /** The page's place in the index, the sidebar and the prev/next links. */
  order: optional(number()),
  /** The page's table of contents: false hides it, true shows it where the site's `toc` is off. */
  toc: optional(boolean()),
} satisfies Record<FrontMatterKey, ZodMiniType>);

export interface FrontMatterResult {
  readonly data: FrontMatter;
  /** Offset in the normalized source where the Markdown body starts. */
  readonly bodyOffset: number;
  readonly errors: readonly LocatedError[];
}


/** Expects the source with "\n" line endings (see normalizeNewlines). */
export function parseFrontMatter(lines: LineIndex, file: string): FrontMatterResult {
  const text = lines.text;
  const open = OPEN.exec(text);
  if (!open) return { data: {}, bodyOffset: 0, errors: [] };
  const yamlStart = open[0].length;
  const close = CLOSE.exec(text.slice(yamlStart));
  if (!close) {
    const error = locatedError(diagnostic("front-matter-not-closed"), { file, lines, position: { line: 1, column: 1 } }, { before: 0, after: 2 });
    return { data: {}, bodyOffset: text.length, errors: [error] };
  }
  const yamlEnd = yamlStart + close.index;
  const afterClose = text.indexOf("\n", yamlEnd);
  const bodyOffset = afterClose === -1 ? text.length : afterClose + 1;
  const yaml = text.slice(yamlStart, yamlEnd);
  const located = (found: Diagnostic, offset: number) => locatedError(found, { file, lines, position: lines.position(yamlStart + offset) });

  // The YAML parser recurses per level; front matter is a few keys, so deep nesting is refused first.
  const deep = tooDeep(yaml);
  if (deep !== -1) return { data: {}, bodyOffset, errors: [located(diagnostic("front-matter-too-deep", { limit: MAX_YAML_NESTING }), deep)] };
  let data: Record<string, unknown> | undefined = simpleMapping(yaml);
  const errors: LocatedError[] = [];
  if (!data) {
    const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
    errors.push(...doc.errors.map((e) => located(diagnostic("front-matter-yaml", { reason: e.message }), e.pos[0])));
    if (errors.length) return { data: {}, bodyOffset, errors };
    let value: unknown;
    try {
      value = doc.toJS();
    } catch (e) {
      // toJS throws on unresolved aliases, which the parser does not report as errors.
      const reason = e instanceof Error ? e.message : String(e);
      return { data: {}, bodyOffset, errors: [located(diagnostic("front-matter-alias", { reason }), 0)] };
    }
    if (value === null || value === undefined) return { data: {}, bodyOffset, errors: [] };
    if (typeof value !== "object" || Array.isArray(value)) {
      const error = located(diagnostic("front-matter-not-mapping"), 0);
      return { data: {}, bodyOffset, errors: [error] };
    }
    data = value as Record<string, unknown>;
  }
  errors.push(...wrongTypes(data).map(({ key, found }) => located(found, keyOffset(yaml, key))));
  return { data: data as FrontMatter, bodyOffset, errors };
}

/** The keys wattbook reads whose value has the wrong type, each with the error that says so. */
function wrongTypes(data: Record<string, unknown>): { key: string; found: Diagnostic }[] {
  const result = safeParse(FRONT_MATTER, data);
  if (result.success) return [];
  const keys = [...new Set(result.error.issues.map((issue) => String(issue.path[0])))];
  return keys.map((key) => {
    const value = JSON.stringify(data[key]) ?? String(data[key]);
    if (key === "order") return { key, found: diagnostic("front-matter-order-not-number", { value }) };
    if (key === "toc") return { key, found: diagnostic("front-matter-not-boolean", { key, value }) };
    return { key, found: diagnostic("front-matter-not-text", { key, value }) };
  });
}

const MAX_YAML_NESTING = 64;

/** `key: value` with a plain key, the value unquoted, on one line of its own. */
const SIMPLE_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):[ \t]+(\S(?:.*\S)?)[ \t]*$/;
/** A whole decimal number as the YAML core schema reads one, without the forms it reads otherwise (007, 1e3, .5). */
const SIMPLE_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;
/** Text YAML can only read as that text: starts with a letter, and holds no character with a meaning. */
const SIMPLE_TEXT = /^\p{L}[\p{L}\p{N} .,;()/'’?!–—+-]*$/u;
/** Plain words YAML 1.1 or 1.2 reads as booleans or null: left to the YAML parser. */
const SPECIAL_WORD = /^(?:true|false|yes|no|on|off|y|n|null|nan|inf)$/i;

/**
 * Most front matter is a few `key: value` lines of titles and numbers, which the YAML parser takes
 * about 0.3 ms to read: read those here, and leave anything else (quotes, lists, comments, a value
 * YAML could read as other than its text, a repeated key) to the parser, so the result is the same.
 */
function simpleMapping(yaml: string): Record<string, string | number> | undefined {
  const data: Record<string, string | number> = {};
  for (const line of yaml.split("\n")) {
    if (!line.trim()) continue;
    const match = SIMPLE_LINE.exec(line);
    if (!match) return undefined;
    const [, key, value] = match as unknown as [string, string, string];
    if (Object.hasOwn(data, key) || key === "__proto__") return undefined;
    if (SIMPLE_NUMBER.test(value)) data[key] = Number(value);
    else if (SIMPLE_TEXT.test(value) && !SPECIAL_WORD.test(value) && !value.includes(" #") && !value.includes(": ")) data[key] = value;
    else return undefined;
  }
  return data;
}

/** Where the YAML first nests flow collections, or indents, past the limit; -1 when it does not. */
function tooDeep(yaml: string): number {
  const flow = nestingTooDeep(yaml, 0, MAX_YAML_NESTING);
  if (flow !== -1) return flow;
  const indented = new RegExp(`^[ \\t-]{${2 * MAX_YAML_NESTING},}`, "m").exec(yaml);
  return indented ? indented.index : -1;
}
