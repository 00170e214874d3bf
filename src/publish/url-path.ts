// A site path as it goes into an href or src: each segment percent-encoded, the slashes kept. A page
// named `cost #1.html` must be linked as `cost%20%231.html` (a bare `#` would end the path there), and
// `50% rule.html` as `50%25%20rule.html` (a bare `%` makes the URL malformed). `.` and `..` segments
// and a trailing `#fragment` the caller appends are left to the caller: this encodes paths only.
import { escapeHtml } from "../text/escape-html.ts";

/** Characters encodeURIComponent leaves alone, and the slash: a path of these is its own URL. */
const SAFE_PATH = /^[A-Za-z0-9\-_.!~*'()/]*$/;

/** "chapters/cost #1.html" → "chapters/cost%20%231.html"; "../" stays "../". */
export function urlOfPath(sitePath: string): string {
  // Most paths hold nothing to encode: they come back as they are (a page carries dozens of them).
  if (SAFE_PATH.test(sitePath)) return sitePath;
  return sitePath
    .split("/")
    .map((segment) => (segment === "." || segment === ".." ? segment : encodeURIComponent(segment)))
    .join("/");
}

/** A site path (relative, unencoded) as an attribute value: percent-encoded per segment, then HTML-escaped. */
export function hrefOf(sitePath: string): string {
  return escapeHtml(urlOfPath(sitePath));
}
