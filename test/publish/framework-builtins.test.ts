// Observable Framework's built-ins through the real build: what each renders is in the prerendered HTML
// (readable without JavaScript), their build values are the documented ones, a page that never writes
// md or tex has neither the Markdown renderer nor KaTeX in the scripts it loads, and TeX that does not
// parse fails the build at its line with a hint.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { runCli } from "../helpers/cli.ts";
import { BUILD_HEIGHT, BUILD_WIDTH } from "../../src/runtime/builtins.ts";

const fence = "```";
const cells = (...bodies: string[]) => bodies.map((body) => `${fence}js\n${body}\n${fence}\n`).join("\n");

/** One cell per built-in, each a block cell, so that the page's [data-cell] elements are these in order. */
const BUILTINS_PAGE = `# Built-ins

${cells(
  "const count = Mutable(3);\nconst increment = () => ++count.value;",
  "count * 2",
  'md`## Count ${count}\n\nSome **bold**, a ${html`<em class="given">node</em>`} and a [link](#top).`',
  "tex`\\frac{a}{b}`",
  "tex.block`E = mc^2`",
  'svg`<svg width="20" height="10"><rect width="${count}" height="4"></rect></svg>`',
  "new Date(now).toISOString()",
  "dark",
  'resize((width) => html`<span class="w">${width}</span>`)',
  'resize((width, height) => html`<span class="wh">${width}×${height}</span>`)',
  'const seen = visibility("seen");',
  "seen",
  'const hash = Generators.observe((change) => { change("observed"); });',
  "hash",
  "Generators.width(document.body)",
  'const field = html`<input value="typed">`;\nconst typed = Generators.input(field);',
  "typed",
  "const clock = Generators.now();\nconst scheme = Generators.dark();",
  "new Date(clock).toISOString()",
  "scheme",
  'Inputs.button([["Add one", increment]])',
)}`;

const PLAIN_PAGE = `# Plain\n\n${cells("const x = view(Inputs.range([0, 10], {value: 2}));", "x * 3")}`;

let work: string;
let site: string;
let buildStartedMs: number;
let buildEndedMs: number;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "wattbook-framework-builtins-"));
  await mkdir(path.join(work, "notebooks"));
  await writeFile(path.join(work, "notebooks", "builtins.md"), BUILTINS_PAGE);
  await writeFile(path.join(work, "notebooks", "plain.md"), PLAIN_PAGE);
  site = path.join(work, "site");
  buildStartedMs = Date.now();
  const built = await runCli(["build", "--out", site, "--no-cache"], { cwd: work });
  buildEndedMs = Date.now();
  expect(built.code, built.stderr).toBe(0);
  // KaTeX warns on the console in a document it takes for quirks mode; the build's DOM must not be one.
  expect(built.stderr).not.toContain("quirks");
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function outputs(page: string): Promise<Element[]> {
  const { document } = parseHTML(await readFile(path.join(site, page), "utf8"));
  return Array.from(document.querySelectorAll("[data-cell]"));
}

