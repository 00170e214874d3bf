// `wattbook check`'s value snapshots over a build's results: compare each notebook's values with the
// snapshot beside it, or (--update) write the snapshots. Every drift is a located error at the cell that
// declares the value, worded by the catalog (topic "value snapshots").
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { type LocatedError, locatedError } from "../notebook/errors.ts";
import { LineIndex, normalizeNewlines } from "../notebook/locate.ts";
import { diagnostic } from "../notebook/messages.ts";
import type { SourcePosition } from "../notebook/types.ts";
import type { SnapshotValue } from "../runtime/snapshot-values.ts";
import type { NotebookValues } from "./build.ts";
import { compareSnapshot, describeChange, formatSnapshot, omitNames, parseSnapshot, snapshotFileOf } from "./value-snapshots.ts";
import { browserOnlyNames } from "../notebook/browser-only.ts";

export interface SnapshotCheck {
  readonly errors: readonly LocatedError[];
  /** Snapshot files compared and found to match. */
  readonly matched: number;
  /** Notebooks without a snapshot file (not pinned: no error). */
  readonly missing: readonly string[];
  /** Snapshot files written or rewritten by --update. */
  readonly written: readonly string[];
}

/** A value as a drift message shows it: short, one line. */
function shown(value: SnapshotValue): string {
  const text = typeof value === "number" ? String(value) : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

export async function checkValueSnapshots(notebooks: readonly NotebookValues[], root: string, update: boolean): Promise<SnapshotCheck> {
  const errors: LocatedError[] = [];
  const missing: string[] = [];
  const written: string[] = [];
  let matched = 0;
  for (const notebook of notebooks) {
    const { compiled } = notebook;
    // Names only the reader's browser computes are neither recorded nor compared.
    const unpinned = browserOnlyNames(compiled.notebook.cells);
    const values = omitNames(notebook.values, unpinned);
    const file = snapshotFileOf(path.join(root, compiled.sourcePath));
    const shownFile = snapshotFileOf(compiled.displayPath);
    const previous = existsSync(file) ? parseSnapshot(await readFile(file, "utf8")) : undefined;
    if (update) {
      const tolerance = previous && "values" in previous ? previous.tolerance : {};
      const text = formatSnapshot({ values, tolerance });
      if (!existsSync(file) || (await readFile(file, "utf8")) !== text) {
        await writeFile(file, text);
        written.push(shownFile);
      }
      continue;
    }
    if (!previous) {
      missing.push(compiled.displayPath);
      continue;
    }
    const lines = new LineIndex(normalizeNewlines(compiled.sourceText));
    const at = (position: SourcePosition) => ({ file: compiled.displayPath, lines, position });
    if ("problem" in previous) {
      errors.push(locatedError(diagnostic("snapshot-unreadable", { file: shownFile, problem: previous.problem }), at({ line: 1, column: 1 })));
      continue;
    }
    const drifts = compareSnapshot({ ...previous, values: omitNames(previous.values, unpinned) }, values);
    if (!drifts.length) matched++;
    for (const drift of drifts) {
      const position = declarationOf(compiled.notebook.cells, drift.name) ?? { line: 1, column: 1 };
      const found =
        drift.kind === "changed"
          ? diagnostic("value-changed", { path: drift.path, change: describeChange(drift) })
          : drift.kind === "added"
            ? diagnostic("value-added", { path: drift.path, value: shown(drift.after) })
            : diagnostic("value-removed", { path: drift.path, value: shown(drift.before) });
      errors.push(locatedError(found, at(position), { before: 0, after: 0 }));
    }
  }
  return { errors, matched, missing, written };
}

/** Where a name is declared in the notebook. */
function declarationOf(cells: NotebookValues["compiled"]["notebook"]["cells"], name: string): SourcePosition | undefined {
  for (const cell of cells) {
    const index = cell.declarations.indexOf(name);
    if (index !== -1 && !cell.expression) return cell.declarationPositions?.[index] ?? cell.position;
  }
  return undefined;
}
