// A site path as it goes into an href or src: each segment percent-encoded, the slashes kept. A page
// named `cost #1.html` must be linked as `cost%20%231.html` (a bare `#` would end the path there), and
// `50% rule.html` as `50%25%20rule.html` (a bare `%` makes the URL malformed). `.` and `..` segments
// and a trailing `#fragment` the caller appends are left to the caller: this encodes paths only.

/** "chapters/cost #1.html" → "chapters/cost%20%231.html"; "../" stays "../". */
export function urlOfPath(sitePath: string): string {
  return sitePath
    .split("/")
    .map((segment) => (segment === "." || segment === ".." ? segment : encodeURIComponent(segment)))
    .join("/");
}
