// The build cache: what a notebook compiled and evaluated to, kept by the content of everything that
// went into it, so that a rebuild redoes only the notebooks that changed. An entry's key hashes the
// notebook's text and path, the evaluation limits and the toolchain (wattbook's version and compiled
// code, and the library, which holds the kernel); a notebook that imports local modules or npm packages
// also records each file its scripts were made from, by content, and is served only while every one is
// unchanged. Keys never involve times or absolute paths: the same content is the same entry from any
// folder. The package files pages share (package-files.ts) are kept once, under shared/ by their site
// path, whose name is a hash of their content.
//
// An entry is served only when it reads back whole (its checksum matches) and is the one asked for;
// anything else is a miss, and the notebook is built afresh and the entry written again. Entries are
// written to a temporary file and renamed, so a concurrent build never reads half of one.
//
// The folder: node_modules/.cache/wattbook/ when the project has node_modules (where build tools keep
// their caches, and git ignores it), else .wattbook/cache/. Delete it any time; `--no-cache` ignores it.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { AnalyzedNotebook } from "../notebook/types.ts";
import type { SnapshotValue } from "../runtime/snapshot-values.ts";
import type { MissingProperty } from "./missing-property.ts";
import type { Attachment } from "./attachments.ts";
import { fileHashes } from "./file-hashes.ts";
import type { Compiled } from "./compile-for-site.ts";
import type { EvaluationLimits } from "./evaluate.ts";
import type { EmittedNotebook } from "./emit.ts";

/** Bump when an entry's shape or meaning changes: older entries then simply miss. */
const FORMAT = 6;

/** An input's "hash" when the entry holds only while the file does not exist. */
const ABSENT = "absent";

/** Where a project's build cache lives (see the header). */
export function cacheDirOf(projectRoot: string): string {
  return existsSync(path.join(projectRoot, "node_modules")) ? path.join(projectRoot, "node_modules", ".cache", "wattbook") : path.join(projectRoot, ".wattbook", "cache");
}

/** What a notebook built to: everything the site needs of it without compiling or evaluating it again. */
export interface CachedNotebook {
  readonly notebook: AnalyzedNotebook;
  readonly module: string;
  readonly emitted: EmittedNotebook;
  /** Each cell's prerendered output (and each exercise's shown answer). */
  readonly outputs: Readonly<Record<string, string>>;
  /** The declared names' values, for value snapshots (see runtime/snapshot-values.ts). */
  readonly values: Readonly<Record<string, SnapshotValue>>;
  /** The property reads that made cells show nothing, for the build's warnings (see display-warnings.ts). */
  readonly missing?: Readonly<Record<string, MissingProperty>>;
  /** The files the notebook attaches, published with its page (see attachments.ts). */
  readonly attachments?: readonly Attachment[];
  /** Files outside the notebook that its scripts were made from (local modules, npm packages), relative to the project root, with their SHA-256. */
  readonly inputs?: readonly { readonly file: string; readonly sha256: string }[];
}

/**
 * An entry on disk is two lines: a header, then the body.
 *   {"format":2,"key":"…","checksum":"…"}
 *   {…the CachedNotebook as JSON, with emitted.files as pairs…}
 * The checksum (SHA-256 of the body's text) is checked before the body is parsed, once.
 */
interface EntryHeader {
  readonly format: number;
  readonly key: string;
  readonly checksum: string;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries found but not served: unreadable, incomplete, or with an input that changed. */
  rejected: number;
}

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

