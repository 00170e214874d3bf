// What `wattbook export` checks before it builds anything: the notebook is a .md file, and the export
// may be written where --out says. The export replaces one file, so that file must be new or an
// earlier export (told by the generator meta tag every export carries), and never a file of the
// notebooks folder. Answers are the catalog's (messages.ts, topic "export"), nothing is written.
import { closeSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { diagnostic, type Diagnostic } from "../notebook/messages.ts";

/** The tag that tells an export from any other HTML file (written into the export's head). */
export const EXPORT_GENERATOR = `<meta name="generator" content="wattbook export">`;

/** Why the notebook cannot be exported, or undefined. */
export function notebookProblem(notebook: string): Diagnostic | undefined {
  const found = statOf(notebook);
  if (!found) return diagnostic("export-notebook-missing");
  if (found.isDirectory()) return diagnostic("export-notebook-not-file");
  if (!/\.md$/i.test(notebook)) return diagnostic("export-notebook-not-markdown");
  return undefined;
}

export interface ExportPlaces {
  /** The notebook (absolute). */
  readonly notebook: string;
  /** The export (absolute). */
  readonly out: string;
  /** The notebooks folder (absolute). */
  readonly root: string;
}

/** Why the export may not be written at `out`, or undefined. */
export function outProblem({ notebook, out, root }: ExportPlaces): Diagnostic | undefined {
  const suggestion = `${path.basename(notebook).replace(/\.md$/i, "")}.html`;
  const found = statOf(out);
  if (found?.isDirectory()) return diagnostic("export-out-is-folder", { suggestion });
  if (!/\.html?$/i.test(out)) return diagnostic("export-out-not-html", { suggestion });
  if (!found) return undefined;
  if (isEarlierExport(out)) return undefined;
  if (within(out, root)) return diagnostic("export-out-over-source", { root: path.basename(root) || root });
  return diagnostic("export-out-not-an-export");
}

function statOf(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** The file begins like an export: the generator tag within its first few lines. */
function isEarlierExport(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const head = Buffer.alloc(4096);
    const bytes = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, bytes).toString("utf8").includes(EXPORT_GENERATOR);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** `file` is inside `dir`. */
export function within(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== "" && relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
