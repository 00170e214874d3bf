// The data a trace reads in a page: what the build recorded, with the live run of each cell of the trace
// that has settled in the page put in its place. Before the cells have run (or while one waits on a
// package or a file), the panel explains what the build computed; after, what the page shows.
import type { NotebookRun } from "../runtime/notebook.ts";
import { captureProvenance } from "./capture.ts";
import type { ExplainData } from "./data.ts";
import { traceOf } from "./trace.ts";

/** What liveData needs of the page's run. */
export type LiveRun = Pick<NotebookRun, "status" | "provenance" | "notebook">;

/** `live` says whether any cell of the trace had settled in the page. */
export function liveData(build: ExplainData, cellId: string, run: LiveRun | undefined): { data: ExplainData; live: boolean } {
  if (!run) return { data: build, live: false };
  const wanted = traceOf(build, cellId).steps.map((step) => step.cell);
  const settled = wanted.filter((cell) => {
    const status = run.status(cell.id);
    return (status === "fulfilled" || status === "rejected") && run.provenance.get(cell.id) !== undefined;
  });
  if (!settled.length) return { data: build, live: false };
  const captured = captureProvenance(settled, (id) => run.provenance.get(id), run.notebook.imports);
  return { data: { ...build, cells: { ...build.cells, ...captured.cells }, sources: { ...build.sources, ...captured.sources } }, live: true };
}
