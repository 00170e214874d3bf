// Type checking of TypeScript cells with the TypeScript compiler (its native checker, through the
// package's API). Each notebook becomes one virtual module (notebook/typecheck-source.ts) in one
// virtual project beside the project's files: nothing is written to disk, the checker reads the virtual
// files through callbacks and everything else (the kernel, packages' types) from disk. The checker
// stays up between calls: the preview re-checks only the notebook that was saved.
//
// Only TypeScript cells' diagnostics are reported: JavaScript cells take part with the types the
// checker infers for them, and their mistakes are the runtime's to show. A reported error is located at
// the notebook's line and column, with TypeScript's message and its code.
import path from "node:path";
import { type LocatedError, locatedError } from "../notebook/errors.ts";
import { CellLocator } from "../notebook/cell-position.ts";
import { LineIndex, normalizeNewlines } from "../notebook/locate.ts";
import { diagnostic } from "../notebook/messages.ts";
import { typecheckSource } from "../notebook/typecheck-source.ts";
import type { Compiled } from "./compile-for-site.ts";
import { dependencyFolder, DIST, FROM_SOURCES, PACKAGE_ROOT } from "./package-root.ts";
import { stemOf } from "./site-layout.ts";

/** The checker's API: types only at load, the module itself loaded when a notebook has TypeScript. */
type Api = import("typescript/unstable/sync").API;
type FileSystem = import("typescript/unstable/fs").FileSystem;

