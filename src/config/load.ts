// Reads the project's configuration (files.ts says where it is), an ES module whose default export is
// the settings. Every
// problem is a located error in that file, at the key it is about: a syntax error, a throw while it
// loads, an import that cannot be found, no default export, an unknown key (with the key meant), a
// value of the wrong type. No file is no error: every setting has its default.
import { parse } from "acorn";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { locatedError, type LocatedError, sortLocatedErrors } from "../notebook/errors.ts";
import { LineIndex } from "../notebook/locate.ts";
import { type Diagnostic, diagnostic } from "../notebook/messages.ts";
import type { SourcePosition } from "../notebook/types.ts";
import { PACKAGE_ROOT } from "../publish/package-root.ts";
import { configFiles } from "./files.ts";
import type { ConfigFile } from "./schema.ts";
import { locateKeyPath } from "./locate-key.ts";
import type { KeyPath } from "./key-path.ts";
import { isPlainObject, type PagePath, shownValue, validateConfig } from "./validate.ts";

/** The configuration file as read, for locating what is found wrong with it later (pages, favicon). */
export interface ConfigSource {
  /** Absolute. */
  readonly file: string;
  /** As errors name it: relative to the project. */
  readonly shown: string;
  readonly text: string;
  /** The text as JavaScript, lines kept (a TypeScript config's types stripped). */
  readonly js: string;
}

export type LoadedConfig =
  | { readonly ok: true; readonly config: ConfigFile; readonly source?: ConfigSource; readonly pagePaths?: readonly PagePath[] }
  | { readonly ok: false; readonly errors: readonly LocatedError[] };

/** Loads, validates and returns the project's configuration; a project without one gets `{}`. */
export async function loadConfig(projectRoot: string): Promise<LoadedConfig> {
  const files = configFiles(projectRoot);
  if (!files.length) return { ok: true, config: {} };
  const shown = (file: string) => path.relative(projectRoot, file).split(path.sep).join("/") || file;
  const [file] = files as [string, ...string[]];
  const text = readFileSync(file, "utf8");
  const source: Omit<ConfigSource, "js"> = { file, shown: shown(file), text };
  if (files.length > 1) return failed(source, diagnostic("config-two-files", { file: shown(file), other: files.slice(1).map(shown).join(" and ") }), { line: 1, column: 1 });

  const typeScript = /\.m?ts$/.test(file);
  const js = typeScript ? await strippedTypeScript(text) : { js: text };
  if ("failure" in js) return failed(source, diagnostic("config-syntax", { reason: js.failure.reason }), { line: js.failure.line, column: js.failure.column + 1 });
  const syntax = typeScript ? undefined : syntaxError(text);
  if (syntax) return failed(source, diagnostic("config-syntax", { reason: syntax.reason }), syntax.position);
  const read: ConfigSource = { ...source, js: js.js };

  let namespace: Record<string, unknown>;
  try {
    if (typeScript) await loadTypeScriptModules();
    namespace = (await importFresh(file)) as Record<string, unknown>;
  } catch (error) {
    return { ok: false, errors: [loadError(error, read, projectRoot)] };
  }
  if (!("default" in namespace)) return failed(read, diagnostic("config-no-default-export"), { line: 1, column: 1 });
  const settings = namespace.default;
  if (!isPlainObject(settings)) return failed(read, diagnostic("config-not-object", { got: shownValue(settings) }), keyPosition(read, []));
  const { config, problems, pagePaths } = validateConfig(settings);
  if (problems.length) return { ok: false, errors: sortLocatedErrors(problems.map((problem) => configError(read, problem.path, problem.found))) };
  return { ok: true, config, source: read, pagePaths };
}

/** An error about the value at `keyPath` of the configuration, at the line that writes it. */
export function configError(source: ConfigSource, keyPath: KeyPath, found: Diagnostic): LocatedError {
  return locatedError(found, { file: source.shown, lines: source.text, position: keyPosition(source, keyPath) }, { before: 0, after: 0 });
}

function failed(source: Omit<ConfigSource, "js">, found: Diagnostic, position: SourcePosition): LoadedConfig {
  return { ok: false, errors: [locatedError(found, { file: source.shown, lines: source.text, position }, { before: 0, after: 0 })] };
}

/** Where `keyPath` is written: its line, and in a TypeScript config the key's column in the line as written. */
function keyPosition(source: ConfigSource, keyPath: KeyPath): SourcePosition {
  const found = locateKeyPath(source.js, keyPath) ?? { line: 1, column: 1 };
  if (source.js === source.text) return found;
  const key = keyPath.findLast((part): part is string => typeof part === "string");
  const at = key === undefined ? -1 : new LineIndex(source.text).line(found.line).indexOf(key);
  return at === -1 ? found : { line: found.line, column: at + 1 };
}

