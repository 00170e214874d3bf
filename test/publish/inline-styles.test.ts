// Which KaTeX faces an export carries: those whose rules apply to classes the page has, read from
// KaTeX's own stylesheet and math KaTeX rendered.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import katex from "katex";
import { REPO_ROOT } from "../helpers/cli.ts";
import { classesIn, cssForStyleElement, inlineFonts, usedFaces } from "../../src/publish/inline-styles.ts";

const KATEX_DIST = path.join(REPO_ROOT, "node_modules/katex/dist");
const css = readFileSync(path.join(KATEX_DIST, "katex.min.css"), "utf8");
const facesOf = (tex: string) => usedFaces(css, classesIn(katex.renderToString(tex)));

describe("usedFaces", () => {
  it("needs no face for a page without math", () => {
    expect(usedFaces(css, classesIn('<p class="wb-inline">42</p>'))).toEqual(new Set());
  });

  it("takes KaTeX's main face and the math italic for letters", () => {
    expect(facesOf("E = P t")).toEqual(new Set(["KaTeX_Main 400 normal", "KaTeX_Math 400 italic"]));
  });

  it("adds the faces a construct brings: bold, and big delimiters", () => {
    expect(facesOf("\\mathbf{x}").has("KaTeX_Main 700 normal")).toBe(true);
    const big = facesOf("\\left(\\sum_{i=1}^{n} \\frac{a_i}{b_i}\\right)");
    expect([...big].some((face) => face.startsWith("KaTeX_Size"))).toBe(true);
  });
});

describe("inlineFonts", () => {
  it("keeps the used faces as data: woff2 and drops every other @font-face", async () => {
    const { css: inlined, fonts } = await inlineFonts(css, new Set(["KaTeX_Main 400 normal"]), path.join(KATEX_DIST, "fonts"));
    expect(fonts).toEqual(["KaTeX_Main-Regular.woff2"]);
    const faces = [...inlined.matchAll(/@font-face\{[^}]*\}/g)].map((match) => match[0]);
    expect(faces).toHaveLength(1);
    const woff2 = readFileSync(path.join(KATEX_DIST, "fonts/KaTeX_Main-Regular.woff2")).toString("base64");
    expect(faces[0]).toContain(`src:url(data:font/woff2;base64,${woff2}) format("woff2")`);
    expect(inlined).not.toMatch(/url\(fonts\//);
  });
});

describe("cssForStyleElement", () => {
  it("cannot end its <style> element", () => {
    expect(cssForStyleElement('a::after{content:"</style><script>"}')).not.toMatch(/<\/style/i);
  });
});
