// A notebook file's bytes → its text, or a located error saying why it is no notebook: too large to
// build in bounded time, not UTF-8, or binary. The rest of the pipeline sees only text it can trust.
import { locatedError, type LocatedError } from "./errors.ts";
import { type Diagnostic, diagnostic } from "./messages.ts";
import type { SourcePosition } from "./types.ts";

/** Notebooks are prose and code; 5 MB is over a hundred times the largest chapter notebook. */
export const MAX_NOTEBOOK_BYTES = 5_000_000;

export type DecodedNotebook = { readonly text: string } | { readonly error: LocatedError };

const strict = new TextDecoder("utf-8", { fatal: true });
const lenient = new TextDecoder("utf-8");

/** `size` is the file's size when only its start was read (a file over the limit is not read whole). */
export function decodeNotebook(bytes: Uint8Array, file: string, size = bytes.length): DecodedNotebook {
  const fail = (found: Diagnostic, position: SourcePosition, text?: string) => ({
    error: locatedError(found, { file, position, ...(text === undefined ? {} : { lines: text }) }, { before: 0, after: 0 }),
  });
  if (size > MAX_NOTEBOOK_BYTES) {
    return fail(diagnostic("file-too-large", { size: (size / 1e6).toFixed(1), limit: MAX_NOTEBOOK_BYTES / 1e6 }), { line: 1, column: 1 });
  }
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const shown = lenient.decode(bytes);
    return fail(diagnostic("file-not-utf8", { byte: bytes[offset]!.toString(16).toUpperCase().padStart(2, "0") }), positionOfByte(bytes, offset), shown);
  }
  const nul = text.indexOf("\0");
  if (nul !== -1) {
    const before = text.slice(0, nul);
    const line = before.split(/\r\n?|\n/).length;
    const column = nul - Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r")); // 1-based
    return fail(diagnostic("file-binary"), { line, column }, text);
  }
  return { text };
}

/** 1-based line and UTF-16 column of a byte offset (the bytes before it on its line decoded leniently). */
function positionOfByte(bytes: Uint8Array, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: lenient.decode(bytes.subarray(lineStart, offset)).length + 1 };
}

/** Offset of the first byte that does not begin or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // The sequence length and the range of the second byte (which rules out overlongs, surrogates and
    // code points past U+10FFFF), per the Unicode standard's table of well-formed sequences.
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      const [lo, hi] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (next === undefined || next < lo || next > hi) return i;
    }
    i += length;
  }
  return bytes.length;
}
