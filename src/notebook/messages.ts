// The catalog of what wattbook tells an author: every error has a code, a message and a hint, here and
// nowhere else. Messages and hints take %placeholders%, filled from named parameters that the type
// system checks. The compiler, the build, the editor and the tests use these codes, and the page of all
// errors (docs/errors.md) is generated from this file by messages-doc.ts; a test fails when the page is
// out of date, and `UPDATE_ERRORS_DOC=1 npx vitest run test/notebook/messages.test.ts` writes it anew.
//
// Write a message as what is wrong, in the author's terms, and a hint as what to do about it. When the
// hint depends on the case, the cases are separate codes: a code names one problem and one remedy.

interface Entry {
  /** The section of docs/errors.md the error is listed under. */
  readonly topic: Topic;
  readonly message: string;
  readonly hint?: string;
}

/** The sections of docs/errors.md, in the order a notebook meets them: read, parsed, analyzed, run, edited. */
export const TOPICS = ["configuration", "folders", "files", "front matter", "markdown and HTML", "math and labels", "cells", "imports", "attached files", "the cell graph", "exercises", "evaluation", "types", "value snapshots", "explaining values", "export", "the editor", "internal errors"] as const;

export type Topic = (typeof TOPICS)[number];

const WATTBOOK_BUG = "this is a wattbook bug; please report it with the notebook";
const TOO_DEEP = "split the deeply nested expression into named parts, each in a const of its own";
const NEW_NAME = "compute a new value under a new name, e.g. const my%name% = …";
const CELLS_RUN_IN_THE_BROWSER = 'import from "wattbook/kernel", an installed package by name (import * as d3 from "d3"), or a module of the project by its path relative to the notebook (import {f} from "./lib/helpers.js")';
const MODULES_RUN_IN_THE_BROWSER = "a notebook's modules run in the reader's browser too: use a package made for the browser, or compute what needs Node before the build and import the result (a .json file)";
const FOR_THE_BROWSER = 'use a package made for the browser (many name a browser build in the "browser" or "exports" field of their package.json), or compute what needs Node before the build and import the result as a .json file';
const INLINE_EXPRESSION = "write a JavaScript expression between ${ and }, or escape the dollar as \\$ to show ${ literally";
const FENCE_INFO = 'fix the info string after the fence, e.g. ```js echo {#fig-name caption="…"}';
const FENCE_OPTIONS = 'a js or ts cell accepts echo, browser, run=false and an attribute block like {#fig-name caption="…"}';
const COPY_THE_FILE = "copy the file into static/ (the build copies it to the site's root) and refer to it by a relative path; a link to another site is fine as <a href>";
const EMBEDDED_INSTEAD = "show an image with <img> or ![](…), and link to a document with <a href>";
const TEX = "fix the TeX (KaTeX supports most of LaTeX math), or write \\$ for a literal dollar sign";
const EXERCISE_SYNTAX = "an exercise holds a prompt, one ::: answer KIND, optional ::: hint blocks and an optional ::: solution, each closed by a line of :::";
const OPTIONS_AS_LIST = "put one - line per option inside the ::: answer, before correct:";
const CATEGORIES = 'e.g. "categories: Scope 1, Scope 2, Scope 3"';
const FRONT_MATTER_YAML = "fix the YAML between the --- lines";

const CONFIG_EXPORT = 'export the settings as the module\'s default: export default {title: "Energy notebooks"}';
const NOTEBOOK_PATH = 'name a notebook by its path in the notebooks folder, .md included: "energy.md", "guides/setup.md"';

const OUT_ELSEWHERE = "pass --out a folder of its own, such as build";
const STATIC_COPY = "copy the file into the static folder instead of linking it (the site is meant to be published)";

