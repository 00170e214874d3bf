// Edits persist per page in localStorage, keyed by the notebook's path. Storage can be missing or full
// (private windows, quotas, sandboxed frames): then edits live as long as the page, and nothing throws.
import { type Edits, editCount, parseEdits, serializeEdits } from "./edits.ts";

/** Also read by the read page's runtime (src/runtime/edit-links.ts), which cannot import this module. */
export const storageKey = (notebookPath: string) => `wattbook:edits:${notebookPath}`;

/** Where a shared link puts the reader's own edits that it replaced, so they can be restored. */
export const setAsideKey = (notebookPath: string) => `wattbook:edits-set-aside:${notebookPath}`;

export interface EditStore {
  load(key: string): Edits | undefined;
  /** Saves, or removes the key when there are no edits; false when storage refused. */
  save(key: string, edits: Edits): boolean;
}

export function localEditStore(storage: Pick<Storage, "getItem" | "setItem" | "removeItem"> | undefined = safeLocalStorage()): EditStore {
  return {
    load(key) {
      try {
        const text = storage?.getItem(key);
        return text ? parseEdits(text) : undefined;
      } catch {
        return undefined;
      }
    },
    save(key, edits) {
      try {
        if (!storage) return false;
        if (editCount(edits)) storage.setItem(key, serializeEdits(edits));
        else storage.removeItem(key);
        return true;
      } catch {
        return false;
      }
    },
  };
}

function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