describe("the built-ins' output in the prerendered page", () => {
  it("has md's Markdown as HTML, with interpolated nodes and values in place", async () => {
    const [, doubled, markdown] = await outputs("builtins.html");
    expect(doubled!.textContent).toBe("6");
    expect(markdown!.querySelector("h2")!.textContent).toBe("Count 3");
    expect(markdown!.querySelector("p strong")!.textContent).toBe("bold");
    expect(markdown!.querySelector("p em.given")!.textContent).toBe("node");
    expect(markdown!.querySelector("p a")!.getAttribute("href")).toBe("#top");
    expect(markdown!.innerHTML).not.toContain("wb-node");
  });

  it("has tex's KaTeX markup, inline and as a block, with the TeX as written", async () => {
    const cellsOut = await outputs("builtins.html");
    const inline = cellsOut[3]!;
    expect(inline.querySelector(".katex-display")).toBeNull();
    expect(inline.querySelector(".katex annotation")!.textContent).toBe("\\frac{a}{b}");
    expect(inline.querySelector(".katex-mathml mfrac")).not.toBeNull();
    expect(inline.querySelector(".katex-html .mfrac")).not.toBeNull();
    const block = cellsOut[4]!;
    expect(block.querySelector(".katex-display .katex annotation")!.textContent).toBe("E = mc^2");
  });

  it("has svg's element, with the interpolated value", async () => {
    const svg = (await outputs("builtins.html"))[5]!.querySelector("svg")!;
    expect(svg.getAttribute("width")).toBe("20");
    expect(svg.querySelector("rect")!.getAttribute("width")).toBe("3");
  });

  it("has now once, taken while the site was built, and dark false", async () => {
    const cellsOut = await outputs("builtins.html");
    const nowMs = Date.parse(cellsOut[6]!.textContent!);
    expect(nowMs).toBeGreaterThanOrEqual(buildStartedMs);
    expect(nowMs).toBeLessThanOrEqual(buildEndedMs);
    expect(cellsOut[7]!.textContent).toBe("false");
  });

  it("has resize's render at the build width (and height, for a render that takes one)", async () => {
    const cellsOut = await outputs("builtins.html");
    expect(cellsOut[8]!.querySelector("span.w")!.textContent).toBe(String(BUILD_WIDTH));
    expect(cellsOut[9]!.querySelector("span.wh")!.textContent).toBe(`${BUILD_WIDTH}×${BUILD_HEIGHT}`);
  });

  it("resolves visibility() at once, and gives Generators' values", async () => {
    const cellsOut = await outputs("builtins.html");
    expect(cellsOut[11]!.textContent).toBe("seen");
    expect(cellsOut[13]!.textContent).toBe("observed");
    expect(cellsOut[14]!.textContent).toBe(String(BUILD_WIDTH));
    expect(cellsOut[16]!.textContent).toBe("typed");
    const clockMs = Date.parse(cellsOut[18]!.textContent!);
    expect(clockMs).toBeGreaterThanOrEqual(buildStartedMs);
    expect(clockMs).toBeLessThanOrEqual(buildEndedMs);
    expect(cellsOut[19]!.textContent).toBe("false");
  });
});

describe("Inputs.button, the way a page sets a Mutable", () => {
  it("is prerendered without an inline handler (the page's CSP would report one)", async () => {
    const form = (await outputs("builtins.html"))[20]!.querySelector("form")!;
    expect(form.querySelector("button")!.textContent).toBe("Add one");
    const attributes = Array.from(form.querySelectorAll("*")).flatMap((element) => Array.from(element.attributes, (attribute) => `${attribute.name}=${attribute.value}`));
    expect(attributes.filter((attribute) => /^on|::/.test(attribute))).toEqual([]);
  });
});

/** Every script of the site a page loads before any cell asks for more: its module and their static imports. */
async function staticScripts(page: string): Promise<Map<string, string>> {
  const { document } = parseHTML(await readFile(path.join(site, page), "utf8"));
  const pending = Array.from(document.querySelectorAll("script[type=module][src]"), (script) => path.join(site, script.getAttribute("src")!));
  const loaded = new Map<string, string>();
  while (pending.length) {
    const file = pending.pop()!;
    if (loaded.has(file)) continue;
    const text = await readFile(file, "utf8");
    loaded.set(file, text);
    // Static imports only (`import … from "…"`, `import "…"`); `import("…")` is loaded on first use.
    for (const [, specifier] of text.matchAll(/(?:\bfrom\s*|\bimport\s*)"(\.{1,2}\/[^"]+)"/g)) pending.push(path.resolve(path.dirname(file), specifier!));
  }
  return loaded;
}

const MARKED = "marked(): input parameter";
const KATEX = "KaTeX parse error";

describe("page weight", () => {
  it("keeps marked and KaTeX out of the scripts a page loads up front; they are in the library, loaded on first use", async () => {
    for (const page of ["plain.html", "builtins.html"]) {
      const scripts = [...(await staticScripts(page)).values()].join("\n");
      expect(scripts.length, page).toBeGreaterThan(1000);
      expect(scripts, page).not.toContain(MARKED);
      expect(scripts, page).not.toContain(KATEX);
    }
    const library = path.join(site, "_wattbook", "lib");
    const files = await Promise.all((await readdir(library)).map((name) => readFile(path.join(library, name), "utf8")));
    expect(files.filter((text) => text.includes(MARKED)).length).toBe(1);
    expect(files.filter((text) => text.includes(KATEX)).length).toBe(1);
  });
});

describe("a tex cell whose TeX does not parse", () => {
  it("fails the build at the cell, with KaTeX's reason and what to do", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "wattbook-tex-error-"));
    try {
      await mkdir(path.join(dir, "notebooks"));
      await writeFile(path.join(dir, "notebooks", "t.md"), `# T\n\n${cells("tex`\\frac{a`")}`);
      const result = await runCli(["build"], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/notebooks\/t\.md:4:1: KaTeX parse error: .* at end of input: \\frac\{a \[cell-tex\]/);
      expect(result.stderr).toContain("hint: fix the TeX; tex`…` reads it as written");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
