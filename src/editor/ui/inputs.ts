// The reader's input values, carried from the read page (see src/runtime/edit-links.ts): each cell's form
// controls in document order, checkboxes and radios as booleans, the rest as their value. Applied to
// the live controls as if the reader had moved them.

export type InputValues = Readonly<Record<string, readonly (string | boolean)[]>>;

export function parseInputValues(text: string | null): InputValues | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    const out: Record<string, (string | boolean)[]> = {};
    for (const [id, list] of Object.entries(value)) {
      if (Array.isArray(list)) out[id] = list.filter((v): v is string | boolean => typeof v === "string" || typeof v === "boolean");
    }
    return out;
  } catch {
    return undefined;
  }
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
