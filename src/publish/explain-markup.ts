// The page's Explain controls and the data their panels read (src/explain). Every displayed value gets a
// button whose name begins with "Explain": a cell's is written here, beside its Edit link; an inline
// value's is added by the page's script (explain/controls.ts), in the margin beside its line, so that the
// page's text stays the text. Both are shown on hover and keyboard focus and take no room
// (static/wattbook.css): the prerendered page lays out as it would without them. Without JavaScript
// there are none to see.

import { PROVENANCE_OUTPUT, EXPLAIN_DATA_ELEMENT_ID, type CapturedProvenance, type PageProvenance } from "../explain/data.ts";
import type { AnalyzedNotebook } from "../notebook/types.ts";
import { escapeHtml } from "../text/escape-html.ts";

/**
 * A cell's button, beside its Edit link; `which` says which output ("figure 2", "the output of …"). Its
 * word is drawn by CSS (static/wattbook.css), so that the page's text holds none of the buttons'.
 */
export function cellExplainButton(cellId: string, which: string): string {
  return `<button type="button" class="wb-explain" data-explain="${cellId}" aria-label="Explain ${escapeHtml(which)}"></button>`;
}

/**
 * What the build captured (PageProvenance) as JSON in a script element that never runs (data, as the CSP
 * allows), with "<" escaped so that no value can end the element. The capture comes among the outputs.
 */
export function explainDataScript(notebook: AnalyzedNotebook, outputs: Readonly<Record<string, string>>): string {
  const captured = parseCaptured(outputs[PROVENANCE_OUTPUT]);
  // An expression's value is what the page shows beside the button; only declared names' values are kept.
  const cells = Object.fromEntries(
    Object.entries(captured.cells).flatMap(([id, { value: _shown, ...run }]) => (Object.keys(run).length ? [[id, run]] : [])),
  );
  const data: PageProvenance = { version: 1, path: notebook.path, cells, sources: captured.sources };
  return `<script type="application/json" id="${EXPLAIN_DATA_ELEMENT_ID}">${JSON.stringify(data).replace(/</g, "\\u003c")}</script>`;
}

/**
 * The realm's capture, or nothing recorded when it is not one: the realm's own code made it, but in a
 * realm a notebook can change (its JSON, its Object), and that must cost its page the traces, not the build.
 */
function parseCaptured(text: string | undefined): CapturedProvenance {
  const none: CapturedProvenance = { cells: {}, sources: {} };
  if (text === undefined) return none;
  try {
    const parsed = JSON.parse(text) as Partial<CapturedProvenance> | null;
    const isRecord = (value: unknown) => value !== null && typeof value === "object" && !Array.isArray(value);
    return parsed && isRecord(parsed.cells) && isRecord(parsed.sources) ? (parsed as CapturedProvenance) : none;
  } catch {
    return none;
  }
}
