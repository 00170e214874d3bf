// What a learner changed on a page, as plain data: the new source of each edited cell (by id) and the
// scratch cells added. The same shape is stored in localStorage and carried by share links.

export interface ScratchCell {
  /** `scratch-<n>`: never a build cell's id (those are hex hashes). */
  readonly id: string;
  /** The cell it sits below. */
  readonly after: string;
  readonly source: string;
}

export interface Edits {
  readonly cells: Readonly<Record<string, string>>;
  readonly scratch: readonly ScratchCell[];
}

export const NO_EDITS: Edits = { cells: {}, scratch: [] };

export function editCount(edits: Edits): number {
  return Object.keys(edits.cells).length + edits.scratch.length;
}

const VERSION = 1;

export function serializeEdits(edits: Edits): string {
  return JSON.stringify({ v: VERSION, cells: edits.cells, scratch: edits.scratch });
}

/** Edits from stored or shared text; undefined for anything that is not edits of this version. */
export function parseEdits(text: string): Edits | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || value.v !== VERSION || !isRecord(value.cells) || !Array.isArray(value.scratch)) return undefined;
  const cells: Record<string, string> = {};
  for (const [id, source] of Object.entries(value.cells)) if (typeof source === "string") cells[id] = source;
  const scratch = value.scratch.filter(
    (s): s is ScratchCell => isRecord(s) && typeof s.id === "string" && /^scratch-\d+$/.test(s.id) && typeof s.after === "string" && typeof s.source === "string",
  );
  return { cells, scratch: scratch.map(({ id, after, source }) => ({ id, after, source })) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
