// The Explain panel: a non-modal dialog beside the page that traces one displayed value (trace.ts): its
// code, every cell it depends on with its value, each kernel call with the input it received and the
// outputs used, and every sourced record reached, with value, unit, citation, year and note; each step
// links to its cell. Loaded on the first click of an Explain button (controls.ts).
//
// Before the page is live it shows what the build recorded (the page's data, static.ts); once the cells
// have run in the browser it shows their live runs, and it follows them: moving an input re-renders the
// open trace and says so in a polite live region. Escape or Close closes it and gives focus back to the
// button that opened it.
import type { NotebookRun } from "../runtime/notebook.ts";
import { compiledGraph } from "./compiled-graph.ts";
import { recordAnchor } from "../kernel/sources.ts";
import { EXPLAIN_DATA_ELEMENT_ID, type ExplainData, type PageProvenance, type SourceEntry, type StaticCell } from "./data.ts";
import { formatRecordValue, formatSummary } from "./format.ts";
import { citationLine, fullCitations } from "./citation.ts";
import { liveData } from "./live.ts";
import { describeCell, traceOf, type Trace, type TraceCall, type TraceStep } from "./trace.ts";

const PANEL_ID = "wb-explain-panel";

let panel: ExplainPanel | undefined;

export function openExplainPanel(button: HTMLElement, cellId: string, run: NotebookRun | undefined): void {
  (panel ??= new ExplainPanel()).open(button, cellId, run);
}

/**
 * What the build recorded, with the cell graph of the notebook the page runs: made once. Null when the
 * page holds no record (a page built before Explain panels) or runs no notebook.
 */
let pageData: ExplainData | null | undefined;
function readPageData(run: NotebookRun | undefined): ExplainData | null {
  if (pageData !== undefined) return pageData;
  const element = document.getElementById(EXPLAIN_DATA_ELEMENT_ID);
  try {
    const recorded = element ? (JSON.parse(element.textContent ?? "") as PageProvenance) : undefined;
    pageData = recorded && run ? { path: recorded.path, graph: compiledGraph(run.notebook, document), cells: recorded.cells, sources: recorded.sources } : null;
  } catch {
    pageData = null;
  }
  return pageData;
}

class ExplainPanel {
  private readonly dialog: HTMLDialogElement;
  private readonly title: HTMLHeadingElement;
  private readonly state: HTMLParagraphElement;
  private readonly body: HTMLDivElement;
  private opener: HTMLElement | undefined;
  private cellId: string | undefined;
  private run: NotebookRun | undefined;
  private stepIds = new Set<string>();
  private unsubscribe: (() => void) | undefined;
  private pending = false;

  constructor() {
    this.dialog = element("dialog", { id: PANEL_ID, class: "wb-explain-panel", "aria-labelledby": `${PANEL_ID}-title` });
    this.title = element("h2", { id: `${PANEL_ID}-title`, tabindex: "-1" });
    const close = element("button", { type: "button", class: "wb-explain-close", "aria-label": "Close the explanation" }, "Close");
    close.addEventListener("click", () => this.close());
    this.state = element("p", { class: "wb-explain-state", role: "status" });
    this.body = element("div", { class: "wb-explain-body" });
    this.dialog.append(element("div", { class: "wb-explain-head" }, this.title, close), this.state, this.body);
    document.body.append(this.dialog);
    document.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || !this.dialog.open) return;
      event.preventDefault();
      this.close();
    });
  }

  open(button: HTMLElement, cellId: string, run: NotebookRun | undefined): void {
    if (this.opener && this.opener !== button) this.opener.setAttribute("aria-expanded", "false");
    this.opener = button;
    this.cellId = cellId;
    this.run = run;
    button.setAttribute("aria-expanded", "true");
    button.setAttribute("aria-controls", PANEL_ID);
    this.unsubscribe?.();
    this.unsubscribe = run?.provenance.subscribe((cellId) => this.changed(cellId));
    this.render(false);
    if (!this.dialog.open) this.dialog.show();
    this.title.focus();
  }

  close(): void {
    if (!this.dialog.open) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.dialog.close();
    const opener = this.opener;
    this.opener = undefined;
    if (opener) {
      opener.setAttribute("aria-expanded", "false");
      if (opener.isConnected) opener.focus();
    }
  }

  /** A cell changed in the live page: when it is part of the open trace, render again on the next frame. */
  private changed(cellId: string): void {
    if (!this.stepIds.has(cellId) || this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      if (this.dialog.open) this.render(true);
    });
  }

  private render(update: boolean): void {
    const build = readPageData(this.run);
    const cellId = this.cellId ?? "";
    const name = this.opener ? accessibleName(this.opener) : "Explain";
    this.title.textContent = name;
    const focusInBody = this.body.contains(document.activeElement);
    if (!build || !build.graph.some((cell) => cell.id === cellId)) {
      this.state.textContent = "";
      this.body.replaceChildren(element("p", {}, "This page holds no record of how this value was computed. Rebuild the site with this version of wattbook."));
      return;
    }
    const { data, live } = liveData(build, cellId, this.run);
    const trace = traceOf(data, cellId);
    this.stepIds = new Set(trace.steps.map((step) => step.cell.id));
    // Said once when it changes, or when an update arrives: the live region reads it out.
    const state = live ? "Live: the values the page shows now, following its inputs." : "As computed when the page was built.";
    this.state.textContent = update ? `Updated: ${name}. ${state}` : state;
    this.body.replaceChildren(...traceView(trace));
    if (focusInBody) this.title.focus();
  }
}

