// What the edit page (the parent, on the site's origin, holding storage) and its sandbox (an opaque-
// origin iframe running the live page and every edit) say to each other by postMessage. The sandbox
// runs code from edits, so everything it sends is untrusted: `parseFrameMessage` accepts only the
// known types with fields of the right types and sizes, and the parent acts on nothing else. What a
// message can make the parent do is bounded by design: save edits of this page under its own key (and
// only cells the page has), size the frame, scroll, follow a link the author wrote into the page, and
// hand out the site's own scripts under _wattbook/. No message carries HTML to the parent.
import type { AttachedFile } from "../runtime/file-attachment.ts";
import type { CellSource } from "./compile.ts";
import type { Edits, ScratchCell } from "./edits.ts";
import { type InputValues, validInputValues } from "./ui/inputs.ts";

/** Limits on what the sandbox may send (and what a share link may carry). */
export const LIMITS = {
  /** Characters of one cell's source. */
  source: 100_000,
  /** Characters of all edits together. */
  total: 1_000_000,
  scratch: 200,
  path: 400,
  message: 2_000,
  /** Frame heights and scroll offsets, in CSS pixels. */
  pixels: 10_000_000,
  links: 100_000,
} as const;

export interface FontData {
  readonly family: string;
  readonly descriptors: FontFaceDescriptors;
  readonly data: ArrayBuffer;
}

/** The parent's first message: everything the sandbox needs to show and run the page. */
export interface InitMessage {
  readonly type: "init";
  /** The edit page's address (no fragment): the base for the page's relative links and images. */
  readonly base: string;
  /** The prerendered content of the page's main column (the author's build output). */
  readonly html: string;
  /** The page's stylesheets as text, @font-face rules left out (fonts arrive as data: see `fonts`). */
  readonly css: string;
  readonly fonts: readonly FontData[];
  /** Site-relative paths ("_wattbook/…") of the page's module and of the whole kernel. */
  readonly page: string;
  readonly kernel: string;
  readonly cells: readonly CellSource[];
  /** Edits to run once the page is live (the reader's saved ones), or none. */
  readonly edits: Edits | null;
  readonly inputs: InputValues | null;
  /** A cell whose editor to open. */
  readonly open: string | null;
  /** The page's attached files (FileAttachment), with absolute URLs; the sandbox reads them through the parent. */
  readonly files: Readonly<Record<string, AttachedFile>>;
}

export type ToFrame =
  | InitMessage
  | { readonly type: "module"; readonly id: number; readonly text?: string; readonly error?: string }
  /** An attached file's bytes, asked for by a "file" message. */
  | { readonly type: "file"; readonly id: number; readonly bytes?: ArrayBuffer; readonly error?: string }
  /** Replace whatever runs with these edits (none: the published page). */
  | { readonly type: "apply"; readonly edits: Edits; readonly note: boolean }
  | { readonly type: "open"; readonly cell: string }
  /** Where (in the frame's document) is the element with this id? Answered by a "scroll". */
  | { readonly type: "locate"; readonly id: string };

export type FromFrame =
  | { readonly type: "hello" }
  | { readonly type: "beat" }
  /** The page is live in the sandbox and its editor installed. */
  | { readonly type: "live" }
  /** The edits asked for by init or apply have run; `skipped` did not fit the page. */
  | { readonly type: "applied"; readonly skipped: number }
  /**
   * What runs now. `unsafe` are edited cells whose last run tripped the loop guard or has not finished:
   * the parent saves the edits without them.
   */
  | { readonly type: "edits"; readonly edits: Edits; readonly unsafe: readonly string[] }
  | { readonly type: "module"; readonly id: number; readonly path: string }
  /** An attached file's bytes, by its site-relative path under _file/ (the sandbox cannot fetch the site). */
  | { readonly type: "file"; readonly id: number; readonly path: string }
  | { readonly type: "height"; readonly px: number }
  | { readonly type: "scroll"; readonly y: number }
  /** The reader followed the `index`-th link of the page as the author wrote it. */
  | { readonly type: "link"; readonly index: number }
  /** The inputs the reader has moved from where the author put them (a share link carries them). */
  | { readonly type: "inputs"; readonly values: InputValues }
  | { readonly type: "failed"; readonly message: string };

type Fields = Record<string, unknown>;

const isRecord = (value: unknown): value is Fields => typeof value === "object" && value !== null && !Array.isArray(value);
const isCount = (value: unknown, max: number): value is number => typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= max;
const isPixels = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && Math.abs(value) <= LIMITS.pixels;
const hasOnly = (value: Fields, keys: readonly string[]) => Object.keys(value).every((key) => keys.includes(key));

