// Two patches to htl (behind the `html` and `svg` builtins and inside Observable Inputs), applied to every
// copy in the site's library and in the build's realm, so that both run the same htl:
//
// 1. A function-valued attribute such as `oninput=${f}` goes into htl's template string as
//    `oninput=::5`; htl parses the template, then swaps the placeholder for a listener property.
//    Chromium checks the Content-Security-Policy as soon as it parses an `on…` attribute, even in a
//    <template>, so every slider reported a violation under `script-src 'self'`. The patch writes such
//    placeholders as `data-wb-oninput=::5` and strips the prefix when it assigns the property: same
//    behaviour, no inline handler ever parsed.
// 2. htl walks an element's attributes by index while it removes placeholders and sets styles, counting
//    on a live list that grows at its end, as browsers keep it. The build's DOM (linkedom) gives a
//    snapshot and puts a new attribute first, so the attribute after a style object was skipped:
//    Inputs.button's onclick stayed in the prerendered page as onclick="::2", an inline handler the CSP
//    reports. The patch walks a copy of the list taken before any change, which is right in both.
import type { Plugin } from "esbuild";
import { readFile } from "node:fs/promises";

const EMIT = /string \+= (?:"::" \+ j|`::\$\{j\}`);/;
const ASSIGN = /\b(node|element)\[name\] = value;/;
const ATTRIBUTES = /const attributes = (node|element)\.attributes;/;
const REMOVE = /removeAttribute\((node|element), name\), --i, --n;/;
const PREFIX = "data-wb-";

function count(source: string, pattern: RegExp): number {
  return source.match(new RegExp(pattern, "g"))?.length ?? 0;
}

export function patchHtl(source: string, file = "htl"): string {
  const found = [count(source, EMIT), count(source, ASSIGN), count(source, ATTRIBUTES), count(source, REMOVE)];
  if (found.join() !== "1,1,1,2") {
    throw new Error(
      `${file}: htl's source changed (expected one placeholder, one property assignment, one attribute list and two placeholder removals, found ${found.join(", ")}); update src/publish/htl-patch.ts`,
    );
  }
  return source
    .replace(EMIT, (emit) => `if (typeof value === "function" && /^on/i.test(name)) string = ((s, n) => { const at = s.lastIndexOf(n); return s.slice(0, at) + "${PREFIX}" + s.slice(at); })(string, name);\n${emit}`)
    .replace(ASSIGN, (_, target: string) => `${target}[name.startsWith("${PREFIX}") ? name.slice(${PREFIX.length}) : name] = value;`)
    .replace(ATTRIBUTES, (_, target: string) => `const attributes = Array.from(${target}.attributes);`)
    .replace(new RegExp(REMOVE, "g"), (_, target: string) => `removeAttribute(${target}, name);`);
}

/** An esbuild plugin applying patchHtl to every copy of htl in the bundle. */
export function htlPatchPlugin(): Plugin {
  return {
    name: "wattbook-htl",
    setup(build) {
      build.onLoad({ filter: /[\\/]htl[\\/](src|dist)[\\/]index\.js$/ }, async (args) => ({
        contents: patchHtl(await readFile(args.path, "utf8"), args.path),
        loader: "js",
      }));
    },
  };
}
