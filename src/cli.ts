// wattbook's command line: build, preview, check, init. Exit code 0 on success, 1 on any error; errors go
// to stderr as `file:line:col: message` with an excerpt, progress lines go to stderr, nothing else.
// build, check and preview read the project's wattbook.config.js first (src/config): a flag given on the
// command line wins over the configuration, which wins over the defaults.
import { parseArgs, type ParseArgsConfig } from "node:util";
import path from "node:path";
import { readFileSync } from "node:fs";
import { style } from "./cli-style.ts";
import type { LocatedError } from "./notebook/errors.ts";
import type { CommandFlags, ProjectSettings } from "./config/settings.ts";
import type { ProgressEvent } from "./publish/build.ts";
import { DEFAULT_LIMITS } from "./publish/evaluate.ts";
import { WATTBOOK_VERSION } from "./publish/package-root.ts";
import { explainCommand } from "./explain/command.ts";

const VERSION = WATTBOOK_VERSION;

const LIMIT_OPTIONS = {
  "timeout-ms": { type: "string" },
  "cell-timeout-ms": { type: "string" },
  "memory-mb": { type: "string" },
  "max-output-mb": { type: "string" },
} as const;

// No defaults here: a flag not given leaves the value to wattbook.config.js (config/settings.ts).
const COMMON = {
  root: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const CONFIG_HELP = `Settings not given as flags come from wattbook.config.js at the project root (the current
folder), else the defaults below; see docs/configuration.md.`;

const CACHE_OPTIONS = { "no-cache": { type: "boolean" } } as const;

const CACHE_HELP = `  --no-cache           build every notebook afresh; without it, a notebook whose text, limits and
                       wattbook are unchanged since it last built comes from the build cache
                       (node_modules/.cache/wattbook/, or .wattbook/cache/ without node_modules)`;

interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly options: ParseArgsConfig["options"];
  /** How many positional arguments the command takes (default none). */
  readonly positionals?: number;
  readonly run: (values: Record<string, string | boolean | undefined>, positionals: readonly string[]) => Promise<number>;
}

const LIMITS_HELP = `  --timeout-ms N       time for one notebook's cells to settle (config timeoutMs, default ${DEFAULT_LIMITS.timeoutMs})
  --cell-timeout-ms N  time for one cell, from its start, to settle or to give the thread back
                       (config cellTimeoutMs, default ${DEFAULT_LIMITS.cellTimeoutMs})
  --memory-mb N        heap limit of each evaluation worker (config memoryMb, default ${DEFAULT_LIMITS.memoryMb})
  --max-output-mb N    largest output of one cell (config maxOutputMb, default ${DEFAULT_LIMITS.maxOutputBytes / 1e6})`;

