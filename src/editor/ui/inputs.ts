// The reader's input values, carried from the read page (see src/runtime/edit-links.ts) and in share
// links (editor/share.ts): each cell's form controls in document order, checkboxes and radios as
// booleans, the rest as their value. Applied to the live controls as if the reader had moved them.

export type InputValues = Readonly<Record<string, readonly (string | boolean)[]>>;

/** Limits on input values from outside (a link, the sandbox). */
export const INPUT_VALUE_LIMITS = { cells: 10_000, controls: 1_000, characters: 10_000 } as const;

export function parseInputValues(text: string | null): InputValues | undefined {
  if (!text) return undefined;
  try {
    return validInputValues(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/**
 * Input values as plain data within the limits, keeping only cells `known` has (when given) and
 * controls' values of the right types; undefined when the value is not input values at all.
 */
export function validInputValues(value: unknown, known?: ReadonlySet<string>): InputValues | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length > INPUT_VALUE_LIMITS.cells) return undefined;
  const out: Record<string, (string | boolean)[]> = {};
  for (const [id, list] of entries) {
    if (!Array.isArray(list) || list.length > INPUT_VALUE_LIMITS.controls || (known && !known.has(id))) continue;
    out[id] = list.filter((v): v is string | boolean => typeof v === "boolean" || (typeof v === "string" && v.length <= INPUT_VALUE_LIMITS.characters));
  }
  return out;
}

/** The cells of `now` whose controls differ from `before` (the inputs a reader moved). */
export function movedInputValues(before: InputValues, now: InputValues): InputValues {
  const same = (a: readonly (string | boolean)[] | undefined, b: readonly (string | boolean)[]) => a !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);
  return Object.fromEntries(Object.entries(now).filter(([id, list]) => !same(before[id], list)));
}

export function applyInputValues(values: InputValues): void {
  for (const [id, list] of Object.entries(values)) {
    const root = document.querySelector(`[data-cell="${CSS.escape(id)}"]`);
    if (!root) continue;
    const controls = root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("input:not([type=button]):not([type=submit]), select, textarea");
    const changed: Element[] = [];
    controls.forEach((control, index) => {
      const value = list[index];
      if (value === undefined) return;
      if (typeof value === "boolean") {
        if (control instanceof HTMLInputElement && control.checked !== value) (control.checked = value), changed.push(control);
      } else if (control.value !== value) (control.value = value), changed.push(control);
    });
    for (const control of changed) control.dispatchEvent(new Event("input", { bubbles: true }));
  }
}
