// The corpus of broken notebooks (test/corpus/, plus the huge and binary ones generated here) built
// through the real CLI: every one fails the build with exit code 1, within bounded time, with an error
// at the expected file:line:col that says what is wrong and what to do, and the previous build/ stays
// as it was. Most cases share one build (which must list every notebook's errors); a few build alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO_ROOT, runCli, type CliResult } from "../helpers/cli.ts";

const CORPUS = path.join(REPO_ROOT, "test/corpus");

interface Case {
  readonly file: string;
  /** "line:col", or "line" when the column depends on the machine (how deep a parser's stack goes). */
  readonly at: string;
  /** A substring of the reason, or a pattern where two outcomes are both right. */
  readonly reason: string | RegExp;
  /** A substring of the hint, where the hint is the point of the case. */
  readonly hint?: string;
}

/** One file per case in test/corpus/. */
const COMMITTED: readonly Case[] = [
  { file: "assign-other-cell.md", at: "8:1", reason: "count is defined by another cell" },
  { file: "async-function-throws.md", at: "5:9", reason: "async loader failed (a promise rejected and nothing handled the rejection)" },
  { file: "async-generator-throws-later.md", at: "7:9", reason: "readings is a promise that rejected: sensor went away" },
  { file: "bad-label-name.md", at: "3:1", reason: "the label #figure-power should start with fig- or tbl-" },
  // A browser API the build cannot give: the hint names ```js browser.
  { file: "browser-api-local-storage.md", at: "4:23", reason: "localStorage is not defined", hint: "localStorage exists only in the reader's browser, not at build. Mark the cell ```js browser" },
  { file: "browser-api-query-selector.md", at: "7:21", reason: "Cannot set properties of null (setting 'textContent')", hint: "document.querySelector finds nothing at build: the build's document holds none of the page's elements. Mark the cell ```js browser" },
  { file: "browser-option-bad-value.md", at: "3:1", reason: 'the fence option "browser=yes" has a value that browser does not take', hint: "```js echo" },
  { file: "bom-front-matter.md", at: "8:11", reason: "syntax error: Unexpected token" },
  // Either stop is right: the worker's heap limit, or the cell limit while V8 collects garbage near it.
  { file: "cell-allocates.md", at: "4:1", reason: /ran out of memory|data growing without end/ },
  // A cell has no process to exit: it sees a browser's globals only.
  { file: "cell-exits-process.md", at: "4:1", reason: "process is not defined", hint: "Node's, not the browser's" },
  { file: "cell-loops-forever.md", at: "8:1", reason: "did not give the thread back within 3000 ms", hint: "--cell-timeout-ms" },
  { file: "cell-never-settles.md", at: "4:1", reason: "did not settle within 3000 ms (1 other cell waiting)", hint: "--cell-timeout-ms" },
  { file: "cell-recurses.md", at: "5:3", reason: "Maximum call stack size exceeded (in a function called by the cell at notebooks/cell-recurses.md:10:1)", hint: "stops it" },
  { file: "cell-rejects.md", at: "4:35", reason: "fetch failed: 503" },
  { file: "cell-syntax-error.md", at: "5:27", reason: "syntax error: Unexpected token" },
  { file: "cell-throws-non-error.md", at: "4:1", reason: "threw an object" },
  { file: "cell-throws.md", at: "8:7", reason: "the grid data is not loaded yet" },
  { file: "circular-definition.md", at: "4:1", reason: "these cells depend on each other in a cycle" },
  { file: "crlf-line-endings.md", at: "10:20", reason: "syntax error: Unexpected token" },
  { file: "display-math-error.md", at: "4:5", reason: "math: Undefined control sequence: \\notacommand" },
  { file: "duplicate-definition.md", at: "8:7", reason: "pue is defined twice: here and at notebooks/duplicate-definition.md:4:7" },
  { file: "duplicate-label.md", at: "5:20", reason: "the label #eq-energy is defined twice" },
  { file: "data-file-import.md", at: "4:1", reason: '"./data/rows.csv" is a data file', hint: 'FileAttachment("./data/rows.csv").csv()' },
  { file: "dynamic-import.md", at: "4:18", reason: "import(…) is not supported in a cell" },
  { file: "enormous-error.md", at: "4:7", reason: /^(overload ){100}.*… \([\d,]+ more characters\)$/ },
  { file: "enormous-output.md", at: "4:1", reason: "output is 10.0 MB, over the limit of 5.0 MB", hint: "--max-output-mb" },
  { file: "eval-through-constructor.md", at: "4:31", reason: "Code generation from strings disallowed", hint: "Content-Security-Policy" },
  { file: "export-in-cell.md", at: "4:1", reason: "a cell cannot export" },
  { file: "expression-in-caption.md", at: "3:37", reason: "a caption cannot hold a ${…} expression" },
  { file: "expression-in-html-attribute.md", at: "3:13", reason: "a ${…} inside an HTML tag has no place for its value" },
  { file: "fence-in-html-block.md", at: "5:1", reason: "this ```js fence is inside a block of raw HTML", hint: "leave a blank line" },
  { file: "fence-indented-by-spaces.md", at: "3:1", reason: "this ```ts fence is indented by 4 spaces", hint: "remove the indentation" },
  { file: "fence-indented-by-tab.md", at: "5:1", reason: "this ```js fence is indented by a tab", hint: "remove the indentation" },
  { file: "fetch-at-build.md", at: "4:24", reason: "cannot run while the site is built", hint: "the build has no network" },
  { file: "frame-throws-later.md", at: "5:9", reason: "frame failed (thrown by a timer, frame or microtask callback after the cell ran)" },
  { file: "frontmatter-bad-yaml.md", at: "4:1", reason: "front matter: Flow sequence" },
  { file: "frontmatter-duplicate-key.md", at: "3:1", reason: "front matter: Map keys must be unique" },
  { file: "frontmatter-not-mapping.md", at: "2:1", reason: "front matter must be a YAML mapping" },
  { file: "frontmatter-unclosed.md", at: "1:1", reason: "the front matter opened by --- on line 1 is never closed" },
  { file: "frontmatter-unresolved-alias.md", at: "2:1", reason: "front matter: Unresolved alias" },
  { file: "frontmatter-wrong-type.md", at: "3:1", reason: 'front matter: order must be a number (got "first")' },
  { file: "generator-never-yields.md", at: "4:1", reason: "did not settle within 3000 ms" },
  { file: "generator-throws-later.md", at: "6:9", reason: "ticks is a promise that rejected: second tick failed" },
  { file: "generator-throws.md", at: "4:1", reason: "no ticks yet" },
  { file: "global-this-process.md", at: "4:32", reason: "Cannot read properties of undefined (reading 'env')" },
  { file: "html-base.md", at: "3:1", reason: "a <base> element would change where every link" },
  { file: "html-comment-unclosed.md", at: "5:1", reason: "this <!-- comment is never closed", hint: "close it with -->" },
  { file: "html-embed.md", at: "3:11", reason: "an <embed> element shows nothing", hint: "<img>" },
  { file: "html-expression-unclosed.md", at: "3:28", reason: "this ${…} expression does not parse" },
  { file: "html-foreign-form-action.md", at: "3:21", reason: "this form sends its data to another origin (https://forms.example.com/feedback)", hint: "Inputs.text" },
  { file: "html-foreign-image.md", at: "4:23", reason: "this image loads from another origin (https://example.com/grid-mix.png)", hint: "static/" },
  { file: "html-foreign-video.md", at: "4:11", reason: "this media file loads from another origin (https://cdn.example.com/rack-tour.mp4)", hint: "static/" },
  { file: "html-iframe-srcdoc.md", at: "4:25", reason: "an <iframe srcdoc>" },
  { file: "html-javascript-url-entities.md", at: "4:6", reason: "the href attribute holds a javascript: URL" },
  { file: "html-javascript-url.md", at: "5:25", reason: "the href attribute holds a javascript: URL", hint: "```js cell" },
  { file: "html-meta-http-equiv.md", at: "5:7", reason: "a <meta http-equiv>" },
  { file: "html-object.md", at: "5:3", reason: "an <object> element shows nothing" },
  { file: "html-onclick-attribute.md", at: "7:29", reason: "the onclick attribute does not run", hint: "Inputs.button" },
  { file: "html-script.md", at: "6:1", reason: "a <script> element does not run on a page", hint: "```js cell" },
  { file: "html-svg-script.md", at: "3:39", reason: "a <script> element does not run on a page" },
  { file: "import-meta.md", at: "4:14", reason: "import.meta is not available in a cell" },
  { file: "import-node-builtin.md", at: "4:1", reason: "\"node:fs\" is a Node.js built-in module; cells run in the browser too" },
  { file: "inline-empty.md", at: "3:22", reason: "this ${} is empty" },
  { file: "inline-in-table-cell.md", at: "6:34", reason: "this ${…} expression does not parse" },
  { file: "inline-syntax-error.md", at: "7:25", reason: "this ${…} expression does not parse" },
  { file: "inline-unclosed.md", at: "3:25", reason: 'this ${…} expression is not closed: expected } after "gpus + 1"' },
  { file: "interval-throws-later.md", at: "5:9", reason: "interval tick failed (thrown by a timer, frame or microtask callback after the cell ran)" },
  { file: "kernel-invalid-input.md", at: "8:1", reason: "operationalCarbon: gridGPerKWh must be ≥ 0 (got -5)", hint: "the kernel rejected an input" },
  { file: "kernel-nan-input.md", at: "12:1", reason: "operationalCarbon: energyKWh must be a finite number (got NaN)" },
  { file: "markdown-foreign-image.md", at: "5:21", reason: "this image loads from another origin (https://example.com/h100.jpg)", hint: "static/" },
  { file: "markdown-javascript-link.md", at: "3:7", reason: "the href attribute holds a javascript: URL" },
  { file: "math-in-heading.md", at: "1:23", reason: "math: Unexpected end of input" },
  { file: "math-katex-rejects.md", at: "3:60", reason: "math: Unexpected end of input" },
  { file: "microtask-throws-later.md", at: "5:9", reason: "microtask failed (thrown by a timer, frame or microtask callback after the cell ran)" },
  { file: "missing-kernel-export.md", at: "4:1", reason: '"wattbook/kernel" has no export named "operationalCarbn"', hint: 'did you mean "operationalCarbon"?' },
  { file: "missing-label.md", at: "3:4", reason: "@fig-power refers to no label" },
  { file: "missing-module.md", at: "4:1", reason: 'the package "no-such-package-anywhere" is not installed', hint: "npm install no-such-package-anywhere" },
  // 2 million characters, 6 million bytes: the limit counts bytes.
  { file: "multibyte-output.md", at: "6:1", reason: "output is 6.0 MB, over the limit of 5.0 MB", hint: "--max-output-mb" },
  { file: "mutate-kernel-catalog.md", at: "5:31", reason: "Cannot set property value of #<Object> which has only a getter", hint: "frozen" },
  { file: "node-global-buffer.md", at: "4:11", reason: "Buffer is not defined", hint: "Node's, not the browser's" },
  { file: "node-global-process.md", at: "4:12", reason: "process is not defined", hint: "Node's, not the browser's" },
  { file: "node-global-require.md", at: "4:12", reason: "require is not defined", hint: "Node's, not the browser's" },
  { file: "redefine-builtin.md", at: "4:7", reason: "width is built in; a cell cannot redefine it" },
  { file: "rejected-inline-value.md", at: "3:31", reason: "inline feed failed" },
  { file: "rejected-promise-value.md", at: "4:26", reason: "r is a promise that rejected: the grid feed is down" },
  { file: "local-module-missing.md", at: "4:1", reason: 'cannot find the module "./lib/data.js": notebooks/lib/data.js does not exist', hint: "the path is relative to notebooks/local-module-missing.md" },
  { file: "self-reference.md", at: "4:15", reason: "Cannot access 'total' before initialization" },
  { file: "timer-throws-later.md", at: "5:9", reason: "late timer failed (thrown by a timer, frame or microtask callback after the cell ran)" },
  { file: "ts-syntax-error.md", at: "5:16", reason: 'TypeScript: Unexpected "="' },
  { file: "ts-syntax-in-js-cell.md", at: "4:12", reason: "syntax error: Unexpected token", hint: "this is TypeScript; write ```ts" },
  { file: "undefined-name.md", at: "4:13", reason: "megawattHours is not defined", hint: "define megawattHours in a cell" },
  { file: "unhandled-then-throws.md", at: "6:9", reason: "then callback failed (a promise rejected and nothing handled the rejection)" },
  { file: "unknown-fence-option.md", at: "3:1", reason: 'unknown fence option "ehco"' },
  { file: "unterminated-fence.md", at: "3:1", reason: "this ```js fence is never closed" },
  { file: "unterminated-tilde-fence.md", at: "5:1", reason: "this ~~~ts fence is never closed" },
  { file: "upstream-failure.md", at: "4:19", reason: "undefinedThing is not defined" },
  { file: "url-import.md", at: "4:1", reason: "import from a URL" },
];