/** The built-ins every cell sees, as declarations (see runtime/builtins.ts and runtime/notebook.ts). */
const BUILTINS_DECLARATIONS = `// wattbook's built-ins, as every cell sees them.
export {};
declare global {
  /** An input element whose current value view() returns. */
  interface WattbookInput<T> extends HTMLElement {
    value: T;
  }
  /** Shows a value in the cell's output and returns it. */
  function display<T>(value: T): T;
  /** Shows an input and returns its current value; the cell reruns when it changes. */
  function view<T>(input: WattbookInput<T>): T;
  const Plot: typeof import("@observablehq/plot");
  const Inputs: WattbookInputs;
  function html(strings: TemplateStringsArray, ...values: unknown[]): any;
  /** The width of the page's main column, in pixels. */
  const width: number;
  /** Resolves when the cell is about to run again. */
  const invalidation: Promise<void>;
  /** A file the notebook attaches, named by a string literal: published with the site, read at build. */
  function FileAttachment(name: string): WattbookFile;
  /** Rows of a CSV or TSV file: objects keyed by the header row, which columns lists. */
  type WattbookRows = Record<string, any>[] & { readonly columns: readonly string[] };
  interface WattbookDsvOptions {
    /** Numbers, booleans, dates and empty cells converted (d3's autoType) rather than kept as strings. */
    typed?: boolean;
  }
  interface WattbookFile {
    readonly name: string;
    readonly mimeType: string;
    readonly sizeBytes: number;
    /** Where the page loads it from, relative to the page. */
    readonly href: string;
    url(): Promise<string>;
    arrayBuffer(): Promise<ArrayBuffer>;
    bytes(): Promise<Uint8Array>;
    text(encoding?: string): Promise<string>;
    json(): Promise<any>;
    blob(): Promise<Blob>;
    csv(options?: WattbookDsvOptions & { array?: false }): Promise<WattbookRows>;
    csv(options: WattbookDsvOptions & { array: true }): Promise<any[][]>;
    tsv(options?: WattbookDsvOptions & { array?: false }): Promise<WattbookRows>;
    tsv(options: WattbookDsvOptions & { array: true }): Promise<any[][]>;
    dsv(options: WattbookDsvOptions & { delimiter: string; array?: boolean }): Promise<any>;
    image(properties?: Partial<HTMLImageElement>): Promise<HTMLImageElement>;
    /** An Apache Arrow IPC file as an Arrow Table. */
    arrow(): Promise<import("apache-arrow").Table>;
  }
  /** Resolves to value once the cell is on screen (at build: at once). */
  function visibility<T = undefined>(value?: T): Promise<T>;
  /** SVG from a template, as html does HTML. */
  function svg(strings: TemplateStringsArray, ...values: unknown[]): any;
  /** Markdown from a template, rendered to DOM; interpolated nodes stay nodes. */
  function md(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement;
  /** The literal types of an initial value, widened: Mutable(0) holds any number. */
  type WattbookWiden<T> = T extends number ? number : T extends string ? string : T extends boolean ? boolean : T extends bigint ? bigint : T;
  /**
   * What Mutable(initial) declares: other cells read the name as its current value (T); the declaring
   * cell sets the next one through .value.
   */
  type WattbookMutable<T> = T & { value: T };
  function Mutable<T>(initial: T): WattbookMutable<WattbookWiden<T>>;
  function Mutable<T>(): WattbookMutable<T | undefined>;
  type WattbookTexTag = (strings: TemplateStringsArray, ...values: unknown[]) => HTMLElement;
  /** TeX typeset by KaTeX (inline); tex.block for display math; tex.options(katexOptions) for a tag of your own. */
  const tex: WattbookTexTag & { block: WattbookTexTag; options(options: Record<string, unknown>): WattbookTexTag };
  /** Date.now(), again every frame in the browser (once at build). */
  const now: number;
  /** Whether the reader's system prefers a dark colour scheme (false at build). */
  const dark: boolean;
  /** A div holding render(width, height), rendered again when its size changes (at build: once, at the build width). */
  function resize(render: (width: number, height: number) => Node | string | null | undefined | Promise<Node | string | null | undefined>, invalidation?: Promise<unknown>): HTMLDivElement;
  /**
   * Observable's generators. A name declared from one is read by other cells as the values it yields,
   * so each is typed by what it yields, as view() is.
   */
  const Generators: {
    input<T>(element: WattbookInput<T>): T;
    observe<T>(initialize: (change: (value: T) => void) => (() => void) | void): T;
    queue<T>(initialize: (change: (value: T) => void) => (() => void) | void): T;
    now(): number;
    width(element: Element): number;
    dark(): boolean;
  };
  interface WattbookInputOptions<T> {
    label?: string | Node;
    value?: T;
    disabled?: boolean;
    [option: string]: unknown;
  }
  interface WattbookInputs {
    range(extent?: [number, number], options?: WattbookInputOptions<number> & { step?: number }): WattbookInput<number>;
    number(extent?: [number, number], options?: WattbookInputOptions<number> & { step?: number }): WattbookInput<number>;
    text(options?: WattbookInputOptions<string>): WattbookInput<string>;
    textarea(options?: WattbookInputOptions<string>): WattbookInput<string>;
    email(options?: WattbookInputOptions<string>): WattbookInput<string>;
    password(options?: WattbookInputOptions<string>): WattbookInput<string>;
    color(options?: WattbookInputOptions<string>): WattbookInput<string>;
    date(options?: WattbookInputOptions<Date>): WattbookInput<Date>;
    datetime(options?: WattbookInputOptions<Date>): WattbookInput<Date>;
    toggle(options?: WattbookInputOptions<boolean>): WattbookInput<boolean>;
    button(content?: string | [string, (value: any) => any][], options?: WattbookInputOptions<any>): WattbookInput<any>;
    radio<T>(data: Iterable<T> | Map<string, T>, options?: WattbookInputOptions<T>): WattbookInput<T>;
    select<T>(data: Iterable<T> | Map<string, T>, options?: WattbookInputOptions<T> & { multiple?: false }): WattbookInput<T>;
    select<T>(data: Iterable<T> | Map<string, T>, options: WattbookInputOptions<T[]> & { multiple: true }): WattbookInput<T[]>;
    checkbox<T>(data: Iterable<T> | Map<string, T>, options?: WattbookInputOptions<T[]>): WattbookInput<T[]>;
    search<T>(data: Iterable<T>, options?: WattbookInputOptions<T[]>): WattbookInput<T[]>;
    table<T>(data: Iterable<T>, options?: WattbookInputOptions<T[]>): WattbookInput<T[]>;
    form<T>(inputs: T, options?: WattbookInputOptions<unknown>): WattbookInput<{ [K in keyof T]: T[K] extends WattbookInput<infer V> ? V : never }>;
    input<T>(value: T): WattbookInput<T>;
    bind<T>(target: WattbookInput<T>, source: WattbookInput<T>): WattbookInput<T>;
    disposal(element: Element): Promise<void>;
  }
}
`;

/** Where a package's types are, for the virtual project's paths: `file` in the package's folder. */
function typesOf(name: string, file: string): string {
  return path.join(dependencyFolder(name), file);
}

/**
 * The kernel's types: its sources in a checkout, the declarations prepack emitted in an installed
 * package (dist/types, the same types: see scripts/package.ts).
 */
const KERNEL_TYPES = FROM_SOURCES ? path.join(PACKAGE_ROOT, "src/kernel/index.ts") : path.join(DIST, "types/kernel/index.d.ts");

export interface TypeChecker {
  /**
   * Type-checks the notebooks given (their TypeScript cells); the others the checker knew stay as they
   * were. `javaScriptToo` also reports what the checker says of JavaScript cells, and checks notebooks
   * without TypeScript: not for authors (a JavaScript cell's mistakes are the runtime's to show), for
   * measuring the checker on every notebook (npm run bench) and auditing a chapter.
   */
  check(notebooks: readonly Compiled[], options?: { readonly javaScriptToo?: boolean }): LocatedError[];
  close(): void;
}

