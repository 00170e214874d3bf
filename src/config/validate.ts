// A config's default export checked against the schema (schema.ts): every problem with the key path it
// is at (["pages", 1, "title"]), worded from the error catalog. An unknown key names the key it was
// probably meant to be. Pure: the loader (load.ts) finds each path's line in the file.
import { type core, safeParse, strictObject } from "zod/mini";
import { type Diagnostic, diagnostic } from "../notebook/messages.ts";
import { nearestKey } from "../text/similar.ts";
import type { SitePageEntry, SiteSection } from "../publish/site-config.ts";
import { formatKeyPath, type KeyPath } from "./key-path.ts";
import { CONFIG_SCHEMA, CONFIG_SHAPE, CONFIG_WORDS, type ConfigFile, ENTRY_WORDS, type KeyWords, PAGE_SHAPE, PAGE_WORDS, SECTION_ENTRY_WORDS, SECTION_SHAPE, SECTION_WORDS } from "./schema.ts";

export interface ConfigProblem {
  /** Where in the default export: ["pages", 1, "title"]. */
  readonly path: KeyPath;
  readonly found: Diagnostic;
}

export interface Validated {
  /** The settings that passed (a key with a problem is left out). */
  readonly config: ConfigFile;
  readonly problems: readonly ConfigProblem[];
  /** Each page's notebook path in `pages`, where it is written: ["pages", 0] or ["pages", 1, "pages", 0, "path"]. */
  readonly pagePaths: readonly PagePath[];
}

export interface PagePath {
  readonly path: string;
  readonly keyPath: KeyPath;
}

/** Checks a config's default export: an object of settings (`value` is known to be a plain object). */
export function validateConfig(value: Readonly<Record<string, unknown>>): Validated {
  const problems = [...objectProblems(CONFIG_SCHEMA, value, [], CONFIG_WORDS, "")];
  const bad = new Set(problems.map((problem) => problem.path[0]));
  const config: Record<string, unknown> = {};
  for (const key of Object.keys(CONFIG_SHAPE)) if (value[key] !== undefined && !bad.has(key)) config[key] = value[key];
  const pagePaths: PagePath[] = [];
  if (Array.isArray(value.pages)) {
    const pages = pageEntries(value.pages, ["pages"], true, pagePaths);
    problems.push(...pages.problems);
    config.pages = pages.entries;
  }
  return { config: config as ConfigFile, problems, pagePaths };
}

/** A value as an error shows what it got: text quoted, short. */
export function shownValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "function") return "a function";
  if (typeof value === "object") return "an object";
  return String(value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The problems of one object against its strict schema, at `base`; `where` says whose keys ("", " of a page"). */
function objectProblems(schema: core.$ZodType, value: Readonly<Record<string, unknown>>, base: KeyPath, words: Readonly<Record<string, KeyWords>>, where: string): ConfigProblem[] {
  const result = safeParse(schema, value);
  if (result.success) return [];
  const known = Object.keys(words);
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const path = [...base, key];
        // Only a key not given is what a misspelt one was meant to be.
        const near = nearestKey(key, known.filter((name) => value[name] === undefined));
        const params = { key: formatKeyPath(path), known: known.join(", "), where };
        problems.push({ path, found: near ? diagnostic("config-unknown-key-near", { ...params, near }) : diagnostic("config-unknown-key", params) });
      }
      continue;
    }
    const key = String(issue.path[0]);
    if (seen.has(key) || !(key in words)) continue;
    seen.add(key);
    const path = [...base, key];
    problems.push({ path, found: wrongType(path, words[key]!, value[key]) });
  }
  return problems;
}

function wrongType(path: KeyPath, words: KeyWords, got: unknown): Diagnostic {
  return diagnostic("config-wrong-type", { key: formatKeyPath(path), expected: words.expects, got: shownValue(got), example: words.example });
}

/** The entries of `pages` (or of a section's pages), normalized, and their problems. */
function pageEntries(list: readonly unknown[], base: KeyPath, sectionsAllowed: boolean, pagePaths: PagePath[]): { entries: (SitePageEntry | SiteSection)[]; problems: ConfigProblem[] } {
  const entries: (SitePageEntry | SiteSection)[] = [];
  const problems: ConfigProblem[] = [];
  list.forEach((entry, index) => {
    const at = [...base, index];
    if (typeof entry === "string") {
      const problem = notebookPathProblem(entry, at);
      if (problem) problems.push(problem);
      else entries.push({ path: entry });
      pagePaths.push({ path: entry, keyPath: at });
      return;
    }
    const isSection = isPlainObject(entry) && ("pages" in entry || "name" in entry);
    if (!isPlainObject(entry) || (isSection && !sectionsAllowed)) {
      problems.push({ path: at, found: wrongType(at, sectionsAllowed ? ENTRY_WORDS : SECTION_ENTRY_WORDS, entry) });
      return;
    }
    if (isSection) {
      const own = objectProblems(strictObject(SECTION_SHAPE), entry, at, SECTION_WORDS, " of a section");
      problems.push(...own);
      const pages = Array.isArray(entry.pages) ? pageEntries(entry.pages, [...at, "pages"], false, pagePaths) : { entries: [], problems: [] };
      problems.push(...pages.problems);
      if (!own.length && !pages.problems.length) entries.push({ name: entry.name as string, pages: pages.entries as SitePageEntry[], ...(entry.open === undefined ? {} : { open: entry.open as boolean }) });
      return;
    }
    const own = objectProblems(strictObject(PAGE_SHAPE), entry, at, PAGE_WORDS, " of a page");
    const pathProblem = typeof entry.path === "string" ? notebookPathProblem(entry.path, [...at, "path"]) : undefined;
    problems.push(...own, ...(pathProblem ? [pathProblem] : []));
    if (typeof entry.path === "string") pagePaths.push({ path: entry.path, keyPath: [...at, "path"] });
    if (!own.length && !pathProblem) entries.push({ path: entry.path as string, ...(entry.title === undefined ? {} : { title: entry.title as string }) });
  });
  return { entries, problems };
}

/**
 * A page's path must name a notebook as the build does, relative to the notebooks folder with its .md:
 * "energy.md", "guides/setup.md". The usual near misses ("energy", "/energy.md", "./energy.md",
 * "energy.html") are refused with the path meant.
 */
function notebookPathProblem(pagePath: string, at: KeyPath): ConfigProblem | undefined {
  const meant = pagePath
    .replace(/\\/g, "/")
    .replace(/^(?:\.?\/)+/, "")
    .replace(/\.(?:html?|markdown|mdx|MD)$/, ".md")
    .replace(/^(?!.*\.md$)(.+?)\/?$/, "$1.md");
  const segments = meant.split("/");
  if (meant === pagePath && !segments.includes("..") && !segments.includes(".") && !segments.includes("")) return undefined;
  const params = { key: formatKeyPath(at), path: JSON.stringify(pagePath) };
  const sound = !meant.split("/").some((segment) => segment === ".." || segment === "." || segment === "") && meant !== pagePath;
  return { path: at, found: sound ? diagnostic("config-not-a-notebook-path-near", { ...params, near: JSON.stringify(meant) }) : diagnostic("config-not-a-notebook-path", params) };
}
