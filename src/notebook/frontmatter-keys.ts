// The front-matter keys wattbook reads (their types are checked as the front matter is parsed, see
// frontmatter.ts), and a warning for any other key: it may be meant for another tool, so the page still
// builds, but a misspelt `tilte:` should not pass unseen. Kept apart from the YAML parser and the schema,
// so that a build whose notebooks all come from the cache can warn without loading either.
import { locatedError, type LocatedError } from "./errors.ts";
import { LineIndex, normalizeNewlines } from "./locate.ts";
import { diagnostic } from "./messages.ts";
import { nearestKey } from "../text/similar.ts";
import type { FrontMatter } from "./types.ts";

/** Add a key here, and its type in frontmatter.ts, when a page starts reading it. */
export const FRONT_MATTER_KEYS = ["title", "description", "order", "toc"] as const;

export type FrontMatterKey = (typeof FRONT_MATTER_KEYS)[number];

export const OPEN = /^---[ \t]*\n/;
export const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/**
 * A warning for each front-matter key wattbook does not read, at its line, with the key it was probably
 * meant to be. `sourceText` is the notebook's text as read (the front matter's data came from it).
 */
export function frontMatterWarnings(frontMatter: FrontMatter, sourceText: string, file: string): LocatedError[] {
  const known: readonly string[] = FRONT_MATTER_KEYS;
  const unknown = Object.keys(frontMatter).filter((key) => !known.includes(key));
  if (!unknown.length) return [];
  const lines = new LineIndex(normalizeNewlines(sourceText));
  const yamlStart = OPEN.exec(lines.text)?.[0].length ?? 0;
  const rest = lines.text.slice(yamlStart);
  const yaml = rest.slice(0, CLOSE.exec(rest)?.index ?? rest.length);
  return unknown.map((key) => {
    // Only a key not given is what a misspelt one was meant to be.
    const near = nearestKey(key, known.filter((name) => !(name in frontMatter)));
    const found = near ? diagnostic("front-matter-unknown-key-near", { key, near }) : diagnostic("front-matter-unknown-key", { key, known: known.join(", ") });
    return locatedError(found, { file, lines, position: lines.position(yamlStart + keyOffset(yaml, key)) }, { before: 0, after: 0 });
  });
}

/** Where `key:` starts in the YAML text (0 when it cannot be found). */
export function keyOffset(yaml: string, key: string): number {
  const name = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`^[ \\t]*["']?${name}["']?[ \\t]*:`, "m").exec(yaml);
  return match ? match.index : 0;
}
