// Where in a notebook a cell's error was thrown, read from the error's stack in the build worker. The
// compiled module keeps each cell's lines (see notebook/compile.ts), so a frame in the module names a
// line of a cell; the build maps it to the .md with the cell's source. Errors the runtime raises on a
// cell's behalf (an undefined input) have no such frame and stay at the cell. An error thrown in one of
// the notebook's local modules is noted at that module's frame (its output keeps its lines; the build
// maps it to the author's file through the output's source map), and at the cell that called it.
import type { CompiledCell, CompiledNotebook } from "../notebook/types.ts";

export interface Thrown {
  /** The error's name ("TypeError", "KernelInputError"), when it is an Error. */
  readonly name?: string;
  /** Where it was thrown, when a frame of the stack lies in a cell's body. */
  readonly at?: {
    /** The cell whose body holds the frame (a function defined in one cell can throw for another). */
    readonly cellId: string;
    /** 1-based line and 0-based column in that cell's source. */
    readonly line: number;
    readonly column: number;
  };
  /**
   * Where it was thrown when the topmost frame of the notebook's own code is in one of its local modules:
   * the output's file: URL, 1-based line and column (see module-frames.ts).
   */
  readonly module?: { readonly url: string; readonly line: number; readonly column: number };
}

/** The notebook with each body wrapped so that what it throws (or rejects with) is noted by cell id. */
export function noteThrows(notebook: CompiledNotebook, moduleUrl: string, note: (cellId: string, thrown: Thrown) => void, localModules: ReadonlySet<string> = new Set()): CompiledNotebook {
  const byLine = cellsByLine(notebook.cells);
  const describe = (error: unknown) => describeAt(error, moduleUrl, byLine, localModules);
  const cells = notebook.cells.map((cell) => ({
    ...cell,
    body: (...inputs: unknown[]) => {
      try {
        const result = cell.body(...inputs);
        if (result instanceof Promise) {
          return result.catch((error: unknown) => {
            note(cell.id, describe(error));
            throw error;
          });
        }
        return result;
      } catch (error) {
        note(cell.id, describe(error));
        throw error;
      }
    },
  }));
  return { ...notebook, cells };
}

/** What `error` is and where in the notebook's cells (or its local modules, by URL) it was thrown, read from its stack. */
export function describeThrown(error: unknown, moduleUrl: string, cells: readonly CompiledCell[], localModules: ReadonlySet<string> = new Set()): Thrown {
  return describeAt(error, moduleUrl, cellsByLine(cells), localModules);
}

/** The cells with a body, in the order of their lines in the module. */
function cellsByLine(cells: readonly CompiledCell[]): CompiledCell[] {
  return cells.filter((cell) => cell.bodyLine !== undefined).sort((a, b) => a.bodyLine! - b.bodyLine!);
}

function describeAt(error: unknown, moduleUrl: string, byLine: readonly CompiledCell[], localModules: ReadonlySet<string>): Thrown {
  const stack = error instanceof Error && typeof error.stack === "string" ? error.stack : "";
  const frames = stack
    .split("\n")
    .map((line) => /\(?(file:[^\s()]+):(\d+):(\d+)\)?\s*$/.exec(line))
    .flatMap((match) => (match ? [{ url: match[1]!, line: Number(match[2]), column: Number(match[3]) }] : []));
  // The topmost frame of the notebook's own code decides: a cell's line, or a local module's.
  const own = frames.find((frame) => frame.url === moduleUrl || localModules.has(frame.url));
  const module = own && own.url !== moduleUrl ? own : undefined;
  const cellFrame = frames.find((frame) => frame.url === moduleUrl);
  const at = cellFrame && locate(cellFrame.line, cellFrame.column, byLine);
  return { ...(error instanceof Error ? { name: error.name } : {}), ...(at ? { at } : {}), ...(module ? { module } : {}) };
}

function locate(moduleLine: number, frameColumn: number, byLine: readonly CompiledCell[]): Thrown["at"] {
  // The cell whose body starts last at or before the line, if the line is inside that body's text (a
  // bundled, minified module has other lines: then nothing is claimed).
  let cell: CompiledCell | undefined;
  for (const candidate of byLine) {
    if (candidate.bodyLine! > moduleLine) break;
    cell = candidate;
  }
  if (!cell) return undefined;
  const lastLine = cell.bodyLine! - 1 + String(cell.body).split("\n").length - 1;
  if (moduleLine >= lastLine) return undefined;
  return { cellId: cell.id, line: moduleLine - cell.bodyLine! + 1, column: frameColumn - 1 };
}
