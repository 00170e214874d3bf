// The page module's job in the browser: run the same compiled notebook on the same runtime, with its
// outputs going into the prerendered elements. Each cell's prerendered output stays until the live
// run replaces it, so the page does not flash or jump while it becomes live.
import type { CompiledNotebook } from "../notebook/types.ts";
import { createBuiltins } from "./builtins.ts";
import { enhanceEditLinks } from "./edit-links.ts";
import { enableExplain } from "../explain/controls.ts";
import { startReaderUi } from "./reader-ui.ts";
import { NotebookRun } from "./notebook.ts";
import { CellResults } from "./results.ts";
import { ATTACHMENTS_ELEMENT_ID, type AttachedFile, type AttachmentSource } from "./file-attachment.ts";

declare global {
  interface Window {
    /** The live notebook, for the in-page editor and for tests. */
    wattbook?: NotebookRun;
  }
}

export function hydrate(notebook: CompiledNotebook): NotebookRun {
  // First, so that a value can be explained (from what the build recorded) while the cells still compute.
  enableExplain(() => window.wattbook);
  const main = document.querySelector(".wb-main") ?? document.body;
  const roots = new Map<string, Element>();
  for (const element of document.querySelectorAll("[data-cell]")) roots.set(element.getAttribute("data-cell")!, element);
  // Exercises follow their answers' cells; their code loads only on pages that have some.
  const results = notebook.exercises?.length ? new CellResults() : undefined;
  const run = new NotebookRun(notebook, {
    builtins: createBuiltins({ main, files: pageFiles(notebook.path) }),
    // Cells added later (the editor's scratch cells) bring their own element.
    root: (cell) => roots.get(cell.id) ?? document.querySelector(`[data-cell="${CSS.escape(cell.id)}"]`),
    ...(results ? { onResult: (cellId: string, result: Parameters<CellResults["set"]>[1]) => results.set(cellId, result) } : {}),
  });
  document.documentElement.classList.add("wb-live");
  window.wattbook = run;
  enhanceEditLinks(notebook.path);
  startReaderUi(main);
  if (results) void import("./exercise.ts").then(({ startExercises }) => startExercises(notebook, { results, views: () => run.views() }));
  return run;
}

/** The page's attached files: the table the build wrote into the page, fetched on demand. */
function pageFiles(notebookPath: string): AttachmentSource {
  const element = document.getElementById(ATTACHMENTS_ELEMENT_ID);
  const files = element ? (JSON.parse(element.textContent ?? "{}") as Record<string, AttachedFile>) : {};
  return {
    notebookPath,
    files,
    read: async (path, file) => {
      // In the editor's sandbox (an opaque origin, which the site would refuse) the parent reads it.
      if (globalThis.__wbReadFile) return globalThis.__wbReadFile(new URL(file.url, document.baseURI).href);
      const response = await fetch(file.url);
      if (!response.ok) throw new Error(`FileAttachment("${path}"): ${file.url} answered ${response.status} ${response.statusText}`);
      return response.arrayBuffer();
    },
    imagesLoad: true,
  };
}
