// The settings a command runs with: the flags it was given, else the configuration's values, else the
// defaults. Folders given as flags are relative to the working directory, folders in the configuration
// to the project (the configuration's folder). Pure.
import path from "node:path";
import { DEFAULT_LIMITS, type EvaluationLimits } from "../publish/evaluate.ts";
import { DEFAULT_SITE_CONFIG, type SiteConfig } from "../publish/site-config.ts";
import type { ConfigFile, TypecheckMode } from "./schema.ts";

/** The folders a project has when neither a flag nor its configuration says otherwise. */
export const DEFAULT_FOLDERS = { root: "notebooks", output: "build", static: "static" } as const;

/** What a command's flags say, as given (folders relative to the working directory); absent when not given. */
export interface CommandFlags {
  readonly root?: string;
  readonly out?: string;
  readonly static?: string;
  readonly typecheck?: TypecheckMode;
  readonly timeoutMs?: number;
  readonly cellTimeoutMs?: number;
  readonly memoryMb?: number;
  readonly maxOutputMb?: number;
}

export interface ProjectSettings {
  readonly projectRoot: string;
  /** The notebooks folder, absolute. */
  readonly root: string;
  /** Where `build` writes the site, absolute. */
  readonly out: string;
  /** The folder copied into the site, absolute. */
  readonly staticDir: string;
  readonly limits: EvaluationLimits;
  readonly typecheck: TypecheckMode;
  readonly site: SiteConfig;
}

export function resolveSettings(config: ConfigFile, flags: CommandFlags, where: { readonly projectRoot: string; readonly cwd: string }): ProjectSettings {
  const folder = (flag: string | undefined, configured: string | undefined, fallback: string) => (flag !== undefined ? path.resolve(where.cwd, flag) : path.resolve(where.projectRoot, configured ?? fallback));
  const maxOutputMb = flags.maxOutputMb ?? config.maxOutputMb;
  return {
    projectRoot: where.projectRoot,
    root: folder(flags.root, config.root, DEFAULT_FOLDERS.root),
    out: folder(flags.out, config.output, DEFAULT_FOLDERS.output),
    staticDir: folder(flags.static, config.static, DEFAULT_FOLDERS.static),
    limits: {
      timeoutMs: flags.timeoutMs ?? config.timeoutMs ?? DEFAULT_LIMITS.timeoutMs,
      cellTimeoutMs: flags.cellTimeoutMs ?? config.cellTimeoutMs ?? DEFAULT_LIMITS.cellTimeoutMs,
      memoryMb: flags.memoryMb ?? config.memoryMb ?? DEFAULT_LIMITS.memoryMb,
      maxOutputBytes: maxOutputMb === undefined ? DEFAULT_LIMITS.maxOutputBytes : maxOutputMb * 1e6,
    },
    typecheck: flags.typecheck ?? config.typecheck ?? "error",
    site: siteConfig(config),
  };
}

/** The configuration's site settings over the defaults. */
export function siteConfig(config: ConfigFile): SiteConfig {
  const { title, pages, header, footer, head, favicon, search, editing, toc } = config;
  const given = Object.entries({ title, pages, header, footer, head, favicon, search, editing, toc }).filter(([, value]) => value !== undefined);
  return { ...DEFAULT_SITE_CONFIG, ...Object.fromEntries(given) };
}
