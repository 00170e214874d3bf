import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { patchHtl } from "../../src/publish/htl-patch.ts";

const copies = ["node_modules/htl/dist/index.js", "node_modules/@observablehq/inputs/node_modules/htl/src/index.js"];

describe("patchHtl", () => {
  it.each(copies)("patches %s once in each place", async (file) => {
    const patched = patchHtl(await readFile(file, "utf8"), file);
    expect(patched).toContain('"data-wb-"');
    expect(patched.match(/name\.startsWith\("data-wb-"\)/g)).toHaveLength(1);
  });

  it("refuses a source it does not recognise, naming the file", () => {
    expect(() => patchHtl("export const html = 1;", "htl/x.js")).toThrow(/htl\/x\.js: htl's source changed/);
  });
});
