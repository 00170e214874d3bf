// Writes a site's pages and scripts into the new site folder. A file whose bytes the previous site
// already holds, untouched since the build that wrote it, is hard-linked from there instead of written
// again: a rebuild that changes little writes little, and the new folder still replaces the old in one
// rename. "Untouched" is checked, not assumed: the previous build recorded each file's content hash
// with its size, modification time and inode (in the build cache, never in the site, so the site's
// bytes stay a function of its content), and a file is linked only when all of these still match.
import { createHash } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** What the build knows of a file it wrote. */
export interface WrittenFile {
  readonly sha1: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

/** The files of a site as its build wrote them, by path relative to the site root. */
export type SiteState = ReadonlyMap<string, WrittenFile>;

/**
 * Writes files into `site` (a fresh folder): each folder made once, each file linked from `previous` (the
 * site folder being replaced) when its state vouches that it holds these very bytes, else written.
 * Synchronous on purpose: a thousand small files are written in about half the time of as many
 * promises, and the build writes each page as soon as it is ready. `state` is what to record once the
 * site is in place.
 */
export class SiteWriter {
  readonly state = new Map<string, WrittenFile>();
  private readonly folders = new Set<string>();

  constructor(
    private readonly site: string,
    private readonly previous?: { readonly dir: string; readonly state: SiteState },
  ) {}

  write(file: string, text: string | Uint8Array): void {
    const target = path.join(this.site, file);
    const folder = path.dirname(target);
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    const sha1 = createHash("sha1").update(text).digest("hex");
    const known = this.previous?.state.get(file);
    if (known?.sha1 === sha1 && this.previous && linkUnchanged(path.join(this.previous.dir, file), target, known)) {
      this.state.set(file, known);
      return;
    }
    writeFileSync(target, text);
    const { size, mtimeMs, ino } = statSync(target);
    this.state.set(file, { sha1, size, mtimeMs, ino });
  }

  writeAll(files: Iterable<readonly [string, string]>): void {
    for (const [file, text] of files) this.write(file, text);
  }

  /** Puts the file at `from` (the library's, the editor's) into the site as `file`, linked when unchanged. */
  copy(file: string, from: string): void {
    this.write(file, readFileSync(from));
  }
}

/** Links `from` to `to` when `from` is still the file recorded as `known`; false when it cannot be. */
function linkUnchanged(from: string, to: string, known: WrittenFile): boolean {
  try {
    const { size, mtimeMs, ino } = statSync(from);
    if (size !== known.size || mtimeMs !== known.mtimeMs || ino !== known.ino) return false;
    linkSync(from, to);
    return true;
  } catch {
    // Gone, on another file system, or links not allowed: the file is written instead.
    return false;
  }
}

/** Where the state of the site built into `out` is kept in the build cache. */
function stateFile(cacheDir: string, out: string): string {
  return path.join(cacheDir, "sites", `${createHash("sha256").update(path.resolve(out)).digest("hex").slice(0, 32)}.json`);
}

/** The recorded state of the site in `out`; empty when none was recorded or it cannot be read. */
export function readSiteState(cacheDir: string, out: string): SiteState {
  try {
    const entries = JSON.parse(readFileSync(stateFile(cacheDir, out), "utf8")) as [string, WrittenFile][];
    return new Map(entries.filter(([file, known]) => typeof file === "string" && typeof known?.sha1 === "string"));
  } catch {
    return new Map();
  }
}

/** Records the state of the site now in `out`. A cache that cannot be written only costs time. */
export async function writeSiteState(cacheDir: string, out: string, state: SiteState): Promise<void> {
  const file = stateFile(cacheDir, out);
  const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, JSON.stringify([...state]));
    await rename(temporary, file);
  } catch {
    // the next build writes every file
  }
}
