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
  const open = (button: HTMLElement) => void import("./panel.ts").then(({ openExplainPanel }) => openExplainPanel(button, button.dataset.explain!, live()));
  document.addEventListener("click", (event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLElement>(".wb-explain[data-explain]");
    if (button) open(button);
  });
  // An inline value's control is a span (see addInlineButtons): Enter and Space press it, as a button's would.
  document.addEventListener("keydown", (event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLElement>("span.wb-explain[data-explain]");
    if (!button || (event.key !== "Enter" && event.key !== " ")) return;
    event.preventDefault();
    open(button);
  });
}

/**
 * A button after each inline value (after the link or summary holding one, where a button may not go),
 * named by the value's text as it changes. The value gets the id a trace links to, `cell-<id>`. It is an
 * empty inline span with the button role, drawn in the margin by its ::before (static/wattbook.css): a
 * <button> is laid out as a block or an atomic inline, which would add line breaks to the paragraph's
 * text (copied, or read as innerText) or a place to wrap after the value; an empty span adds neither.
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
    const button = document.createElement("span");
    button.setAttribute("role", "button");
    button.tabIndex = 0;
    button.className = "wb-explain wb-explain-inline";
    button.dataset.explain = cellId;
    button.setAttribute("aria-labelledby", `${LABEL_ID} ${value.id}`);
    (value.parentElement?.closest("a, button, summary, label") ?? value).after(button);
  }
}