/** The button's name as a screen reader gets it: its label, or its own text and the value's. */
function accessibleName(button: HTMLElement): string {
  const label = button.getAttribute("aria-label");
  if (label) return label;
  const parts = (button.getAttribute("aria-labelledby") ?? "").split(/\s+/).map((id) => document.getElementById(id)?.textContent?.trim() ?? "");
  return parts.filter(Boolean).join(" ") || "Explain";
}

function traceView(trace: Trace): Node[] {
  const sources = Object.fromEntries(trace.sources.map((source) => [source.key, source.entry]));
  const [first, ...rest] = trace.steps;
  const nodes: Node[] = [];
  // An inline value reads as the page shows it, formatted; the build's data leaves it out for that reason.
  const shown = first!.cell.inline ? document.getElementById(`cell-${first!.cell.id}`)?.textContent?.trim() : undefined;
  const details = stepDetails(shown === undefined ? first! : withoutValue(first!), sources);
  const value = section("The value", stepLink(first!), code(first!.cell), ...(shown ? [element("p", { class: "wb-explain-result" }, `= ${shown}`)] : []), ...details);
  nodes.push(value);
  if (rest.length) {
    const list = element("ol", { class: "wb-explain-steps" });
    for (const step of rest) {
      list.append(element("li", {}, element("p", { class: "wb-explain-step" }, stepLink(step), " ", element("span", { class: "wb-explain-muted" }, describeCell(step.cell))), ...stepDetails(step, sources), disclosure(step.cell)));
    }
    nodes.push(section("Computed from", list));
  }
  if (trace.sources.length) {
    const list = element("ul", { class: "wb-explain-sources" });
    for (const { key, entry, readBy } of trace.sources) {
      const readers = readBy.map((by) => `${by.fn ? `${by.fn} in ` : ""}${describeCell(trace.steps.find((step) => step.cell.id === by.cellId)!.cell)}`);
      list.append(
        element(
          "li",
          {},
          ...(entry.name ? [element("p", { class: "wb-explain-source-name" }, entry.name)] : []),
          element("p", {}, element("code", {}, key), ` = ${formatRecordValue(entry)}`),
          ...sourcesRowLink(key),
          element("p", { class: "wb-explain-citation" }, citationLine(entry)),
          ...fullCitations(entry).map(({ label, text, link }) =>
            element("p", { class: "wb-explain-reference" }, label, text, ...(link ? [" ", element("a", { href: link, rel: "noopener noreferrer" }, link)] : [])),
          ),
          ...(entry.note ? [element("p", { class: "wb-explain-note" }, entry.note)] : []),
          element("p", { class: "wb-explain-muted" }, `read by ${readers.join("; ")}`),
        ),
      );
    }
    nodes.push(section("Sources", list));
  } else nodes.push(section("Sources", element("p", {}, "No cited constant reached: the value follows from the cells above alone.")));
  if (trace.notes.length) nodes.push(section("Not seen", element("ul", {}, ...trace.notes.map((note) => element("li", {}, note)))));
  return nodes;
}

