// wattbook.config.js through the real CLI: build, check and the site they write. The title in every
// page's header and <title>; editing off (no edit twins, no Edit links, no editor); tables of contents
// off site-wide and per page; flags winning over the configuration; a configuration with errors
// stopping the command before anything is built; front-matter warnings printed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../helpers/cli.ts";

const fence = "```";
let work: string;

/** A notebook with cells and two sections (so that it has a table of contents to show or not). */
const notebook = (frontMatter: string, title: string) => `---
${frontMatter}---

# ${title}

## First

${fence}js
const n = 6 * 7;
${fence}

The answer is \${n}.

## Second

More.
`;

async function project(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(work, name);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".html")).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/")).sort();
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "wattbook-config-cli-"));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("a site built with wattbook.config.js", () => {
  let dir: string;
  let stderr: string;

  beforeAll(async () => {
    dir = await project("configured", {
      "wattbook.config.js": `export default {\n  title: "Energy notebooks",\n  editing: false,\n  toc: false,\n  output: "site",\n  favicon: "icons/bolt.svg",\n};\n`,
      "static/icons/bolt.svg": `<svg xmlns="http://www.w3.org/2000/svg"/>`,
      "notebooks/index.md": notebook("title: Home\n", "Home"),
      "notebooks/plain.md": notebook("title: Plain\norder: 1\n", "Plain"),
      "notebooks/with-toc.md": notebook("title: With contents\ntoc: true\n", "With contents"),
      "notebooks/typo.md": notebook("tilte: Typo\ncolour: red\n", "Typo"),
    });
    const built = await runCli(["build"], { cwd: dir });
    stderr = built.stderr;
    expect(built.code, built.stderr).toBe(0);
  }, 120_000);

  it("writes into the configuration's output folder", () => {
    expect(existsSync(path.join(dir, "site/index.html"))).toBe(true);
    expect(existsSync(path.join(dir, "build"))).toBe(false);
  });

  it("puts the title in every page's header and <title>", async () => {
    const pages = await htmlFiles(path.join(dir, "site"));
    expect(pages).toEqual(["index.html", "plain.html", "typo.html", "with-toc.html"]);
    for (const page of pages) {
      const html = await readFile(path.join(dir, "site", page), "utf8");
      expect(html, page).toMatch(/<title>[^<]* · Energy notebooks<\/title>/);
      expect(html, page).toMatch(/<a class="wb-home" href="[^"]*">Energy notebooks<\/a>/);
      expect(html, page).not.toContain(">wattbook<");
    }
  });

  it("links the favicon from the static folder on every page", async () => {
    for (const page of await htmlFiles(path.join(dir, "site"))) expect(await readFile(path.join(dir, "site", page), "utf8"), page).toContain('<link rel="icon" href="icons/bolt.svg">');
    expect(existsSync(path.join(dir, "site/icons/bolt.svg"))).toBe(true);
  });

  it("builds no edit twins, no Edit links and no editor with editing: false", async () => {
    expect(existsSync(path.join(dir, "site/_edit"))).toBe(false);
    expect(existsSync(path.join(dir, "site/_wattbook/editor"))).toBe(false);
    for (const page of await htmlFiles(path.join(dir, "site"))) {
      const html = await readFile(path.join(dir, "site", page), "utf8");
      expect(html, page).not.toMatch(/wb-edit|_edit\//);
    }
    // The pages are still live: their scripts are there.
    expect(await readFile(path.join(dir, "site/plain.html"), "utf8")).toMatch(/<script type="module" src="_wattbook\/page-plain-[^"]+\.js">/);
  });

  it("leaves out the table of contents site-wide, but shows it where a page's front matter says toc: true", async () => {
    expect(await readFile(path.join(dir, "site/plain.html"), "utf8")).not.toContain("wb-toc");
    expect(await readFile(path.join(dir, "site/with-toc.html"), "utf8")).toContain('<nav class="wb-toc"');
  });

  it("prints a warning for each front-matter key wattbook does not read, at its line, with the key meant", () => {
    expect(stderr).toContain("warning: notebooks/typo.md:2:1: front matter: unknown key tilte (did you mean title?), which wattbook ignores [front-matter-unknown-key-near]");
    expect(stderr).toContain("warning: notebooks/typo.md:3:1: front matter: unknown key colour, which wattbook ignores [front-matter-unknown-key]");
    expect(stderr).toContain("hint: wattbook reads title, description, order, toc; remove the key, or keep it if another tool reads it");
  });
});

describe("a site built without a configuration", () => {
  it("has the defaults: edit twins with Edit links, a table of contents unless a page's front matter says toc: false", async () => {
    const dir = await project("defaults", {
      "notebooks/index.md": notebook("title: Home\n", "Home"),
      "notebooks/no-toc.md": notebook("title: No contents\ntoc: false\n", "No contents"),
    });
    const built = await runCli(["build"], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    const index = await readFile(path.join(dir, "build/index.html"), "utf8");
    expect(index).toMatch(/<title>Home · wattbook<\/title>/);
    expect(index).toContain('<nav class="wb-toc"');
    expect(index).toContain('class="wb-edit"');
    expect(existsSync(path.join(dir, "build/_edit/index.html"))).toBe(true);
    expect(await readFile(path.join(dir, "build/no-toc.html"), "utf8")).not.toContain("wb-toc");
  }, 60_000);
});

describe("flags and the configuration", () => {
  const typeError = `# Typed\n\n${fence}ts\nconst n: number = "six";\n${fence}\n`;

  it("lets a flag win: --out over output, --typecheck over typecheck", async () => {
    const dir = await project("flags", {
      "wattbook.config.js": `export default {output: "site", typecheck: "off"};\n`,
      "notebooks/index.md": typeError,
    });
    // typecheck: "off" in the configuration: the type error does not stop the build.
    const configured = await runCli(["build"], { cwd: dir });
    expect(configured.code, configured.stderr).toBe(0);
    expect(existsSync(path.join(dir, "site/index.html"))).toBe(true);
    // The flags win: the type error fails the build, and --out names the folder.
    const flagged = await runCli(["build", "--typecheck", "error", "--out", "elsewhere"], { cwd: dir });
    expect(flagged.code).toBe(1);
    expect(flagged.stderr).toContain(`notebooks/index.md:4:7: Type 'string' is not assignable to type 'number'. (TS2322)`);
    expect(flagged.stderr).toContain("elsewhere/ was left as it was");
    const warned = await runCli(["build", "--typecheck", "warn", "--out", "elsewhere"], { cwd: dir });
    expect(warned.code, warned.stderr).toBe(0);
    expect(existsSync(path.join(dir, "elsewhere/index.html"))).toBe(true);
  }, 120_000);

  it("lets check read the notebooks folder and limits from the configuration, and --root win over root", async () => {
    const dir = await project("check", {
      "wattbook.config.js": `export default {root: "docs", cellTimeoutMs: 300};\n`,
      "docs/slow.md": `# Slow\n\n${fence}js\nconst started = Date.now();\nwhile (Date.now() - started < 1500) {}\n${fence}\n`,
      "other/fine.md": "# Fine\n",
    });
    const configured = await runCli(["check", "--no-cache"], { cwd: dir });
    expect(configured.code).toBe(1);
    expect(configured.stderr).toMatch(/docs\/slow\.md:\d+:\d+: .*300 ms/);
    const limited = await runCli(["check", "--no-cache", "--cell-timeout-ms", "5000"], { cwd: dir });
    expect(limited.code, limited.stderr).toBe(0);
    expect(limited.stderr).toContain("docs/slow.md");
    const elsewhere = await runCli(["check", "--root", "other"], { cwd: dir });
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
    expect(elsewhere.stderr).toContain("other/fine.md");
  }, 120_000);
});

describe("a configuration with errors", () => {
  it("stops build and check before anything is built, naming the file, the line and the key", async () => {
    const dir = await project("broken", {
      "wattbook.config.js": `export default {\n  titel: "Energy",\n  editing: "no",\n};\n`,
      "notebooks/index.md": "# Home\n",
    });
    for (const command of ["build", "check"]) {
      const result = await runCli([command], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("wattbook.config.js:2:3: unknown key titel (did you mean title?) [config-unknown-key-near]");
      expect(result.stderr).toContain(`wattbook.config.js:3:3: editing must be true or false (got "no") [config-wrong-type]`);
      expect(result.stderr).toContain("hint: e.g. editing: false");
      expect(result.stderr).toContain(`2 errors in wattbook.config.js; nothing was ${command === "build" ? "built" : "checked"}.`);
    }
    expect(existsSync(path.join(dir, "build"))).toBe(false);
  }, 60_000);

  it("reports a TypeScript configuration's throw at its own line", async () => {
    const dir = await project("typescript-throws", {
      "wattbook.config.ts": `interface Settings { title: string }\nconst settings: Settings = {title: ""};\nif (!settings.title) throw new TypeError("no title");\nexport default settings;\n`,
      "notebooks/index.md": "# Home\n",
    });
    const result = await runCli(["build"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/wattbook\.config\.ts:3:\d+: the configuration threw while it loaded: TypeError: no title \[config-threw\]/);
  }, 60_000);
});

describe("wattbook.config.ts", () => {
  it("is read with its types stripped", async () => {
    const dir = await project("typescript", {
      "wattbook.config.ts": `interface Settings { title: string; toc: boolean }\nconst settings: Settings = {title: "Typed site", toc: false};\nexport default settings;\n`,
      "notebooks/index.md": notebook("title: Home\n", "Home"),
    });
    const result = await runCli(["build"], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const html = await readFile(path.join(dir, "build/index.html"), "utf8");
    expect(html).toContain("<title>Home · Typed site</title>");
    expect(html).not.toContain("wb-toc");
  }, 60_000);
});
