// `wattbook build --out` replaces the folder it is given, so it must refuse every folder whose loss
// would cost anything (the notebooks, the project, a checkout, someone's files) and delete nothing;
// and it must keep replacing the site it wrote itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../helpers/cli.ts";

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "wattbook-out-guard-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const NOTEBOOK = "# Power\n\n```js\nconst kw = 470 * 12 / 1000;\n```\n\nA rack draws ${kw} kW.\n";

/** A project as a user has one: package.json, a .git folder, notebooks, and a file of the user's. */
async function project(name: string): Promise<string> {
  const dir = path.join(work, name);
  await mkdir(path.join(dir, "notebooks"), { recursive: true });
  await mkdir(path.join(dir, ".git/refs"), { recursive: true });
  await writeFile(path.join(dir, ".git/HEAD"), "ref: refs/heads/main\n");
  await writeFile(path.join(dir, "package.json"), '{"name": "my-notes"}\n');
  await writeFile(path.join(dir, "notebooks/power.md"), NOTEBOOK);
  await writeFile(path.join(dir, "notes.txt"), "mine\n");
  return dir;
}

/** Every entry under `dir` (files by content hash, folders, links by target): what must survive. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const key = path.relative(dir, file);
    const info = await lstat(file);
    if (info.isSymbolicLink()) result[key] = `link ${await readlink(file)}`;
    else if (info.isDirectory()) result[key] = "folder";
    else result[key] = createHash("sha1").update(await readFile(file)).digest("hex");
  }
  return result;
}

describe("--out refuses folders whose replacement would lose something", () => {
  const refusals: { out: string; prepare?: (dir: string) => Promise<void>; message: string }[] = [
    { out: "notebooks", message: "notebooks:1:1: the output folder is the notebooks folder" },
    { out: ".", message: ".:1:1: the output folder holds the project: building would replace it, .git and all" },
    { out: "..", message: "..:1:1: the output folder holds the project" },
    { out: "notebooks/site", message: "notebooks/site:1:1: the output folder is inside the notebooks folder" },
    {
      out: "linked",
      prepare: async (dir) => {
        const { symlink } = await import("node:fs/promises");
        await symlink(path.join(dir, "notebooks"), path.join(dir, "linked"));
      },
      message: "linked:1:1: the output folder is the notebooks folder",
    },
    {
      out: "other",
      prepare: async (dir) => {
        await mkdir(path.join(dir, "other"));
        await writeFile(path.join(dir, "other/thesis.tex"), "\\documentclass{article}\n");
      },
      message: "other:1:1: the output folder is not empty and holds no wattbook site (no _wattbook/site.json)",
    },
    {
      out: "repo",
      prepare: async (dir) => {
        await mkdir(path.join(dir, "repo"));
        await writeFile(path.join(dir, "repo/package.json"), "{}\n");
      },
      message: "repo:1:1: the output folder holds package.json",
    },
    {
      // A checkout to publish from, even one holding a site: its .git would go.
      out: "pages",
      prepare: async (dir) => {
        await mkdir(path.join(dir, "pages/.git"), { recursive: true });
        await writeFile(path.join(dir, "pages/.git/HEAD"), "ref: refs/heads/gh-pages\n");
        await mkdir(path.join(dir, "pages/_wattbook"));
        await writeFile(path.join(dir, "pages/_wattbook/site.json"), '{"generator": "wattbook"}\n');
      },
      message: "pages:1:1: the output folder holds .git",
    },
    { out: "notes.txt", message: "notes.txt:1:1: the output folder is a file" },
  ];

  for (const { out, prepare, message } of refusals) {
    it(`refuses --out ${out}, exits 1 and deletes nothing`, async () => {
      const dir = await project(`refuse-${out.replace(/\W/g, "_")}`);
      await prepare?.(dir);
      const before = await snapshot(work);
      const result = await runCli(["build", "--out", out], { cwd: dir });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain("hint: ");
      expect(result.stderr).not.toContain("internal error");
      expect(await snapshot(work)).toEqual(before);
    }, 30_000);
  }
});

describe("--out accepts a folder it may replace", () => {
  it("builds into a missing folder, then again into the site it wrote (the marker tells it)", async () => {
    const dir = await project("rebuild");
    const first = await runCli(["build", "--out", "site"], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    const marker = JSON.parse(await readFile(path.join(dir, "site/_wattbook/site.json"), "utf8"));
    expect(marker).toMatchObject({ generator: "wattbook", pages: ["power.html"] });
    // Something left in the old site goes with it: the folder is the build's.
    await writeFile(path.join(dir, "site/stale.html"), "old");
    const second = await runCli(["build", "--out", "site"], { cwd: dir });
    expect(second.code, second.stderr).toBe(0);
    expect(existsSync(path.join(dir, "site/power.html"))).toBe(true);
    expect(existsSync(path.join(dir, "site/stale.html"))).toBe(false);
    expect(existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, ".git/HEAD")) && existsSync(path.join(dir, "notebooks/power.md"))).toBe(true);
  }, 60_000);

  it("builds into an empty folder and into a site built before the marker existed", async () => {
    const dir = await project("empty-and-legacy");
    await mkdir(path.join(dir, "empty"));
    const empty = await runCli(["build", "--out", "empty"], { cwd: dir });
    expect(empty.code, empty.stderr).toBe(0);
    expect(existsSync(path.join(dir, "empty/power.html"))).toBe(true);
    // An older build's site: index.html beside _wattbook/lib/, no marker.
    await mkdir(path.join(dir, "old/_wattbook/lib"), { recursive: true });
    await writeFile(path.join(dir, "old/index.html"), "<!doctype html>");
    const legacy = await runCli(["build", "--out", "old"], { cwd: dir });
    expect(legacy.code, legacy.stderr).toBe(0);
    expect(existsSync(path.join(dir, "old/_wattbook/site.json"))).toBe(true);
  }, 60_000);

  it("accepts a _ folder inside the notebooks folder (never read as notebooks), as with --root .", async () => {
    const dir = await project("root-dot");
    const notebooks = path.join(dir, "notebooks");
    const result = await runCli(["build", "--root", ".", "--out", "_site"], { cwd: notebooks });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(path.join(notebooks, "_site/power.html"))).toBe(true);
    const again = await runCli(["build", "--root", ".", "--out", "_site"], { cwd: notebooks });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain("Built 1 notebook");
  }, 60_000);

  it("check is not guarded by --out (it writes a scratch folder it removes)", async () => {
    const dir = await project("check");
    const result = await runCli(["check", "--root", "."], { cwd: path.join(dir, "notebooks") });
    expect(result.code, result.stderr).toBe(0);
  }, 30_000);
});
