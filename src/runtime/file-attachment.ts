// FileAttachment, the builtin: a file the notebook names, published with the site under a content-hashed
// name. The build reads it from disk (the realm's source), the page fetches it (the browser's source);
// both resolve names the same way (notebook/attachment-path.ts) against the same table of files, so a
// cell's value is the same in both.
import { attachmentPath } from "../notebook/attachment-path.ts";

/**
 * The id of the page's `<script type="application/json">` holding its attached files (path → AttachedFile),
 * with URLs relative to that page: data, not code, so the page's CSP is untouched.
 */
export const ATTACHMENTS_ELEMENT_ID = "wb-files";

/** A file as the site publishes it. */
export interface AttachedFile {
  /** Where the page finds it, relative to the page (or absolute). */
  readonly url: string;
  readonly mimeType: string;
  /** Its size in bytes. */
  readonly sizeBytes: number;
}

/** Where a notebook's attached files come from. */
export interface AttachmentSource {
  /** The notebook's path relative to the notebooks root: names resolve against it. */
  readonly notebookPath: string;
  /** The notebook's files, by path relative to the notebooks root. */
  readonly files: Readonly<Record<string, AttachedFile>>;
  /** The bytes of a file of the table. */
  readonly read: (path: string, file: AttachedFile) => Promise<ArrayBuffer>;
  /** Whether an image() waits for its image to load (the build's DOM loads none). */
  readonly imagesLoad: boolean;
}

export interface DsvOptions {
  /** Convert numbers, booleans, dates and empty cells (d3's autoType) rather than keep every value a string. */
  readonly typed?: boolean;
  /** Rows as arrays (the header row included) rather than objects keyed by the header. */
  readonly array?: boolean;
}

/** The `FileAttachment` a notebook's cells call. */
export function fileAttachments(source: AttachmentSource): (name: string) => NotebookFile {
  return (name: string) => {
    if (typeof name !== "string") throw new TypeError(`FileAttachment expects a file name (a string), not ${name === null ? "null" : typeof name}`);
    const resolved = attachmentPath(source.notebookPath, name);
    const path = "path" in resolved ? resolved.path : undefined;
    const file = path === undefined ? undefined : source.files[path];
    if (path === undefined || !file) {
      throw new Error(`FileAttachment("${name}"): the notebook attaches no such file; a file is attached by naming it in a string literal, FileAttachment("data/usage.csv"), in one of its cells`);
    }
    return new NotebookFile(path, file, source);
  };
}

/** An attached file: read it as text, JSON, CSV, bytes, a Blob or an image. */
export class NotebookFile {
  /** The file's name: its path relative to the notebooks root. */
  readonly name: string;
  readonly mimeType: string;
  /** Its size in bytes. */
  readonly sizeBytes: number;
  readonly #file: AttachedFile;
  readonly #source: AttachmentSource;

  constructor(name: string, file: AttachedFile, source: AttachmentSource) {
    this.name = name;
    this.mimeType = file.mimeType;
    this.sizeBytes = file.sizeBytes;
    this.#file = file;
    this.#source = source;
  }

  /** Where the page loads the file from (relative to the page), for an <img src> or a download link. */
  get href(): string {
    return this.#file.url;
  }

  async url(): Promise<string> {
    return this.#file.url;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.#source.read(this.name, this.#file);
  }

  async bytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.arrayBuffer());
  }

  async text(encoding = "utf-8"): Promise<string> {
    return new TextDecoder(encoding).decode(await this.arrayBuffer());
  }

  async json(): Promise<unknown> {
    const text = await this.text();
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new SyntaxError(`FileAttachment("${this.name}").json(): the file is not JSON: ${(error as Error).message}`);
    }
  }

  async blob(): Promise<Blob> {
    return new Blob([await this.arrayBuffer()], { type: this.mimeType });
  }

  csv(options?: DsvOptions): Promise<DsvRows> {
    return this.dsv({ ...options, delimiter: "," });
  }

  tsv(options?: DsvOptions): Promise<DsvRows> {
    return this.dsv({ ...options, delimiter: "\t" });
  }

  /** Delimiter-separated values with any one-character delimiter (d3-dsv). */
  async dsv({ delimiter = ",", typed = false, array = false }: DsvOptions & { readonly delimiter?: string } = {}): Promise<DsvRows> {
    const [text, dsv] = await Promise.all([this.text(), import("d3-dsv")]);
    // Rows, then objects made here: d3-dsv's own parse() compiles a row converter with new Function,
    // which the page's Content-Security-Policy (and so the build) refuses.
    const rows = dsv.dsvFormat(delimiter).parseRows(text);
    if (array) return (typed ? rows.map((row) => dsv.autoType(row)) : rows) as unknown as DsvRows;
    const columns = rows.shift() ?? [];
    const objects = rows.map((row) => {
      const object: Record<string, unknown> = {};
      columns.forEach((column, index) => (object[column] = row[index] ?? ""));
      return typed ? dsv.autoType(object) : object;
    });
    return Object.assign(objects, { columns });
  }

  /**
   * An Apache Arrow IPC file (.arrow, stream or file format) as an Arrow Table. apache-arrow loads on
   * first use: a page that reads no Arrow file never downloads it (about 50 KB gzip).
   */
  async arrow(): Promise<import("apache-arrow").Table> {
    const [bytes, arrow] = await Promise.all([this.arrayBuffer(), import("apache-arrow")]);
    return arrow.tableFromIPC(new Uint8Array(bytes));
  }

  /** An <img> showing the file, with `properties` set on it (alt, width…); loaded before it resolves, in the page. */
  async image(properties: Readonly<Record<string, unknown>> = {}): Promise<HTMLImageElement> {
    const image = document.createElement("img");
    Object.assign(image, properties);
    if (!this.#source.imagesLoad) {
      image.setAttribute("src", this.#file.url);
      return image;
    }
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error(`FileAttachment("${this.name}").image(): the image did not load from ${this.#file.url}`));
      image.src = this.#file.url;
    });
    return image;
  }
}

/** Rows of a CSV or TSV: objects keyed by the header (with `columns`), or arrays with `array: true`. */
export type DsvRows = Record<string, unknown>[] & { readonly columns?: readonly string[] };
