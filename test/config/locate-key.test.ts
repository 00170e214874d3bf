// Where a key of the settings is written in the configuration's text: followed through the syntax tree
// from the default export, through constants and calls, into arrays and objects; the nearest place
// when the rest is computed; the text's `key:` when the tree shows nothing.
import { describe, expect, it } from "vitest";
import { locateKeyPath } from "../../src/config/locate-key.ts";

describe("locateKeyPath", () => {
  const config = `// the site
const guides = {name: "Guides", pages: ["a.md", {path: "b.md", titel: "B"}]};
export default {
  title: "Site",
  pages: [
    "index.md",
    guides,
  ],
};
`;

  it("follows keys and indexes from the default export, through a constant", () => {
    expect(locateKeyPath(config, ["title"])).toEqual({ line: 4, column: 3 });
    expect(locateKeyPath(config, ["pages", 0])).toEqual({ line: 6, column: 5 });
    expect(locateKeyPath(config, ["pages", 1, "pages", 1, "titel"])).toEqual({ line: 2, column: 64 });
    expect(locateKeyPath(config, [])).toEqual({ line: 3, column: 16 });
  });

  it("reads defineConfig({…}), export {x as default} and quoted keys", () => {
    expect(locateKeyPath(`import {defineConfig} from "x";\nexport default defineConfig({\n  "toc": false,\n});\n`, ["toc"])).toEqual({ line: 3, column: 3 });
    expect(locateKeyPath(`const settings = {\n  title: 1,\n};\nexport {settings as default};\n`, ["title"])).toEqual({ line: 2, column: 3 });
  });

  it("gives the nearest place it found when the rest is computed, and the last key of a repeated one", () => {
    expect(locateKeyPath(`export default {\n  pages: makePages(),\n};\n`, ["pages", 3, "path"])).toEqual({ line: 2, column: 3 });
    expect(locateKeyPath(`export default {\n  toc: true,\n  toc: 3,\n};\n`, ["toc"])).toEqual({ line: 3, column: 3 });
  });

  it("falls back on the text when the tree cannot follow the export", () => {
    expect(locateKeyPath(`export default await load({\n  base: 1,\n  editing: "no",\n});\n`, ["editing"])).toEqual({ line: 3, column: 3 });
    expect(locateKeyPath(`export default make();\n// editing: set below\nconst x = {editing: 1};\n`, ["editing"])).toEqual({ line: 2, column: 4 });
    expect(locateKeyPath(`export default make();\n`, ["editing"])).toBeUndefined();
  });
});
