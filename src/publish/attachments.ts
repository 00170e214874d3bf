// The files a notebook attaches (FileAttachment("…") calls, found by the compiler): each resolved against
// the notebook (notebook/attachment-path.ts) to a file under the notebooks root, or to a data loader
// beside where it would be (data-loader.ts); read once to hash it, and published under a content-hashed
// name in the site's _file/ folder. The build evaluates with the same bytes the page later fetches.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { attachmentPath } from "../notebook/attachment-path.ts";
import { locatedError, type LocatedError } from "../notebook/errors.ts";
import { LineIndex, normalizeNewlines } from "../notebook/locate.ts";
import { diagnostic } from "../notebook/messages.ts";
import type { AttachedFile } from "../runtime/file-attachment.ts";
import type { Compiled } from "./compile-for-site.ts";
import { contentHash } from "./content-hash.ts";
import { mimeTypeOf } from "./mime-types.ts";
import { type DataLoaders, LoaderError, loaderFor, LOADER_EXTENSIONS } from "./data-loader.ts";
import type { NotebookAttachments } from "./evaluate-protocol.ts";
import type { PublishedFile } from "./render.ts";
import { toRootOf } from "./site-paths.ts";
import { urlOfPath } from "./url-path.ts";

/** The site folder attached files are published in. */
export const FILES_DIR = "_file";

/** A file a notebook attaches, ready to publish. */
export interface Attachment {
  /** Relative to the notebooks root, as FileAttachment names it. */
  readonly path: string;
  /** Where it is published, relative to the site root ("_file/data/usage.6WQ2NTRB.csv"). */
  readonly published: string;
  /** The absolute file holding its bytes: the file itself, or its data loader's output in the cache. */
  readonly source: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
  /** Relative to the project root: the data loader that made it, when one did. */
  readonly loader?: string;
}

export interface ResolvedAttachments {
  readonly attachments: readonly Attachment[];
  /**
   * Files (absolute) whose content the attachments depend on, for the build cache: the attached files,
   * and for made files their loaders and what those import.
   */
  readonly inputs: readonly string[];
  /** Files (absolute) that must stay absent: where a loader's output would be, a file put there would win. */
  readonly absent: readonly string[];
  readonly errors: readonly LocatedError[];
}

export interface ResolveOptions {
  /** The notebooks root (absolute). */
  readonly root: string;
  readonly projectRoot: string;
  readonly loaders: DataLoaders;
}

/** Resolves, hashes and names every file the notebook attaches; a file that cannot be had is an error at its call. */
export async function resolveAttachments(compiled: Compiled, options: ResolveOptions): Promise<ResolvedAttachments> {
  const calls = compiled.notebook.cells.flatMap((cell) => (cell.attachments ?? []).map((attachment) => ({ ...attachment, cellId: cell.id })));
  if (!calls.length) return { attachments: [], inputs: [], absent: [], errors: [] };
  const lines = new LineIndex(normalizeNewlines(compiled.sourceText));
  const shown = (file: string) => path.relative(options.projectRoot, file).split(path.sep).join("/");
  const errors: LocatedError[] = [];
  const byPath = new Map<string, Promise<Attachment | LocatedError>>();
  const inputs = new Set<string>();
  const absent = new Set<string>();

  const resolveOne = async (call: (typeof calls)[number], relative: string): Promise<Attachment | LocatedError> => {
    const at = (found: ReturnType<typeof diagnostic>) => locatedError(found, { file: compiled.displayPath, lines, position: call.position, cellId: call.cellId }, { before: 0, after: 0 });
    const file = path.join(options.root, ...relative.split("/"));
    const found = await stat(file).catch(() => undefined);
    if (found?.isDirectory()) return at(diagnostic("file-attachment-folder", { name: call.name, file: shown(file) }));
    if (found) {
      inputs.add(file);
      return published(relative, file, undefined);
    }
    const loader = loaderFor(file);
    if (!loader) {
      const loaders = LOADER_EXTENSIONS.slice(0, 2).map((extension) => `${path.basename(file)}${extension}`).join(" or ");
      return at(diagnostic("file-attachment-missing", { name: call.name, file: shown(file), loaders }));
    }
    absent.add(file);
    try {
      const output = await options.loaders.run(loader);
      for (const input of output.inputs) inputs.add(input);
      return published(relative, output.file, shown(loader));
    } catch (error) {
      if (!(error instanceof LoaderError)) throw error;
      const stderr = error.stderrTail.trim() ? `\n${indent(error.stderrTail.trim())}` : "";
      const run = /\.m?ts$/.test(loader) ? `npx tsx ${shown(loader)}` : `node ${shown(loader)}`;
      return at(diagnostic("data-loader-failed", { loader: shown(loader), reason: error.reason, stderr, run }));
    }
  };

  const attachments: Attachment[] = [];
  for (const call of calls) {
    const resolved = attachmentPath(compiled.sourcePath, call.name);
    if ("problem" in resolved) {
      const found = resolved.problem === "url" ? diagnostic("file-attachment-url", { name: call.name }) : resolved.problem === "outside" ? diagnostic("file-attachment-outside", { name: call.name }) : diagnostic("file-attachment-folder", { name: call.name, file: call.name });
      errors.push(locatedError(found, { file: compiled.displayPath, lines, position: call.position, cellId: call.cellId }, { before: 0, after: 0 }));
      continue;
    }
    if (!byPath.has(resolved.path)) byPath.set(resolved.path, resolveOne(call, resolved.path));
  }
  for (const result of await Promise.all(byPath.values())) {
    if ("published" in result) attachments.push(result);
    else errors.push(result);
  }
  return { attachments: attachments.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), inputs: [...inputs].sort(), absent: [...absent].sort(), errors };
}

/** A loader's standard error under its message: indented, runs of blank lines made one. */
function indent(text: string): string {
  return text.replace(/\n\s*\n(\s*\n)+/g, "\n\n").replace(/^/gm, "    ");
}

/** The attachment's published name and facts, from its bytes. */
async function published(relative: string, source: string, loader: string | undefined): Promise<Attachment> {
  const bytes = await readFile(source);
  const extension = path.posix.extname(relative);
  const stem = relative.slice(0, relative.length - extension.length);
  return {
    path: relative,
    published: `${FILES_DIR}/${stem}.${contentHash(bytes)}${extension}`,
    source,
    mimeType: mimeTypeOf(relative),
    sizeBytes: bytes.length,
    ...(loader === undefined ? {} : { loader }),
  };
}

/** The table a page (and the build's realm) reads its files from: URLs relative to the page at `output`. */
export function attachmentTable(attachments: readonly Attachment[], output: string): Record<string, AttachedFile> {
  const toRoot = toRootOf(output);
  return Object.fromEntries(attachments.map((a) => [a.path, { url: urlOfPath(toRoot + a.published), mimeType: a.mimeType, sizeBytes: a.sizeBytes }]));
}

/** What the build's evaluation needs: the page's table, and where each file's bytes are. */
export function evaluationAttachments(attachments: readonly Attachment[], output: string): NotebookAttachments | undefined {
  if (!attachments.length) return undefined;
  return { table: attachmentTable(attachments, output), sources: Object.fromEntries(attachments.map((a) => [a.path, a.source])) };
}

/** The page's table of files, as render.ts writes it into the page. */
export function publishedFiles(attachments: readonly Attachment[] | undefined): Record<string, PublishedFile> | undefined {
  if (!attachments?.length) return undefined;
  return Object.fromEntries(attachments.map(({ path, published, mimeType, sizeBytes }) => [path, { published, mimeType, sizeBytes }]));
}
