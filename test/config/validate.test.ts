// A configuration's default export against the schema: unknown keys with the key meant, wrong types with
// an example, the sidebar's pages entry by entry (a path, a page, a section; sections do not nest), and
// what passes normalized for the site.
import { describe, expect, it } from "vitest";
import { formatKeyPath } from "../../src/config/key-path.ts";
import { validateConfig } from "../../src/config/validate.ts";

const problems = (value: Record<string, unknown>) => validateConfig(value).problems.map(({ path, found }) => ({ at: formatKeyPath(path), code: found.code, reason: found.reason, hint: found.hint }));

describe("validateConfig", () => {
  it("takes every key, each with a value of its type", () => {
    const settings = { title: "Energy", root: "nb", output: "site", static: "assets", pages: [], header: "<b>h</b>", footer: "", head: "<meta name=x>", favicon: "f.svg", search: false, editing: false, toc: false, typecheck: "warn", timeoutMs: 1, cellTimeoutMs: 2, memoryMb: 3, maxOutputMb: 4 };
    expect(validateConfig(settings)).toEqual({ config: settings, problems: [], pagePaths: [] });
    expect(validateConfig({})).toEqual({ config: {}, problems: [], pagePaths: [] });
  });

  it("names an unknown key and the key it was probably meant to be", () => {
    expect(problems({ titel: "x" })).toEqual([{ at: "titel", code: "config-unknown-key-near", reason: "unknown key titel (did you mean title?)", hint: expect.stringMatching(/^rename it title; the keys are title, root, output, /) }]);
    expect(problems({ editting: false })[0]?.reason).toBe("unknown key editting (did you mean editing?)");
    expect(problems({ tocs: true })[0]?.reason).toBe("unknown key tocs (did you mean toc?)");
    // A key already given is not what a misspelt one was meant to be.
    expect(problems({ title: "x", titel: "y" })[0]).toMatchObject({ code: "config-unknown-key", reason: "unknown key titel" });
    expect(problems({ colour: "red" })[0]).toMatchObject({ code: "config-unknown-key", hint: expect.stringContaining("the keys are title, root") });
  });

  it("says what a key expects, what it got, and gives an example (in the order of the keys)", () => {
    expect(problems({ title: 3, editing: "no", timeoutMs: 0, memoryMb: 1.5, typecheck: "strict", pages: "index.md", title2: 1 }).filter((p) => p.code === "config-wrong-type")).toEqual([
      { at: "title", code: "config-wrong-type", reason: "title must be text (not empty) (got 3)", hint: 'e.g. title: "Energy notebooks"' },
      { at: "pages", code: "config-wrong-type", reason: 'pages must be a list of pages and sections (got "index.md")', hint: expect.stringMatching(/^e\.g\. pages: \[/) },
      { at: "editing", code: "config-wrong-type", reason: 'editing must be true or false (got "no")', hint: "e.g. editing: false" },
      { at: "typecheck", code: "config-wrong-type", reason: 'typecheck must be "error", "warn" or "off" (got "strict")', hint: 'e.g. typecheck: "warn"' },
      { at: "timeoutMs", code: "config-wrong-type", reason: "timeoutMs must be a whole number of milliseconds above 0 (got 0)", hint: "e.g. timeoutMs: 20000" },
      { at: "memoryMb", code: "config-wrong-type", reason: "memoryMb must be a whole number of megabytes above 0 (got 1.5)", hint: "e.g. memoryMb: 2048" },
    ]);
    expect(problems({ title: "" })[0]?.reason).toBe('title must be text (not empty) (got "")');
    expect(problems({ toc: null })[0]?.reason).toBe("toc must be true or false (got null)");
  });

  it("leaves a key with a problem out of what passes", () => {
    expect(validateConfig({ title: 3, toc: false }).config).toEqual({ toc: false });
  });

  it("reads pages as notebook paths, pages and sections, and says which entry is wrong and why", () => {
    const pages = ["index.md", { path: "energy.md", title: "Energy" }, { name: "Guides", pages: ["guides/setup.md", { path: "guides/deploy.md" }], open: false }];
    const result = validateConfig({ pages });
    expect(result.problems).toEqual([]);
    expect(result.config.pages).toEqual([{ path: "index.md" }, { path: "energy.md", title: "Energy" }, { name: "Guides", pages: [{ path: "guides/setup.md" }, { path: "guides/deploy.md" }], open: false }]);
    expect(result.pagePaths.map(({ path, keyPath }) => [path, formatKeyPath(keyPath)])).toEqual([
      ["index.md", "pages[0]"],
      ["energy.md", "pages[1].path"],
      ["guides/setup.md", "pages[2].pages[0]"],
      ["guides/deploy.md", "pages[2].pages[1].path"],
    ]);

    expect(problems({ pages: [{ path: "a.md", titel: "A" }] })).toEqual([{ at: "pages[0].titel", code: "config-unknown-key-near", reason: "unknown key pages[0].titel (did you mean title?)", hint: "rename it title; the keys of a page are path, title" }]);
    expect(problems({ pages: [{ name: "S", pages: [], opn: true }] })[0]?.reason).toBe("unknown key pages[0].opn (did you mean open?)");
    expect(problems({ pages: [{ name: "S", pages: [], open: "yes" }] })[0]?.reason).toBe('pages[0].open must be true or false (got "yes")');
    expect(problems({ pages: [{ title: "No path" }] })[0]?.reason).toBe("pages[0].path must be a notebook's path, as text (got nothing)");
    expect(problems({ pages: [3] })[0]?.reason).toMatch(/^pages\[0\] must be a notebook's path \("energy\.md"\), a page \(\{path, title\}\) or a section \(\{name, pages\}\) \(got 3\)$/);
    expect(problems({ pages: [{ name: "S", pages: [{ name: "T", pages: [] }] }] })[0]?.reason).toMatch(/^pages\[0\]\.pages\[0\] must be .*sections do not nest \(got an object\)$/);
  });

  it("refuses a page path that is not a notebook's, offering the one meant", () => {
    const near = (path: string) => problems({ pages: [path] })[0]?.reason;
    expect(near("energy")).toBe('pages[0]: "energy" is not the path of a notebook (did you mean "energy.md"?)');
    expect(near("/energy.md")).toBe('pages[0]: "/energy.md" is not the path of a notebook (did you mean "energy.md"?)');
    expect(near("./guides/setup.md")).toBe('pages[0]: "./guides/setup.md" is not the path of a notebook (did you mean "guides/setup.md"?)');
    expect(near("energy.html")).toBe('pages[0]: "energy.html" is not the path of a notebook (did you mean "energy.md"?)');
    expect(near("../elsewhere.md")).toBe('pages[0]: "../elsewhere.md" is not the path of a notebook');
    expect(near("")).toBe('pages[0]: "" is not the path of a notebook');
    expect(problems({ pages: [{ path: "energy" }] })[0]?.at).toBe("pages[0].path");
  });
});

describe("formatKeyPath", () => {
  it("writes a path as JavaScript reads it", () => {
    expect(formatKeyPath(["pages", 1, "pages", 0, "path"])).toBe("pages[1].pages[0].path");
    expect(formatKeyPath(["odd key"])).toBe('["odd key"]');
  });
});
