// Maps a request URL to a path inside the site, or refuses it. Pure, so the refusal rules are tested
// without a server: no NUL bytes, no `..` segments (plain or percent-encoded, with either slash), no
// drive letters or backslashes, nothing that decodes badly.

export type SitePath = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly status: 400 | 403; readonly reason: string };

export function resolveSitePath(requestUrl: string): SitePath {
  const raw = requestUrl.split(/[?#]/, 1)[0] ?? "/";
  if (!raw.startsWith("/")) return { ok: false, status: 400, reason: "request path must start with /" };
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { ok: false, status: 400, reason: "request path is not valid percent-encoding" };
  }
  if (decoded.includes("\0")) return { ok: false, status: 400, reason: "request path contains a NUL byte" };
  if (decoded.includes("\\")) return { ok: false, status: 403, reason: "request path contains a backslash" };
  // A second round of decoding must not reveal anything the first did not (double-encoded traversal).
  if (/%(2e|2f|5c|00)/i.test(decoded)) return { ok: false, status: 403, reason: "request path is encoded twice" };
  const segments = decoded.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.some((s) => s === ".." || /^[A-Za-z]:$/.test(s))) return { ok: false, status: 403, reason: "request path leaves the site" };
  let path = segments.join("/");
  if (path === "" || decoded.endsWith("/")) path = path ? `${path}/index.html` : "index.html";
  return { ok: true, path };
}
