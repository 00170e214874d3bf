import { describe, expect, it } from "vitest";
import { resolveSitePath } from "../../src/preview/paths.ts";

describe("resolveSitePath", () => {
  it.each([
    ["/", "index.html"],
    ["/energy.html", "energy.html"],
    ["/chapters/", "chapters/index.html"],
    ["/_wattbook/lib/kernel-X.js?v=1", "_wattbook/lib/kernel-X.js"],
    ["/a%20b.html", "a b.html"],
    ["/./x.html", "x.html"],
    ["//etc/passwd", "etc/passwd"], // an empty segment stays inside the site
  ])("%s → %s", (url, path) => {
    expect(resolveSitePath(url)).toEqual({ ok: true, path });
  });

  it.each([
    ["/../etc/passwd", 403],
    ["/a/../../etc/passwd", 403],
    ["/%2e%2e/%2e%2e/etc/passwd", 403],
    ["/%2E%2E%2Fetc%2Fpasswd", 403],
    ["/%252e%252e/etc/passwd", 403],
    ["/..%5c..%5cwindows", 403],
    ["/C:/Windows", 403],
    ["/x%00.html", 400],
    ["/%E0%A4%A", 400],
    ["http://evil/x", 400],
    ["/%c0%ae%c0%ae/etc/passwd", 400], // overlong UTF-8 for "."
    ["/a.html%00.txt", 400],
    ["/%5c..%5c..%5cetc", 403],
    ["/_wattbook/..%2f..%2fpackage.json", 403],
    ["*", 400],
  ])("refuses %s (%i)", (url, status) => {
    const result = resolveSitePath(url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.status).toBe(status);
  });
});