const COMMANDS: Record<string, Command> = {
  build: {
    summary: "evaluate every notebook and write the static site",
    usage: `Usage: wattbook build [--root notebooks] [--out build] [--static static]

Evaluates every notebook under --root, writes the site into --out, and replaces --out only when
every notebook built without error; otherwise lists every error and leaves --out as it was.

${CONFIG_HELP}

Options:
  --root DIR           folder of .md notebooks (config root, default notebooks)
  --out DIR            output folder (config output, default build): missing, empty, or a site an
                       earlier build wrote (it holds _wattbook/site.json); any other folder is refused
  --static DIR         folder copied into the site (config static, default static)
  --typecheck MODE     what a type error in a TypeScript cell does (config typecheck): error (default)
                       fails the build, warn prints it and builds, off skips type checking
${CACHE_HELP}
${LIMITS_HELP}
  -h, --help           show this help`,
    options: { ...COMMON, ...LIMIT_OPTIONS, ...CACHE_OPTIONS, out: { type: "string" }, static: { type: "string" }, typecheck: { type: "string" } },
    run: (values) => build(values, true),
  },
  check: {
    summary: "evaluate every notebook, check its exercises and its values, and report errors; writes no site",
    usage: `Usage: wattbook check [--root notebooks] [--update]

Compiles and evaluates every notebook like build does, type-checks its TypeScript cells (against
the kernel's types and the other cells' values), checks every exercise (its answer, as the
solution shows it, passes its own check; its worked solution agrees; a deliberately wrong answer
fails), and compares each notebook's named values with its value snapshot (name.snapshot.json beside
name.md): a value that changed, or a name added or removed, is an error at the cell that declares it,
with the old and the new value. Numbers agree to 12 significant digits, or within the tolerance the
snapshot's "tolerance" gives a value. Reports every error and writes no site.

${CONFIG_HELP}

Options:
  --root DIR           folder of .md notebooks (config root, default notebooks)
  -u, --update         write each notebook's value snapshot (keeping its tolerances) instead of
                       comparing; commit the snapshots with the notebooks
${CACHE_HELP}
${LIMITS_HELP}
  -h, --help           show this help`,
    options: { ...COMMON, ...LIMIT_OPTIONS, ...CACHE_OPTIONS, update: { type: "boolean", short: "u" } },
    run: (values) => build(values, false),
  },
  export: {
    summary: "write one notebook as one HTML file that works offline, opened from a file",
    usage: `Usage: wattbook export NOTEBOOK.md --out FILE.html [--root notebooks]

Builds one notebook as the build does (the same evaluation, errors and cache) and writes its page as
one self-contained HTML file: the runtime, the notebook's cells, the kernel, Plot and Inputs, styles,
the KaTeX fonts its math uses and its attached files, all inside it. Opened from a file (file://),
with no network, it shows the values at once and goes live: its inputs drive its outputs. Its
Content-Security-Policy allows its one script by hash and loads nothing from elsewhere.

Options:
  --out FILE.html      the file to write: a new file, or one an earlier export wrote (never a file
                       of the notebooks folder)
  --root DIR           the notebooks folder (default notebooks): attached files and local modules
                       resolve within it; a notebook outside it uses its own folder
  --static DIR         a project's static folder (default static): its wattbook.css, if any, styles
                       the export as it does the site
  --typecheck MODE     error (default), warn or off, as for build
${CACHE_HELP}
${LIMITS_HELP}
  -h, --help           show this help`,
    options: { ...COMMON, ...LIMIT_OPTIONS, ...CACHE_OPTIONS, out: { type: "string" }, static: { type: "string" }, typecheck: { type: "string" } },
    positionals: 1,
    run: (values, positionals) => exportCommand(values, positionals),
  },
  preview: {
    summary: "serve the site, rebuilding and reloading pages as notebooks change",
    usage: `Usage: wattbook preview [--port 3000] [--host 127.0.0.1] [--root notebooks]

Builds the site, serves it, watches notebooks/, src/ and static/, rebuilds the notebook you save and
reloads its open pages. A broken notebook shows its errors over the page; the server keeps running.
wattbook.config.js is read again when it changes.

${CONFIG_HELP}

Options:
  --port N             port to listen on (default 3000; 0 picks a free one)
  --host HOST          address to bind (default 127.0.0.1, this machine only). Requests are answered
                       only if their Host names this machine: localhost, 127.x.x.x, [::1] or HOST
                       (with 0.0.0.0 or ::, also this machine's interface addresses), on this port;
                       any other name gets 421 (DNS rebinding). A non-loopback HOST puts the site and
                       its notebooks' sources on the network: the preview warns at start-up
  --root DIR           folder of .md notebooks (config root, default notebooks)
  --static DIR         folder copied into the site (config static, default static)
${LIMITS_HELP}
  -h, --help           show this help`,
    options: { ...COMMON, ...LIMIT_OPTIONS, port: { type: "string", default: "3000" }, host: { type: "string", default: "127.0.0.1" }, static: { type: "string" } },
    run: async (values) => {
      const { startConfiguredPreview } = await import("./preview/configured.ts");
      const port = positiveInteger(values.port, "--port", true);
      const server = await startConfiguredPreview({
        projectRoot: process.cwd(),
        flags: flagsFrom(values),
        host: String(values.host),
        port,
        log: (line) => console.error(line),
        warn: (text) => console.error(style.yellow(text)),
        report: (errors) => reportConfigErrors(errors, "the preview keeps the last good settings"),
      });
      if (!server) return 1;
      console.error(`${style.green("●")} preview at ${style.bold(server.url)}  ${style.dim("(Ctrl-C to stop)")}`);
      await new Promise<void>((resolve) => process.once("SIGINT", resolve).once("SIGTERM", resolve));
      await server.close();
      return 0;
    },
  },
  init: {
    summary: "make a new site: configuration, an example notebook, data, deployment",
    usage: `Usage: wattbook init [DIR]

Scaffolds a site that builds as it is, in DIR (made if missing) or the current folder:
wattbook.config.js, notebooks/index.md, an example notebook (an input, the kernel, a CSV file it
attaches and a figure) with its data in notebooks/data/, a .gitignore, a GitHub Pages workflow
(.github/workflows/deploy.yml), and the scripts dev, build and check in package.json (made if
missing, with wattbook as a dependency). A file that exists is never overwritten: init names it and
leaves it; an existing package.json keeps every field and every script it has.

Options:
  -h, --help           show this help`,
    options: { help: { type: "boolean", short: "h" } },
    positionals: 1,
    run: async (_values, positionals) => {
      const { initProject, initReport } = await import("./init/init.ts");
      const target = path.resolve(positionals[0] ?? ".");
      const result = await initProject(target, { version: VERSION });
      console.error(initReport(result, { cwd: process.cwd(), style }));
      return result.ok ? 0 : 1;
    },
  },
  explain: explainCommand,
};

