// Which files under the notebooks folder are notebooks, one rule for the build and the preview:
// a regular file whose name ends in exactly `.md`, in no folder and with no name that starts with `_`
// or `.`. Files that look like notebooks but break the rule (`_draft.md`, `Notes.MD`, `x.markdown`,
// a symbolic link named `x.md`) are skipped and reported, never silently dropped; so is a `_` folder
// that holds such files. Folders starting with `.` (.git, .obsidian) are tool data: skipped unreported.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

/** What a folder entry is, as far as the rule cares. */
export type EntryKind = "file" | "folder" | "symlink" | "other";

export type EntryVerdict =
  | { readonly kind: "notebook" }
  | { readonly kind: "folder" } // walk into it
  | { readonly kind: "skipped"; readonly reason: string } // looks like a notebook (or a folder of them), reported
  | { readonly kind: "ignored" }; // not a notebook and not mistakable for one

export interface SkippedFile {
  /** Relative to the notebooks root, forward slashes; folders end in "/". */
  readonly source: string;
  readonly reason: string;
}

/** Names an author may mean as a notebook: .md in any case, .markdown, .mdown, .mkd, .mdx. */
const LOOKS_LIKE_NOTEBOOK = /\.(md|markdown|mdown|mkd|mdx)$/i;

/** The rule for one name in a folder. Pure: the caller says what kind of entry it is. */
export function judgeEntry(name: string, kind: EntryKind): EntryVerdict {
  if (kind === "folder") {
    if (name.startsWith(".")) return { kind: "ignored" };
    if (name.startsWith("_")) return { kind: "skipped", reason: "folder starts with _" };
    return { kind: "folder" };
  }
  if (!LOOKS_LIKE_NOTEBOOK.test(name)) return { kind: "ignored" };
  if (name.startsWith("_")) return { kind: "skipped", reason: "starts with _" };
  if (name.startsWith(".")) return { kind: "skipped", reason: "starts with ." };
  if (!name.endsWith(".md")) return { kind: "skipped", reason: "extension is not .md" };
  if (kind === "symlink") return { kind: "skipped", reason: "is a symbolic link; notebooks are read only from regular files" };
  if (kind !== "file") return { kind: "ignored" };
  return { kind: "notebook" };
}

/**
 * Whether a path relative to the notebooks root names a notebook by the rule (every folder on the way
 * walked into, the name a notebook's): what a watcher can decide from a changed file's path alone.
 */
export function isNotebookPath(source: string): boolean {
  const segments = source.split("/").filter(Boolean);
  if (!segments.length) return false;
  const name = segments.pop()!;
  return segments.every((folder) => judgeEntry(folder, "folder").kind === "folder") && judgeEntry(name, "file").kind === "notebook";
}

export interface NotebookScan {
  /** Notebooks, sorted, relative to the root with forward slashes. */
  readonly notebooks: string[];
  /** What was skipped by the rule, sorted. */
  readonly skipped: SkippedFile[];
}

/** Walks the notebooks folder by the rule. A `_` folder is reported only when it holds notebook-like files. */
export async function scanNotebooks(root: string): Promise<NotebookScan> {
  const notebooks: string[] = [];
  const skipped: SkippedFile[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const kind: EntryKind = entry.isDirectory() ? "folder" : entry.isFile() ? "file" : entry.isSymbolicLink() ? "symlink" : "other";
      const verdict = judgeEntry(entry.name, kind);
      const source = `${prefix}${entry.name}`;
      if (verdict.kind === "notebook") notebooks.push(source);
      else if (verdict.kind === "folder") await walk(path.join(dir, entry.name), `${source}/`);
      else if (verdict.kind === "skipped" && kind === "folder") {
        if (await holdsNotebookLikeFiles(path.join(dir, entry.name))) skipped.push({ source: `${source}/`, reason: verdict.reason });
      } else if (verdict.kind === "skipped") skipped.push({ source, reason: verdict.reason });
      else if (kind === "symlink" && (await isFolder(path.join(dir, entry.name)))) skipped.push({ source: `${source}/`, reason: "folder is a symbolic link; notebooks are read only from real folders" });
    }
  };
  await walk(root, "");
  const bySource = (a: { source: string }, b: { source: string }) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0);
  return { notebooks: notebooks.sort(), skipped: skipped.sort(bySource) };
}

async function isFolder(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false; // a dangling link
  }
}

/** Whether a folder (not followed through links, hidden folders left out) holds a file named like a notebook. */
async function holdsNotebookLikeFiles(dir: string): Promise<boolean> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const entry of entries) {
    if (entry.isDirectory() ? !entry.name.startsWith(".") && (await holdsNotebookLikeFiles(path.join(dir, entry.name))) : LOOKS_LIKE_NOTEBOOK.test(entry.name)) return true;
  }
  return false;
}

/** "skipped 2 files: notebooks/_draft.md (starts with _), notebooks/Notes.MD (extension is not .md)". */
export function skippedLine(skipped: readonly SkippedFile[], shown: (source: string) => string): string | undefined {
  if (!skipped.length) return undefined;
  const list = skipped.map((s) => `${shown(s.source)} (${s.reason})`).join(", ");
  return `skipped ${skipped.length} file${skipped.length === 1 ? "" : "s"}: ${list}`;
}