/** A fixed pseudo-random byte stream (the same junk every run). */
function junk(length: number, seed = 42): Buffer {
  let state = seed;
  return Buffer.from(Array.from({ length }, () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 16) & 255));
}

const fence = "```";

/** Too large, binary or pathological to commit: written into the temporary project. */
const GENERATED: readonly (Case & { readonly content: () => string | Buffer })[] = [
  { file: "binary-junk.md", at: "1:1", reason: "the file is not UTF-8 text: byte 0x89", content: () => junk(4096) },
  {
    file: "invalid-utf8.md",
    at: "3:4",
    reason: "the file is not UTF-8 text: byte 0xE9",
    hint: "save the notebook as UTF-8",
    content: () => Buffer.concat([Buffer.from("# Invalid UTF-8\n\nCaf"), Buffer.from([0xe9]), Buffer.from(" au lait (Latin-1, not UTF-8)\n")]),
  },
  { file: "nul-byte.md", at: "3:7", reason: "the file holds a NUL character", content: () => "# NUL\n\nA NUL \0 byte.\n" },
  {
    file: "ten-megabytes.md",
    at: "1:1",
    reason: "the notebook is 10.0 MB; wattbook builds notebooks of up to 5 MB",
    content: () => `# Ten megabytes\n\n${"The grid emits $E = P t$ and ${1 + 1} joules; see [a link](https://example.com).\n\n".repeat(10e6 / 80)}`.slice(0, 10e6),
  },
  { file: "deep-blockquotes.md", at: "3:1", reason: "nests lists, block quotes and ::: containers more than 32 levels deep", content: () => `# Deep\n\n${">".repeat(10_000)} deep\n` },
  {
    file: "deep-lists.md",
    at: "3:1",
    reason: "nests lists, block quotes and ::: containers more than 32 levels deep",
    content: () => `# Deep lists\n\n${Array.from({ length: 1000 }, (_, i) => `${" ".repeat(i * 2)}- item`).join("\n")}\n`,
  },
  { file: "deep-array.md", at: "4:211", reason: "this cell nests brackets more than 200 levels deep", content: () => `# Deep JS\n\n${fence}js\nconst x = ${"[".repeat(20_000)}${"]".repeat(20_000)};\n${fence}\n` },
  { file: "deep-functions.md", at: "4:2611", reason: "this cell nests brackets more than 200 levels deep", content: () => `# Deep functions\n\n${fence}js\n${"function f(){".repeat(3000)}${"}".repeat(3000)}\n${fence}\n` },
  // Unary operators nest without brackets: acorn's own limit applies, at a column that depends on the stack.
  { file: "deep-unary.md", at: "4", reason: /this cell nests too deeply to (parse|analyze)/, content: () => `# Deep unary\n\n${fence}js\nconst x = ${"!".repeat(100_000)}1;\n${fence}\n` },
  { file: "deep-inline-expression.md", at: "3:202", reason: "this ${…} expression nests more than 200 levels deep", content: () => `# Deep inline\n\n\${${"(".repeat(1000)}1${")".repeat(1000)}}\n` },
  { file: "deep-emphasis.md", at: "3:1", reason: "this text nests emphasis, strikethrough and links more than 32 levels deep", content: () => `# Deep emphasis\n\n${"**a ".repeat(5000)}x${" b**".repeat(5000)}\n` },
  { file: "deep-containers.md", at: "3:1", reason: "nests lists, block quotes and ::: containers more than 32 levels deep", content: () => `# Deep containers\n\n${"::: exercise\n".repeat(100)}${":::\n".repeat(100)}` },
  { file: "deep-math.md", at: "3:203", reason: "math: the formula nests braces more than 200 levels deep", content: () => `# Deep math\n\n$$${"{".repeat(1000)}x${"}".repeat(1000)}$$\n` },
  { file: "deep-front-matter.md", at: "2:72", reason: "front matter nests more than 64 levels deep", content: () => `---\ntitle: ${"[".repeat(1000)}${"]".repeat(1000)}\n---\n\n# Deep front matter\n` },
  { file: "long-line.md", at: "3:2000006", reason: "this ${…} expression does not parse", content: () => `# Long line\n\n${"watt ".repeat(400_000)}\${1 +}\n` },
  {
    file: "ten-thousand-errors.md",
    at: "3:1",
    reason: "@fig-missing refers to no label",
    content: () => `# Ten thousand errors\n\n${"@fig-missing ".repeat(10_000)}\n`,
  },
];