const MAIN_HELP = `wattbook ${VERSION}: reactive Markdown workbooks for the energy, carbon and water of ML systems

Usage: wattbook <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(9)} ${command.summary}`)
  .join("\n")}

Run \`wattbook <command> --help\` for a command's options. NO_COLOR turns colour off.`;

class UsageError extends Error {}

function positiveInteger(value: unknown, flag: string, allowZero = false): number {
  const text = String(value);
  const number = Number(text);
  if (!/^\d+$/.test(text) || (!allowZero && number === 0)) throw new UsageError(`${flag} expects a whole number${allowZero ? "" : " above 0"} (got "${text}")`);
  return number;
}

/** What the flags say; a flag not given is left out, for wattbook.config.js or the default to say. */
function flagsFrom(values: Record<string, string | boolean | undefined>): CommandFlags {
  const whole = (flag: string) => (values[flag] === undefined ? undefined : positiveInteger(values[flag], `--${flag}`));
  const text = (flag: string) => (values[flag] === undefined ? undefined : String(values[flag]));
  return {
    root: text("root"),
    out: text("out"),
    static: text("static"),
    typecheck: typecheckMode(values.typecheck),
    timeoutMs: whole("timeout-ms"),
    cellTimeoutMs: whole("cell-timeout-ms"),
    memoryMb: whole("memory-mb"),
    maxOutputMb: whole("max-output-mb"),
  };
}

function typecheckMode(value: unknown): "error" | "warn" | "off" | undefined {
  if (value === undefined || value === "error" || value === "warn" || value === "off") return value;
  throw new UsageError(`--typecheck expects error, warn or off (got "${String(value)}")`);
}

/** The settings a command runs with; undefined (its errors printed) when the configuration does not read. */
async function projectSettings(values: Record<string, string | boolean | undefined>, verb: string): Promise<ProjectSettings | undefined> {
  const { readProjectSettings } = await import("./config/read.ts");
  const read = await readProjectSettings(process.cwd(), flagsFrom(values));
  if (read.ok) return read.settings;
  reportConfigErrors(read.errors, `nothing was ${verb}`);
  return undefined;
}

function reportConfigErrors(errors: readonly LocatedError[], outcome: string): void {
  console.error("");
  printErrors(errors);
  const files = [...new Set(errors.map((error) => error.file))].join(", ");
  console.error(style.red(`${errors.length} error${errors.length === 1 ? "" : "s"} in ${files}; ${outcome}.`));
}

/** Errors a file may print before the rest are counted: a notebook with 10,000 errors needs its first few fixed. */
const ERRORS_SHOWN_PER_FILE = 50;

function printErrors(errors: readonly LocatedError[]): void {
  const shown = new Map<string, number>();
  for (const error of errors) {
    const count = (shown.get(error.file) ?? 0) + 1;
    shown.set(error.file, count);
    if (count <= ERRORS_SHOWN_PER_FILE) console.error(`${formatError(error)}\n`);
  }
  for (const [file, count] of shown) {
    if (count > ERRORS_SHOWN_PER_FILE) console.error(`${style.bold(file)}: ${count - ERRORS_SHOWN_PER_FILE} more errors not shown; fix the ones above first\n`);
  }
}

export function formatError(error: LocatedError): string {
  const code = error.code ? ` ${style.dim(`[${error.code}]`)}` : "";
  const lines = [`${style.bold(`${error.file}:${error.line}:${error.column}`)}: ${style.red(error.reason)}${code}`];
  if (error.excerpt) lines.push(style.dim(error.excerpt.replace(/^/gm, "  ")));
  if (error.hint) lines.push(`  ${style.cyan("hint:")} ${error.hint}`);
  return lines.join("\n");
}