export class BuildCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, rejected: 0 };
  /**
   * Input files hashed by this cache, by absolute path and identity on disk (size, modification time,
   * inode): notebooks importing one package share its files, and a file changed since is hashed again.
   */
  private readonly inputHashes = new Map<string, Promise<string | undefined>>();

  private constructor(
    readonly dir: string,
    /** The toolchain's part of every key. */
    readonly toolchain: string,
    /** What entries' inputs are relative to. */
    private readonly projectRoot: string,
  ) {}

  /**
   * The cache in `dir` for builds by this toolchain: `toolchain` names everything besides a notebook
   * that shapes what it builds to (see toolchainKey).
   */
  static async open(dir: string, toolchain: string, projectRoot: string): Promise<BuildCache> {
    await mkdir(path.join(dir, "notebooks"), { recursive: true });
    return new BuildCache(dir, toolchain, projectRoot);
  }

  /** Whether the cache holds no entry at all (a first build, or one after the cache was deleted). */
  async isEmpty(): Promise<boolean> {
    return (await readdir(path.join(this.dir, "notebooks")).catch(() => [] as string[])).length === 0;
  }

  /** The key of a notebook's entry. */
  keyOf(compiledFrom: { readonly sourcePath: string; readonly sourceText: string }, { limits, typecheck }: { readonly limits: EvaluationLimits; readonly typecheck: string }): string {
    const parts = [FORMAT, this.toolchain, compiledFrom.sourcePath, limits.timeoutMs, limits.cellTimeoutMs, limits.memoryMb, limits.maxOutputBytes, typecheck];
    return sha256(`${JSON.stringify(parts)}\n${compiledFrom.sourceText}`);
  }

  private fileOf(key: string): string {
    return path.join(this.dir, "notebooks", `${key.slice(0, 2)}`, `${key}.json`);
  }

  /** The entry for `key` when it is whole and still current; undefined otherwise (a miss). */
  async read(key: string): Promise<CachedNotebook | undefined> {
    let text: string;
    try {
      // Synchronous: hundreds of small entries are read faster one after another than as promises.
      text = readFileSync(this.fileOf(key), "utf8");
    } catch {
      this.stats.misses++;
      return undefined;
    }
    const decoded = decode(text, key);
    // Attached files are kept relative to the project (an entry serves the project wherever it is); the
    // output of a data loader lives in the cache, which may have lost it.
    const entry = decoded?.attachments ? { ...decoded, attachments: decoded.attachments.map((a) => ({ ...a, source: path.resolve(this.projectRoot, a.source) })) } : decoded;
    if (!entry || !(await this.inputsUnchanged(entry)) || !(entry.attachments ?? []).every((a) => existsSync(a.source)) || !(entry.emitted.shared ?? []).every((file) => existsSync(this.sharedFile(file)))) {
      this.stats.rejected++;
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    return entry;
  }

  /** Keeps what `key` built to. A cache that cannot be written only costs time: errors are swallowed. */
  async write(key: string, entry: CachedNotebook): Promise<void> {
    const attachments = entry.attachments?.map((a) => ({ ...a, source: path.relative(this.projectRoot, a.source).split(path.sep).join("/") }));
    const body = JSON.stringify({ ...entry, ...(attachments ? { attachments } : {}), emitted: { ...entry.emitted, files: [...entry.emitted.files] } });
    const header: EntryHeader = { format: FORMAT, key, checksum: sha256(body) };
    const file = this.fileOf(key);
    const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temporary, `${JSON.stringify(header)}\n${body}`);
      await rename(temporary, file);
    } catch {
      await rm(temporary, { force: true }).catch(() => {});
    }
  }

  /** Where the shared script at `sitePath` is kept (see keepShared). */
  sharedFile(sitePath: string): string {
    return path.join(this.dir, "shared", ...sitePath.split("/"));
  }

  /**
   * Keeps the shared scripts a notebook's page loads (package files), each once: its name holds a hash
   * of its content, so one already kept is the same. Errors only cost time (the entry is not served).
   */
  async keepShared(sitePaths: readonly string[], text: (sitePath: string) => string | undefined): Promise<void> {
    await Promise.all(
      sitePaths.map(async (sitePath) => {
        const file = this.sharedFile(sitePath);
        const contents = text(sitePath);
        if (contents === undefined || existsSync(file)) return;
        const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}`;
        try {
          await mkdir(path.dirname(file), { recursive: true });
          await writeFile(temporary, contents);
          await rename(temporary, file);
        } catch {
          await rm(temporary, { force: true }).catch(() => {});
        }
      }),
    );
  }

  private async inputsUnchanged(entry: CachedNotebook): Promise<boolean> {
    if (!entry.inputs?.length) return true;
    const hashOf = async (file: string) => {
      const identity = await stat(file).then(({ size, mtimeMs, ino }) => `${file}\0${size}\0${mtimeMs}\0${ino}`, () => undefined);
      if (identity === undefined) return undefined;
      let hash = this.inputHashes.get(identity);
      if (!hash) this.inputHashes.set(identity, (hash = readFile(file).then(sha256, () => undefined)));
      return hash;
    };
    const current = await Promise.all(entry.inputs.map(({ file }) => hashOf(path.resolve(this.projectRoot, file))));
    return entry.inputs.every((input, index) => current[index] === input.sha256 || (input.sha256 === ABSENT && current[index] === undefined));
  }

  /** Files that must stay absent for an entry to hold (where a file would take a data loader's place). */
  absentInputs(files: readonly string[]): { file: string; sha256: string }[] {
    return files.map((file) => ({ file: path.relative(this.projectRoot, file).split(path.sep).join("/"), sha256: ABSENT }));
  }

  /** Each file, relative to the project, with its SHA-256: an entry's `inputs` (files that cannot be read are left out). */
  async hashInputs(files: readonly string[]): Promise<{ file: string; sha256: string }[]> {
    const hashed = await Promise.all(files.map(async (file) => ({ file: path.relative(this.projectRoot, file).split(path.sep).join("/"), sha256: await readFile(file).then(sha256, () => "") })));
    return hashed.filter((input) => input.sha256);
  }

  /**
   * Keeps the cache from growing without end: once it holds more than `limit` entries, the oldest
   * (by when they were written) go first, down to half of it.
   */
  async prune(limit: number): Promise<void> {
    const root = path.join(this.dir, "notebooks");
    const files: { file: string; writtenMs: number }[] = [];
    for (const shard of await readdir(root).catch(() => [] as string[])) {
      for (const name of await readdir(path.join(root, shard)).catch(() => [] as string[])) files.push({ file: path.join(root, shard, name), writtenMs: 0 });
    }
    if (files.length <= limit) return;
    await Promise.all(files.map(async (entry) => (entry.writtenMs = (await stat(entry.file).catch(() => undefined))?.mtimeMs ?? 0)));
    files.sort((a, b) => a.writtenMs - b.writtenMs);
    await Promise.all(files.slice(0, files.length - Math.floor(limit / 2)).map((entry) => rm(entry.file, { force: true })));
  }
}

/** The stored entry's notebook, when it reads back whole and is the one asked for. */
function decode(text: string, key: string): CachedNotebook | undefined {
  try {
    const newline = text.indexOf("\n");
    if (newline === -1) return undefined;
    const header = JSON.parse(text.slice(0, newline)) as EntryHeader;
    const bodyText = text.slice(newline + 1);
    if (header.format !== FORMAT || header.key !== key || sha256(bodyText) !== header.checksum) return undefined;
    const body = JSON.parse(bodyText) as Omit<CachedNotebook, "emitted"> & { emitted: Omit<EmittedNotebook, "files"> & { files: [string, string][] } };
    if (!body.notebook || typeof body.module !== "string" || !body.outputs || !body.values || !Array.isArray(body.emitted?.files)) return undefined;
    return { ...body, emitted: { ...body.emitted, files: new Map(body.emitted.files) } };
  } catch {
    return undefined;
  }
}


/**
 * The toolchain's part of every key: wattbook's version, the code that compiles and evaluates (dist/,
 * by content) and the library a site's pages import (the runtime and the kernel, by its content key).
 */
export function toolchainKey(version: string, codeFiles: readonly string[], libraryKey: string, cacheDir: string): string {
  const hash = createHash("sha256").update(`${version}\n${libraryKey}\n`);
  const files = [...codeFiles].sort();
  const hashes = fileHashes(files, path.join(cacheDir, "code-hashes.json"));
  files.forEach((file, index) => hash.update(`${path.basename(file)}\n${hashes[index]}\n`));
  return hash.digest("hex");
}

/** A rehydrated Compiled from an entry and the text it was keyed by. */
export function compiledFromCache(entry: CachedNotebook, text: { readonly sourcePath: string; readonly displayPath: string; readonly sourceText: string }): Compiled {
  return { sourcePath: text.sourcePath, displayPath: text.displayPath, sourceText: text.sourceText, notebook: entry.notebook, module: entry.module };
}
