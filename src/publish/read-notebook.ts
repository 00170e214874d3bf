// Reads one notebook file for the compiler. A file that cannot be read, is too large, or is not UTF-8
// text is an error, not a throw (see notebook/text.ts).
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { locatedError, type LocatedError } from "../notebook/errors.ts";
import { diagnostic } from "../notebook/messages.ts";
import { decodeNotebook, MAX_NOTEBOOK_BYTES } from "../notebook/text.ts";

export interface NotebookText {
  /** Relative to the notebooks root, forward slashes: what the site carries. */
  readonly sourcePath: string;
  /** As the author finds the file (relative to the project root): what errors name. */
  readonly displayPath: string;
  /** The decoded text; absent when the file could not be read as a notebook (see `errors`). */
  readonly sourceText?: string;
  readonly errors: readonly LocatedError[];
}

export async function readNotebookFile(projectRoot: string, root: string, sourcePath: string): Promise<NotebookText> {
  const file = path.join(root, sourcePath);
  const displayPath = path.relative(projectRoot, file).split(path.sep).join("/");
  let decoded;
  try {
    // Synchronous: a build reads hundreds of small files faster one after another than as promises.
    const { size } = statSync(file);
    decoded = decodeNotebook(size > MAX_NOTEBOOK_BYTES ? new Uint8Array(0) : readFileSync(file), displayPath, size);
  } catch (error) {
    const found = diagnostic("file-unreadable", { reason: (error as Error).message });
    return { sourcePath, displayPath, errors: [locatedError(found, { file: displayPath, position: { line: 1, column: 1 } })] };
  }
  return "text" in decoded ? { sourcePath, displayPath, sourceText: decoded.text, errors: [] } : { sourcePath, displayPath, errors: [decoded.error] };
}
