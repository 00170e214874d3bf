// A summarized value (data.ts) as one line of text, numbers as the page formats them (1,918.9; 3.14e23).
import { formatNumber } from "../runtime/format.ts";
import type { SourceEntry, Summary } from "./data.ts";

/** Past this many characters a line is cut: the trace is read in a panel or a terminal. */
const LINE_LIMIT = 240;

export function formatSummary(value: Summary | undefined, sources?: Readonly<Record<string, SourceEntry>>): string {
  const text = format(value, sources);
  return text.length > LINE_LIMIT ? `${text.slice(0, LINE_LIMIT - 1)}…` : text;
}

function format(value: Summary | undefined, sources: Readonly<Record<string, SourceEntry>> | undefined): string {
  if (value === undefined) return "(not computed)";
  if (value === null) return "null";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => format(item, sources)).join(", ")}]`;
  if ("$wb" in value && typeof value.$wb === "string") {
    const special = value as Extract<Summary, { $wb: string }>;
    switch (special.$wb) {
      case "number":
        return special.text === "NaN" ? "NaN" : special.text === "Infinity" ? "∞" : "−∞";
      case "undefined":
        return "undefined";
      case "function":
        return `ƒ ${special.name || "(anonymous)"}`;
      case "node":
        return `<${special.tag}>`;
      case "array": {
        const range = special.min !== undefined && special.max !== undefined ? `, from ${formatNumber(special.min)} to ${formatNumber(special.max)}` : "";
        return `[${special.items.map((item) => format(item, sources)).join(", ")}, … ${special.length} items${range}]`;
      }
      case "object":
        return objectText(special.entries, sources, special.more);
      case "deep":
        return special.array ? `[… ${special.size} items]` : `{… ${special.size} fields}`;
      case "source": {
        const entry = sources?.[special.key];
        return entry ? `${special.key} (${format(entry.value, sources)} ${entry.unit})` : special.key;
      }
      case "text":
        return special.text;
    }
  }
  return objectText(value as Readonly<Record<string, Summary>>, sources);
}

function objectText(entries: Readonly<Record<string, Summary>>, sources: Readonly<Record<string, SourceEntry>> | undefined, more?: number): string {
  const parts = Object.entries(entries).map(([key, item]) => `${key}: ${format(item, sources)}`);
  if (more) parts.push(`… ${more} more`);
  return `{${parts.join(", ")}}`;
}

/** A record's value with its unit: "700 W", "820–1,200 gCO2e/kWh (midpoint 1,010)". */
export function formatRecordValue(entry: SourceEntry): string {
  if (entry.low !== undefined && entry.high !== undefined) return `${formatNumber(entry.low)}–${formatNumber(entry.high)} ${entry.unit} (midpoint ${formatSummary(entry.value)})`;
  return `${formatSummary(entry.value)} ${entry.unit}`;
}
