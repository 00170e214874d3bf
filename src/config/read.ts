// What build, check and preview read before anything else: the configuration (load.ts) merged with the
// command's flags (settings.ts), and the files it names checked: each page of `pages` a notebook of the
// notebooks folder, listed once; the favicon a file of the static folder. Every problem is located in
// the configuration file, at the key that names the file.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { LocatedError } from "../notebook/errors.ts";
import { type Diagnostic, diagnostic } from "../notebook/messages.ts";
import { scanNotebooks } from "../publish/notebook-files.ts";
import { nearestName } from "../text/similar.ts";
import { configFiles } from "./files.ts";
import { type CommandFlags, type ProjectSettings, resolveSettings } from "./settings.ts";
import { formatKeyPath, type KeyPath } from "./key-path.ts";
import type { PagePath } from "./validate.ts";

export type ReadSettings = { readonly ok: true; readonly settings: ProjectSettings; readonly configFile?: string } | { readonly ok: false; readonly errors: readonly LocatedError[] };

export async function readProjectSettings(projectRoot: string, flags: CommandFlags, cwd = process.cwd()): Promise<ReadSettings> {
  if (!configFiles(projectRoot).length) return { ok: true, settings: resolveSettings({}, flags, { projectRoot, cwd }) };
  const { loadConfig, configError } = await import("./load.ts");
  const loaded = await loadConfig(projectRoot);
  if (!loaded.ok) return loaded;
  const settings = resolveSettings(loaded.config, flags, { projectRoot, cwd });
  if (!loaded.source) return { ok: true, settings };
  const located = (keyPath: KeyPath, found: Diagnostic) => configError(loaded.source!, keyPath, found);
  const errors = [...(await pageErrors(settings, located, loaded.pagePaths ?? [])), ...faviconErrors(settings, located)];
  return errors.length ? { ok: false, errors } : { ok: true, settings, configFile: loaded.source.file };
}

/** Each page must be a notebook of the notebooks folder (when there is one: the build says when not), listed once. */
/** A problem with the value at a key path, located in the configuration file. */
type Locate = (keyPath: KeyPath, found: Diagnostic) => LocatedError;

async function pageErrors(settings: ProjectSettings, located: Locate, pagePaths: readonly PagePath[]): Promise<LocatedError[]> {
  if (!pagePaths.length || !existsSync(settings.root) || !statSync(settings.root).isDirectory()) return [];
  const { notebooks } = await scanNotebooks(settings.root);
  const known = new Set(notebooks);
  const listed = new Map<string, KeyPath>();
  const errors: LocatedError[] = [];
  for (const { path: page, keyPath } of pagePaths) {
    const key = formatKeyPath(keyPath);
    if (!known.has(page)) {
      const near = nearestName(page, notebooks);
      const file = path.relative(settings.projectRoot, path.join(settings.root, page)).split(path.sep).join("/");
      const found = near ? diagnostic("config-page-missing-near", { key, file, near: JSON.stringify(near) }) : diagnostic("config-page-missing", { key, file, known: notebooks.map((name) => JSON.stringify(name)).join(", ") || "none" });
      errors.push(located(keyPath, found));
      continue;
    }
    const before = listed.get(page);
    if (before) errors.push(located(keyPath, diagnostic("config-page-twice", { key, path: JSON.stringify(page), other: formatKeyPath(before) })));
    else listed.set(page, keyPath);
  }
  return errors;
}

function faviconErrors(settings: ProjectSettings, located: Locate): LocatedError[] {
  const { favicon } = settings.site;
  if (favicon === undefined) return [];
  const file = path.join(settings.staticDir, favicon);
  if (existsSync(file) && statSync(file).isFile()) return [];
  return [located(["favicon"], diagnostic("config-favicon-missing", { file: path.relative(settings.projectRoot, file).split(path.sep).join("/") }))];
}
