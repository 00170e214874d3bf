// Value snapshots: a notebook's named values, recorded in a file beside it (`name.md` →
// `name.snapshot.json`) that its author commits, so that a change anywhere (a catalog constant, the
// kernel, another notebook's cell) that moves a number shows as drift in `wattbook check` before a
// reader sees it. `wattbook check --update` writes the files; `wattbook check` compares.
//
// The file, pretty-printed so that a change reads well in a diff:
//   {
//     "values": { "checkpoint11": { "itKWh": 1234.5, … }, "gpus": 512, … },
//     "tolerance": { "checkpoint11.itKWh": 0.001 }
//   }
// `tolerance` is the author's: a relative tolerance per value path (a name, or a path into it), kept by
// --update. Numbers otherwise agree when they match to 12 significant digits.
import type { SnapshotValue } from "../runtime/snapshot-values.ts";

export interface Snapshot {
  readonly values: Readonly<Record<string, SnapshotValue>>;
  readonly tolerance: Readonly<Record<string, number>>;
}

/** The snapshot file of a notebook file. */
export function snapshotFileOf(notebookFile: string): string {
  return notebookFile.replace(/\.md$/i, ".snapshot.json");
}

/** Relative difference under which two numbers count as the same: 12 significant digits. */
export const DEFAULT_RELATIVE_TOLERANCE = 5e-12;

/** The snapshot's text: names sorted, two-space indentation, a final newline. */
export function formatSnapshot(snapshot: Snapshot): string {
  const values = Object.fromEntries(Object.keys(snapshot.values).sort().map((name) => [name, snapshot.values[name]]));
  const body: Record<string, unknown> = { values };
  if (Object.keys(snapshot.tolerance).length) body.tolerance = snapshot.tolerance;
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** A snapshot read back, or the reason it cannot be. */
export function parseSnapshot(text: string): Snapshot | { readonly problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problem: `it is not JSON: ${(error as Error).message}` };
  }
  if (!isRecord(data) || !isRecord(data.values)) return { problem: 'it holds no "values" object' };
  const tolerance = data.tolerance ?? {};
  if (!isRecord(tolerance) || Object.values(tolerance).some((t) => typeof t !== "number" || !(t >= 0))) {
    return { problem: '"tolerance" must map value paths to relative tolerances, numbers ≥ 0' };
  }
  return { values: data.values as Record<string, SnapshotValue>, tolerance: tolerance as Record<string, number> };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One difference between the recorded and the current values, at a path such as `run.itKWh` or `rows[3].kg`. */
export type Drift =
  | { readonly kind: "changed"; readonly path: string; readonly name: string; readonly before: SnapshotValue; readonly after: SnapshotValue; readonly relativeChange?: number }
  | { readonly kind: "added"; readonly path: string; readonly name: string; readonly after: SnapshotValue }
  | { readonly kind: "removed"; readonly path: string; readonly name: string; readonly before: SnapshotValue };

/**
 * The values without `names`: a snapshot neither records nor compares the names of cells the build does
 * not run (```js browser and the cells that depend on one), which have no value there.
 */
export function omitNames<T>(values: Readonly<Record<string, T>>, names: ReadonlySet<string>): Record<string, T> {
  return names.size ? Object.fromEntries(Object.entries(values).filter(([name]) => !names.has(name))) : { ...values };
}

/** Every difference, leaf by leaf, in the order of the recorded names then the new ones. */
export function compareSnapshot(recorded: Snapshot, current: Readonly<Record<string, SnapshotValue>>): Drift[] {
  const drifts: Drift[] = [];
  const toleranceOf = (path: string): number => {
    // The most specific path an author gave a tolerance for: "a.b[2]", then "a.b", then "a".
    for (let at = path; ; ) {
      if (Object.hasOwn(recorded.tolerance, at)) return recorded.tolerance[at]!;
      const cut = Math.max(at.lastIndexOf("."), at.lastIndexOf("["));
      if (cut <= 0) return DEFAULT_RELATIVE_TOLERANCE;
      at = at.slice(0, cut);
    }
  };
  const visit = (name: string, path: string, before: SnapshotValue | undefined, after: SnapshotValue | undefined) => {
    if (before === undefined && after !== undefined) return void drifts.push({ kind: "added", path, name, after });
    if (after === undefined && before !== undefined) return void drifts.push({ kind: "removed", path, name, before });
    if (before === undefined || after === undefined) return;
    if (typeof before === "number" && typeof after === "number") {
      if (before === after) return;
      const scale = Math.max(Math.abs(before), Math.abs(after));
      const relativeChange = before === 0 ? undefined : (after - before) / Math.abs(before);
      if (Math.abs(after - before) <= toleranceOf(path) * scale) return;
      return void drifts.push({ kind: "changed", path, name, before, after, ...(relativeChange === undefined ? {} : { relativeChange }) });
    }
    if (Array.isArray(before) && Array.isArray(after)) {
      for (let i = 0; i < Math.max(before.length, after.length); i++) visit(name, `${path}[${i}]`, before[i], after[i]);
      return;
    }
    if (isRecord(before) && isRecord(after)) {
      const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
      for (const key of keys) visit(name, `${path}.${key}`, (before as Record<string, SnapshotValue>)[key], (after as Record<string, SnapshotValue>)[key]);
      return;
    }
    if (JSON.stringify(before) !== JSON.stringify(after)) drifts.push({ kind: "changed", path, name, before, after });
  };
  const names = [...new Set([...Object.keys(recorded.values), ...Object.keys(current)])];
  for (const name of names) visit(name, name, recorded.values[name], current[name]);
  return drifts;
}

/** "1,234.5 → 1,240 (+0.45 %)": a value's change as the drift report shows it. */
export function describeChange(drift: Drift & { kind: "changed" }): string {
  const show = (value: SnapshotValue) => (typeof value === "number" ? String(value) : JSON.stringify(value));
  const change = drift.relativeChange === undefined ? "" : ` (${drift.relativeChange >= 0 ? "+" : ""}${percent(drift.relativeChange)})`;
  return `${show(drift.before)} → ${show(drift.after)}${change}`;
}

function percent(fraction: number): string {
  const value = fraction * 100;
  const digits = Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 0.01 ? 2 : 1;
  return Math.abs(value) < 0.01 ? `${value.toExponential(1)} %` : `${value.toFixed(digits)} %`;
}
