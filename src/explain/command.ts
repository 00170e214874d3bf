// `wattbook explain NOTEBOOK.md NAME|LINE`: the trace a page's Explain panel shows, in the terminal. The
// notebook is evaluated as the build evaluates it (publish/evaluate-one.ts); the trace is the panel's
// (trace.ts), printed by text.ts. Self-contained, so that the CLI only lists it.
import path from "node:path";
import { style } from "../cli-style.ts";
import type { LocatedError } from "../notebook/errors.ts";

/** What the CLI needs of a command (cli.ts). */
export interface ExplainCommand {
  readonly summary: string;
  readonly usage: string;
  readonly options: Record<string, { type: "string" | "boolean"; short?: string; default?: string }>;
  readonly positionals: 2;
  readonly run: (values: Record<string, string | boolean | undefined>, positionals: readonly string[]) => Promise<number>;
}

const USAGE = `Usage: wattbook explain NOTEBOOK.md NAME [--root notebooks] [--json]
       wattbook explain NOTEBOOK.md LINE

Evaluates the notebook as build does and prints how a value was computed, as the page's Explain
panel shows it: the value's code, each cell it depends on with its value, every kernel function
called with the input it received and the outputs used, and every cited constant reached, with
value, unit, source, year and note.

NAME is a name a cell declares (checkpoint11): its cell is explained. LINE is a line number of the
notebook: the cell whose code holds that line (or whose fence opens on it), or each inline \${…}
value on it.

Options:
  --root DIR           folder of .md notebooks (config root, default notebooks); a notebook
                       outside it is read from its own folder
  --json               print the trace as JSON (the data the panel renders)
  --timeout-ms N       time for the notebook's cells to settle (default 10000)
  --cell-timeout-ms N  time for one cell to settle (default 5000)
  -h, --help           show this help`;

export const explainCommand: ExplainCommand = {
  summary: "print how a value of a notebook was computed: cells, kernel calls, cited sources",
  usage: USAGE,
  options: {
    root: { type: "string" },
    json: { type: "boolean" },
    "timeout-ms": { type: "string" },
    "cell-timeout-ms": { type: "string" },
    help: { type: "boolean", short: "h" },
  },
  positionals: 2,
  run: explain,
};

class ExplainUsageError extends Error {}

async function explain(values: Record<string, string | boolean | undefined>, positionals: readonly string[]): Promise<number> {
  try {
    return await explainOrThrow(values, positionals);
  } catch (error) {
    if (!(error instanceof ExplainUsageError)) throw error;
    console.error(`wattbook explain: ${error.message}`);
    return 1;
  }
}

async function explainOrThrow(values: Record<string, string | boolean | undefined>, positionals: readonly string[]): Promise<number> {
  if (positionals.length !== 2) throw new ExplainUsageError(`expects a notebook and a name or line (got ${positionals.length} argument${positionals.length === 1 ? "" : "s"})\n${USAGE.split("\n")[0]}`);
  const [file, target] = positionals as [string, string];
  // The project's settings (wattbook.config.js, then the flags), as build reads them: its notebooks folder and limits.
  const { readProjectSettings } = await import("../config/read.ts");
  const flags = { ...(typeof values.root === "string" ? { root: values.root } : {}), ...milliseconds(values, "timeout-ms", "timeoutMs"), ...milliseconds(values, "cell-timeout-ms", "cellTimeoutMs") };
  const read = await readProjectSettings(process.cwd(), flags);
  if (!read.ok) {
    for (const error of read.errors) console.error(`${formatLocated(error)}\n`);
    console.error(style.red(`${read.errors.length} error${read.errors.length === 1 ? "" : "s"} in the configuration; nothing was explained.`));
    return 1;
  }
  const { projectRoot, root: configured, limits } = read.settings;
  const absolute = path.resolve(file);
  const root = absolute.startsWith(configured + path.sep) ? configured : path.dirname(absolute);
  const sourcePath = path.relative(root, absolute).split(path.sep).join("/");
  const { evaluateOne } = await import("../publish/evaluate-one.ts");
  const evaluated = await evaluateOne({ projectRoot, root, sourcePath, limits });
  if (evaluated.errors.length) {
    for (const error of evaluated.errors) console.error(`${formatLocated(error)}\n`);
    console.error(style.red(`${evaluated.errors.length} error${evaluated.errors.length === 1 ? "" : "s"}: the notebook must build before its values can be explained.`));
    return 1;
  }
  const { compiled, outputs } = evaluated as Extract<typeof evaluated, { outputs: unknown }>;
  const [{ PROVENANCE_OUTPUT }, { explainData }, { traceOf }, { traceText }, { cellsFor }] = await Promise.all([
    import("./data.ts"),
    import("./static.ts"),
    import("./trace.ts"),
    import("./text.ts"),
    import("./target.ts"),
  ]);
  const captured = outputs[PROVENANCE_OUTPUT];
  const data = explainData(compiled.notebook, captured === undefined ? undefined : JSON.parse(captured));
  const found = cellsFor(data.graph, target);
  if ("problem" in found) {
    const { code, reason, hint } = found.problem;
    console.error(`${style.bold(compiled.displayPath)}: ${style.red(reason)} ${style.dim(`[${code}]`)}${hint ? `\n  ${style.cyan("hint:")} ${hint}` : ""}`);
    return 1;
  }
  const traces = found.cells.map((cell) => traceOf({ ...data, path: compiled.displayPath }, cell.id));
  if (values.json) console.log(JSON.stringify(traces.length === 1 ? traces[0] : traces, null, 2));
  else console.log(traces.map((trace) => traceText(trace, style)).join("\n"));
  return 0;
}

function milliseconds(values: Record<string, string | boolean | undefined>, flag: string, key: "timeoutMs" | "cellTimeoutMs"): { timeoutMs?: number; cellTimeoutMs?: number } {
  const text = values[flag];
  if (text === undefined) return {};
  if (typeof text !== "string" || !/^\d+$/.test(text) || Number(text) === 0) throw new ExplainUsageError(`--${flag} expects a whole number above 0 (got "${String(text)}")`);
  return { [key]: Number(text) };
}

function formatLocated(error: LocatedError): string {
  const code = error.code ? ` ${style.dim(`[${error.code}]`)}` : "";
  const lines = [`${style.bold(`${error.file}:${error.line}:${error.column}`)}: ${style.red(error.reason)}${code}`];
  if (error.excerpt) lines.push(style.dim(error.excerpt.replace(/^/gm, "  ")));
  if (error.hint) lines.push(`  ${style.cyan("hint:")} ${error.hint}`);
  return lines.join("\n");
}
