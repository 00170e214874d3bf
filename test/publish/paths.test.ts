// Paths in and out of the build: any file name links (percent-encoded hrefs and srcs), the site's bytes
// do not depend on the working directory or on how --root is written, static/ links stay inside
// static/, and files skipped by the notebook rule are reported once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../helpers/cli.ts";
import { isNotebookPath, judgeEntry } from "../../src/publish/notebook-files.ts";
import { urlOfPath } from "../../src/publish/url-path.ts";

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "wattbook-paths-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function project(name: string, notebooks: Record<string, string>): Promise<string> {
  const dir = path.join(work, name);
  for (const [file, text] of Object.entries(notebooks)) {
    await mkdir(path.dirname(path.join(dir, "notebooks", file)), { recursive: true });
    await writeFile(path.join(dir, "notebooks", file), text);
  }
  return dir;
}

const page = (title: string, name: string, prose = "") => `---\ntitle: ${title}\n---\n\n## First\n\n\`\`\`js\nconst ${name} = 2 + 2;\n\`\`\`\n\n## Second\n\n${prose}It is \${${name}}.\n`;

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".html")).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** Every href and src of a page, and the URLs the edit twin's data hands the editor. */
function urlsOf(html: string): string[] {
  const attributes = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&amp;/g, "&"));
  const data = /<script type="application\/json" id="wb-edit-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (data) {
    const { readPage, kernel } = JSON.parse(data) as { readPage: string; kernel: string };
    attributes.push(readPage, kernel);
  }
  return attributes;
}

