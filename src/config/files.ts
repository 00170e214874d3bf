// Where a project's configuration is: wattbook.config.js at the project root, or .mjs, or .ts and .mts
// (their types stripped as they load). A module of names only, so that a project without one never
// loads the loader, the parser or the schema.
import { existsSync, statSync } from "node:fs";
import path from "node:path";

/** The names a configuration may have, in the order they are looked for. */
export const CONFIG_NAMES = ["wattbook.config.js", "wattbook.config.mjs", "wattbook.config.ts", "wattbook.config.mts"] as const;

/** The configuration files present in the project, absolute. */
export function configFiles(projectRoot: string): string[] {
  return CONFIG_NAMES.map((name) => path.join(projectRoot, name)).filter((file) => existsSync(file) && statSync(file).isFile());
}
