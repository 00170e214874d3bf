// Read pages link every cell to the page's edit twin (publish/edit-twin.ts) and never load the editor.
// Two small things make those links better: they carry the reader's current input values, so the twin
// opens where the reader was, and the header link says so when this browser holds edits of the page.

/** The editor's storage key for a page's edits (src/editor/store.ts, which this module cannot import). */
const STORED_EDITS = "wattbook:edits:";

export function enhanceEditLinks(notebookPath: string): void {
  const pageLink = document.querySelector<HTMLAnchorElement>("a.wb-edit-page");
  if (!pageLink) return;
  try {
    if (localStorage.getItem(STORED_EDITS + notebookPath)) {
      pageLink.textContent = "Your edited version";
      pageLink.classList.add("wb-has-edits");
    }
  } catch {
    // No storage (a private window, a sandbox): nothing to announce.
  }
  document.addEventListener(
    "click",
    (event) => {
      const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>("a.wb-edit, a.wb-edit-page");
      if (!link) return;
      const values = readInputValues();
      const href = (link.dataset.href ??= link.getAttribute("href") ?? "");
      link.href = values ? `${href}${href.includes("#") ? "&" : "#"}inputs=${encodeURIComponent(JSON.stringify(values))}` : href;
    },
    true,
  );
}

/**
 * Each block cell's form controls in document order (see src/editor/ui/inputs.ts, which applies them);
 * undefined when the page has none. The edit page's share link carries them too (editor/frame.ts).
 */
export function readInputValues(within: ParentNode = document): Record<string, (string | boolean)[]> | undefined {
  const values: Record<string, (string | boolean)[]> = {};
  let any = false;
  for (const root of within.querySelectorAll<HTMLElement>(".wb-output[data-cell]")) {
    const controls = root.querySelectorAll<HTMLInputElement>("input:not([type=button]):not([type=submit]), select, textarea");
    if (!controls.length) continue;
    values[root.dataset.cell!] = Array.from(controls, (c) => (c.type === "checkbox" || c.type === "radio" ? c.checked : c.value));
    any = true;
  }
  return any ? values : undefined;
}
