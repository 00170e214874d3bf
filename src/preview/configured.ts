// `wattbook preview` with the project's configuration: reads it (flags over wattbook.config.js over the
// defaults), starts the preview, and reads it again whenever it changes. What only changes how pages
// look (title, tables of contents, …) and what type errors do take effect at once, and every open page
// reloads; a new notebooks folder, static folder or evaluation limits restart the preview on the same
// address, and open pages reload once it is back. A configuration that no longer reads shows its errors
// over every page, and the last good settings stay, until it reads again.
import { type FSWatcher, watch } from "node:fs";
import type { LocatedError } from "../notebook/errors.ts";
import { CONFIG_NAMES } from "../config/files.ts";
import { readProjectSettings } from "../config/read.ts";
import type { CommandFlags, ProjectSettings } from "../config/settings.ts";
import { startPreview, type PreviewServer } from "./server.ts";

export interface ConfiguredPreviewOptions {
  readonly projectRoot: string;
  readonly flags: CommandFlags;
  readonly host: string;
  readonly port: number;
  readonly log: (line: string) => void;
  readonly warn: (text: string) => void;
  /** Shows a configuration's errors (at start-up, and after a change that broke it). */
  readonly report: (errors: readonly LocatedError[]) => void;
}

export interface ConfiguredPreview {
  readonly url: string;
  /** Reads the configuration again and applies it (the watcher calls this on a change). */
  reload(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the preview; undefined, after reporting them, when the configuration has errors. */
export async function startConfiguredPreview(options: ConfiguredPreviewOptions): Promise<ConfiguredPreview | undefined> {
  const read = await readProjectSettings(options.projectRoot, options.flags);
  if (!read.ok) {
    options.report(read.errors);
    return undefined;
  }
  let settings = read.settings;
  const start = (port: number) =>
    startPreview({
      projectRoot: settings.projectRoot,
      root: settings.root,
      staticDir: settings.staticDir,
      host: options.host,
      port,
      limits: settings.limits,
      site: settings.site,
      typecheck: settings.typecheck,
      log: options.log,
      warn: options.warn,
    });
  let server: PreviewServer = await start(options.port);
  // A restart listens where the first one did, also when the first one was given port 0.
  const port = Number(new URL(server.url).port);

  const apply = async () => {
    const again = await readProjectSettings(options.projectRoot, options.flags);
    if (!again.ok) {
      options.report(again.errors);
      await server.reconfigure({ errors: again.errors });
      return;
    }
    const next = again.settings;
    const moved = restartFor(settings, next);
    settings = next;
    if (moved) {
      options.log(`configuration: ${moved} changed; restarting the preview`);
      await server.close();
      server = await start(port);
      return;
    }
    await server.reconfigure({ site: next.site, typecheck: next.typecheck });
    options.log("configuration read again");
  };
  // One reading at a time, in the order of the changes.
  let applying = Promise.resolve();
  const reload = () => (applying = applying.then(apply).catch((error: unknown) => options.log(`preview: ${String((error as Error)?.stack ?? error)}`)));

  const names: readonly string[] = CONFIG_NAMES;
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(options.projectRoot, (_event, name) => {
    if (!name || !names.includes(String(name))) return;
    // Editors write a file in several steps: read it once they are done.
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), 30);
  });

  return {
    get url() {
      return server.url;
    },
    reload,
    async close() {
      clearTimeout(timer);
      watcher.close();
      await applying;
      await server.close();
    },
  };
}

/** What changed that the running preview cannot take without starting again, in words; undefined when nothing. */
function restartFor(before: ProjectSettings, after: ProjectSettings): string | undefined {
  const changed = [
    before.root !== after.root ? "the notebooks folder" : "",
    before.staticDir !== after.staticDir ? "the static folder" : "",
    JSON.stringify(before.limits) !== JSON.stringify(after.limits) ? "the evaluation limits" : "",
  ].filter(Boolean);
  return changed.length ? changed.join(", ") : undefined;
}
