// A trace as text, for `wattbook explain`: the value and its code, every cell it depends on with its
// values, kernel calls and records, then the sources. `style` colours it in a terminal (or not).
import type { SourceEntry } from "./data.ts";
import { citationLine, fullCitations } from "./citation.ts";
import { formatRecordValue, formatSummary } from "./format.ts";
import { describeCell, type Trace, type TraceCall, type TraceStep } from "./trace.ts";

export interface TextStyle {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly cyan: (text: string) => string;
}

const PLAIN: TextStyle = { bold: (t) => t, dim: (t) => t, cyan: (t) => t };

export function traceText(trace: Trace, style: TextStyle = PLAIN): string {
  const sources = Object.fromEntries(trace.sources.map((source) => [source.key, source.entry]));
  const [first, ...rest] = trace.steps;
  const lines: string[] = [];
  const cell = first!.cell;
  const where = `${trace.path}:${cell.line}`;
  lines.push(`${style.bold(where)}  ${style.dim(describeCell(cell))}`);
  lines.push(...indent(codeLines(cell.inline ? `\${${cell.source}}` : cell.source), "  "));
  // An inline value's string is what the page prints: shown as the page shows it, unquoted.
  const shown = cell.inline && typeof first!.value === "string" ? first!.value : undefined;
  if (shown !== undefined) lines.push(`  = ${shown}`);
  lines.push(...stepBody(shown === undefined ? first! : { ...first!, value: undefined }, sources, style, "  "));
  if (rest.length) {
    lines.push("", style.bold("Computed from"));
    for (const step of rest) {
      lines.push(`  ${style.cyan(stepTitle(step))}  ${style.dim(`${describeCell(step.cell)}${step.depth > 1 ? `, ${step.depth} steps back` : ""}`)}`);
      lines.push(...stepBody(step, sources, style, "    "));
    }
  }
  if (trace.sources.length) {
    lines.push("", style.bold("Sources"));
    for (const { key, entry, readBy } of trace.sources) {
      lines.push(`  ${style.cyan(key)} = ${formatRecordValue(entry)}${entry.name ? `  ${style.bold(entry.name)}` : ""}`);
      lines.push(`    ${citationLine(entry)}`);
      for (const { label, text, link } of fullCitations(entry)) lines.push(`    ${label}${text}${link ? ` ${link}` : ""}`);
      if (entry.note) lines.push(`    ${style.dim(entry.note)}`);
      const readers = readBy.map((by) => `${by.fn ? `${by.fn} in ` : ""}${describeCell(trace.steps.find((s) => s.cell.id === by.cellId)!.cell)}`);
      lines.push(`    ${style.dim(`read by ${readers.join("; ")}`)}`);
    }
  } else lines.push("", style.dim("No cited constant reached."));
  if (trace.notes.length) lines.push("", ...trace.notes.map((note) => style.dim(`note: ${note}`)));
  return `${lines.join("\n")}\n`;
}

function stepTitle(step: TraceStep): string {
  if (step.names.length) return step.names.map((n) => n.name).join(", ");
  return step.cell.label ?? (step.cell.inline ? `\${${oneLine(step.cell.source)}}` : oneLine(step.cell.source));
}

function stepBody(step: TraceStep, sources: Readonly<Record<string, SourceEntry>>, style: TextStyle, pad: string): string[] {
  const lines: string[] = [];
  if (step.value !== undefined) lines.push(`${pad}= ${formatSummary(step.value, sources)}`);
  for (const { name, value } of step.names) lines.push(`${pad}${name} = ${value === undefined ? "(not computed)" : formatSummary(value, sources)}`);
  for (const call of step.calls) lines.push(...callLines(call, sources, style, pad));
  for (const { fn, count } of step.moreCalls) lines.push(`${pad}${style.dim(`and ${count} more call${count === 1 ? "" : "s"} of ${fn}`)}`);
  if (step.constants.length) lines.push(`${pad}reads ${step.constants.join(", ")}`);
  return lines;
}

function callLines(call: TraceCall, sources: Readonly<Record<string, SourceEntry>>, style: TextStyle, pad: string): string[] {
  const defaults = call.defaults?.length ? style.dim(` (default: ${call.defaults.join(", ")})`) : "";
  const name = call.sweep ? `${call.fn}.sweep over ${call.sweep.fields.join(", ")} (${call.sweep.length} scenarios)` : call.fn;
  const lines = [`${pad}${style.cyan(name)}(${formatSummary(call.input, sources)})${defaults}`];
  if (call.threw !== undefined) lines.push(`${pad}  threw: ${call.threw}`);
  else if (call.used && call.output && typeof call.output === "object" && !Array.isArray(call.output)) {
    const output = ("$wb" in call.output ? (call.output as { entries: Record<string, never> }).entries : call.output) as Record<string, never>;
    const used = call.used.map((field) => `${field}: ${formatSummary(output[field], sources)}`).join(", ");
    lines.push(`${pad}  → ${used} ${style.dim(`(the fields the value uses, of ${Object.keys(output).length})`)}`);
  } else lines.push(`${pad}  → ${formatSummary(call.output, sources)}`);
  if (call.constants?.length) lines.push(`${pad}  reads ${call.constants.join(", ")}`);
  return lines;
}

function codeLines(source: string): string[] {
  return source.split("\n");
}

function indent(lines: readonly string[], pad: string): string[] {
  return lines.map((line) => `${pad}${line}`);
}

function oneLine(source: string): string {
  const line = source.replace(/\s+/g, " ").trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