export const MESSAGES = {
  // ---- configuration: wattbook.config.js at the project root (src/config) -----------------------------
  "config-two-files": { topic: "configuration", message: "%file% and %other% are both here, and wattbook reads one configuration file", hint: "keep one of them, with the other's settings merged into it" },
  "config-syntax": { topic: "configuration", message: "syntax error: %reason%", hint: "fix the code at the caret; the configuration is an ES module whose default export is its settings, export default {…}" },
  "config-threw": { topic: "configuration", message: "the configuration threw while it loaded: %thrown%", hint: "it runs in Node each time build, check or preview starts; fix the cause, or catch the error and fall back to a value" },
  "config-import-missing": { topic: "configuration", message: "the configuration imports the package %specifier%, which is not installed", hint: "install it in the project: npm install %specifier%" },
  "config-module-missing": { topic: "configuration", message: "the configuration imports %specifier%, and there is no such file", hint: "fix the path: a relative import starts from the configuration's folder, and names the file with its extension (./pages.js)" },
  "config-no-default-export": { topic: "configuration", message: "the configuration has no default export, so it gives no settings", hint: CONFIG_EXPORT },
  "config-not-object": { topic: "configuration", message: "the configuration's default export is %got%, not an object of settings", hint: CONFIG_EXPORT },
  "config-unknown-key": { topic: "configuration", message: "unknown key %key%", hint: "the keys%where% are %known%" },
  "config-unknown-key-near": { topic: "configuration", message: "unknown key %key% (did you mean %near%?)", hint: "rename it %near%; the keys%where% are %known%" },
  "config-wrong-type": { topic: "configuration", message: "%key% must be %expected% (got %got%)", hint: "e.g. %example%" },
  "config-not-a-notebook-path": { topic: "configuration", message: "%key%: %path% is not the path of a notebook", hint: NOTEBOOK_PATH },
  "config-not-a-notebook-path-near": { topic: "configuration", message: "%key%: %path% is not the path of a notebook (did you mean %near%?)", hint: NOTEBOOK_PATH },
  "config-page-missing": { topic: "configuration", message: "%key%: there is no notebook %file%", hint: "the notebooks there are %known%; a page is named by its path in the notebooks folder" },
  "config-page-missing-near": { topic: "configuration", message: "%key%: there is no notebook %file% (did you mean %near%?)", hint: "name the page by its path in the notebooks folder, %near%" },
  "config-page-twice": { topic: "configuration", message: "%key%: %path% is listed twice (also at %other%)", hint: "list each notebook once: a page has one place in the sidebar" },
  "config-favicon-missing": { topic: "configuration", message: "favicon: there is no file %file%", hint: "put the icon in the static folder (the build copies it to the site's root) and name it relative to that folder, e.g. favicon: \"favicon.svg\"" },

  // ---- files: what a notebook file must be before it is read ----------------------------------------
  // ---- folders: what the build reads from and writes to --------------------------------------------
  "root-missing": { topic: "folders", message: "the notebooks folder does not exist", hint: "create it, or pass --root" },
  "root-not-folder": { topic: "folders", message: "the notebooks folder is a file, not a folder", hint: "pass --root the folder that holds the .md notebooks" },
  "out-is-notebooks": { topic: "folders", message: "the output folder is the notebooks folder: building would replace the notebooks with the site", hint: OUT_ELSEWHERE },
  "out-holds-project": { topic: "folders", message: "the output folder holds the project: building would replace it, .git and all, with the site", hint: OUT_ELSEWHERE },
  "out-holds-notebooks": { topic: "folders", message: "the output folder holds the notebooks folder: building would replace the notebooks with the site", hint: OUT_ELSEWHERE },
  "out-inside-notebooks": { topic: "folders", message: "the output folder is inside the notebooks folder: the site would mix with the notebooks (and a copied .md would be built as one)", hint: "put the site outside --root, or in a folder there that starts with _ (which is never read as notebooks), such as _site" },
  "out-is-file": { topic: "folders", message: "the output folder is a file: building would replace it with the site", hint: `${OUT_ELSEWHERE}, or remove the file` },
  "out-holds-checkout": { topic: "folders", message: "the output folder holds %name%: building would replace that project with the site", hint: `${OUT_ELSEWHERE}; to publish from a checkout, build elsewhere and copy the site in` },
  "out-unreadable": { topic: "folders", message: "cannot read the output folder: %reason%", hint: "pass --out a folder you may write to" },
  "out-not-a-site": { topic: "folders", message: "the output folder is not empty and holds no wattbook site (no %marker%): building would delete what it holds", hint: `${OUT_ELSEWHERE}, or empty or remove this folder if nothing in it is needed` },
  "out-unwritable": { topic: "folders", message: "cannot write the site there: %reason%", hint: "pass --out a folder you may write to" },
  "static-link-nowhere": { topic: "folders", message: "is a symbolic link that points to nothing", hint: STATIC_COPY },
  "static-link-outside": { topic: "folders", message: "is a symbolic link to %target%, outside the static folder", hint: STATIC_COPY },
  "static-link-loop": { topic: "folders", message: "is a symbolic link to a folder that holds it (copying it would never end)", hint: STATIC_COPY },

  "file-unreadable": { topic: "files", message: "cannot read the notebook: %reason%", hint: "check that the file exists and that you may read it" },
  "file-too-large": { topic: "files", message: "the notebook is %size% MB; wattbook builds notebooks of up to %limit% MB", hint: "split it into several notebooks, or compute large data in a cell rather than writing it out" },
  "file-not-utf8": { topic: "files", message: "the file is not UTF-8 text: byte 0x%byte% here is not part of a UTF-8 character", hint: "save the notebook as UTF-8 (in most editors: Save with Encoding → UTF-8); if it is not a notebook, give it another extension than .md" },
  "file-binary": { topic: "files", message: "the file holds a NUL character, so it is binary, not a notebook", hint: "remove the NUL characters, or give the file another extension than .md" },

  // ---- front matter (frontmatter.ts) ----------------------------------------------------------------
  "front-matter-not-closed": { topic: "front matter", message: "the front matter opened by --- on line 1 is never closed", hint: "end the YAML with a line holding only ---, or remove the first line if it is meant as a rule" },
  "front-matter-too-deep": { topic: "front matter", message: "front matter nests more than %limit% levels deep", hint: "front matter holds a page's title, description and order; keep it flat" },
  "front-matter-yaml": { topic: "front matter", message: "front matter: %reason%", hint: FRONT_MATTER_YAML },
  "front-matter-alias": { topic: "front matter", message: "front matter: %reason%", hint: "fix the YAML between the --- lines (quote a value that starts with * or &)" },
  "front-matter-not-mapping": { topic: "front matter", message: "front matter must be a YAML mapping of keys to values", hint: "write one `key: value` per line, e.g. `title: The Energy Ceiling`" },
  "front-matter-not-text": { topic: "front matter", message: "front matter: %key% must be text (got %value%)", hint: "write %key%: a line of text (quote it if it holds a colon)" },
  "front-matter-order-not-number": { topic: "front matter", message: "front matter: order must be a number (got %value%)", hint: "write order: 3" },
  "front-matter-not-boolean": { topic: "front matter", message: "front matter: %key% must be true or false (got %value%)", hint: "write %key%: false" },
  // Warnings: a key wattbook does not read may be another tool's, so the page still builds.
  "front-matter-unknown-key": { topic: "front matter", message: "front matter: unknown key %key%, which wattbook ignores", hint: "wattbook reads %known%; remove the key, or keep it if another tool reads it" },
  "front-matter-unknown-key-near": { topic: "front matter", message: "front matter: unknown key %key% (did you mean %near%?), which wattbook ignores", hint: "rename it %near%" },

  // ---- markdown and html: fences, nesting and raw HTML (parse.ts, fence.ts, unsafe-html.ts) ---------
  "fence-not-closed": { topic: "markdown and HTML", message: "this %marker%%lang% fence is never closed, so everything after it became code", hint: "add a line with %marker% where the code ends" },
  "fence-indented": { topic: "markdown and HTML", message: "this %marker%%lang% fence is indented by %indent%, so Markdown reads it as an indented code block and the cell never runs", hint: "remove the indentation: a fence may be indented by at most 3 spaces (in a list item, at most 3 more than the item's text)" },
  "fence-in-html": { topic: "markdown and HTML", message: "this %marker%%lang% fence is inside a block of raw HTML, which runs to the next blank line, so it is not a cell", hint: "leave a blank line between the HTML and the fence (and after the fence's closing line)" },
  "fence-unknown-option": { topic: "markdown and HTML", message: `unknown fence option "%option%"; ${FENCE_OPTIONS}`, hint: FENCE_INFO },
  "fence-option-misspelt": { topic: "markdown and HTML", message: `unknown fence option "%option%"; ${FENCE_OPTIONS}`, hint: "did you mean %near%? Fix the info string after the fence" },
  "fence-option-value": { topic: "markdown and HTML", message: 'the fence option "%word%" has a value that %option% does not take; write %accepted%', hint: FENCE_INFO },
  "fence-browser-not-run": { topic: "markdown and HTML", message: "a run=false block is shown as code and never runs, so it cannot run in the browser either", hint: "remove browser (to show the code) or run=false (to run the cell in the reader's browser only)" },
  "fence-unknown-attribute": { topic: "markdown and HTML", message: `unknown attribute "%attribute%"; ${FENCE_OPTIONS}`, hint: FENCE_INFO },
  "fence-two-attribute-blocks": { topic: "markdown and HTML", message: "the info string has two {…} attribute blocks; merge them into one", hint: FENCE_INFO },
  "fence-quote-not-closed": { topic: "markdown and HTML", message: "a quote (%quote%) in the info string is never closed", hint: FENCE_INFO },
  "fence-attributes-not-closed": { topic: "markdown and HTML", message: "the {…} attribute block in the info string is never closed", hint: FENCE_INFO },
  "block-too-deep": { topic: "markdown and HTML", message: "this block nests lists, block quotes and ::: containers more than %limit% levels deep", hint: "flatten the nesting; check for stray > markers or indentation" },
  "text-too-deep": { topic: "markdown and HTML", message: "this text nests emphasis, strikethrough and links more than %limit% levels deep", hint: "flatten the nesting; check for stray *, _, ~ or [ characters (write \\* for a literal one)" },
  "inline-in-tag": { topic: "markdown and HTML", message: "a ${…} inside an HTML tag has no place for its value", hint: "put it in the element's content, or build the element in a cell with html`…`" },
  "html-script": { topic: "markdown and HTML", message: "a <script> element does not run on a page: its Content-Security-Policy runs only the site's own scripts", hint: "put the code in a ```js cell; a cell can build elements with html`…`" },
  "html-base": { topic: "markdown and HTML", message: "a <base> element would change where every link and script on the page points", hint: "remove it; write links relative to the notebook (other.html), to the site's root, or to an #anchor" },
  "html-plugin": { topic: "markdown and HTML", message: "an <%element%> element shows nothing: the page's Content-Security-Policy blocks plugins and embedded documents (object-src 'none')", hint: EMBEDDED_INSTEAD },
  "html-applet": { topic: "markdown and HTML", message: "an <applet> element shows nothing: the page's Content-Security-Policy blocks plugins (object-src 'none')", hint: "remove it; compute in a ```js cell" },
  "html-event-handler": { topic: "markdown and HTML", message: "the %attribute% attribute does not run: the page's Content-Security-Policy allows no inline event handlers", hint: 'handle events in a cell: Inputs.button("Label", {reduce: () => …}) for a click, or html`…` with addEventListener' },
  "html-script-url": { topic: "markdown and HTML", message: "the %attribute% attribute holds a %scheme%: URL, which does not run: the page's Content-Security-Policy allows no inline script", hint: "link to a page or an #anchor, and put code in a ```js cell (an Inputs.button for a click)" },
  "html-meta-http-equiv": { topic: "markdown and HTML", message: "a <meta http-equiv> in a notebook would change how the whole page loads or send it elsewhere (refresh, policy, cookies)", hint: "remove it; the page's title and description come from the front matter, and a link to another page is fine as <a href>" },
  "html-iframe-srcdoc": { topic: "markdown and HTML", message: "an <iframe srcdoc> holds a page of HTML that the build does not check and the page's policy would not run", hint: "build the content in a cell with html`…`, or link to another page with <a href>" },
  "html-form-action": { topic: "markdown and HTML", message: "this form sends its data to %target%, but a page submits no forms: its Content-Security-Policy has form-action 'none'", hint: "read the reader's input in a cell instead: view(Inputs.text(…)) gives its value to every cell that uses it" },
  "html-foreign-resource": { topic: "markdown and HTML", message: "this %resource% loads from %source%, which the page's Content-Security-Policy blocks (%rule%), so it would not show", hint: COPY_THE_FILE },
  "html-foreign-style": { topic: "markdown and HTML", message: "this style loads a file from %source%, which the page's Content-Security-Policy blocks (%rule%), so it would not show", hint: COPY_THE_FILE },
  "html-foreign-stylesheet": { topic: "markdown and HTML", message: "this stylesheet loads from %source%, which the page's Content-Security-Policy blocks (%rule%), so it would not show", hint: "copy the stylesheet into static/ and link it by a relative path" },
  "html-foreign-frame": { topic: "markdown and HTML", message: "this frame loads from %source%, which the page's Content-Security-Policy blocks (%rule%), so it would not show", hint: "link to the page with <a href> instead; a frame can show only pages of this site" },
  "html-tag-not-closed": { topic: "markdown and HTML", message: "this <%tag%> tag is still open where the HTML ends, so the browser would read what follows as part of it", hint: "close the tag with > (a blank line ends a block of raw HTML in Markdown); write &lt; for a literal <" },
  "html-comment-not-closed": { topic: "markdown and HTML", message: "this <!-- comment is never closed, so everything after it is hidden from the page", hint: "close it with -->" },

  // ---- math and labels: TeX, {#eq-…}, {#fig-…}, {#tbl-…}, captions and @references (parse.ts) -------
  "math-tex": { topic: "math and labels", message: "math: %reason%", hint: TEX },
  "math-too-deep": { topic: "math and labels", message: "math: the formula nests braces more than %limit% levels deep", hint: TEX },
  "equation-label-name": { topic: "math and labels", message: "the equation label #%name% should start with eq- and continue with letters, digits, - or _", hint: "rename it, e.g. {#eq-energy}" },
  "table-label-name": { topic: "math and labels", message: "the table label #%name% should start with tbl- and continue with letters, digits, - or _", hint: "rename it, e.g. {#tbl-regions}" },
  "fence-label-name": { topic: "math and labels", message: "the label #%name% should start with fig- or tbl- and continue with letters, digits, - or _ (equations are labelled after $$…$$)", hint: FENCE_INFO },
  "fence-two-labels": { topic: "math and labels", message: "the block has two labels, #%first% and #%second%; give it one", hint: FENCE_INFO },
  "label-on-code": { topic: "math and labels", message: "a %marker%%lang% run=false block shows code and cannot be a numbered figure or table", hint: "remove the {#…} label or run=false" },
  "label-defined-twice": { topic: "math and labels", message: "the label #%name% is defined twice: here and at %at%", hint: "rename one of them" },
  "caption-holds-inline": { topic: "math and labels", message: "a caption cannot hold a ${…} expression; captions are rendered once, at build time", hint: "write the value into the caption's text, or show it in the cell's output" },
  "reference-not-found": { topic: "math and labels", message: "@%name% refers to no label: no %noun% is labelled {#%name%}", hint: "known %noun% labels: %known%" },
  "reference-no-equations": { topic: "math and labels", message: "@%name% refers to no label: no equation is labelled {#%name%}", hint: "number a display equation with $$ … $$ {#eq-name}, or write \\@ for a literal @" },
  "reference-no-figures": { topic: "math and labels", message: "@%name% refers to no label: no figure is labelled {#%name%}", hint: "label a cell with ```js {#fig-name}, or write \\@ for a literal @" },
  "reference-no-tables": { topic: "math and labels", message: "@%name% refers to no label: no table is labelled {#%name%}", hint: "label a cell with ```js {#tbl-name}, or put a line `: Caption {#tbl-name}` under a Markdown table, or write \\@ for a literal @" },

  // ---- cells: what one cell may hold ----------------------------------------------------------------
  "cell-too-deep": { topic: "cells", message: "this cell nests brackets more than %limit% levels deep", hint: TOO_DEEP },
  "cell-too-deep-to-analyze": { topic: "cells", message: "this cell nests too deeply to analyze", hint: TOO_DEEP },
  "cell-too-deep-to-parse": { topic: "cells", message: "this cell nests too deeply to parse", hint: TOO_DEEP },
  "typescript-syntax": { topic: "cells", message: "TypeScript: %reason%", hint: "fix the syntax; the cell's types are stripped, not checked" },
  "inline-empty": { topic: "cells", message: "this ${} is empty", hint: INLINE_EXPRESSION },
  "inline-too-deep": { topic: "cells", message: "this ${…} expression nests more than %limit% levels deep", hint: INLINE_EXPRESSION },
  "inline-unparsable": { topic: "cells", message: "this ${…} expression does not parse: %reason%", hint: INLINE_EXPRESSION },
  "inline-not-closed": { topic: "cells", message: "this ${…} expression is not closed: expected } after %source%", hint: INLINE_EXPRESSION },
  "inline-not-expression": { topic: "cells", message: "an inline ${…} must be a single expression", hint: "compute the value in a cell and show its name here" },
  "inline-syntax": { topic: "cells", message: "syntax error: %reason%", hint: "write a JavaScript expression between ${ and }" },
  "syntax": { topic: "cells", message: "syntax error: %reason%", hint: "fix the JavaScript at the caret (a cell is a module: declarations and statements, or one expression)" },
  "typescript-in-js-cell": { topic: "cells", message: "syntax error: %reason%", hint: "this is TypeScript; write ```ts to have its types stripped" },
  "cell-exports": { topic: "cells", message: "a cell cannot export; its top-level declarations are already visible to every other cell", hint: "remove the export keyword" },
  "dynamic-import": { topic: "cells", message: "import(…) is not supported in a cell: the build must know every module a page loads", hint: 'import at the top of the cell instead: import {…} from "wattbook/kernel" or from an installed package' },
  "file-attachment-not-literal": { topic: "attached files", message: "FileAttachment needs its file's name as a string literal, so that the build knows every file the page loads", hint: 'write the name out, FileAttachment("data/usage.csv"); to choose between files, attach each: const files = {a: FileAttachment("a.csv"), b: FileAttachment("b.csv")}' },
  "file-attachment-empty-name": { topic: "attached files", message: "FileAttachment is given an empty name", hint: 'name the file relative to the notebook, FileAttachment("data/usage.csv"), or from the notebooks root, FileAttachment("/data/usage.csv")' },
  "file-attachment-missing": { topic: "attached files", message: 'FileAttachment("%name%"): there is no file %file%', hint: "put the file there (a name is relative to the notebook; a leading / starts at the notebooks root), or a data loader beside it (%loaders%) that prints the file's content" },
  "file-attachment-folder": { topic: "attached files", message: 'FileAttachment("%name%") names a folder (%file%), not a file', hint: "attach each file of the folder by its own name" },
  "file-attachment-url": { topic: "attached files", message: 'FileAttachment("%name%"): a URL cannot be attached; attached files are files of the project, published with the site', hint: "download the file into the project, or write a data loader that fetches it at build and prints it, and attach that" },
  "file-attachment-outside": { topic: "attached files", message: 'FileAttachment("%name%") leads out of the notebooks root', hint: "keep attached files under the notebooks root (--root); a leading / starts there" },
  "data-loader-failed": { topic: "attached files", message: "the data loader %loader% failed: %reason%%stderr%", hint: "run it by hand from the project folder (%run% > output) to see why; what it prints to standard output becomes the attached file" },
  "import-meta": { topic: "cells", message: "import.meta is not available in a cell: a cell is not a module of its own", hint: "to find a file of the notebook, give its path relative to the page" },
  "builtin-redefined": { topic: "cells", message: "%name% is built in; a cell cannot redefine it", hint: "pick another name than %builtins%" },
  "builtin-imported": { topic: "cells", message: "%name% is built in; an import cannot rebind it", hint: "import it under another name: { %name% as my%name% }" },
  "import-reassigned": { topic: "cells", message: "%name% is imported; imports cannot be reassigned", hint: NEW_NAME },
  "builtin-reassigned": { topic: "cells", message: "%name% is built in; cells cannot reassign it", hint: NEW_NAME },

  // ---- imports --------------------------------------------------------------------------------------
  "import-attributes": { topic: "imports", message: "import attributes (with {…}) are not supported", hint: CELLS_RUN_IN_THE_BROWSER },
  "import-npm-protocol": { topic: "imports", message: 'import from "%specifier%" is not supported; install the package and import it by name ("%name%")', hint: CELLS_RUN_IN_THE_BROWSER },
  "import-node-builtin": { topic: "imports", message: '"%specifier%" is a Node.js built-in module; cells run in the browser too, where it does not exist', hint: CELLS_RUN_IN_THE_BROWSER },
  "import-url": { topic: "imports", message: 'import from a URL ("%specifier%") is not supported; cells import "wattbook/kernel" and installed packages by name', hint: CELLS_RUN_IN_THE_BROWSER },
  "import-absolute": { topic: "imports", message: 'import from an absolute path ("%specifier%") is not supported', hint: 'write the path relative to the notebook, e.g. "./lib/helpers.js" or "../data/regions.json"' },
  "import-data-file": { topic: "imports", message: '"%specifier%" is a data file; a cell imports JavaScript and TypeScript modules and JSON', hint: 'read it with FileAttachment("%specifier%").%method%()' },
  "import-wattbook-internal": { topic: "imports", message: '"%specifier%" is not importable from a cell; the notebook API is "wattbook/kernel"', hint: CELLS_RUN_IN_THE_BROWSER },
  "kernel-export-missing": { topic: "imports", message: '"wattbook/kernel" has no export named "%name%"', hint: "see src/kernel/index.ts for what the kernel exports" },
  "kernel-export-misspelled": { topic: "imports", message: '"wattbook/kernel" has no export named "%name%"', hint: 'did you mean "%near%"?' },
  "import-stylesheet": { topic: "imports", message: '"%specifier%" is a stylesheet; the build bundles JavaScript, TypeScript and JSON for a page, not CSS', hint: 'copy it into static/ (the build copies it to the site\'s root) and link it from the notebook, <link rel="stylesheet" href="style.css">, or write the rules in a <style> element' },
  "export-missing": { topic: "imports", message: '"%specifier%" has no export named "%name%"', hint: "its exports are %exports%" },
  "export-misspelled": { topic: "imports", message: '"%specifier%" has no export named "%name%"', hint: 'did you mean "%near%"?' },
  "package-not-installed": { topic: "imports", message: 'the package "%name%" is not installed%imported%', hint: "npm install %name%" },
  "package-entry-missing": { topic: "imports", message: 'the package "%name%" has no entry "%specifier%": %reason%', hint: 'import the package by its name, or one of the paths its package.json "exports" lists' },
  "package-needs-node": { topic: "imports", message: '"%specifier%" needs the Node.js built-in module "%builtin%" (%at%); cells run in the browser too, where it does not exist', hint: FOR_THE_BROWSER },
  "package-bundle-failed": { topic: "imports", message: '"%specifier%" cannot be bundled for the browser: %reason%%at%', hint: "reinstall the package (npm install), or use another that is made for the browser" },
  "module-not-found": { topic: "imports", message: 'cannot find the module "%specifier%": %file% does not exist', hint: "the path is relative to %from%%near%" },
  "module-outside-project": { topic: "imports", message: '"%specifier%" is outside the project and the notebooks folder (%file%)', hint: "move the module into the project (the folder the build runs in) and import it from there" },
  "module-node-builtin": { topic: "imports", message: '"%specifier%" is a Node.js built-in module, and this module runs in the browser too, where it does not exist', hint: MODULES_RUN_IN_THE_BROWSER },
  "module-import-unsupported": { topic: "imports", message: 'a notebook\'s module cannot import "%specifier%"', hint: 'import "wattbook/kernel", installed packages by name, and the project\'s own files by relative paths' },
  "module-build-failed": { topic: "imports", message: "%reason%", hint: "fix the module here: it is bundled for the page with the notebook that imports it (%importer%)" },

  // ---- types (TypeScript cells) -----------------------------------------------------------------------
  "type-error": { topic: "types", message: "%message% (TS%code%)", hint: "fix the types in this TypeScript cell (its names are checked against the kernel's types and the other cells' values), or write the cell as ```js to have it unchecked" },

  // ---- value snapshots (wattbook check) ---------------------------------------------------------------
  // ---- export: one notebook as one self-contained HTML file (`wattbook export`) -----------------------
  "export-notebook-missing": { topic: "export", message: "the notebook does not exist", hint: "pass the path of a .md notebook, relative to this folder or absolute" },
  "export-notebook-not-file": { topic: "export", message: "is a folder, not a notebook", hint: "pass one .md notebook; wattbook build makes a site of a folder" },
  "export-notebook-not-markdown": { topic: "export", message: "is not a notebook: a notebook's name ends in .md", hint: "pass the .md notebook to export" },
  "export-out-not-html": { topic: "export", message: "the export is one HTML file, and this name does not end in .html", hint: "name it with .html, e.g. --out %suggestion%" },
  "export-out-is-folder": { topic: "export", message: "the export is one file, and this is a folder", hint: "pass --out a file name, e.g. --out %suggestion%" },
  "export-out-over-source": { topic: "export", message: "would replace a file of the notebooks folder (%root%) with the export", hint: "write the export outside the notebooks folder, or under another name" },
  "export-out-not-an-export": { topic: "export", message: "would be replaced by the export, and wattbook did not write it (it is no earlier export)", hint: "pass --out a new file name, or remove this file first if nothing in it is needed" },
  "export-out-unwritable": { topic: "export", message: "cannot write the export there: %reason%", hint: "pass --out a file in a folder you may write to" },

  "value-changed": { topic: "value snapshots", message: "%path% changed since its snapshot: %change%", hint: "if the new value is right, record it with wattbook check --update (and commit the snapshot); otherwise find what moved it" },
  "value-added": { topic: "value snapshots", message: "%path% is new since the snapshot (now %value%)", hint: "record it with wattbook check --update, and commit the snapshot" },
  "value-removed": { topic: "value snapshots", message: "%path% is in the snapshot but the notebook no longer has it (was %value%)", hint: "if it went on purpose, record the notebook's values with wattbook check --update" },
  "snapshot-unreadable": { topic: "value snapshots", message: "the value snapshot %file% cannot be read: %problem%", hint: "write it anew with wattbook check --update, or fix it by hand" },

  // ---- the cell graph (check.ts) --------------------------------------------------------------------
  "import-conflict": { topic: "the cell graph", message: "%local% is imported twice, as %here% here and as %first% at %at%", hint: "import it under another name in one of them" },
  "defined-and-imported": { topic: "the cell graph", message: "%name% is defined here and imported at %at%", hint: "rename one of them" },
  "defined-twice": { topic: "the cell graph", message: "%name% is defined twice: here and at %at%", hint: "each name is defined by one cell; rename one of them" },
  "assigns-other-cell": { topic: "the cell graph", message: "%name% is defined by another cell (%at%); cells cannot reassign each other's values", hint: "compute a new value under a new name here, or move this assignment into the cell that defines %name%" },
  "assigns-undeclared": { topic: "the cell graph", message: "cannot assign to %name%: it is not declared in this cell, and cells cannot reassign each other's values", hint: "declare it in this cell (let %name% = …), or compute a new value under a new name" },
  "cycle": { topic: "the cell graph", message: "these cells depend on each other in a cycle: %cells%", hint: "a cell cannot read a value computed from its own; move the shared part into one cell" },

  // ---- exercises: ::: containers (exercise.ts), and the check of each exercise at build time --------
  "container-not-closed": { topic: "exercises", message: "this ::: %name% is never closed, so everything after it became part of it", hint: "add a line of ::: where it ends" },
  "container-closes-nothing": { topic: "exercises", message: "this ::: closes nothing: no container is open here", hint: "remove it, or open a container above it with ::: exercise" },
  "container-unknown": { topic: "exercises", message: "unknown container ::: %name%", hint: "wattbook knows ::: exercise (with ::: answer, ::: hint and ::: solution inside)" },
  "exercise-part-outside": { topic: "exercises", message: "::: %name% belongs inside a ::: exercise", hint: EXERCISE_SYNTAX },
  "exercise-part-not-closed": { topic: "exercises", message: "this ::: %name% is never closed", hint: "add a line of ::: where it ends, before the exercise's own closing :::" },
  "exercise-part-takes-nothing": { topic: "exercises", message: '::: %name% takes nothing after its name (found "%info%")', hint: 'put "%info%" on the next line, inside the ::: %name%' },
  "exercise-unknown-part": { topic: "exercises", message: "unknown part ::: %name% in an exercise", hint: EXERCISE_SYNTAX },
  "exercise-part-closes-nothing": { topic: "exercises", message: "this ::: closes nothing", hint: EXERCISE_SYNTAX },
  "exercise-nested": { topic: "exercises", message: "exercises cannot nest: close the first with ::: before starting the next", hint: EXERCISE_SYNTAX },
  "exercise-second-answer": { topic: "exercises", message: "an exercise has one ::: answer; this is a second", hint: EXERCISE_SYNTAX },
  "exercise-second-solution": { topic: "exercises", message: "an exercise has at most one ::: solution; this is a second", hint: EXERCISE_SYNTAX },
  "exercise-no-answer": { topic: "exercises", message: "this exercise has no ::: answer, so nothing can be checked", hint: 'add one inside it, e.g. "::: answer number", "correct: ${x} kWh", ":::"' },
  "exercise-id-name": { topic: "exercises", message: "the exercise id #%id% should start with a letter and continue with letters, digits, - or _", hint: "rename it, e.g. {#ex-pue}" },
  "exercise-id-taken": { topic: "exercises", message: "the exercise id %id% is taken by the exercise at line %line%", hint: "give one of them its own {#id}: learners' progress is kept under it" },
  "exercise-title-holds-inline": { topic: "exercises", message: "an exercise title cannot hold a ${…} expression", hint: "put live values in the prompt below the title" },
  "exercise-answer-without-kind": { topic: "exercises", message: "::: answer needs a kind: %kinds%", hint: "e.g. ::: answer number" },
  "exercise-unknown-answer-kind": { topic: "exercises", message: 'unknown answer kind "%kind%"; the kinds are %kinds%', hint: 'write one of them after "::: answer", e.g. "::: answer number"' },
  "exercise-answer-line-unreadable": { topic: "exercises", message: "this line of a ::: answer is neither a field (correct: …) nor an option (- … or 1. …)", hint: "prompt text goes above the ::: answer block, inside the exercise" },
  "exercise-unknown-field": { topic: "exercises", message: "unknown answer field %field%:", hint: "an answer takes correct:, and tolerance: (number), categories: (classify) or accept: (text)" },
  "exercise-field-twice": { topic: "exercises", message: "%field%: is given twice" },
  "exercise-field-not-for-kind": { topic: "exercises", message: "a %kind% answer takes %fields%; not %field%:" },
  "exercise-options-mixed": { topic: "exercises", message: "an answer's options are either all bulleted (- …) or all numbered (1. …)" },
  "exercise-option-ticked": { topic: "exercises", message: "options are not ticked in place; name the right ones on a correct: line", hint: 'e.g. "correct: b" or, for several, "correct: a, c"' },
  "exercise-too-few-options": { topic: "exercises", message: "a %kind% answer lists its options as a Markdown list (- … or 1. …), at least two", hint: OPTIONS_AS_LIST },
  "exercise-too-few-items": { topic: "exercises", message: "an order answer lists its items as a Markdown list (- … or 1. …), at least two", hint: OPTIONS_AS_LIST },
  "exercise-classify-without-items": { topic: "exercises", message: "a classify answer lists its items as a Markdown list (- … or 1. …), at least one", hint: OPTIONS_AS_LIST },
  "exercise-too-many-options": { topic: "exercises", message: "more than 26 options: number them (1. …) instead", hint: "write the list as 1. … 2. …, and correct: as numbers" },
  "exercise-options-not-allowed": { topic: "exercises", message: "a %kind% answer has no options; this line is one", hint: "remove the list, or change the answer's kind" },
  "exercise-number-without-correct": { topic: "exercises", message: "this number answer has no correct: line", hint: 'e.g. "correct: ${energyMWh} MWh"' },
  "exercise-text-without-correct": { topic: "exercises", message: "this text answer has no correct: line", hint: 'e.g. "correct: MLPerf Tiny"' },
  "exercise-without-correct": { topic: "exercises", message: "this %kind% answer has no correct: line", hint: 'e.g. "correct: b"' },
  "exercise-correct-empty": { topic: "exercises", message: "correct: is empty" },
  "exercise-correct-not-a-number": { topic: "exercises", message: "correct: %problem%", hint: 'write a number and its unit ("1918.9 MWh") or an expression ("${energyMWh} MWh")' },
  "exercise-unknown-unit": { topic: "exercises", message: "correct: %problem%", hint: "units are symbols such as kWh, MW, t, L, GB, $, days, %, × and their quotients (g/kWh)" },
  "exercise-correct-invalid": { topic: "exercises", message: "correct: %problem%" },
  "exercise-text-after-expression": { topic: "exercises", message: 'nothing may follow the ${…} after correct: in a %kind% answer (found "%after%")', hint: "remove it: only a number answer takes a unit after the ${…}" },
  "exercise-tolerance-invalid": { topic: "exercises", message: "tolerance: %problem%", hint: 'a percentage ("2%") or an amount in the answer\'s unit ("0.5 MWh")' },
  "exercise-period-invalid": { topic: "exercises", message: "over: %problem%", hint: 'the time the asked-for amount builds up over, so that a rate answers it ("1 yr", "24 h")' },
  "exercise-classify-without-categories": { topic: "exercises", message: "a classify answer needs a categories: line", hint: CATEGORIES },
  "exercise-too-few-categories": { topic: "exercises", message: "a classification needs at least two categories, separated by commas", hint: CATEGORIES },
  "exercise-self-check-failed": { topic: "exercises", message: "exercise %id%: %problem%", hint: "an exercise must be answerable (its correct answer, as shown, passes its own check) and must tell right from wrong (a deliberately wrong answer fails)" },
  "exercise-solution-disagrees": { topic: "exercises", message: "exercise %id%: %problem%", hint: "the solution's last expression cell is its answer: make it agree with correct:, or fix correct:" },

  // ---- evaluation: a cell run at build time (evaluation-errors.ts, cell-failure.ts) -----------------
  // The message of a cell-… error is what the cell threw; the code says which hint fits it.
  "cell-threw": { topic: "evaluation", message: "%thrown%", hint: "the cell threw this at build time; fix the cause, or catch the error and display a message instead" },
  "cell-not-defined": { topic: "evaluation", message: "%thrown%", hint: "define %name% in a cell (const %name% = …), or import it" },
  "cell-not-defined-near": { topic: "evaluation", message: "%thrown%", hint: "did you mean %near%? Otherwise define %name% in a cell (const %name% = …), or import it" },
  "cell-browser-api": { topic: "evaluation", message: "%thrown%", hint: "%api% %atBuild%. Mark the cell %fence% so that only the page runs it: the build then skips it and every cell that uses its values, and shows a placeholder until the page has run them" },
  "cell-node-global": { topic: "evaluation", message: "%thrown%", hint: "%name% is Node's, not the browser's: cells run in the reader's browser too, and at build they see only what a page has (no files, no network, no environment)" },
  "cell-eval-refused": { topic: "evaluation", message: "%thrown%", hint: "eval, new Function and string timers are not allowed: the page's Content-Security-Policy forbids them, so the build does too; write the code in the cell itself" },
  "cell-fetch-at-build": { topic: "evaluation", message: "%thrown%", hint: 'the build has no network: put the data in the project and read it with FileAttachment("data/file.csv"), or let a data loader (data/file.csv.js) fetch it at build; a live page may still fetch if the cell catches this failure and shows something meanwhile' },
  "cell-frozen-kernel": { topic: "evaluation", message: "%thrown%", hint: "the kernel's catalogs and constants are frozen, so that no notebook can change another's numbers; copy what you change: const h100 = {...accelerators.h100, watts: {...accelerators.h100.watts, value: 100}}" },
  "cell-stack-overflow": { topic: "evaluation", message: "%thrown%", hint: "a function calls itself without end; give the recursion a case that stops it" },
  "cell-read-before-defined": { topic: "evaluation", message: "%thrown%", hint: "%name% is read while it is still being defined; a cell cannot read its own value, so compute %name% from other names" },
  "cell-output-too-large": { topic: "evaluation", message: "%thrown%", hint: "display a summary instead (slice long arrays; a table shows 200 rows), or raise --max-output-mb" },
  "cell-kernel-input": { topic: "evaluation", message: "%thrown%", hint: "the kernel rejected an input: pass a value that meets the rule (an input's min and max can keep readers inside it)" },
  "cell-type-error": { topic: "evaluation", message: "%thrown%", hint: "a value is not what the code expects here, often undefined or null; check where it comes from" },
  "cell-input-default": { topic: "evaluation", message: "%thrown%", hint: "the build gives an input the value the browser gives it, and the page must not change its numbers as it goes live: a range holds only its min plus whole steps, within [min, max], to 15 significant digits. Keep your number by moving the min onto its grid or leaving out the step (any value); or start the input where the browser would" },
  "cell-tex": { topic: "evaluation", message: "%thrown%", hint: "fix the TeX; tex`…` reads it as written, one backslash per command (tex`\\frac{a}{b}`), and a ${…} in it goes in as TeX text" },
  "cell-missing-property": { topic: "evaluation", message: "%thrown%", hint: "%expression% is undefined: %owner% has no property %property%%meant%" },
  "display-missing-property": { topic: "evaluation", message: "%expression% is undefined, so the cell shows %shown%: %owner% has no property %property%%meant%", hint: "read one of the properties %owner% has%listed%" },
  "cell-never-settled": { topic: "evaluation", message: "did not settle within %limit% ms%waiting%", hint: "a promise that never resolves, or a generator that never yields; raise %flag% if the cell is only slow" },
  "cell-timeout": { topic: "evaluation", message: "%reason%", hint: "look for a loop that never ends or data that grows without bound; raise --cell-timeout-ms if the cell is only slow" },
  "evaluation-timeout": { topic: "evaluation", message: "%reason%", hint: "look for a loop that never ends; raise --timeout-ms if the cell is only slow" },
  "evaluation-out-of-memory": { topic: "evaluation", message: "%reason%", hint: "the cell allocates without bound; raise --memory-mb if it really needs more" },
  "module-threw-on-load": { topic: "evaluation", message: "%thrown%", hint: "the module threw this while the page loaded it, before any cell ran (imported at %importer%); fix the cause, or move the work into a function that a cell calls" },
  "evaluation-crashed": { topic: "evaluation", message: "%reason%", hint: "the worker evaluating the notebook stopped while this cell ran; look for what in the cell can crash Node" },

  // ---- explaining values: what `wattbook explain NOTEBOOK.md NAME|LINE` is asked for (explain/target.ts) --
  "explain-unknown-name": { topic: "explaining values", message: 'no cell declares "%name%"', hint: "give a name a cell declares (%nearby%), or a line number of a cell or a ${…} value" },
  "explain-unknown-name-near": { topic: "explaining values", message: 'no cell declares "%name%"', hint: "did you mean %near%? Names near it: %nearby%" },
  "explain-declares-nothing": { topic: "explaining values", message: 'no cell declares "%name%", and no cell of the notebook declares a name', hint: "give a line number of a cell or a ${…} value instead" },
  "explain-no-cell-on-line": { topic: "explaining values", message: "no cell or inline value on line %line%", hint: "give a line of a cell's code or of a ${…} value (cells here start on lines %lines%), or a name a cell declares" },

  // ---- the editor: what only editing a cell in the page can run into (src/editor) -------------------
  "editor-import-not-allowed": { topic: "the editor", message: '"%specifier%" cannot be imported while editing in the page: the notebook does not import it', hint: 'import from "wattbook/kernel" or from a module the notebook already imports; to use another, add its import to the notebook and build again' },
  "editor-export-missing": { topic: "the editor", message: '"%specifier%" has no export named "%name%"', hint: "import one of the names it exports" },
  "editor-no-such-cell": { topic: "the editor", message: "no cell %id% on this page" },

  // ---- internal errors: wattbook's own bugs, reported where they happened ---------------------------
  "internal-error": { topic: "internal errors", message: "internal error while compiling: %reason%", hint: WATTBOOK_BUG },
  "no-typescript-stripper": { topic: "internal errors", message: "TypeScript cells cannot be compiled here: no type stripper was given to the compiler", hint: WATTBOOK_BUG },
} as const satisfies Record<string, Entry>;

