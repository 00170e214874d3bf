// Where a page's inputs are, as plain data: each input's value (what `view()` gives its cell) by the id of
// the cell that shows it. An exercise's progress keeps the positions its answer was given with
// (exercise.ts), so that after a reload, or a move, the answer can say which inputs it was given for and
// put them back. A value that does not survive JSON exactly (an object, a date, NaN) is not a position
// and is left out; setting a position back goes through the input's own `value` setter, as if the reader
// had moved it, so an input that no longer takes the value (its range changed) clamps it as it would any
// other. (Share links carry the controls' values instead, as edit links do: editor/ui/inputs.ts.)

type Plain = number | string | boolean | null;
export type Position = Plain | readonly Plain[];
export type InputPositions = Readonly<Record<string, Position>>;

/** Limits on positions read back from storage. */
const POSITION_LIMITS = { inputs: 10_000, items: 1_000, characters: 10_000 } as const;

const isPlain = (value: unknown): value is Plain =>
  value === null || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value)) || (typeof value === "string" && value.length <= POSITION_LIMITS.characters);

/** The value as a position, or undefined when it is not plain data. */
export function positionOf(value: unknown): Position | undefined {
  if (isPlain(value)) return value;
  if (Array.isArray(value) && value.length <= POSITION_LIMITS.items && value.every(isPlain)) return [...value];
  return undefined;
}

export function samePosition(a: Position | undefined, b: Position | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
  return Object.is(a, b);
}

type Views = ReadonlyMap<string, EventTarget>;
const valueOf = (element: EventTarget) => (element as { value?: unknown }).value;

/** The positions of the inputs in `views` (only those of `cells`, when given). */
export function readPositions(views: Views, cells?: Iterable<string>): Record<string, Position> {
  const wanted = cells ? new Set(cells) : undefined;
  const positions: Record<string, Position> = {};
  for (const [id, element] of views) {
    if (wanted && !wanted.has(id)) continue;
    const position = positionOf(valueOf(element));
    if (position !== undefined) positions[id] = position;
  }
  return positions;
}

/** Moves each input to its position (one `input` event each, as a reader's move); returns the ids moved. */
export function applyPositions(views: Views, positions: InputPositions): string[] {
  const moved: string[] = [];
  for (const [id, position] of Object.entries(positions)) {
    const element = views.get(id);
    if (!element || samePosition(positionOf(valueOf(element)), position)) continue;
    try {
      (element as { value?: unknown }).value = position;
    } catch {
      continue; // an input whose value cannot be set stays where it is
    }
    element.dispatchEvent(new Event("input", { bubbles: true }));
    moved.push(id);
  }
  return moved;
}

/** Positions from untrusted data (a link, a message, storage): undefined unless every entry is valid. */
export function parsePositions(value: unknown, known?: ReadonlySet<string>): InputPositions | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length > POSITION_LIMITS.inputs) return undefined;
  const positions: Record<string, Position> = {};
  for (const [id, raw] of entries) {
    const position = positionOf(raw);
    if (position === undefined || id.length > 200 || (known && !known.has(id))) return undefined;
    positions[id] = position;
  }
  return positions;
}

/** An input's name for a sentence: its label's text (Inputs' forms have a <label>), else its aria-label. */
export function inputName(element: EventTarget): string {
  if (!(element instanceof Element)) return "an input";
  const label = element.localName === "label" ? element : Array.from(element.children).find((child) => child.localName === "label");
  const text = (label?.textContent ?? element.getAttribute("aria-label") ?? "").replace(/\s+/g, " ").trim();
  return text || "an input";
}

export function showPosition(position: Position): string {
  return Array.isArray(position) ? position.map(String).join(", ") : String(position);
}
