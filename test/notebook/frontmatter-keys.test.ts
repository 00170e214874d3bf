// Front-matter keys: those wattbook reads are typed (a wrong type is an error at the key's line), any
// other key is a warning at its line, with the key it was probably meant to be. The build returns the
// warnings in its result, also for a notebook that comes from the cache.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { FRONT_MATTER } from "../../src/notebook/frontmatter.ts";
import { FRONT_MATTER_KEYS, frontMatterWarnings } from "../../src/notebook/frontmatter-keys.ts";
import { parseNotebook } from "../../src/notebook/parse.ts";
import { buildSite } from "../../src/publish/build.ts";

const errorsOf = (text: string) => {
  try {
    parseNotebook(text, "t.md");
    return [];
  } catch (error) {
    const errors = "errors" in (error as object) ? (error as { errors: Error[] }).errors : [error as Error];
    return errors.map((e) => e.message);
  }
};

describe("front matter keys", () => {
  it("are the schema's keys", () => {
    expect(Object.keys(FRONT_MATTER.shape)).toEqual([...FRONT_MATTER_KEYS]);
  });

  it("type toc: true or false, an error at its line otherwise", () => {
    expect(parseNotebook("---\ntitle: T\ntoc: false\n---\n# T\n", "t.md").frontMatter).toEqual({ title: "T", toc: false });
    // YAML 1.2 reads "no" as text, not as false.
    expect(errorsOf("---\ntitle: T\ntoc: no\n---\n# T\n")).toEqual(['t.md:3:1: front matter: toc must be true or false (got "no")']);
    expect(errorsOf("---\ntitle: T\ntoc: hidden\n---\n# T\n")).toEqual(['t.md:3:1: front matter: toc must be true or false (got "hidden")']);
    expect(errorsOf("---\ndescription: [a, b]\norder: x\n---\n# T\n")).toEqual(['t.md:2:1: front matter: description must be text (got ["a","b"])', 't.md:3:1: front matter: order must be a number (got "x")']);
  });

  it("warn of a key wattbook does not read, at its line, with the key meant", () => {
    const text = "---\ntitle: T\ndescripton: A page\nauthor: Ada\n---\n\nauthor: not front matter\n";
    const notebook = parseNotebook(text, "t.md");
    const warnings = frontMatterWarnings(notebook.frontMatter, text, "notebooks/t.md");
    expect(warnings.map((w) => [w.message, w.code, w.hint])).toEqual([
      ["notebooks/t.md:3:1: front matter: unknown key descripton (did you mean description?), which wattbook ignores", "front-matter-unknown-key-near", "rename it description"],
      ["notebooks/t.md:4:1: front matter: unknown key author, which wattbook ignores", "front-matter-unknown-key", "wattbook reads title, description, order, toc; remove the key, or keep it if another tool reads it"],
    ]);
    // A key already given is not what another was meant to be.
    expect(frontMatterWarnings({ title: "T", titel: "U" }, "---\ntitle: T\ntitel: U\n---\n", "t.md")[0]?.code).toBe("front-matter-unknown-key");
    expect(frontMatterWarnings({ title: "T", order: 1, toc: false }, "---\ntitle: T\norder: 1\ntoc: false\n---\n", "t.md")).toEqual([]);
  });

  it("find the key's line after a byte order mark and in Windows line endings", () => {
    const text = "\uFEFF---\r\ntitle: T\r\n\r\ntags: [a]\r\n---\r\n# T\r\n";
    const [warning] = frontMatterWarnings(parseNotebook(text, "t.md").frontMatter, text, "t.md");
    expect(warning?.message).toBe("t.md:4:1: front matter: unknown key tags, which wattbook ignores");
  });
});

describe("the build's warnings", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "wattbook-front-matter-"));
    await mkdir(path.join(dir, "notebooks"));
    await writeFile(path.join(dir, "notebooks/index.md"), "---\ntitel: Home\n---\n\n# Home\n");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("hold a front matter's unknown keys, also when the notebook comes from the cache", async () => {
    for (const fromCache of [0, 1]) {
      const result = await buildSite({ projectRoot: dir, root: path.join(dir, "notebooks"), out: path.join(dir, "build") });
      expect(result.ok).toBe(true);
      expect(result.notebooks.fromCache).toBe(fromCache);
      expect(result.warnings.map((w) => w.message)).toEqual(["notebooks/index.md:2:1: front matter: unknown key titel (did you mean title?), which wattbook ignores"]);
    }
  }, 60_000);
});
