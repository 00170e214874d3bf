// Share links carry the edits in the URL fragment (never sent to a server): JSON, deflated with the
// browser's own CompressionStream (no library), in base64url. A few edited numbers make a short link.
// They carry the inputs the sender moved too, so the recipient opens with the sender's slider positions.
import { type Edits, parseEdits, serializeEdits } from "./edits.ts";
import type { InputValues } from "./ui/inputs.ts";

export const SHARE_PARAMETER = "edits";
export const INPUTS_PARAMETER = "inputs";

export async function encodeEdits(edits: Edits): Promise<string> {
  const bytes = await pipe(new TextEncoder().encode(serializeEdits(edits)), new CompressionStream("deflate-raw"));
  return toBase64Url(bytes);
}

/** The edits in a share link's parameter; undefined when it is damaged or not edits. */
export async function decodeEdits(text: string): Promise<Edits | undefined> {
  try {
    const bytes = await pipe(fromBase64Url(text), new DecompressionStream("deflate-raw"));
    return parseEdits(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

/**
 * `pageUrl` (without its fragment) with the encoded edits and the inputs the reader moved in the
 * fragment (the same `inputs` parameter an edit link from the read page carries: editor/ui/inputs.ts).
 */
export function shareUrl(pageUrl: string, encoded: string | undefined, inputs: InputValues = {}): string {
  const parts = [encoded ? `${SHARE_PARAMETER}=${encoded}` : "", Object.keys(inputs).length ? `${INPUTS_PARAMETER}=${encodeURIComponent(JSON.stringify(inputs))}` : ""];
  return `${pageUrl.replace(/#.*$/, "")}#${parts.filter(Boolean).join("&")}`;
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