export type MessageCode = keyof typeof MESSAGES;

/** The %names% in a template. */
type Placeholders<S extends string> = S extends `${string}%${infer Name}%${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The parameters an error's message and hint need, by name. */
export type MessageParams<C extends MessageCode> = {
  readonly [K in Placeholders<(typeof MESSAGES)[C]["message"]> | Placeholders<HintOf<C>>]: string | number;
};

type HintOf<C extends MessageCode> = (typeof MESSAGES)[C] extends { readonly hint: infer H extends string } ? H : "";

/** An error as the catalog words it, not yet located. */
export interface Diagnostic {
  readonly code: MessageCode;
  readonly reason: string;
  readonly hint?: string;
}

/** A %placeholder% in a template; its name is the first group. */
export const PLACEHOLDER = /%([A-Za-z]+)%/g;

function fill(template: string, params: Readonly<Record<string, string | number>>, code: string): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    if (!(name in params)) throw new Error(`message ${code}: no value for %${name}%`);
    return String(params[name]);
  });
}

/** The error `code`, worded with `params`. */
export function diagnostic<C extends MessageCode>(code: C, ...[params]: keyof MessageParams<C> extends never ? [] : [MessageParams<C>]): Diagnostic {
  const entry: Entry = MESSAGES[code];
  const values = (params ?? {}) as Readonly<Record<string, string | number>>;
  const reason = fill(entry.message, values, code);
  return entry.hint === undefined ? { code, reason } : { code, reason, hint: fill(entry.hint, values, code) };
}