/** stderr split into error reports: `file:line:col: reason`, excerpt lines, `hint: …`. */
interface Report {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  /** The error's code in the catalog, which the CLI prints in brackets after the reason. */
  readonly code: string | undefined;
  readonly hint: string | undefined;
  readonly text: string;
}

function reports(stderr: string): Report[] {
  return stderr.split(/\n\n+/).flatMap((block) => {
    const head = /^(notebooks\/[^:\n]+):(\d+):(\d+): (.*?)(?: \[([a-z\d-]+)\])?$/m.exec(block);
    if (!head) return [];
    const hint = /^ {2}hint: (.*)$/m.exec(block)?.[1];
    return [{ file: head[1]!, line: Number(head[2]), column: Number(head[3]), reason: head[4]!, code: head[5], hint, text: block }];
  });
}

function matches(report: Report, expected: Case): boolean {
  const [line, column] = expected.at.split(":").map(Number);
  if (report.file !== `notebooks/${expected.file}` || report.line !== line || (column !== undefined && report.column !== column)) return false;
  return typeof expected.reason === "string" ? report.reason.includes(expected.reason) : expected.reason.test(report.reason);
}

/** Every file under `dir` with a hash of its content: a fingerprint of a whole site. */
async function fingerprint(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    result[path.relative(dir, file)] = createHash("sha1").update(await readFile(file)).digest("hex");
  }
  return result;
}

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "wattbook-corpus-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A project folder holding `notebooks/` with the given files. */
async function project(name: string, files: Record<string, string | Buffer>): Promise<string> {
  const dir = path.join(work, name);
  await mkdir(path.join(dir, "notebooks"), { recursive: true });
  for (const [file, content] of Object.entries(files)) await writeFile(path.join(dir, "notebooks", file), content);
  return dir;
}

