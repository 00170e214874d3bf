// What wattbook.config.js may hold: each key's schema (zod/mini; the schema is the type of a config's
// settings), and, for its errors, what the key expects in words and an example of it. The pages of the
// sidebar are entries of their own (a notebook's path, a page, a section), checked one by one by
// validate.ts, so that an error names the entry's own keys rather than every branch of a union.
import { array, boolean, enum as oneOf, gt, int, minLength, optional, strictObject, string, unknown, type output } from "zod/mini";
import type { SitePageEntry, SiteSection } from "../publish/site-config.ts";

const text = () => string().check(minLength(1));
const wholeAboveZero = () => int().check(gt(0));

export const TYPECHECK_MODES = ["error", "warn", "off"] as const;
export type TypecheckMode = (typeof TYPECHECK_MODES)[number];

/** The keys of wattbook.config.js's default export, every one optional. */
export const CONFIG_SHAPE = {
  title: optional(text()),
  root: optional(text()),
  output: optional(text()),
  static: optional(text()),
  pages: optional(array(unknown())),
  header: optional(string()),
  footer: optional(string()),
  head: optional(string()),
  favicon: optional(text()),
  search: optional(boolean()),
  editing: optional(boolean()),
  toc: optional(boolean()),
  typecheck: optional(oneOf(TYPECHECK_MODES)),
  timeoutMs: optional(wholeAboveZero()),
  cellTimeoutMs: optional(wholeAboveZero()),
  memoryMb: optional(wholeAboveZero()),
  maxOutputMb: optional(wholeAboveZero()),
};

export const CONFIG_SCHEMA = strictObject(CONFIG_SHAPE);

export type ConfigKey = keyof typeof CONFIG_SHAPE;

/** A config's settings, validated; `pages` normalized (a path alone becomes `{path}`). */
export type ConfigFile = Omit<output<typeof CONFIG_SCHEMA>, "pages"> & { readonly pages?: readonly (SitePageEntry | SiteSection)[] };

/** What a key expects, as its error says it, and an example of a right value. */
export interface KeyWords {
  readonly expects: string;
  readonly example: string;
}

const AN_HTML_TEXT = "HTML, as text";
const TRUE_OR_FALSE = "true or false";
const A_FOLDER = "a folder's path, as text (relative to the project)";
const milliseconds = (key: string, value: number): KeyWords => ({ expects: "a whole number of milliseconds above 0", example: `${key}: ${value}` });
const megabytes = (key: string, value: number): KeyWords => ({ expects: "a whole number of megabytes above 0", example: `${key}: ${value}` });

export const CONFIG_WORDS: Readonly<Record<ConfigKey, KeyWords>> = {
  title: { expects: "text (not empty)", example: 'title: "Energy notebooks"' },
  root: { expects: A_FOLDER, example: 'root: "notebooks"' },
  output: { expects: A_FOLDER, example: 'output: "build"' },
  static: { expects: A_FOLDER, example: 'static: "static"' },
  pages: { expects: "a list of pages and sections", example: 'pages: ["index.md", {name: "Guides", pages: ["guides/setup.md"]}]' },
  header: { expects: AN_HTML_TEXT, example: 'header: "<a href=\\"https://example.org\\">Our team</a>"' },
  footer: { expects: AN_HTML_TEXT, example: 'footer: "<p>© 2026 Our team</p>"' },
  head: { expects: AN_HTML_TEXT, example: 'head: "<meta name=\\"author\\" content=\\"Our team\\">"' },
  favicon: { expects: "a file's path in the static folder, as text", example: 'favicon: "favicon.svg"' },
  search: { expects: TRUE_OR_FALSE, example: "search: false" },
  editing: { expects: TRUE_OR_FALSE, example: "editing: false" },
  toc: { expects: TRUE_OR_FALSE, example: "toc: false" },
  typecheck: { expects: TYPECHECK_MODES.map((mode) => `"${mode}"`).join(", ").replace(/, ([^,]*)$/, " or $1"), example: 'typecheck: "warn"' },
  timeoutMs: milliseconds("timeoutMs", 20_000),
  cellTimeoutMs: milliseconds("cellTimeoutMs", 10_000),
  memoryMb: megabytes("memoryMb", 2048),
  maxOutputMb: megabytes("maxOutputMb", 10),
};

/** A page of the sidebar, as an object: `{path: "energy.md", title: "Energy"}`. */
export const PAGE_SHAPE = { path: string(), title: optional(text()) };

/** A section of the sidebar: `{name: "Guides", pages: [...], open: false}`. Sections do not nest. */
export const SECTION_SHAPE = { name: text(), pages: array(unknown()), open: optional(boolean()) };

export const PAGE_WORDS: Readonly<Record<keyof typeof PAGE_SHAPE, KeyWords>> = {
  path: { expects: "a notebook's path, as text", example: 'path: "energy.md"' },
  title: { expects: "text (not empty)", example: 'title: "Energy"' },
};

export const SECTION_WORDS: Readonly<Record<keyof typeof SECTION_SHAPE, KeyWords>> = {
  name: { expects: "text (not empty)", example: 'name: "Guides"' },
  pages: { expects: "a list of pages", example: 'pages: ["guides/setup.md", {path: "guides/deploy.md", title: "Deploying"}]' },
  open: { expects: TRUE_OR_FALSE, example: "open: false" },
};

/** What an entry of `pages` may be. */
export const ENTRY_WORDS: KeyWords = {
  expects: 'a notebook\'s path ("energy.md"), a page ({path, title}) or a section ({name, pages})',
  example: '"energy.md", {path: "energy.md", title: "Energy"} or {name: "Guides", pages: ["guides/setup.md"]}',
};

/** What an entry of a section's `pages` may be. */
export const SECTION_ENTRY_WORDS: KeyWords = {
  expects: 'a notebook\'s path ("energy.md") or a page ({path, title}); sections do not nest',
  example: '"guides/setup.md" or {path: "guides/setup.md", title: "Setting up"}',
};
