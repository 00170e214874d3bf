// The media type of a file by its extension: for attached files (the page's table of files) and for the
// preview's responses. One table, so that a file has the same type wherever the site is served from.

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".map": "application/json",
  ".json": "application/json",
  ".geojson": "application/geo+json",
  ".topojson": "application/json",
  ".csv": "text/csv",
  ".tsv": "text/tab-separated-values",
  ".txt": "text/plain",
  ".md": "text/markdown",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".pdf": "application/pdf",
  ".zip": "application/zip",
  ".parquet": "application/vnd.apache.parquet",
  ".arrow": "application/vnd.apache.arrow.file",
  ".wasm": "application/wasm",
};

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > name.lastIndexOf("/") ? name.slice(dot).toLowerCase() : "";
}

/** The media type of a file named `name` (application/octet-stream when the extension says nothing). */
export function mimeTypeOf(name: string): string {
  return TYPES[extensionOf(name)] ?? "application/octet-stream";
}

/** The Content-Type header for a file: its media type, with the charset for text. */
export function contentTypeOf(name: string): string {
  const type = mimeTypeOf(name);
  return type.startsWith("text/") ? `${type}; charset=utf-8` : type;
}
