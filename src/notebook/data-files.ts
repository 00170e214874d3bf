// What a relative import names: a module (JavaScript, TypeScript, JSON) that the build bundles, or a
// data file that a cell reads with FileAttachment instead. Pure: the editor shares it.

/** Extensions of files a cell imports as modules; a path without an extension is resolved like one. */
const MODULE_EXTENSIONS = new Set(["js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx", "json"]);

/** Data files by extension, with the FileAttachment method that reads each. */
const DATA_FILES: Readonly<Record<string, string>> = {
  csv: "csv", tsv: "tsv", dsv: "dsv", txt: "text", text: "text", md: "text", yaml: "text", yml: "text", toml: "text",
  html: "html", htm: "html", xml: "xml", svg: "text", geojson: "json", topojson: "json", jsonl: "text", ndjson: "text",
  xlsx: "xlsx", xls: "xlsx", zip: "zip", parquet: "parquet", arrow: "arrow", sqlite: "sqlite", db: "sqlite",
  png: "image", jpg: "image", jpeg: "image", gif: "image", webp: "image", avif: "image",
  bin: "arrayBuffer", dat: "arrayBuffer", pdf: "arrayBuffer", wasm: "arrayBuffer",
};

/** The FileAttachment method that reads the file at `specifier`, when it names a data file rather than a module. */
export function dataFileMethod(specifier: string): string | undefined {
  const file = specifier.split(/[?#]/)[0]!.split("/").at(-1) ?? "";
  const dot = file.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const extension = file.slice(dot + 1).toLowerCase();
  if (MODULE_EXTENSIONS.has(extension)) return undefined;
  return DATA_FILES[extension];
}

/** Whether `specifier` names a stylesheet, which the build does not bundle into a page. */
export function isStylesheet(specifier: string): boolean {
  return /\.css$/i.test(specifier.split(/[?#]/)[0]!);
}

/** A path relative to the importing file: "./x", "../x", ".", "..". */
export function isRelativeSpecifier(specifier: string): boolean {
  return /^\.{1,2}(?:\/|$)/.test(specifier);
}