describe("the corpus of broken notebooks, built together", () => {
  const cases = [...COMMITTED, ...GENERATED];
  let result: CliResult;
  let found: Report[];

  beforeAll(async () => {
    const dir = await project("corpus", Object.fromEntries(GENERATED.map((c) => [c.file, c.content()])));
    for (const c of COMMITTED) await copyFile(path.join(CORPUS, c.file), path.join(dir, "notebooks", c.file));
    // The cell limit stops every stuck cell; the notebook limit is far enough behind never to race it.
    result = await runCli(["build", "--timeout-ms", "20000", "--cell-timeout-ms", "3000", "--memory-mb", "256"], { cwd: dir, timeoutMs: 90_000 });
    found = reports(result.stderr);
  }, 120_000);

  it("has a case for every file in test/corpus/, and at least 40 cases", async () => {
    const files = (await readdir(CORPUS)).filter((f) => f.endsWith(".md")).sort();
    expect(COMMITTED.map((c) => c.file).sort()).toEqual(files);
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it("exits 1 within bounded time, naming every notebook, without a stack trace", () => {
    expect(result.code).toBe(1);
    expect(result.elapsedMs).toBeLessThan(60_000);
    expect(new Set(found.map((r) => r.file))).toEqual(new Set(cases.map((c) => `notebooks/${c.file}`)));
    expect(result.stderr).toMatch(new RegExp(`\\d+ errors in ${cases.length} files; build/ was left as it was\\.`));
    expect(result.stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m); // a stack frame
    expect(result.stderr).not.toContain("internal error");
    // Long lines, megabyte messages and 10,000 errors are cut down to something a person can read.
    expect(result.stderr.length).toBeLessThan(100_000);
    expect(result.stderr).toContain("notebooks/ten-thousand-errors.md: 9950 more errors not shown");
  });

  it.each(cases)("$file: $at $reason", (expected) => {
    const report = found.find((r) => matches(r, expected));
    expect(report, `no error at notebooks/${expected.file}:${expected.at} matching ${expected.reason}\n${found.filter((r) => r.file === `notebooks/${expected.file}`).map((r) => r.text).join("\n\n")}`).toBeDefined();
    // Every error says what to do.
    expect(report!.hint, report!.text).toBeTruthy();
    if (expected.hint) expect(report!.hint).toContain(expected.hint);
  });

  it("gives every error a hint, and an excerpt no wider than the window around the caret", () => {
    for (const report of found) {
      expect(report.hint, report.text).toBeTruthy();
      for (const line of report.text.split("\n").slice(1)) expect(line.length, line.slice(0, 200)).toBeLessThan(300);
    }
  });
});

describe("broken notebooks built alone", () => {
  const good = "# Good\n\nThe answer is ${answer}.\n\n```js\nconst answer = 6 * 7;\n```\n";

  it("leaves the previous build/ untouched, and no temporary folder beside it", async () => {
    const dir = await project("untouched", { "good.md": good });
    expect((await runCli(["build"], { cwd: dir })).code).toBe(0);
    const before = await fingerprint(path.join(dir, "build"));
    for (const c of GENERATED.filter((g) => ["binary-junk.md", "ten-megabytes.md", "deep-lists.md"].includes(g.file))) {
      await writeFile(path.join(dir, "notebooks", c.file), c.content());
    }
    await copyFile(path.join(CORPUS, "cell-loops-forever.md"), path.join(dir, "notebooks/cell-loops-forever.md"));
    const result = await runCli(["build", "--cell-timeout-ms", "500"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/4 errors in 4 files; build\/ was left as it was\./);
    expect(await fingerprint(path.join(dir, "build"))).toEqual(before);
    expect((await readdir(dir)).filter((name) => name.startsWith("build")).sort()).toEqual(["build"]);
  }, 60_000);

  it("fails cleanly where the site cannot be written or the notebooks are no folder", async () => {
    const dir = await project("unwritable", { "good.md": good });
    await writeFile(path.join(dir, "a-file"), "");
    const outs: [string, string][] = [["a-file/site", "a-file/site:1:1: cannot write the site there: "]];
    // Node's recursive mkdir spins forever under /proc: this once hung the build.
    if (existsSync("/proc/self")) outs.push(["/proc/wattbook-site", ":1:1: cannot write the site there: ENOENT"]);
    for (const [out, message] of outs) {
      const result = await runCli(["build", "--out", out], { cwd: dir, timeoutMs: 20_000 });
      expect(result.code, out).toBe(1);
      expect(result.stderr, out).toContain(message);
      expect(result.stderr, out).toContain("hint: pass --out a folder you may write to");
    }
    const root = await runCli(["build", "--root", "a-file"], { cwd: dir });
    expect(root.code).toBe(1);
    expect(root.stderr).toContain("a-file:1:1: the notebooks folder is a file, not a folder");
  }, 60_000);

  it("stops an endless loop at the cell limit, long before the notebook limit", async () => {
    const dir = await project("cell-limit", {});
    await copyFile(path.join(CORPUS, "cell-loops-forever.md"), path.join(dir, "notebooks/cell-loops-forever.md"));
    const result = await runCli(["build", "--cell-timeout-ms", "500", "--timeout-ms", "60000"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("notebooks/cell-loops-forever.md:8:1: did not give the thread back within 500 ms");
    expect(result.elapsedMs).toBeLessThan(15_000);
  }, 30_000);

  it("builds 10,000 cells in bounded time and names the one that fails", async () => {
    let text = "# Ten thousand cells\n\n";
    for (let i = 0; i < 10_000; i++) text += `${fence}js\nconst c${i} = ${i ? `c${i - 1} + 1` : "0"};\n${fence}\n\n`;
    text += `${fence}js\nif (c9999 === 9999) throw new Error("the end of the chain");\n${fence}\n`;
    const dir = await project("ten-thousand-cells", { "ten-thousand-cells.md": text });
    const result = await runCli(["build"], { cwd: dir, timeoutMs: 60_000 });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("notebooks/ten-thousand-cells.md:40004:27: the end of the chain");
    expect(result.stderr).toMatch(/1 error in 1 file; build\/ was left as it was\./);
    expect(result.elapsedMs).toBeLessThan(45_000);
  }, 60_000);
});
