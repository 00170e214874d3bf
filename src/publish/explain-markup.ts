// The page's Explain controls and the data their panels read (src/explain). Every displayed value gets a
// button whose name begins with "Explain": an inline value's sits in the margin beside its line, a cell's
// beside its Edit link; both are shown on hover and keyboard focus and take no room (static/wattbook.css),
// so the prerendered page lays out as it would without them. The page's module makes them work
// (explain/controls.ts); without JavaScript they are not shown.

import { PROVENANCE_OUTPUT, EXPLAIN_DATA_ELEMENT_ID, type CapturedProvenance, type PageProvenance } from "../explain/data.ts";
import type { AnalyzedNotebook } from "../notebook/types.ts";
import { escapeHtml } from "../text/escape-html.ts";

/** The word every inline button's name starts with, once per page (see inlineExplainButton). */
export const EXPLAIN_LABEL_ID = "wb-explain-label";
export const EXPLAIN_LABEL = `<span id="${EXPLAIN_LABEL_ID}" hidden>Explain</span>`;

/**
 * An inline value's button, right after the value's element (`cell-<id>`), which says which cell it
 * explains. Its name is the page's one "Explain" and the value's text ("Explain 1,918.9"), so it follows
 * the value as the page goes live; no id of its own keeps the hundreds of them on a page small.
 */
export function inlineExplainButton(cellId: string): string {
  return `<button type="button" class="wb-explain wb-explain-inline" aria-labelledby="${EXPLAIN_LABEL_ID} cell-${cellId}">Explain</button>`;
}

/** A cell's button, beside its Edit link; `which` says which output ("figure 2", "the output of …"). */
export function cellExplainButton(cellId: string, which: string): string {
  return `<button type="button" class="wb-explain" data-explain="${cellId}" aria-label="Explain ${escapeHtml(which)}">Explain</button>`;
}

/**
 * What the build captured (PageProvenance) as JSON in a script element that never runs (data, as the CSP
 * allows), with "<" escaped so that no value can end the element. The capture comes among the outputs.
 */
export function explainDataScript(notebook: AnalyzedNotebook, outputs: Readonly<Record<string, string>>): string {
  const text = outputs[PROVENANCE_OUTPUT];
  const captured: CapturedProvenance = text === undefined ? { cells: {}, sources: {} } : (JSON.parse(text) as CapturedProvenance);
  // An expression's value is what the page shows beside the button; only declared names' values are kept.
  const cells = Object.fromEntries(
    Object.entries(captured.cells).flatMap(([id, { value: _shown, ...run }]) => (Object.keys(run).length ? [[id, run]] : [])),
  );
  const data: PageProvenance = { version: 1, path: notebook.path, cells, sources: captured.sources };
  return `<script type="application/json" id="${EXPLAIN_DATA_ELEMENT_ID}">${JSON.stringify(data).replace(/</g, "\\u003c")}</script>`;
}
