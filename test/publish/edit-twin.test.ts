// The read page and its edit twin as rendered: only the twin relaxes the CSP (by 'unsafe-eval' alone),
// loads the editor and carries the cells' sources; links from a nested page resolve.
import { describe, expect, it } from "vitest";
import type { PageData } from "../../src/editor/page-data.ts";
import { processNotebook } from "../helpers/compiler.ts";
import { EDIT_CONTENT_SECURITY_POLICY, editPageContext, editPagePath, readPageContext, type EditScripts } from "../../src/publish/edit-twin.ts";
import { CONTENT_SECURITY_POLICY, renderPage, type PageContext } from "../../src/publish/render.ts";

const fence = "```";
const source = [
  "# Nested",
  "",
  `${fence}js`,
  "const gpus = 8; // </script><!-- tricky",
  fence,
  "",
  `${fence}ts {#fig-power caption="Power."}`,
  "const watts: number = gpus * 700;",
  fence,
  "",
  "Total: ${watts} W.",
].join("\n");

const scripts: EditScripts = { editor: "_wattbook/editor/editor-ABC.js", kernel: "_wattbook/lib/kernel-K.js" };
const output = "chapters/power.html";
const base: PageContext = {
  siteTitle: "site",
  toRoot: "../",
  stylesheets: ["wattbook.css"],
  script: "_wattbook/page-chapters-power-X.js",
  preload: ["_wattbook/notebook-chapters-power-Y.js"],
  prev: { href: "../intro.html", title: "Intro" },
};

describe("read page and edit twin", () => {
  const { notebook } = processNotebook(source, "chapters/power.md");
  const read = renderPage(notebook, {}, readPageContext(base, output));
  const edit = renderPage(notebook, {}, editPageContext(base, output, notebook, scripts));

  it("links every block cell of the read page, and the page, to the twin; the read page stays strict", () => {
    expect(editPagePath(output)).toBe("_edit/chapters/power.html");
    expect(read).toContain(`content="${CONTENT_SECURITY_POLICY}"`);
    expect(read).not.toContain("unsafe-eval");
    const links = [...read.matchAll(/<a class="wb-edit" href="([^"]+)" aria-label="([^"]+)">Edit<\/a>/g)].map((m) => [m[1], m[2]]);
    const [first, second] = notebook.cells;
    expect(links).toEqual([
      [`../_edit/chapters/power.html#edit=${first!.id}`, "Edit the code of the cell that defines gpus"],
      [`../_edit/chapters/power.html#edit=${second!.id}`, "Edit the code of figure 1"],
    ]);
    expect(read).toContain('<a class="wb-edit-page" href="../_edit/chapters/power.html">Edit this page</a>');
    expect(read).not.toContain("editor-ABC.js");
    expect(read).not.toContain("wb-edit-data");
  });

  it("relaxes only script-src in the twin, loads the editor after the page, and links back", () => {
    expect(EDIT_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("script-src 'self';", "script-src 'self' 'unsafe-eval';"));
    expect(edit).toContain(`content="${EDIT_CONTENT_SECURITY_POLICY}"`);
    const scripts = [...edit.matchAll(/<script type="module" src="([^"]+)"><\/script>/g)].map((m) => m[1]);
    expect(scripts).toEqual(["../../_wattbook/page-chapters-power-X.js", "../../_wattbook/editor/editor-ABC.js"]);
    expect(edit).toContain('<link rel="stylesheet" href="../../wattbook.css">');
    expect(edit).toContain('<meta name="robots" content="noindex">');
    expect(edit).toContain('<link rel="canonical" href="../../chapters/power.html">');
    expect(edit).toContain('<a rel="prev" href="../../intro.html">');
    expect(edit).toContain(`href="#edit=${notebook.cells[0]!.id}"`);
    expect(edit).not.toContain("wb-edit-page");
  });

  it("carries every cell's source in a JSON block that no source can break out of", () => {
    const block = /<script type="application\/json" id="wb-edit-data">([\s\S]*?)<\/script>/.exec(edit)![1]!;
    expect(block).not.toContain("</script>");
    const data = JSON.parse(block) as PageData;
    expect(data.readPage).toBe("../../chapters/power.html");
    expect(data.kernel).toBe("../../_wattbook/lib/kernel-K.js");
    expect(data.cells.map((c) => [c.kind, c.lang, c.sourceText])).toEqual([
      ["block", "js", "const gpus = 8; // </script><!-- tricky"],
      ["block", "ts", "const watts: number = gpus * 700;"],
      ["inline", "js", "watts"],
    ]);
    expect(data.cells[0]!.position).toEqual(notebook.cells[0]!.position);
  });
});