/**
 * Lines written a few at a time: a build of hundreds of notebooks prints a line for each, and one write
 * per line costs the main thread (which is compiling meanwhile) more than the lines are worth. A line
 * waits at most 100 ms.
 */
function bufferedLines(stream: NodeJS.WriteStream): { line(text: string): void; flush(): void } {
  let pending: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length) stream.write(`${pending.join("\n")}\n`);
    pending = [];
  };
  return {
    line(text) {
      pending.push(text);
      timer ??= setTimeout(flush, 100);
    },
    flush,
  };
}

function progressLine(event: ProgressEvent): string {
  const mark = event.ok ? style.green("✓") : style.red("✗");
  const exercises = event.exercises ? `${event.exercises} exercise${event.exercises === 1 ? "" : "s"}, ` : "";
  const browserOnly = event.browserOnly ? ` (${event.browserOnly} run in the browser only)` : "";
  const time = event.fromCache ? "from the cache" : `${Math.round(event.elapsedMs)} ms`;
  const detail = event.cells || event.ok ? style.dim(`${event.cells} cell${event.cells === 1 ? "" : "s"}${browserOnly}, ${exercises}${time}`) : style.dim("did not compile");
  return `${mark} ${event.file}  ${detail}`;
}

async function build(values: Record<string, string | boolean | undefined>, write: boolean): Promise<number> {
  const settings = await projectSettings(values, write ? "built" : "checked");
  if (!settings) return 1;
  // Loaded per command, so that --help and --version answer without loading the build.
  const { buildSite, skippedLine } = await import("./publish/build.ts");
  const { projectRoot, root } = settings;
  const out = write ? settings.out : path.join(projectRoot, ".wattbook-cache", `check-${process.pid}`);
  const progressOut = bufferedLines(process.stderr);
  let result: Awaited<ReturnType<typeof buildSite>>;
  try {
    result = await buildSite({
      projectRoot,
      root,
      out,
      staticDir: write ? settings.staticDir : undefined,
      limits: settings.limits,
      progress: (event) => progressOut.line(progressLine(event)),
      scratchOut: !write,
      cache: !values["no-cache"],
      typecheck: settings.typecheck,
      site: settings.site,
    });
  } finally {
    progressOut.flush();
  }
  // Files that look like notebooks but are skipped by rule, once, named as the terminal sees them.
  const skipped = skippedLine(result.skipped, (source) => path.relative(projectRoot, path.join(root, source)).split(path.sep).join("/") + (source.endsWith("/") ? "/" : ""));
  if (skipped) console.error(style.yellow(skipped));
  if (!write && result.ok) {
    const { rm } = await import("node:fs/promises");
    await rm(out, { recursive: true, force: true });
  }
  const seconds = (result.elapsedMs / 1000).toFixed(2);
  if (result.warnings.length) {
    console.error("");
    for (const warning of result.warnings) console.error(`${style.yellow("warning:")} ${formatError(warning)}\n`);
  }
  if (!result.ok) {
    console.error("");
    printErrors(result.errors);
    const files = new Set(result.errors.map((e) => e.file)).size;
    const kept = write ? `; ${path.relative(projectRoot, out) || out}/ was left as it was` : "";
    console.error(style.red(`${result.errors.length} error${result.errors.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}${kept}.`));
    return 1;
  }
  const where = write ? ` into ${path.relative(projectRoot, out) || out}/` : "";
  const phases = Object.entries(result.phasesMs).map(([phase, ms]) => `${phase} ${Math.round(ms)} ms`).join(", ");
  const notebooks = `${result.pages.length} notebook${result.pages.length === 1 ? "" : "s"}`;
  const { fromCache, evaluated } = result.notebooks;
  const sources = `${fromCache} from the cache, ${evaluated} evaluated`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  // Cells marked ```js browser (and their dependents) were not run: said once, so that no one mistakes
  // their placeholders for a build that missed them.
  const browserCells = result.browserOnly?.cells ?? 0;
  const browserOnly = browserCells ? `; ${plural(browserCells, "cell")} not run, left to the browser (\`\`\`js browser and ${browserCells === 1 ? "its" : "their"} dependents)` : "";
  if (write) {
    console.error(`${style.green("Built")} ${notebooks}${where} in ${seconds} s: ${sources}${browserOnly} ${style.dim(`(${phases})`)}.`);
    return 0;
  }
  const { checkValueSnapshots } = await import("./publish/check-snapshots.ts");
  const snapshots = await checkValueSnapshots(result.values ?? [], root, values.update === true);
  if (snapshots.errors.length) {
    console.error("");
    printErrors(snapshots.errors);
    console.error(style.red(`${plural(snapshots.errors.length, "value")} drifted from ${plural(new Set(snapshots.errors.map((e) => e.file)).size, "snapshot")}; record what is right with wattbook check --update.`));
    return 1;
  }
  const valuesLine = values.update
    ? `wrote ${plural(snapshots.written.length, "value snapshot")}`
    : `${plural(snapshots.matched, "value snapshot")} match${snapshots.matched === 1 ? "es" : ""}${snapshots.missing.length ? `, ${plural(snapshots.missing.length, "notebook")} without one` : ""}`;
  const browserExercises = result.browserOnly?.exercises ?? 0;
  const exercisesChecked = `${plural(result.exercises - browserExercises, "exercise")}${browserExercises ? ` (${browserExercises} more left to the browser, whose answer only it computes)` : ""}`;
  console.error(`${style.green("Checked")} ${notebooks} and ${exercisesChecked} in ${seconds} s: ${sources}${browserOnly}; ${valuesLine} ${style.dim(`(${phases})`)}.`);
  return 0;
}