/** A syntax error in a JavaScript config, where Node would not say where it is. */
function syntaxError(text: string): { reason: string; position: SourcePosition } | undefined {
  try {
    parse(text, { ecmaVersion: "latest", sourceType: "module", allowHashBang: true });
    return undefined;
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    if (!loc) return undefined;
    return { reason: (error as Error).message.replace(/ \(\d+:\d+\)$/, ""), position: { line: loc.line, column: loc.column + 1 } };
  }
}

async function strippedTypeScript(text: string): Promise<{ js: string } | { failure: { reason: string; line: number; column: number } }> {
  const { esbuildStripper } = await import("../publish/strip-types-esbuild.ts");
  return esbuildStripper.strip(text, 0);
}

/**
 * The module, loaded anew each time: Node keeps a module by its URL, and the preview reads the
 * configuration again when it changes. (Each reading stays in memory; a config is small.)
 */
let readings = 0;
async function importFresh(file: string): Promise<unknown> {
  const url = `${pathToFileURL(file).href}?v=${++readings}.${statSync(file).mtimeMs}`;
  return import(url);
}

/** TypeScript configurations load through the data loaders' hooks (esbuild strips their types); once per process. */
let typeScriptHooks: Promise<void> | undefined;
function loadTypeScriptModules(): Promise<void> {
  return (typeScriptHooks ??= (async () => {
    const { register } = await import("node:module");
    register(pathToFileURL(path.join(PACKAGE_ROOT, "dist", "loader-hooks.js")).href);
    // The hooks put a source map in each module: a throw is then reported at the line as written.
    process.setSourceMapsEnabled(true);
  })());
}

/** What went wrong while loading: an import that cannot be found, at the import; a throw, at the line that threw. */
function loadError(error: unknown, source: ConfigSource, projectRoot: string): LocatedError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
    const missing = /Cannot find (?:module|package) '([^']+)'/.exec(message)?.[1];
    const written = missing ? importWritten(source, missing) : undefined;
    const specifier = written?.specifier ?? missing ?? message;
    const found = /^[./]|^[A-Za-z]:\\/.test(specifier) ? diagnostic("config-module-missing", { specifier }) : diagnostic("config-import-missing", { specifier });
    return locatedError(found, { file: source.shown, lines: source.text, position: written?.position ?? { line: 1, column: 1 } }, { before: 0, after: 0 });
  }
  const thrown = error instanceof Error ? `${error.name}: ${message}` : `${shownValue(error)} was thrown`;
  const frame = error instanceof Error ? throwingFrame(error, source, projectRoot) : undefined;
  const found = diagnostic("config-threw", { thrown });
  if (!frame) return locatedError(found, { file: source.shown, lines: source.text, position: { line: 1, column: 1 } }, { before: 0, after: 0 });
  return locatedError(found, { file: frame.shown, ...(frame.text === undefined ? {} : { lines: frame.text }), position: frame.position }, { before: 0, after: 0 });
}

/** The first frame of the stack in the project (the config or a module of the project it imports). */
function throwingFrame(error: Error, source: ConfigSource, projectRoot: string): { shown: string; text?: string; position: SourcePosition } | undefined {
  // A frame names a module by its URL, or (mapped through a TypeScript module's source map) by its path.
  for (const match of (error.stack ?? "").matchAll(/(file:\/\/[^\s)]+?|(?<=\(|at )(?:\/|[A-Za-z]:\\)[^\s()]+?)(?:\?[^\s):]*)?:(\d+):(\d+)/g)) {
    let file: string;
    try {
      file = match[1]!.startsWith("file:") ? fileURLToPath(match[1]!) : match[1]!;
    } catch {
      continue;
    }
    const relative = path.relative(projectRoot, file);
    if (relative.startsWith("..") || path.isAbsolute(relative) || relative.split(path.sep).includes("node_modules")) continue;
    const position = { line: Number(match[2]), column: Number(match[3]) };
    if (file === source.file) return { shown: source.shown, text: source.text, position };
    let text: string | undefined;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      text = undefined;
    }
    return { shown: relative.split(path.sep).join("/"), ...(text === undefined ? {} : { text }), position };
  }
  return undefined;
}

/** The import in the config that names `missing` (a package, or the absolute path a relative import led to). */
function importWritten(source: ConfigSource, missing: string): { specifier: string; position: SourcePosition } | undefined {
  const lines = new LineIndex(source.text);
  for (const match of source.text.matchAll(/\b(?:from|import)\s*\(?\s*(["'])([^"'\n]+)\1/g)) {
    const specifier = match[2]!;
    const relative = specifier.startsWith(".") || specifier.startsWith("/");
    const names = specifier === missing || (relative ? path.resolve(path.dirname(source.file), specifier) === missing : specifier.startsWith(`${missing}/`));
    if (names) return { specifier, position: lines.position(match.index + match[0].indexOf(match[1]!)) };
  }
  return undefined;
}