/** A site-relative path under `folder`/ with no `.`/`..` segment, no control character, `?`, `#` or `%`. */
function isSitePathIn(path: unknown, folder: string): path is string {
  if (typeof path !== "string" || path.length > LIMITS.path || !path.startsWith(`${folder}/`)) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\?#%]/.test(path)) return false;
  return path.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
}

/** A site-relative path of one of the site's scripts: under _wattbook/, a .js file. */
export function isScriptPath(path: unknown): path is string {
  return isSitePathIn(path, "_wattbook") && path.endsWith(".js");
}

/** A site-relative path of an attached file: under _file/. */
export function isAttachedFilePath(path: unknown): path is string {
  return isSitePathIn(path, "_file");
}

/**
 * Edits as plain data within the limits, keeping only cells `known` has (a scratch cell must follow a
 * known cell or an earlier scratch cell); undefined when the value is not edits at all.
 */
export function validEdits(value: unknown, known: ReadonlySet<string>): Edits | undefined {
  if (!isRecord(value) || !isRecord(value.cells) || !Array.isArray(value.scratch) || value.scratch.length > LIMITS.scratch) return undefined;
  let total = 0;
  const cells: Record<string, string> = {};
  for (const [id, source] of Object.entries(value.cells)) {
    if (!known.has(id) || typeof source !== "string" || source.length > LIMITS.source) return undefined;
    total += source.length;
    cells[id] = source;
  }
  const scratch: ScratchCell[] = [];
  const placed = new Set(known);
  for (const item of value.scratch as unknown[]) {
    if (!isRecord(item)) return undefined;
    const { id, after, source } = item;
    if (typeof id !== "string" || !/^scratch-\d{1,6}$/.test(id) || placed.has(id) || typeof after !== "string" || !placed.has(after)) return undefined;
    if (typeof source !== "string" || source.length > LIMITS.source) return undefined;
    total += source.length;
    placed.add(id);
    scratch.push({ id, after, source });
  }
  if (total > LIMITS.total) return undefined;
  return { cells, scratch };
}

/**
 * A message from the sandbox as the parent may act on it, or undefined. `known` is the page's cell
 * ids. (The caller checks the sender: `event.source` must be the frame's window.)
 */
export function parseFrameMessage(data: unknown, known: ReadonlySet<string>): FromFrame | undefined {
  if (!isRecord(data) || typeof data.type !== "string") return undefined;
  switch (data.type) {
    case "hello":
    case "beat":
    case "live":
      return hasOnly(data, ["type"]) ? { type: data.type } : undefined;
    case "applied":
      return hasOnly(data, ["type", "skipped"]) && isCount(data.skipped, LIMITS.scratch + 10_000) ? { type: "applied", skipped: data.skipped } : undefined;
    case "edits": {
      if (!hasOnly(data, ["type", "edits", "unsafe"]) || !Array.isArray(data.unsafe) || data.unsafe.length > 10_000) return undefined;
      const edits = validEdits(data.edits, known);
      if (!edits) return undefined;
      const ids = new Set([...Object.keys(edits.cells), ...edits.scratch.map((s) => s.id)]);
      if (!data.unsafe.every((id): id is string => typeof id === "string" && ids.has(id))) return undefined;
      return { type: "edits", edits, unsafe: [...new Set(data.unsafe as string[])] };
    }
    case "module":
      return hasOnly(data, ["type", "id", "path"]) && isCount(data.id, Number.MAX_SAFE_INTEGER) && isScriptPath(data.path) ? { type: "module", id: data.id, path: data.path } : undefined;
    case "file":
      return hasOnly(data, ["type", "id", "path"]) && isCount(data.id, Number.MAX_SAFE_INTEGER) && isAttachedFilePath(data.path) ? { type: "file", id: data.id, path: data.path } : undefined;
    case "height":
      return hasOnly(data, ["type", "px"]) && isPixels(data.px) && data.px >= 0 ? { type: "height", px: data.px } : undefined;
    case "scroll":
      return hasOnly(data, ["type", "y"]) && isPixels(data.y) ? { type: "scroll", y: data.y } : undefined;
    case "link":
      return hasOnly(data, ["type", "index"]) && isCount(data.index, LIMITS.links) ? { type: "link", index: data.index } : undefined;
    case "inputs": {
      const values = hasOnly(data, ["type", "values"]) ? validInputValues(data.values, known) : undefined;
      return values ? { type: "inputs", values } : undefined;
    }
    case "failed":
      return hasOnly(data, ["type", "message"]) && typeof data.message === "string" ? { type: "failed", message: data.message.slice(0, LIMITS.message) } : undefined;
    default:
      return undefined;
  }
}
