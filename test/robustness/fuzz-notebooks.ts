// Random and mutated notebooks for property-based fuzzing of parse → analyze → compile, and the property
// they must keep: processNotebook returns a module that parses as JavaScript, or throws located errors
// (LocatedError / LocatedErrors) that point into the file and say what to do. Nothing else may escape.
// Used by fuzz.test.ts (10⁴ cases in `npm test`) and scripts/fuzz.mjs (10⁵ in `npm run fuzz`).
import { parse } from "acorn";
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LocatedError, LocatedErrors } from "../../src/notebook/errors.ts";
import { processNotebook } from "../helpers/compiler.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const fence = "```";

/** The notebooks people wrote, whole (examples/) and as windows into the longer chapter notebooks. */
export const SEEDS: readonly string[] = ["examples", "notebooks"].flatMap((dir) =>
  readdirSync(path.join(ROOT, dir))
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => readFileSync(path.join(ROOT, dir, file), "utf8")),
);

/** Pieces authors write well. */
const GOOD = [
  "# Title",
  "## Section $x^2$ and ${a}",
  "Plain prose with *emphasis*, **strong**, `code ${x}` and [a link](https://example.com).",
  "It costs $5 and $10, or \\$20.",
  "- one\n- two ${a}\n  - nested $E$\n\n1. first\n2. second",
  "> quoted ${a}\n> ```js\n> const z = a\n> ```",
  "1. item\n\n   ```js\n   const w = 1\n   ```",
  "| x |\n|---|\n| 1 |\n: Caption right under {#tbl-z}",
  "<div class='x'>${raw}</div>",
  "<script>${notAnExpression}</script>",
  "<!-- a comment ${hidden} -->",
  "\\$ and \\@fig-one and \\${escaped}",
  "\t${tabbed}",
  "---",
  "***\n___",
  "A value ${a + 1} and ${`t ${b}`} and ${(x)} and ${{a: 1}.a}.",
  "Nested ${html`<b>${a}</b>`} and ${'}'} and ${\"${\"}",
  "${await Promise.resolve(1)} and ${import('x')}",
  "$$ E = mc^2 $$ {#eq-one}",
  "$$\n\\int_0^1 x\\,dx\n$$ {#eq-one}",
  "$x$$y$ and $$ $$ and $ $",
  `${fence}js\nconst a = 1;\n${fence}`,
  `${fence}js\nconst b = a * 2\n${fence}`,
  `${fence}js echo {#fig-one caption="A *figure* with $x$"}\ndisplay(b)\n${fence}`,
  `${fence}js {#tbl-x}\n[{a: 1}, {a: 2}]\n${fence}`,
  `${fence}js {#fig-one}\n1\n${fence}`,
  `${fence}ts\nconst t: number = b + 1\n${fence}`,
  `${fence}ts\ninterface P { w: number }\nconst p: P = {w: 1};\n${fence}`,
  `${fence}ts\n(x as number) + 1\n${fence}`,
  `${fence}js\nimport {operationalCarbon as oc} from "wattbook/kernel";\n${fence}`,
  `${fence}js\nlet n = 0; n++;\n${fence}`,
  `${fence}js\nfunction f() { return f(); }\n${fence}`,
  `${fence}js\nclass K { static { this.x = 1 } }\n${fence}`,
  `${fence}js\nconst {a: [b2, ...rest], ...o} = {a: [1]};\n${fence}`,
  `${fence}js\nfor await (const v of []) {}\n${fence}`,
  `${fence}js\n{a: 1}\n${fence}`,
  `${fence}js\n(function named() {})\n${fence}`,
  `${fence}js\nconst s = \`\${\`\${\`x\`}\`}\`;\n${fence}`,
  `${fence}js\n// only a comment\n${fence}`,
  `${fence}js\n${fence}`,
  `${fence}js run=false\nnot run (\n${fence}`,
  `~~~ts\nconst tilde = 1\n~~~`,
  `${fence}\nplain fence\n${fence}`,
  `${fence}python\nprint("hi")\n${fence}`,
  `    indented code ${"${a}"}`,
  "::: exercise\nHow much?\n::: answer number\ncorrect: ${a} kWh\n:::\n:::",
];

