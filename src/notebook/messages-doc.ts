// docs/errors.md, made from the catalog (messages.ts): every code under its topic, with its message and
// hint as templates. Pure: test/notebook/messages.test.ts compares the page with this text and, with
// UPDATE_ERRORS_DOC=1, writes it.
import { MESSAGES, type MessageCode, PLACEHOLDER, type Topic, TOPICS } from "./messages.ts";

export const REGENERATE_ERRORS_DOC = "UPDATE_ERRORS_DOC=1 npx vitest run test/notebook/messages.test.ts";

/** What each topic's errors are about, a line under its heading. */
const ABOUT: Record<Topic, string> = {
  configuration: "The project's `wattbook.config.js` (or `.mjs`, `.ts`, `.mts`): the file, its keys and their values, and the notebooks and files it names. Located at the key in the file; `build`, `check` and `preview` read it before anything else.",
  folders: "The notebooks folder, the output folder a build would replace, and links in the static folder. Located at the folder or file itself.",
  files: "A notebook file that cannot be read as a notebook.",
  "front matter": "The YAML block between `---` lines at the top of a notebook.",
  "markdown and HTML": "Code fences, nesting, and HTML in prose that a built page would not honour.",
  "math and labels": "TeX, labelled equations, figures and tables, their captions, and `@` references to them.",
  cells: "What a single cell, or an inline `${…}` in prose, may hold.",
  imports: "What a cell may import, and what the build could not bundle.",
  "attached files": "`FileAttachment(\"…\")` calls, the files they name, and the data loaders (`name.ext.js`, `name.ext.ts`) that make files at build.",
  "the cell graph": "How the cells of a notebook fit together: one definition per name, no cycles.",
  exercises: "`::: exercise` blocks, their answers, and the build's check that each one works.",
  evaluation: "A cell that fails, or never finishes, while the build runs it. For the `cell-…` codes the message is what the cell threw, and the code says which hint fits it.",
  types: "TypeScript cells, checked by the TypeScript compiler against the kernel's declared types and the other cells' values (JavaScript cells take part with the types inferred for them; their own mistakes are not reported).",
  "value snapshots": "What `wattbook check` says when a notebook's values differ from the snapshot beside it (`name.snapshot.json`, written by `wattbook check --update`). Numbers agree to 12 significant digits unless the snapshot's `tolerance` says otherwise.",
  "explaining values": "What `wattbook explain NOTEBOOK.md NAME` says when the notebook has no cell declaring the name, or no cell on the line given.",
  export: "`wattbook export NOTEBOOK.md --out FILE.html`: the notebook to export and the file to write. Located at the notebook or at the file --out names; the notebook's own errors are the build's.",
  "the editor": "What only editing a cell in the page can run into.",
  "internal errors": "wattbook's own bugs, reported where they happened.",
};

const INTRODUCTION = [
  "Every error wattbook reports has the form `file:line:col: message [code]`: the notebook (or the",
  "configuration file), the line and column in it (counted from 1), what is wrong, and the error's code,",
  "under which this page lists it. Below it come the lines around that place, with a caret under the",
  "column, and a hint: what to do about it. The in-page editor shows the same messages and hints. In the",
  "templates below, a word in ‹angle quotes› stands for what the error fills in: a name, a number, or the",
  "text of an error that a cell or a tool reported. This page is generated from `src/notebook/messages.ts`;",
  `after changing the catalog, write it anew with \`${REGENERATE_ERRORS_DOC}\`.`,
].join("\n");

/** The page: an introduction, then per topic a `#` heading and per error a `## code` heading. */
export function errorsDocument(): string {
  const codes = Object.keys(MESSAGES) as MessageCode[];
  const out = ["# Errors", "", "<!-- Generated from src/notebook/messages.ts by src/notebook/messages-doc.ts: edit those, not this file. -->", "", INTRODUCTION, ""];
  const count = (topic: string) => codes.filter((code) => MESSAGES[code].topic === topic).length;
  out.push(...TOPICS.map((topic) => `- [${capitalize(topic)}](#${anchor(topic)}): ${count(topic)} ${count(topic) === 1 ? "error" : "errors"}`), "");
  for (const topic of TOPICS) {
    out.push(`# ${capitalize(topic)}`, "", ABOUT[topic], "");
    for (const code of codes.filter((c) => MESSAGES[c].topic === topic)) out.push(`## ${code}`, "", ...templateBlock(code), "");
  }
  return out.join("\n");
}

/** The message and the hint as the CLI prints them, in a fence longer than any run of backticks in them. */
function templateBlock(code: MessageCode): string[] {
  const entry: { readonly message: string; readonly hint?: string } = MESSAGES[code];
  const lines = [shown(entry.message), ...(entry.hint === undefined ? [] : [`hint: ${shown(entry.hint)}`])];
  const longest = Math.max(0, ...lines.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length)));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return [`${fence}text`, ...lines, fence];
}

/** A template with its %placeholders% as ‹placeholders›. */
function shown(template: string): string {
  return template.replace(PLACEHOLDER, "‹$1›");
}

function capitalize(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

/** GitHub's anchor for a heading. */
function anchor(heading: string): string {
  return heading.toLowerCase().replace(/[^\w\- ]/g, "").replace(/ /g, "-");
}
