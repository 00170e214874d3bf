// htl (behind the `html` builtin and inside Observable Inputs) writes a function-valued attribute such
// as `oninput=${f}` into its template string as `oninput=::5`, parses the template, then swaps the
// placeholder for a listener property. Chromium checks the Content-Security-Policy as soon as it
// parses an `on…` attribute, even in a <template>, so every slider reported a violation under
// `script-src 'self'`. The patch writes such placeholders as `data-wb-oninput=::5` and strips the
// prefix when it assigns the property: same behaviour, no inline handler ever parsed.
import type { Plugin } from "esbuild";
import { readFile } from "node:fs/promises";

const EMIT = /string \+= (?:"::" \+ j|`::\$\{j\}`);/;
const ASSIGN = /\b(node|element)\[name\] = value;/;
const PREFIX = "data-wb-";

export function patchHtl(source: string, file = "htl"): string {
  const emits = source.match(new RegExp(EMIT, "g"))?.length ?? 0;
  const assigns = source.match(new RegExp(ASSIGN, "g"))?.length ?? 0;
  if (emits !== 1 || assigns !== 1) {
    throw new Error(`${file}: htl's source changed (expected one placeholder and one property assignment, found ${emits} and ${assigns}); update src/publish/htl-patch.ts`);
  }
  return source
    .replace(EMIT, (emit) => `if (typeof value === "function" && /^on/i.test(name)) string = ((s, n) => { const at = s.lastIndexOf(n); return s.slice(0, at) + "${PREFIX}" + s.slice(at); })(string, name);\n${emit}`)
    .replace(ASSIGN, (_, target: string) => `${target}[name.startsWith("${PREFIX}") ? name.slice(${PREFIX.length}) : name] = value;`);
}

/** An esbuild plugin applying patchHtl to every copy of htl in the bundle. */
export function htlPatchPlugin(): Plugin {
  return {
    name: "wattbook-htl-csp",
    setup(build) {
      build.onLoad({ filter: /[\\/]htl[\\/](src|dist)[\\/]index\.js$/ }, async (args) => ({
        contents: patchHtl(await readFile(args.path, "utf8"), args.path),
        loader: "js",
      }));
    },
  };
}
