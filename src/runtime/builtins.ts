// The names every cell can use without importing them. `display` and `view` are per cell (see
// notebook.ts); `invalidation` comes from the runtime. Plot and Inputs are loaded on first use, so a
// page that never references them never downloads them.
import { html } from "htl";
import { fileAttachments, type AttachmentSource } from "./file-attachment.ts";

export interface BuiltinOptions {
  /** The content width in pixels: a constant at build time, a generator in the browser. */
  readonly width: number | (() => AsyncGenerator<number>);
  /** The notebook's attached files and how to read them (none when absent). */
  readonly files?: AttachmentSource;
}

export const BUILD_WIDTH = 640;

export function createBuiltins(options: BuiltinOptions): Record<string, unknown> {
  return {
    Plot: () => import("@observablehq/plot"),
    Inputs: () => import("@observablehq/inputs"),
    html: () => html,
    width: typeof options.width === "number" ? () => options.width : options.width,
    FileAttachment: () => fileAttachments(options.files ?? NO_FILES),
  };
}

const NO_FILES: AttachmentSource = {
  notebookPath: "",
  files: {},
  read: () => Promise.reject(new Error("this notebook attaches no files")),
  imagesLoad: false,
};
