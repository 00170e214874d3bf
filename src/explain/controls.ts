// What every page with cells runs for its Explain buttons: shows the cells' (publish/explain-markup.ts
// writes them; they stay hidden without JavaScript), adds one after each inline value, and on the first
// click loads the panel (panel.ts, a chunk of its own) and opens it. Small on purpose: pages load it
// whether or not a reader asks.
import type { NotebookRun } from "../runtime/notebook.ts";
import { EXPLAIN_DATA_ELEMENT_ID } from "./data.ts";

/** The hidden word every inline button's name starts with: "Explain" and the value, "Explain 1,918.9". */
const LABEL_ID = "wb-explain-label";

let enabled = false;

export function enableExplain(live: () => NotebookRun | undefined): void {
  document.documentElement.classList.add("wb-js");
  // Once per page (the editor's sandbox may hydrate again), and only on a page the build recorded.
  if (enabled || !document.getElementById(EXPLAIN_DATA_ELEMENT_ID)) return;
  enabled = true;
  addInlineButtons();
  document.addEventListener("click", (event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>("button.wb-explain[data-explain]");
    if (!button) return;
    void import("./panel.ts").then(({ openExplainPanel }) => openExplainPanel(button, button.dataset.explain!, live()));
  });
}

/**
 * A button after each inline value (after the link or summary holding one, where a button may not go),
 * named by the value's text as it changes. The value gets the id a trace links to, `cell-<id>`.
 */
function addInlineButtons(): void {
  const label = document.createElement("span");
  label.id = LABEL_ID;
  label.hidden = true;
  label.textContent = "Explain";
  document.body.append(label);
  for (const value of document.querySelectorAll<HTMLElement>("span.wb-inline[data-cell]")) {
    const cellId = value.dataset.cell!;
    value.id ||= `cell-${cellId}`;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "wb-explain wb-explain-inline";
    button.dataset.explain = cellId;
    button.setAttribute("aria-labelledby", `${LABEL_ID} ${value.id}`);
    // No text of its own: the word is drawn by CSS, so that a paragraph's text (copied, or read as
    // innerText) stays the paragraph's; the name comes from the label and the value.
    (value.parentElement?.closest("a, button, summary, label") ?? value).after(button);
  }
}
