// What an export leaves out of the library: only the parts whose builtin no cell names (or, for Arrow
// and the exercises, that the notebook cannot reach). Read against the real library's files.
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "esbuild";
import { analyzeText } from "../helpers/compiler.ts";
import { ensureLibrary, type Library } from "../../src/publish/library.ts";
import { leaveOutPlugin, partsLeftOut } from "../../src/publish/export-parts.ts";

let library: Library;
beforeAll(async () => {
  library = await ensureLibrary();
}, 120_000);

const leftOut = (text: string) => new Set(partsLeftOut(analyzeText(text, "t.md"), library).values());

describe("partsLeftOut", () => {
  it("finds every optional part in the library", () => {
    expect(leftOut("# Prose only\n")).toEqual(new Set(["tex (KaTeX)", "md (marked)", "Plot", "Inputs", "Apache Arrow", "the exercises' code"]));
  });

  it("keeps each part a cell names, in a block or inline", () => {
    const kept = leftOut("```js\nconst x = view(Inputs.range([0, 1]));\n```\n\n```js\nPlot.plot({marks: []})\n```\n\nInline ${tex`x^2`} and ${md`*y*`}.\n");
    expect(kept).toEqual(new Set(["Apache Arrow", "the exercises' code"]));
  });

  it("keeps Arrow for a cell that reads a file with .arrow()", () => {
    expect(leftOut('```js\nconst table = await FileAttachment("data/t.arrow").arrow();\n```\n').has("Apache Arrow")).toBe(false);
  });

  it("leaves out the Plot builtin when a cell imports the package itself (its static import is bundled whole)", () => {
    expect(leftOut('```js\nimport * as P from "@observablehq/plot";\n```\n\n```js\nP.plot({marks: []})\n```\n').has("Plot")).toBe(true);
  });
});

describe("leaveOutPlugin", () => {
  it("makes a dynamic import of a part left out reject with why, and leaves static imports alone", async () => {
    const result = await build({
      stdin: { contents: 'import {kept} from "./kept.js"; export {kept}; export const later = () => import("./tex-ABC.js");', resolveDir: "/", loader: "js" },
      bundle: true,
      write: false,
      format: "esm",
      logLevel: "silent",
      plugins: [
        leaveOutPlugin(new Map([["tex-ABC.js", "tex (KaTeX)"], ["kept.js", "never"]])),
        { name: "kept", setup: (b) => (b.onResolve({ filter: /kept\.js$/ }, () => ({ path: "kept", namespace: "kept" })), b.onLoad({ filter: /.*/, namespace: "kept" }, () => ({ contents: "export const kept = 1;", loader: "js" }))) },
      ],
    });
    const code = result.outputFiles[0]!.text;
    const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
    await expect(module.later()).rejects.toThrow("this exported notebook leaves out tex (KaTeX): no cell used it when it was exported");
    expect(module.kept).toBe(1);
  });
});