/**
 * A link to the record's row in the page's Sources table, where the page has one: rows are anchored by
 * the record's id (kernel/sources.ts), which is the key a catalog record is traced by.
 */
function sourcesRowLink(key: string): Node[] {
  const anchor = recordAnchor(key);
  return document.getElementById(anchor) ? [element("p", { class: "wb-explain-row" }, element("a", { href: `#${anchor}` }, "Its row in this page's Sources"))] : [];
}

function withoutValue(step: TraceStep): TraceStep {
  const { value: _shown, ...rest } = step;
  return rest;
}

function section(heading: string, ...children: (Node | string)[]): HTMLElement {
  return element("section", {}, element("h3", {}, heading), ...children);
}

/** The step's name, linked to where the page shows its cell (when it does). */
function stepLink(step: TraceStep): Node {
  const cell = step.cell;
  const text = step.depth === 0 ? `line ${cell.line}` : step.names.length ? step.names.map((n) => n.name).join(", ") : (cell.label ?? `line ${cell.line}`);
  return cell.anchor ? element("a", { href: `#${cell.anchor}` }, text) : element("span", {}, text);
}

function code(cell: StaticCell): Node {
  return element("pre", { class: "wb-explain-code" }, element("code", {}, cell.inline ? `\${${cell.source}}` : cell.source));
}

function disclosure(cell: StaticCell): Node {
  return element("details", {}, element("summary", {}, "Code"), code(cell));
}

function stepDetails(step: TraceStep, sources: Readonly<Record<string, SourceEntry>>): Node[] {
  const nodes: Node[] = [];
  if ("value" in step) nodes.push(element("p", { class: "wb-explain-result" }, `= ${formatSummary(step.value, sources)}`));
  for (const { name, value } of step.names) nodes.push(element("p", { class: "wb-explain-result" }, element("code", {}, name), ` = ${value === undefined ? "(not computed)" : formatSummary(value, sources)}`));
  if (step.calls.length || step.moreCalls.length) {
    const calls = element("ul", { class: "wb-explain-calls" });
    for (const call of step.calls) calls.append(callView(call, sources));
    for (const { fn, count } of step.moreCalls) calls.append(element("li", { class: "wb-explain-muted" }, `and ${count} more call${count === 1 ? "" : "s"} of ${fn}`));
    nodes.push(calls);
  }
  if (step.constants.length) nodes.push(element("p", { class: "wb-explain-reads" }, "reads ", ...joined(step.constants.map((key) => element("code", {}, key)))));
  return nodes;
}

function callView(call: TraceCall, sources: Readonly<Record<string, SourceEntry>>): HTMLElement {
  const name = call.sweep ? `${call.fn}.sweep` : call.fn;
  const item = element("li", {}, element("code", { class: "wb-explain-fn" }, name), `(${formatSummary(call.input, sources)})`);
  if (call.sweep) item.append(element("span", { class: "wb-explain-muted" }, ` over ${call.sweep.fields.join(", ")}, ${call.sweep.length} scenarios`));
  if (call.defaults?.length) item.append(element("span", { class: "wb-explain-muted" }, ` (default: ${call.defaults.join(", ")})`));
  if (call.threw !== undefined) item.append(element("p", {}, `threw: ${call.threw}`));
  else if (call.used && call.output && typeof call.output === "object" && !Array.isArray(call.output)) {
    const output = ("$wb" in call.output ? (call.output as { entries: Record<string, never> }).entries : call.output) as Record<string, never>;
    item.append(element("p", {}, `→ ${call.used.map((field) => `${field}: ${formatSummary(output[field], sources)}`).join(", ")}`, element("span", { class: "wb-explain-muted" }, ` (used, of ${Object.keys(output).length} outputs)`)));
  } else item.append(element("p", {}, `→ ${formatSummary(call.output, sources)}`));
  if (call.constants?.length) item.append(element("p", { class: "wb-explain-reads" }, "reads ", ...joined(call.constants.map((key) => element("code", {}, key)))));
  return item;
}

function joined(nodes: Node[]): (Node | string)[] {
  return nodes.flatMap((node, index) => (index ? [", ", node] : [node]));
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}
