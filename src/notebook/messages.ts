// The catalog of what wattbook tells an author: every error has a code, a message and a hint, here and
// nowhere else. Messages and hints take %placeholders%, filled from named parameters that the type
// system checks. The compiler, the build, the editor and the tests use these codes, and the page of all
// errors (docs/errors.md) is generated from this file (`npm run docs:errors`), so the three never drift.
//
// Write a message as what is wrong, in the author's terms, and a hint as what to do about it.

interface Entry {
  /** The section of docs/errors.md the error is listed under. */
  readonly topic: Topic;
  readonly message: string;
  readonly hint?: string;
}

export type Topic = "cells" | "imports" | "the cell graph";

const TOO_DEEP = "split the deeply nested expression into named parts, each in a const of its own";
const NEW_NAME = "compute a new value under a new name, e.g. const my%name% = …";
const CELLS_RUN_IN_THE_BROWSER = 'import from "wattbook/kernel" or an installed package by name, e.g. import * as d3 from "d3"';

export const MESSAGES = {
  // ---- cells: what one cell may hold ----------------------------------------------------------------
  "cell-too-deep": { topic: "cells", message: "this cell nests brackets more than %limit% levels deep", hint: TOO_DEEP },
  "cell-too-deep-to-analyze": { topic: "cells", message: "this cell nests too deeply to analyze", hint: TOO_DEEP },
  "cell-too-deep-to-parse": { topic: "cells", message: "this cell nests too deeply to parse", hint: TOO_DEEP },
  "typescript-syntax": { topic: "cells", message: "TypeScript: %reason%", hint: "fix the syntax; the cell's types are stripped, not checked" },
  "inline-not-expression": { topic: "cells", message: "an inline ${…} must be a single expression", hint: "compute the value in a cell and show its name here" },
  "inline-syntax": { topic: "cells", message: "syntax error: %reason%", hint: "write a JavaScript expression between ${ and }" },
  "syntax": { topic: "cells", message: "syntax error: %reason%", hint: "fix the JavaScript at the caret (a cell is a module: declarations and statements, or one expression)" },
  "typescript-in-js-cell": { topic: "cells", message: "syntax error: %reason%", hint: "this is TypeScript; write ```ts to have its types stripped" },
  "no-typescript-stripper": { topic: "cells", message: "TypeScript cells cannot be compiled here: no type stripper was given to the compiler", hint: "this is a wattbook bug; please report it with the notebook" },
  "cell-exports": { topic: "cells", message: "a cell cannot export; its top-level declarations are already visible to every other cell", hint: "remove the export keyword" },
  "dynamic-import": { topic: "cells", message: "import(…) is not supported in a cell: the build must know every module a page loads", hint: 'import at the top of the cell instead: import {…} from "wattbook/kernel" or from an installed package' },
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
  "import-relative": { topic: "imports", message: 'import from a relative path ("%specifier%") is not supported; cells import "wattbook/kernel" and installed packages by name', hint: CELLS_RUN_IN_THE_BROWSER },
  "import-wattbook-internal": { topic: "imports", message: '"%specifier%" is not importable from a cell; the notebook API is "wattbook/kernel"', hint: CELLS_RUN_IN_THE_BROWSER },

  // ---- the cell graph (check.ts) --------------------------------------------------------------------
  "import-conflict": { topic: "the cell graph", message: "%local% is imported twice, as %here% here and as %first% at %at%", hint: "import it under another name in one of them" },
  "defined-and-imported": { topic: "the cell graph", message: "%name% is defined here and imported at %at%", hint: "rename one of them" },
  "defined-twice": { topic: "the cell graph", message: "%name% is defined twice: here and at %at%", hint: "each name is defined by one cell; rename one of them" },
  "assigns-other-cell": { topic: "the cell graph", message: "%name% is defined by another cell (%at%); cells cannot reassign each other's values", hint: "compute a new value under a new name here, or move this assignment into the cell that defines %name%" },
  "assigns-undeclared": { topic: "the cell graph", message: "cannot assign to %name%: it is not declared in this cell, and cells cannot reassign each other's values", hint: "declare it in this cell (let %name% = …), or compute a new value under a new name" },
  "cycle": { topic: "the cell graph", message: "these cells depend on each other in a cycle: %cells%", hint: "a cell cannot read a value computed from its own; move the shared part into one cell" },
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

const PLACEHOLDER = /%([A-Za-z]+)%/g;

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
