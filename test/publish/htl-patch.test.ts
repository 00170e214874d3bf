import { describe, expect, it } from "vitest";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { installBuildDom } from "../../src/publish/dom.ts";
import { patchHtl } from "../../src/publish/htl-patch.ts";
import { REPO_ROOT } from "../helpers/cli.ts";

const copies = ["node_modules/htl/dist/index.js", "node_modules/@observablehq/inputs/node_modules/htl/src/index.js"];

describe("patchHtl", () => {
  it.each(copies)("patches %s once in each place", async (file) => {
    const patched = patchHtl(await readFile(file, "utf8"), file);
    expect(patched).toContain('"data-wb-"');
    expect(patched.match(/name\.startsWith\("data-wb-"\)/g)).toHaveLength(1);
    expect(patched).toContain("Array.from(");
    expect(patched).not.toContain("--i, --n");
  });

  it("on the build's DOM, takes every placeholder out, also the handler after a style object (as Inputs.button writes it)", async () => {
    installBuildDom();
    const html = async (source: string, name: string) => {
      const dir = path.join(REPO_ROOT, ".wattbook-cache");
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `htl-${name}-${process.pid}.mjs`);
      await writeFile(file, source);
      try {
        return ((await import(pathToFileURL(file).href)) as typeof import("htl")).html;
      } finally {
        await rm(file);
      }
    };
    const source = await readFile(copies[0]!, "utf8");
    const handler = () => {};
    const patched = (await html(patchHtl(source), "patched"))`<button style=${{ width: undefined }} onclick=${handler}>Add` as HTMLButtonElement;
    expect(patched.outerHTML).toBe("<button>Add</button>");
    expect(patched.onclick).toBe(handler);
    // htl as published leaves the handler's placeholder in the page: what the patch is for.
    const unpatched = (await html(source, "unpatched"))`<button style=${{ width: undefined }} onclick=${handler}>Add` as HTMLButtonElement;
    expect(unpatched.outerHTML).toContain('onclick="::');
  });

  it("refuses a source it does not recognise, naming the file", () => {
    expect(() => patchHtl("export const html = 1;", "htl/x.js")).toThrow(/htl\/x\.js: htl's source changed/);
  });
});
