// Where in the author's own file a line of a bundled local module came from: esbuild's source map of
// the module's output, read with Node's SourceMap. The realm runs the output with its lines kept
// (module-form.ts), so a stack frame's line and column in it are the output's.
import { readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FileLocation } from "./package-bundle.ts";

/**
 * The original position of 1-based `line`, `column` of the output at `outputFile` (absolute), whose
 * source map is `mapText`; undefined when the map says nothing there.
 */
export function originalPosition(mapText: string, outputFile: string, line: number, column: number): FileLocation | undefined {
  let entry;
  try {
    entry = new SourceMap(JSON.parse(mapText)).findEntry(line - 1, Math.max(0, column - 1));
  } catch {
    return undefined;
  }
  if (!entry || !("originalSource" in entry) || typeof entry.originalSource !== "string") return undefined;
  // A frame on a line the map does not cover (one of the output's own) would borrow an earlier line's.
  if (entry.generatedLine !== line - 1) return undefined;
  const source = entry.originalSource;
  const file = source.startsWith("file:") ? fileURLToPath(source) : path.resolve(path.dirname(outputFile), source);
  return { file, line: entry.originalLine + 1, column: entry.originalColumn + 1 };
}

/** The local modules' outputs of one notebook, for mapping a frame in one of them back to its source. */
export interface ModuleSources {
  /** The site folder the outputs' paths are relative to (absolute). */
  readonly siteDir: string;
  /** Site-relative output path → its source map. */
  readonly sourceMaps: ReadonlyMap<string, string>;
  /** The project root: what files are shown relative to. */
  readonly projectRoot: string;
}

export interface ModulePosition {
  /** The file as the author finds it, relative to the project. */
  readonly file: string;
  /** Its text, for the excerpt (absent when it cannot be read). */
  readonly text?: string;
  readonly line: number;
  readonly column: number;
}

/** The author's file and position of a frame at `url` (a file: URL of an output in the site). */
export function locateFrame(sources: ModuleSources, url: string, line: number, column: number): ModulePosition | undefined {
  let outputFile: string;
  try {
    outputFile = fileURLToPath(url);
  } catch {
    return undefined;
  }
  const sitePath = path.relative(sources.siteDir, outputFile).split(path.sep).join("/");
  const map = sources.sourceMaps.get(sitePath);
  const at = map === undefined ? undefined : originalPosition(map, outputFile, line, column);
  if (!at) return undefined;
  return positionIn(at, sources.projectRoot);
}

/** A location as the author reads it: the file relative to the project, with its text. */
export function positionIn(at: FileLocation, projectRoot: string): ModulePosition {
  let text: string | undefined;
  try {
    text = readFileSync(at.file, "utf8");
  } catch {
    text = undefined;
  }
  return { file: path.relative(projectRoot, at.file).split(path.sep).join("/"), ...(text === undefined ? {} : { text }), line: at.line, column: at.column };
}