/** Pieces authors get wrong. */
const BAD = [
  "| a | b |\n|---|---|\n| 1 | ${a} |\n| ${b *} | 2 |\n\n: Table caption {#tbl-y}",
  "<div class=\"${inTag}\">text</div>",
  "Broken ${1 +} and unclosed ${a b",
  "Empty ${} and ${ } and ${/* only a comment */}",
  "Inline $E = Pt$ and broken $\\frac{1}{$ math.",
  "$$ bad \\foo $$ {#eq-bad-}",
  "$$\n$$",
  "See @fig-one, @eq-one, @tbl-x, @eq-none and mail x@eq-y.com.",
  `${fence}ts\nconst broken: = 1\n${fence}`,
  `${fence}js\nconst x: number = 1\n${fence}`,
  `${fence}js\nconst = oops\n${fence}`,
  `${fence}js\nconst a = 2; // again\n${fence}`,
  `${fence}js\nconst c = d; const d = c;\n${fence}`,
  `${fence}js\nconst p = q;\n${fence}\n${fence}js\nconst q = p;\n${fence}`,
  `${fence}js\nimport {sum} from "d3-array";\nimport x from "./local.js";\n${fence}`,
  `${fence}js\nimport * as k from "wattbook/kernel";\nimport k from "wattbook/kernel";\n${fence}`,
  `${fence}js\nimport "https://example.com/x.js";\n${fence}`,
  `${fence}js\nexport const e = 1;\n${fence}`,
  `${fence}js\na = 3;\n${fence}`,
  `${fence}js\nconst width = 1;\n${fence}`,
  `${fence}js\nreturn 1\n${fence}`,
  `${fence}js run=false {#fig-x}\n1\n${fence}`,
  `${fence}js ehco\n1\n${fence}`,
  `${fence}js {#fig-a} {#fig-b}\n1\n${fence}`,
  `${fence}js {caption="never closed}\n1\n${fence}`,
  `${fence}js {#fig-cap caption="Value \${a}"}\n1\n${fence}`,
  `${fence}js\nnever closed`,
  "::: exercise\nNo answer\n:::",
  "::: answer\n:::",
  ":::",
];

const FRONT_MATTER = [
  "",
  "",
  "",
  "---\ntitle: T\norder: 1\n---\n",
  "---\ntitle: T\norder: 1\n---\n",
  "---\ntitle: T\norder: 1\n---\n",
  "---\ntitle: [bad\n---\n",
  "---\ntitle: 3\n---\n",
  "---\nno end\n",
  "---\n- a\n- b\n---\n",
  "---\ntitle: *alias\n---\n",
  "---\ntitle: x\ntitle: y\n---\n",
  "\uFEFF---\ntitle: BOM\n---\n",
  "---\n---\n",
  "...\n",
];

/** Characters that mean something to the notebook syntax. */
const SYNTAX_CHARS = ["$", "{", "}", "`", "@", "#", "\n", "\r\n", " ", "\t", "a", "1", "\\", "|", "-", ">", ":", "=", "(", ")", "[", "]", "*", "_", "<", "~", "'", '"', "/", ";", "."];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 16, arbitrary: fc.constantFrom(...GOOD) },
  { weight: 3, arbitrary: fc.constantFrom(...BAD) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...SYNTAX_CHARS), maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.oneof(fc.constantFrom(...SYNTAX_CHARS), loneSurrogate, fc.constantFrom("\u0000", "\u2028", "\u200b", "é", "😀")), maxLength: 20 }) },
  // A cell holding random code made of JavaScript-ish tokens.
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom("js", "ts", "js echo", "ts {#fig-r}"), fc.array(fc.constantFrom("const", "let", "x", "y", "=", "+", "(", ")", "{", "}", "[", "]", ";", "\n", "await", "=>", "1", '"s"', "`t${", "}`", ",", ":", "number", "display", "view", "import", "from", "html`<i>${x}</i>`"), { maxLength: 20 }))
      .map(([info, tokens]) => `${fence}${info}\n${tokens.join(" ")}\n${fence}`),
  },
);

const separator = fc.constantFrom("\n\n", "\n", "", "\r\n\r\n", " ");

const generated: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...FRONT_MATTER), fc.array(fc.tuple(fragment, separator), { maxLength: 8 }), fc.boolean())
  .map(([head, parts, crlf]) => {
    const text = head + parts.map(([part, sep]) => part + sep).join("");
    return crlf ? text.replace(/\r?\n/g, "\r\n") : text;
  });

/** One edit of a text, with positions as fractions of its length so that shrinking stays meaningful. */
type Mutation =
  | { readonly kind: "delete" | "duplicate"; readonly at: number; readonly length: number }
  | { readonly kind: "insert"; readonly at: number; readonly text: string }
  | { readonly kind: "swap"; readonly at: number; readonly other: number; readonly length: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fraction, length: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fraction, length: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fraction, text: fragment }),
  fc.record({ kind: fc.constant("swap" as const), at: fraction, other: fraction, length: fc.nat({ max: 200 }) }),
);

function mutate(text: string, m: Mutation): string {
  const at = Math.floor(m.at * (text.length + 1));
  switch (m.kind) {
    case "delete":
      return text.slice(0, at) + text.slice(at + m.length);
    case "duplicate":
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case "insert":
      return text.slice(0, at) + m.text + text.slice(at);
    case "swap": {
      const [a, b] = [at, Math.floor(m.other * (text.length + 1))].sort((x, y) => x - y) as [number, number];
      const length = Math.min(m.length, b - a);
      return text.slice(0, a) + text.slice(b, b + length) + text.slice(a + length, b) + text.slice(a, a + length) + text.slice(b + length);
    }
  }
}

/** A real notebook (whole when short; a window of a few kilobytes of a chapter) with edits applied. */
const mutated: fc.Arbitrary<string> = fc
  .tuple(fc.nat({ max: SEEDS.length - 1 }), fraction, fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([seed, start, mutations]) => {
    const source = SEEDS[seed]!;
    const window = 4000;
    const from = source.length <= window ? 0 : Math.floor(start * (source.length - window));
    return mutations.reduce(mutate, source.slice(from, from + window));
  });

