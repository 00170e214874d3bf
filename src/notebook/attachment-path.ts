// Which file a FileAttachment name refers to: the build (to publish it) and the page (to load it) must
// agree, so both use this. Names are relative to the notebook ("data/usage.csv", "../shared/x.json"), or
// to the notebooks root with a leading slash ("/data/usage.csv"); the result is a path relative to the
// notebooks root with forward slashes. Environment-free.

export type AttachmentPath = { readonly path: string } | { readonly problem: "url" | "outside" | "folder" };

/** `name` as `FileAttachment` in the notebook at `notebookPath` (relative to the root) means it. */
export function attachmentPath(notebookPath: string, name: string): AttachmentPath {
  if (/^[a-z][a-z\d+.-]*:/i.test(name) || name.startsWith("//")) return { problem: "url" };
  const base = name.startsWith("/") ? [] : notebookPath.split("/").slice(0, -1);
  const segments = [...base];
  for (const segment of name.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (!segments.length) return { problem: "outside" };
      segments.pop();
    } else segments.push(segment);
  }
  if (!segments.length || name.endsWith("/") || /(^|\/)\.{1,2}$/.test(name)) return { problem: "folder" };
  return { path: segments.join("/") };
}
