// A realm per notebook: a notebook that rewrites builtin prototypes, globals and (tries to) the kernel's
// catalogs, built together with notebooks that read all of them, 20 times over. Which notebooks share a
// worker and in what order they interleave varies from run to run; what every reader's page says must
// not: it is byte for byte what the reader's page says when built alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../helpers/cli.ts";

const fence = "```";
const READERS = [1, 2, 3, 4, 5, 6];
const RUNS = 20;

const hostile = `---
title: Hostile
---
# A notebook that changes what it can

${fence}js
import {accelerators, grids, units, trainingEnergy} from "wattbook/kernel";
const attempts = [];
const attempt = (what, change) => {
  try {
    change();
    attempts.push(what + " changed");
  } catch {
    attempts.push(what + " refused");
  }
};
attempt("catalog value", () => { accelerators.h100.watts.value = 100; });
attempt("grid", () => { grids.usAverage.value = 1; });
attempt("units", () => { units.hacked = "x"; });
attempt("kernel function", () => { trainingEnergy.sweep = () => 0; });
attempt("catalog entry", () => { delete accelerators.h100; });
const verdict = attempts.filter((a) => a.endsWith("refused")).length + " of " + attempts.length + " refused";
// Its own page cannot show it (its own realm's Array.prototype.join is about to go), so it says it here.
console.log("Attempts: " + verdict + ".");
Object.prototype.hacked = "HACK";
Number.prototype.toLocaleString = function () { return "HACK"; };
String.prototype.toUpperCase = function () { return "HACK"; };
Math.max = () => -1;
JSON.stringify = () => "HACK";
globalThis.sharedSecret = "HACK";
Array.prototype.join = function () { return "HACK"; };
${fence}
`;

const reader = (n: number) => `---
title: Reader ${n}
---
# Reader ${n}

${fence}js
import {accelerators, grids} from "wattbook/kernel";
const watts = accelerators.h100.watts.value;
const list = [1, 2, ${n}].join(", ");
const grouped = (1234567.5 + ${n}).toLocaleString("en-US");
const biggest = Math.max(2, ${n});
const json = JSON.stringify({a: ${n}});
const inherited = String(({}).hacked);
const shout = "abc".toUpperCase();
const secret = typeof globalThis.sharedSecret;
const grid = grids.usAverage.value;
const gpus = view(Inputs.range([1, 100], {value: 10 + ${n}, step: 1, label: "GPUs"}));
${fence}

Power \${watts} W, list \${list}, grouped \${grouped}, max \${biggest}, json \${json}, inherited \${inherited}, shout \${shout}, secret \${secret}, grid \${grid}, gpus \${gpus}.

${fence}js
Plot.plot({marks: [Plot.lineY([1, 3, 2, ${n}], {strokeWidth: 2})], width: 300, height: 100})
${fence}
`;

let work: string;

async function project(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(work, name);
  await mkdir(path.join(dir, "notebooks"), { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, "notebooks", file), text);
  return dir;
}

/** The page's content, without the site's navigation (which names the other pages). */
async function mainOf(dir: string, page: string): Promise<string> {
  const html = await readFile(path.join(dir, "build", page), "utf8");
  const start = html.indexOf("<main");
  const end = html.indexOf("</main>");
  expect(start, `${page} has a <main>`).toBeGreaterThan(-1);
  return html.slice(start, end).replace(/<nav class="wb-pager">.*?<\/nav>/s, "");
}

const text = (html: string) => html.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ");

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "wattbook-isolation-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("one realm per notebook", () => {
  const alone = new Map<number, string>();

  beforeAll(async () => {
    for (const n of READERS) {
      const dir = await project(`alone-${n}`, { [`0${n}-reader.md`]: reader(n) });
      const result = await runCli(["build"], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      alone.set(n, await mainOf(dir, `0${n}-reader.html`));
    }
  }, 120_000);

  it("a reader built alone shows the kernel's values and the builtins' own behaviour", () => {
    for (const n of READERS) {
      expect(text(alone.get(n)!)).toContain(`Power 700 W, list 1, 2, ${n} , grouped ${(1234567.5 + n).toLocaleString("en-US")} ,`);
      expect(text(alone.get(n)!)).toMatch(new RegExp(`max ${Math.max(2, n)} , json \\{"a":${n}\\} , inherited undefined , shout ABC , secret undefined , grid 429 , gpus ${10 + n}`));
    }
  });

  it(`every reader's page is the same built beside the hostile notebook, ${RUNS} times over`, async () => {
    const files = Object.fromEntries([["00-hostile.md", hostile], ...READERS.map((n) => [`0${n}-reader.md`, reader(n)])]);
    const dir = await project("together", files);
    for (let run = 0; run < RUNS; run++) {
      // Evaluated every time: from the cache, the readers would not meet the hostile notebook again.
      const result = await runCli(["build", "--no-cache"], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout + result.stderr).toContain("Attempts: 5 of 5 refused.");
      for (const n of READERS) expect(await mainOf(dir, `0${n}-reader.html`), `run ${run + 1}, reader ${n}`).toBe(alone.get(n));
    }
  }, 240_000);

  it("gives cells a browser's globals, made in the realm, and none of Node's", async () => {
    const notebook = `# Globals\n\n${fence}js
const seen = {
  url: new URL("https://example.org/a?b=1").searchParams.get("b"),
  encoded: new TextEncoder().encode("€").length,
  clone: structuredClone({m: new Map([[1, [new Date(0)]]])}).m.get(1)[0].toISOString(),
  cloneIsOwn: structuredClone([1]) instanceof Array,
  bytes: crypto.getRandomValues(new Uint8Array(4)).length,
  frames: typeof requestAnimationFrame,
  agent: navigator.userAgent,
  number: new Intl.NumberFormat("en-US").format(1234.5),
  node: ["process", "require", "Buffer", "global", "setImmediate", "__dirname"].filter((name) => name in globalThis).join(",") || "none",
  evaluates: (() => { try { return typeof (0, eval)("1"); } catch (error) { return error.constructor === EvalError ? "EvalError" : "other"; } })(),
};
${fence}\n\n${fence}js\nObject.entries(seen).map(([k, v]) => k + "=" + v).join("; ")\n${fence}\n`;
    const dir = await project("globals", { "globals.md": notebook });
    const result = await runCli(["build"], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(text(await mainOf(dir, "globals.html"))).toContain(
      "url=1; encoded=3; clone=1970-01-01T00:00:00.000Z; cloneIsOwn=true; bytes=4; frames=function; agent=wattbook-build; number=1,234.5; node=none; evaluates=EvalError",
    );
  });
});
