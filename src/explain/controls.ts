// What every page with cells runs for its Explain buttons (publish/explain-markup.ts): shows them (they
// stay hidden without JavaScript), and on the first click loads the panel (panel.ts, a chunk of its own)
// and opens it. Small on purpose: pages load it whether or not a reader asks.
import type { NotebookRun } from "../runtime/notebook.ts";

let enabled = false;

export function enableExplain(live: () => NotebookRun | undefined): void {
  document.documentElement.classList.add("wb-js");
  if (enabled) return;
  enabled = true;
  document.addEventListener("click", (event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>("button.wb-explain");
    // A cell's button names its cell; an inline value's follows the value's element.
    const cellId = button?.dataset.explain ?? button?.previousElementSibling?.getAttribute("data-cell");
    if (!button || !cellId) return;
    void import("./panel.ts").then(({ openExplainPanel }) => openExplainPanel(button, cellId, live()));
  });
}
