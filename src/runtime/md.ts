// md`…`: Markdown (GitHub-flavoured, as marked renders it) from a cell, to DOM. Loaded on first use:
// a page that never writes md never downloads the renderer.
import { Marked } from "marked";
import { markupTemplate } from "./markup-template.ts";

const markdown = new Marked({ gfm: true, async: false });

export const md = markupTemplate((text) => {
  const root = document.createElement("div");
  root.innerHTML = (markdown.parse(text) as string).trim();
  return root;
});