async function exportCommand(values: Record<string, string | boolean | undefined>, positionals: readonly string[]): Promise<number> {
  if (!positionals.length) throw new UsageError("export needs the notebook to export, e.g. wattbook export notebooks/energy.md --out energy.html");
  if (typeof values.out !== "string" || !values.out) throw new UsageError(`export needs --out, the HTML file to write, e.g. --out ${path.basename(positionals[0]!).replace(/\.md$/i, "")}.html`);
  // The project's configuration (wattbook.config.js) as the build reads it; --out here names the export.
  const settings = await projectSettings({ ...values, out: undefined }, "exported");
  if (!settings) return 1;
  const { exportNotebook } = await import("./publish/export.ts");
  const { projectRoot } = settings;
  const progressOut = bufferedLines(process.stderr);
  const out = path.resolve(values.out);
  let result: Awaited<ReturnType<typeof exportNotebook>>;
  try {
    result = await exportNotebook({
      projectRoot,
      notebook: path.resolve(positionals[0]!),
      root: settings.root,
      out,
      staticDir: settings.staticDir,
      limits: settings.limits,
      cache: !values["no-cache"],
      typecheck: settings.typecheck,
      site: settings.site,
      progress: (event) => progressOut.line(progressLine(event)),
    });
  } finally {
    progressOut.flush();
  }
  for (const warning of result.warnings) console.error(`${style.yellow("warning:")} ${formatError(warning)}\n`);
  if (!result.ok) {
    console.error("");
    printErrors(result.errors);
    console.error(style.red(`${result.errors.length} error${result.errors.length === 1 ? "" : "s"}; nothing was exported.`));
    return 1;
  }
  const size = `${(result.sizeBytes! / 1024).toFixed(1)} KB`;
  console.error(`${style.green("Exported")} ${path.relative(projectRoot, out) || out} (${size}) in ${(result.elapsedMs / 1000).toFixed(2)} s: one file, opens from file:// with no network.`);
  return 0;
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    const topic = name === "help" ? rest[0] : undefined;
    console.log(topic && COMMANDS[topic] ? COMMANDS[topic].usage : MAIN_HELP);
    return 0;
  }
  if (name === "--version" || name === "-v") {
    console.log(VERSION);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(", ")}`);
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...rest], options: command.options, strict: true, allowPositionals: Boolean(command.positionals) }) as { values: Record<string, string | boolean | undefined>; positionals: string[] });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify.*$/s, "")}\nRun \`wattbook ${name} --help\` for its options.`);
  }
  if (values.help) {
    console.log(command.usage);
    return 0;
  }
  if (positionals.length > (command.positionals ?? 0)) throw new UsageError(`wattbook ${name} takes at most ${command.positionals} argument${command.positionals === 1 ? "" : "s"} (got ${positionals.map((p) => JSON.stringify(p)).join(", ")})\nRun \`wattbook ${name} --help\` for its options.`);
  return command.run(values, positionals);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof UsageError) console.error(`wattbook: ${error.message}`);
    // A file system refusing (no space left, no permission) is no bug of ours: its message says it all.
    else if (typeof (error as NodeJS.ErrnoException)?.syscall === "string") console.error(`wattbook: ${(error as Error).message}; the previous site was left as it was`);
    else console.error(`wattbook: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