export const notebookText: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: generated }, { weight: 2, arbitrary: mutated });

export type Outcome = { readonly compiled: true; readonly cells: number } | { readonly compiled: false; readonly errors: readonly LocatedError[] };

/**
 * The property: throws (an AssertionError-like Error) if anything but located errors escaped, or if an
 * error points outside the file or says nothing about what to do; otherwise says what happened.
 */
export function checkNotebook(text: string, file = "fuzz.md"): Outcome {
  const lineCount = text.split(/\r\n?|\n/).length;
  let result;
  try {
    result = processNotebook(text, file);
  } catch (error) {
    const errors = error instanceof LocatedErrors ? error.errors : [error];
    for (const e of errors) {
      if (!(e instanceof LocatedError)) throw e; // anything else is a bug: let fast-check shrink it
      if (e.file !== file) throw new Error(`error names ${e.file}, not ${file}: ${e.message}`);
      if (!(e.line >= 1 && e.line <= lineCount)) throw new Error(`error line ${e.line} is outside the file's ${lineCount} lines: ${e.message}`);
      if (!(e.column >= 1)) throw new Error(`error column ${e.column} is below 1: ${e.message}`);
      if (!e.hint) throw new Error(`error says nothing about what to do: ${e.message}`);
    }
    if (!errors.length) throw new Error("LocatedErrors with no error in it");
    return { compiled: false, errors: errors as LocatedError[] };
  }
  // The module is valid JavaScript, and every cell is somewhere in the file.
  parse(result.module, { ecmaVersion: "latest", sourceType: "module" });
  for (const cell of result.notebook.cells) {
    if (!(cell.position.line >= 1 && cell.position.line <= lineCount + 1)) throw new Error(`cell ${cell.id} is at line ${cell.position.line}, outside the file`);
  }
  return { compiled: true, cells: result.notebook.cells.length };
}

/** A short name for what the first error was about ("syntax error", "front matter", …), for counting. */
export function outcomeKind(outcome: Outcome): string {
  if (outcome.compiled) return "compiled";
  const reason = outcome.errors[0]!.reason;
  const words = reason
    .replace(/(["'])[^"']*\1/g, " ")
    .replace(/:::[ \t]*[\w-]*/g, " container ")
    .replace(/[`~]{3,}\S*|[@#][\w-]+|\$\{…\}|\$\{\}/g, " ")
    .replace(/^[\p{L}\p{N}_$]+ (?=(is|are) )/u, "a name ")
    .replace(/^(cannot assign to) \S+/, "$1 a name")
    .split(/[:;(]/)[0]!
    .replace(/[^A-Za-z]+/g, " ")
    .trim()
    .split(" ");
  return words.slice(0, 5).join(" ") || "(no words)";
}

export interface FuzzReport {
  readonly runs: number;
  /** The slowest single case, in milliseconds. */
  readonly slowestMs: number;
  readonly seed: number;
  readonly compiled: number;
  readonly rejected: number;
  readonly kinds: ReadonlyMap<string, number>;
  readonly elapsedMs: number;
}

const MAX_CASE_MS = 5_000;

/** Runs the property `runs` times from `seed`; fast-check throws (with a shrunk counterexample) on failure. */
export function fuzz(runs: number, seed: number): FuzzReport {
  const started = performance.now();
  const kinds = new Map<string, number>();
  let compiled = 0;
  let rejected = 0;
  let slowestMs = 0;
  fc.assert(
    fc.property(notebookText, (text) => {
      const caseStarted = performance.now();
      const outcome = checkNotebook(text);
      const ms = performance.now() - caseStarted;
      slowestMs = Math.max(slowestMs, ms);
      // A notebook of a few kilobytes compiles in milliseconds; seconds would mean a superlinear path.
      if (ms > MAX_CASE_MS) throw new Error(`one notebook of ${text.length} characters took ${Math.round(ms)} ms`);
      if (outcome.compiled) compiled++;
      else rejected++;
      const kind = outcomeKind(outcome);
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }),
    { numRuns: runs, seed },
  );
  return { runs: compiled + rejected, slowestMs, seed, compiled, rejected, kinds, elapsedMs: performance.now() - started };
}

export function formatReport(report: FuzzReport): string {
  const lines = [
    `fuzz: ${report.runs.toLocaleString("en-US")} notebooks in ${(report.elapsedMs / 1000).toFixed(1)} s (seed ${report.seed}): ` +
      `${report.compiled.toLocaleString("en-US")} compiled, ${report.rejected.toLocaleString("en-US")} rejected with located errors, 0 escaped; ` +
      `slowest ${Math.round(report.slowestMs)} ms`,
    "by outcome (first error):",
  ];
  for (const [kind, count] of [...report.kinds].sort((a, b) => b[1] - a[1])) lines.push(`  ${String(count).padStart(7)}  ${kind}`);
  return lines.join("\n");
}