describe("file names in links", () => {
  const names = ["cost #1.md", "50% rule.md", "what? why.md", "énergie ☀.md", "sub dir/a&b 'q'.md", "index.md"];
  let site: string;
  let pages: string[];

  beforeAll(async () => {
    const dir = await project("names", {
      ...Object.fromEntries(names.filter((n) => n !== "index.md").map((n, i) => [n, page(`Page ${i}`, `v${i}`)])),
      // An authored index that links one page by its URL, as an author writes it in Markdown.
      "index.md": page("Home", "home", "See [the cost](cost%20%231.html). "),
    });
    const result = await runCli(["build", "--out", "site"], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    site = path.join(dir, "site");
    pages = await htmlFiles(site);
  }, 60_000);

  it("writes a page, and an edit twin, for every name", () => {
    for (const name of names) {
      const output = name.replace(/\.md$/, ".html");
      expect(pages).toContain(output);
      expect(pages).toContain(`_edit/${output}`);
    }
  });

  it("resolves every href and src, read as a browser reads it, to a file of the site", async () => {
    let checked = 0;
    for (const file of pages) {
      const html = await readFile(path.join(site, file), "utf8");
      const base = new URL(urlOfPath(file), "http://site.test/");
      for (const href of urlsOf(html)) {
        if (href.startsWith("data:")) continue;
        const url = new URL(href, base);
        expect(url.origin, `${file}: ${href}`).toBe("http://site.test");
        if (url.pathname === base.pathname && url.hash) continue; // a link within the page
        // What the server is asked for: the path, percent-decoded; a bare # or ? would have cut it short.
        const target = path.join(site, decodeURIComponent(url.pathname));
        expect(existsSync(target), `${file} links ${href}, which asks for ${url.pathname}: no such file`).toBe(true);
        expect(url.search, `${file}: ${href}`).toBe("");
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("links each page from the index, and the page's anchors by their ids", async () => {
    const index = await readFile(path.join(site, "index.html"), "utf8");
    for (const name of names.filter((n) => n !== "index.md")) expect(urlsOf(index)).toContain(urlOfPath(name.replace(/\.md$/, ".html")));
    const cost = await readFile(path.join(site, "cost #1.html"), "utf8");
    expect(cost).toContain('href="#first"');
    expect(cost).toContain('href="_edit/cost%20%231.html"');
    expect(cost).toMatch(/href="_edit\/cost%20%231\.html#edit=[0-9a-f]{8}"/);
  });
});

describe("the site's bytes do not depend on where it is built from", () => {
  async function everyFile(dir: string): Promise<Map<string, Buffer>> {
    const files = new Map<string, Buffer>();
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      const file = path.join(entry.parentPath, entry.name);
      if ((await lstat(file)).isFile()) files.set(path.relative(dir, file), await readFile(file));
    }
    return files;
  }

  it("gives the same bytes from the project, from the notebooks folder and from elsewhere, with --root relative or absolute", async () => {
    const exercise = `\n::: exercise How much? {#how-much}\nWhat is 2 + 2?\n\n::: answer number\ncorrect: \${v0}\ntolerance: 1%\n:::\n:::\n`;
    const dir = await project("cwd", {
      "energy.md": page("Energy", "v0") + exercise,
      "chapters/water use.md": page("Water", "w"),
    });
    await mkdir(path.join(dir, "static"));
    await writeFile(path.join(dir, "static/extra.css"), "body { color: black }\n");
    const notebooks = path.join(dir, "notebooks");
    const staticDir = path.join(dir, "static");
    const builds: { name: string; cwd: string; args: string[] }[] = [
      { name: "project, relative --root", cwd: dir, args: ["--root", "notebooks", "--out", path.join(work, "out-a")] },
      { name: "project, absolute --root", cwd: dir, args: ["--root", notebooks, "--out", "../out-b"] },
      { name: "notebooks folder, --root .", cwd: notebooks, args: ["--root", ".", "--static", staticDir, "--out", path.join(work, "out-c")] },
      { name: "elsewhere, --root through ..", cwd: tmpdir(), args: ["--root", `${path.relative(tmpdir(), dir)}/x/../notebooks`, "--static", staticDir, "--out", path.join(work, "out-d")] },
    ];
    const sites: Map<string, Buffer>[] = [];
    for (const build of builds) {
      const result = await runCli(["build", ...build.args], { cwd: build.cwd });
      expect(result.code, `${build.name}\n${result.stderr}`).toBe(0);
    }
    for (const out of ["out-a", "out-b", "out-c", "out-d"]) sites.push(await everyFile(path.join(work, out)));
    const [first, ...others] = sites;
    expect(first!.size).toBeGreaterThan(20);
    expect([...first!.keys()]).toContain("extra.css");
    others.forEach((other, i) => {
      expect([...other.keys()].sort(), builds[i + 1]!.name).toEqual([...first!.keys()].sort());
      for (const [file, bytes] of first!) expect(other.get(file)!.equals(bytes), `${builds[i + 1]!.name}: ${file} differs`).toBe(true);
    });
    // The notebook is known by its path under --root, in its module (storage keys) and in the pages.
    const modules = [...first!.entries()].filter(([file]) => /^_wattbook\/notebook-.*\.js$/.test(file)).map(([, bytes]) => bytes.toString());
    expect(modules.some((m) => m.includes('path: "energy.md"'))).toBe(true);
    expect(modules.some((m) => m.includes('path: "chapters/water use.md"'))).toBe(true);
    for (const [file, bytes] of first!) {
      if (/\.(html|js|json)$/.test(file)) expect(bytes.toString().includes("notebooks/"), `${file} names the notebooks folder`).toBe(false);
    }
  }, 120_000);
});

describe("static/ links", () => {
  it("refuses a link that points outside static/, naming it, and writes nothing", async () => {
    const dir = await project("static-link", { "a.md": page("A", "a") });
    await mkdir(path.join(dir, "static"));
    await writeFile(path.join(dir, "secret.txt"), "key\n");
    await symlink(path.join(dir, "secret.txt"), path.join(dir, "static/secret.txt"));
    await mkdir(path.join(dir, "static/deep"));
    await symlink("../../notebooks", path.join(dir, "static/deep/up"));
    const result = await runCli(["build", "--out", "site"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`static/secret.txt:1:1: is a symbolic link to ${await import("node:fs/promises").then((fs) => fs.realpath(path.join(dir, "secret.txt")))}, outside the static folder`);
    expect(result.stderr).toContain("static/deep/up:1:1: is a symbolic link to");
    expect(result.stderr).toContain("hint: copy the file into the static folder");
    expect(existsSync(path.join(dir, "site"))).toBe(false);
  }, 30_000);

  it("copies a link within static/ as the file it points to", async () => {
    const dir = await project("static-inside", { "a.md": page("A", "a") });
    await mkdir(path.join(dir, "static/img"), { recursive: true });
    await writeFile(path.join(dir, "static/img/logo.svg"), "<svg/>");
    await symlink("img/logo.svg", path.join(dir, "static/logo.svg"));
    const result = await runCli(["build", "--out", "site"], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const copied = await lstat(path.join(dir, "site/logo.svg"));
    expect(copied.isFile() && !copied.isSymbolicLink()).toBe(true);
    expect(await readFile(path.join(dir, "site/logo.svg"), "utf8")).toBe("<svg/>");
  }, 30_000);
});

describe("files skipped by the notebook rule", () => {
  it("are listed once in the build output, by the rule", async () => {
    const dir = await project("skipped", {
      "good.md": page("Good", "g"),
      "_draft.md": "# Draft\n",
      "Notes.MD": "# Notes\n",
      "x.markdown": "# X\n",
      ".hidden.md": "# Hidden\n",
      "_drafts/one.md": "# One\n",
      "_images/plot.png": "png",
      "images/plot.png": "png",
      ".obsidian/workspace.md": "# tool data\n",
    });
    await symlink("good.md", path.join(dir, "notebooks/link.md"));
    const result = await runCli(["build", "--out", "site"], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr.split("\n").filter((line) => line.startsWith("skipped"));
    expect(lines).toEqual([
      "skipped 6 files: notebooks/.hidden.md (starts with .), notebooks/Notes.MD (extension is not .md), notebooks/_draft.md (starts with _), " +
        "notebooks/_drafts/ (folder starts with _), notebooks/link.md (is a symbolic link; notebooks are read only from regular files), notebooks/x.markdown (extension is not .md)",
    ]);
    expect(result.stderr).toContain("Built 1 notebook");
    expect(existsSync(path.join(dir, "site/Notes.html"))).toBe(false);
  }, 30_000);

  it("is one pure rule, the one a watcher applies to a changed file's path", () => {
    expect(judgeEntry("energy.md", "file")).toEqual({ kind: "notebook" });
    expect(judgeEntry("energy.md", "symlink").kind).toBe("skipped");
    expect(judgeEntry("Energy.MD", "file")).toEqual({ kind: "skipped", reason: "extension is not .md" });
    expect(judgeEntry("plot.png", "file")).toEqual({ kind: "ignored" });
    expect(judgeEntry("_edit", "folder").kind).toBe("skipped");
    expect(judgeEntry(".git", "folder")).toEqual({ kind: "ignored" });
    expect(isNotebookPath("chapters/energy.md")).toBe(true);
    expect(isNotebookPath("chapters/_old/energy.md")).toBe(false);
    expect(isNotebookPath(".obsidian/energy.md")).toBe(false);
    expect(isNotebookPath("Notes.MD")).toBe(false);
    expect(isNotebookPath("_draft.md")).toBe(false);
  });
});