/**
 * A checker for the notebooks of the project at `projectRoot`. Its virtual files live in a folder there
 * that is never created (`.wattbook-typecheck/`), so that packages resolve from the project.
 */
export async function createTypeChecker(projectRoot: string): Promise<TypeChecker> {
  // The synchronous client: the checker answers its file callbacks (the virtual files) on a channel of
  // its own, several times faster than through the event loop. The build checks once its notebooks
  // are evaluated, so that the wait holds up no worker.
  const { API } = await import("typescript/unstable/sync");
  const root = path.join(projectRoot, ".wattbook-typecheck");
  const tsconfig = path.join(root, "tsconfig.json");
  const builtins = path.join(root, "wattbook-builtins.d.ts");
  const files = new Map<string, string>([[builtins, BUILTINS_DECLARATIONS]]);
  const notebookFiles = new Set<string>();
  const config = () =>
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: "es2022",
        module: "esnext",
        moduleResolution: "bundler",
        lib: ["es2022", "dom", "dom.iterable"],
        // Only what a page has: no @types from node_modules (a cell has no `process`).
        types: [],
        noEmit: true,
        skipLibCheck: true,
        allowImportingTsExtensions: true,
        // A cell may import the project's own JavaScript and JSON (local modules): typed by inference.
        allowJs: true,
        resolveJsonModule: true,
        paths: {
          "wattbook/kernel": [KERNEL_TYPES],
          "@observablehq/plot": [typesOf("@observablehq/plot", "src/index.d.ts")],
        },
      },
      files: [builtins, ...[...notebookFiles].sort()],
    });
  const inRoot = (file: string) => file === root || file.startsWith(root + path.sep);
  // A notebook's virtual module sits beside the notebook, so that its relative imports resolve as the
  // build resolves them; the other virtual files are in the virtual folder.
  const fs: FileSystem = {
    readFile: (file) => files.get(file) ?? (inRoot(file) ? null : undefined),
    fileExists: (file) => (files.has(file) ? true : inRoot(file) ? false : undefined),
    directoryExists: (dir) => (dir === root ? true : inRoot(dir) ? false : undefined),
    getAccessibleEntries: (dir) => (dir === root ? { files: [...files.keys()].filter(inRoot).map((file) => path.basename(file)), directories: [] } : undefined),
    realpath: (file) => (inRoot(file) || files.has(file) ? file : undefined),
  };
  let api: Api | undefined = new API({ fs, cwd: projectRoot });
  let opened = false;
  return {
    check(notebooks, { javaScriptToo = false } = {}) {
      if (!api) throw new Error("the type checker was closed");
      const sources = new Map<string, { compiled: Compiled; source: ReturnType<typeof typecheckSource> }>();
      const changed: string[] = [];
      for (const compiled of notebooks) {
        const source = typecheckSource(compiled.notebook);
        if (!source.hasTypeScript && !javaScriptToo) continue;
        const notebookFile = path.join(projectRoot, compiled.displayPath);
        const file = path.join(path.dirname(notebookFile), `.wattbook-typecheck-${stemOf(path.basename(compiled.sourcePath))}.ts`);
        sources.set(file, { compiled, source });
        if (files.get(file) !== source.text) changed.push(file);
        files.set(file, source.text);
        notebookFiles.add(file);
      }
      if (!sources.size) return [];
      const configText = config();
      if (files.get(tsconfig) !== configText) {
        files.set(tsconfig, configText);
        changed.push(tsconfig);
      }
      const snapshot = opened ? api.updateSnapshot({ fileChanges: { changed } }) : api.updateSnapshot({ openProjects: [tsconfig] });
      opened = true;
      const program = snapshot.getProject(tsconfig)?.program;
      if (!program) throw new Error("the type checker did not open its project");
      const errors: LocatedError[] = [];
      for (const [file, { compiled, source }] of sources) {
        const virtualLines = new LineIndex(source.text);
        const mdLines = new LineIndex(normalizeNewlines(compiled.sourceText));
        const cells = new Map(compiled.notebook.cells.map((cell) => [cell.id, cell]));
        for (const found of [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]) {
          const at = virtualLines.position(found.pos);
          const origin = source.lines[at.line - 1];
          const cell = origin && cells.get(origin.cellId);
          if (!origin || !cell || (cell.lang !== "ts" && !javaScriptToo)) continue;
          const position = new CellLocator(cell, mdLines).relative(origin.line, at.column - 1);
          errors.push(locatedError(diagnostic("type-error", { message: found.text, code: found.code }), { file: compiled.displayPath, lines: mdLines, position, cellId: cell.id }));
        }
      }
      snapshot.dispose();
      return errors;
    },
    close() {
      api?.close();
      api = undefined;
    },
  };
}
