import { parse } from "acorn";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LocatedError, LocatedErrors } from "../../src/notebook/errors.ts";
import { processNotebook } from "../helpers/compiler.ts";

const fence = "```";

/** Pieces authors write, well and badly; notebooks are random sequences of them. */
const fragment = fc.oneof(
  fc.constantFrom(
    "# Title",
    "## Section $x^2$",
    "Plain prose with *emphasis* and `code ${x}`.",
    "It costs $5 and $10.",
    "Inline $E = Pt$ and broken $\\frac{1}{$ math.",
    "A value ${a + 1} and ${`t ${b}`}.",
    "Broken ${1 +} and unclosed ${a b",
    "See @fig-one and @eq-none and mail x@eq-y.com.",
    "$$ E = mc^2 $$ {#eq-one}",
    "$$\n\\int_0^1 x\\,dx\n$$ {#eq-one}",
    "$$ bad \\foo $$ {#eq-bad-}",
    `${fence}js\nconst a = 1;\n${fence}`,
    `${fence}js\nconst b = a * 2\n${fence}`,
    `${fence}js echo {#fig-one caption="A *figure*"}\ndisplay(b)\n${fence}`,
    `${fence}js {#tbl-x}\n[1, 2]\n${fence}`,
    `${fence}ts\nconst t: number = b + 1\n${fence}`,
    `${fence}ts\nconst broken: = 1\n${fence}`,
    `${fence}js\nconst = oops\n${fence}`,
    `${fence}js\nconst a = 2; // again\n${fence}`,
    `${fence}js\nconst c = d; const d = c;\n${fence}`,
    `${fence}js\nconst p = q;\n${fence}\n${fence}js\nconst q = p;\n${fence}`,
    `${fence}js\nimport {sum} from "d3-array";\nimport x from "./local.js";\n${fence}`,
    `${fence}js\nexport const e = 1;\n${fence}`,
    `${fence}js\na = 3;\n${fence}`,
    `${fence}js\nconst width = 1;\n${fence}`,
    `${fence}js run=false\nnot run (\n${fence}`,
    `${fence}js ehco\n1\n${fence}`,
    `${fence}js\nnever closed`,
    `${fence}python\nprint("hi")\n${fence}`,
    "| a | b |\n|---|---|\n| 1 | ${a} |\n\n: Table caption {#tbl-y}",
    "> quoted ${a}\n> ```js\n> const z = a\n> ```",
    "1. item\n\n   ```js\n   const w = 1\n   ```",
    "<div class='x'>${raw}</div>",
    "\\$ and \\@fig-one",
    "\t${tabbed}",
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: fc.constantFrom("$", "{", "}", "`", "@", "#", "\n", " ", "a", "\\", "|", "-", ">", ":", "=", "(", ")"), maxLength: 24 }),
);

const frontMatter = fc.constantFrom("", "---\ntitle: T\norder: 1\n---\n", "---\ntitle: [bad\n---\n", "---\ntitle: 3\n---\n", "---\nno end\n");

const notebook = fc
  .tuple(frontMatter, fc.array(fragment, { maxLength: 8 }), fc.boolean())
  .map(([head, parts, crlf]) => {
    const text = head + parts.join("\n\n");
    return crlf ? text.replace(/\n/g, "\r\n") : text;
  });

describe("processNotebook on random notebooks", () => {
  it("returns a module, or throws only located errors that point into the file", () => {
    const outcomes = { returned: 0, threw: 0 };
    fc.assert(
      fc.property(notebook, (text) => {
        const lineCount = text.split(/\r\n?|\n/).length;
        try {
          const { notebook, module } = processNotebook(text, "random.md");
          // The module is valid JavaScript, and every cell is somewhere in the file.
          parse(module, { ecmaVersion: "latest", sourceType: "module" });
          for (const cell of notebook.cells) {
            expect(cell.position.line).toBeGreaterThanOrEqual(1);
            expect(cell.position.line).toBeLessThanOrEqual(lineCount + 1);
          }
          outcomes.returned++;
        } catch (error) {
          outcomes.threw++;
          const errors = error instanceof LocatedErrors ? error.errors : [error];
          for (const e of errors) {
            if (!(e instanceof LocatedError)) throw e; // anything else is a bug: let fast-check shrink it
            expect(e.file).toBe("random.md");
            expect(e.line).toBeGreaterThanOrEqual(1);
            expect(e.line).toBeLessThanOrEqual(lineCount + 1);
            expect(e.column).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      { numRuns: 300 },
    );
    // Both paths were exercised: the generator is not all broken nor all valid.
    expect(outcomes.returned).toBeGreaterThan(20);
    expect(outcomes.threw).toBeGreaterThan(20);
  });
});
