// Content hashes of files, remembered with each file's size, modification time and inode, so that a file
// unchanged since it was last hashed is not read again (as git's index does). A key made from these
// hashes is still a key of the files' content: the stat only decides whether to read it again.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

interface Remembered {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  readonly sha256: string;
}

/**
 * Each file's SHA-256, in the order given; `memo` is the file that remembers them between runs (it is
 * only an optimisation: when it cannot be read or written, every file is hashed).
 */
export function fileHashes(files: readonly string[], memo: string): string[] {
  let known: Record<string, Remembered> = {};
  try {
    known = JSON.parse(readFileSync(memo, "utf8")) as Record<string, Remembered>;
  } catch {
    // first run, or a memo we cannot read: hash everything
  }
  let changed = false;
  const hashes = files.map((file) => {
    const { size, mtimeMs, ino } = statSync(file);
    const before = known[file];
    if (before && before.size === size && before.mtimeMs === mtimeMs && before.ino === ino) return before.sha256;
    const sha256 = createHash("sha256").update(readFileSync(file)).digest("hex");
    known[file] = { size, mtimeMs, ino, sha256 };
    changed = true;
    return sha256;
  });
  if (changed) {
    try {
      mkdirSync(path.dirname(memo), { recursive: true });
      const temporary = `${memo}.${process.pid}-${Math.random().toString(36).slice(2)}`;
      writeFileSync(temporary, JSON.stringify(known));
      renameSync(temporary, memo);
    } catch {
      // the next run hashes again
    }
  }
  return hashes;
}
