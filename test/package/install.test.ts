// wattbook as a new team gets it: the repository packed by `npm pack` (whose prepack script compiles
// dist/), the tarball installed with npm's default settings into an empty folder outside the repository,
// and used from there as the README says: `npm install <tarball> && npx wattbook init && npx wattbook
// build` (the issue's "done" path, the site checked for the configuration's title and the example's
// values), then a notebook of the team's own built and checked, the kernel from plain Node, and the
// kernel's types from the TypeScript compiler `npx tsc` finds in the project (the one installed with
// wattbook, TypeScript 7; the declarations are plain .d.ts that TypeScript 5 reads too).
// npm's prepare script, in a checkout without its dependencies, lets the install finish.
//
// The repository's files (as git lists them: tracked, and new ones not ignored) are packed from a copy,
// so that prepack's compile writes the copy's dist/ and not the one the other test files are running.
// One tarball and one install serve every case. npm reaches the package registry for wattbook's
// dependencies (its cache first: --prefer-offline).
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/cli.ts";

/** The project's folder: init names the site after it ("Team site"). */
const PROJECT_FOLDER = "team-site";

/** The team's own notebook, added after init's: the kernel, an input, an inline value computed from both, and TeX. */
const NOTEBOOK = `---
title: Cluster energy for a new team
---

# Cluster energy for a new team

\`\`\`ts
const gpus = view(Inputs.range([1, 64], {value: 8, step: 1, label: "GPUs"}));
\`\`\`

\`\`\`ts
import {clusterEnergy} from "wattbook/kernel";
import {perDay} from "team-units";
const run = clusterEnergy({devices: gpus, watts: 700, hours: perDay, pue: 1.2});
\`\`\`

The cluster draws \${run.facilityKWh.toFixed(2)} kWh at the meter in a day.

$$E = N \\cdot P \\cdot t \\cdot \\mathrm{PUE}$$
`;

/** A package of the team's own, installed in the project (its realm form is cached in the project). */
const TEAM_PACKAGE = {
  "package.json": JSON.stringify({ name: "team-units", version: "1.0.0", type: "module", exports: { ".": { types: "./index.d.ts", default: "./index.js" } } }),
  "index.js": "export const perDay = 24;\n",
  "index.d.ts": "export declare const perDay: number;\n",
};

/** A consumer's TypeScript: one right call, and one with a field of the wrong type on line 4. */
const CONSUMER_TS = `import { clusterEnergy, type KernelFunction } from "wattbook/kernel";

export const facilityKWh: number = clusterEnergy({ devices: 8, watts: 700, hours: 24, pue: 1.2 }).facilityKWh;
export const wrong = clusterEnergy({ devices: "8", watts: 700, hours: 24, pue: 1.2 });
export type Formula = KernelFunction<{ readonly n: number }, number>;
`;

/** Its tsconfig: Node's own module rules, and the package's declarations checked too (no skipLibCheck). */
const CONSUMER_TSCONFIG = JSON.stringify({
  compilerOptions: { module: "nodenext", moduleResolution: "nodenext", target: "es2022", strict: true, noEmit: true, skipLibCheck: false, types: [] },
  files: ["consumer.ts"],
});

/**
 * The environment without npm's own variables: run from `npm test`, they would point a child npm at the
 * repository (npm_config_local_prefix) rather than the folder it runs in.
 */
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

function run(command: string, args: readonly string[], cwd: string, timeoutMs = 240_000): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${command} ${args.join(" ")} (in ${cwd}) did not finish within ${timeoutMs} ms\n${stdout}${stderr}`));
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

const said = (result: Run) => `exit ${result.code}\n${result.stdout}\n${result.stderr}`;

/** Every file under `dir` with its size and modification time: what writing anything there would change. */
function fileStates(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((file) => {
      const stat = statSync(path.join(dir, file));
      return `${file} ${stat.isDirectory() ? "dir" : `${stat.size} ${stat.mtimeMs}`}`;
    })
    .sort();
}

let work: string;
let project: string;
let tarball: string;
let packed: { size: number; unpackedSize: number; files: { path: string }[] };
let before: string[];
const timings: Record<string, number> = {};

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "wattbook-package-"));
  // The repository's files, copied as they are now; its installed dependencies, linked (prepack needs them).
  const source = path.join(work, "wattbook");
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: REPO_ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const file of listed) {
    const from = path.join(REPO_ROOT, file);
    if (!existsSync(from) || statSync(from).isDirectory()) continue; // deleted in the work tree; a submodule
    await mkdir(path.dirname(path.join(source, file)), { recursive: true });
    await copyFile(from, path.join(source, file));
  }
  await symlink(await realpath(path.join(REPO_ROOT, "node_modules")), path.join(source, "node_modules"), "dir");

  const pack = await run("npm", ["pack", "--json", "--pack-destination", work], source);
  expect(pack.code, said(pack)).toBe(0);
  timings.packMs = pack.ms;
  packed = (JSON.parse(pack.stdout) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[])[0]!;
  tarball = path.join(work, (JSON.parse(pack.stdout) as { filename: string }[])[0]!.filename);

  // An empty folder of a new team, outside the repository: no package.json (npm install makes one).
  project = path.join(work, PROJECT_FOLDER);
  await mkdir(project);
  const install = await run("npm", ["install", tarball, "--prefer-offline", "--no-audit", "--no-fund"], project);
  expect(install.code, said(install)).toBe(0);
  timings.installMs = install.ms;
  before = fileStates(path.join(project, "node_modules/wattbook"));
}, 600_000);

afterAll(async () => {
  console.info(
    `package: ${(packed?.size / 1e6).toFixed(2)} MB packed, ${(packed?.unpackedSize / 1e6).toFixed(2)} MB unpacked; ` +
      Object.entries(timings)
        .map(([name, ms]) => `${name.replace(/Ms$/, "")} ${(ms / 1000).toFixed(1)} s`)
        .join(", "),
  );
  if (work) await rm(work, { recursive: true, force: true });
});

describe("the packed package", { timeout: 120_000 }, () => {
  it("holds the compiled code, the kernel for Node with its declarations, the prebuilt bundles and the license, and no tests, benches, sources or source maps", async () => {
    const files = packed.files.map((file) => file.path);
    for (const needed of ["bin/wattbook.js", "dist/cli.js", "dist/evaluate-worker.js", "dist/realm.js", "dist/kernel.js", "dist/types/kernel/index.d.ts", "dist/bundles/index.json", "static/wattbook.css", "LICENSE", "README.md", "package.json"]) {
      expect(files, needed).toContain(needed);
    }
    expect(files.filter((file) => /^(test|bench|src|notebooks|examples|scripts|\.scratch|\.ci)\/|\.map$/.test(file))).toEqual([]);
    const manifest = JSON.parse(await readFile(path.join(project, "node_modules/wattbook/package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest.private).toBeUndefined();
    expect(manifest.license).toBe("MIT");
    expect(manifest.repository).toMatchObject({ type: "git", url: expect.stringMatching(/wattbook/) });
    expect(manifest.engines).toEqual({ node: expect.stringMatching(/^>=\d/) });
    expect(manifest.exports).toMatchObject({ "./kernel": { types: "./dist/types/kernel/index.d.ts", default: "./dist/kernel.js" } });
    expect(manifest.scripts).toMatchObject({ prepack: "node scripts/compile.mjs --package" });
  });

  it("installs with its dependencies where npm puts them: KaTeX hoisted beside wattbook, not inside it", () => {
    expect(existsSync(path.join(project, "node_modules/katex/dist/katex.min.css"))).toBe(true);
    expect(existsSync(path.join(project, "node_modules/wattbook/node_modules/katex"))).toBe(false);
    expect(existsSync(path.join(project, "node_modules/wattbook/src"))).toBe(false);
  });
});

describe("a checkout whose dependencies are not installed", () => {
  it("npm's prepare script lets the install finish and says what to do (a project installing the folder by its path runs it before the folder's dependencies exist)", async () => {
    const checkout = path.join(work, "checkout-without-dependencies");
    await mkdir(path.join(checkout, "scripts"), { recursive: true });
    await copyFile(path.join(REPO_ROOT, "scripts/prepare.mjs"), path.join(checkout, "scripts/prepare.mjs"));
    await copyFile(path.join(REPO_ROOT, "package.json"), path.join(checkout, "package.json"));
    const prepare = await run(process.execPath, ["scripts/prepare.mjs"], checkout);
    expect(prepare.code, said(prepare)).toBe(0);
    expect(prepare.stderr).toMatch(/wattbook \(prepare\): dist\/ not compiled in .*: its dependencies are not installed there \(esbuild, typescript not found\)/);
    expect(existsSync(path.join(checkout, "dist"))).toBe(false);
  });
});

describe("a new team's project", { timeout: 120_000 }, () => {
  it("from an empty folder, npm install <tarball> && npx wattbook init && npx wattbook build: the configuration's title and the example's values", async () => {
    const init = await run("npx", ["wattbook", "init"], project);
    timings.initMs = init.ms;
    expect(init.code, said(init)).toBe(0);
    // wattbook.config.mjs when the package.json npm install made has no "type": "module".
    const configName = ["wattbook.config.js", "wattbook.config.mjs"].find((name) => existsSync(path.join(project, name)));
    expect(configName, said(init)).toBeDefined();
    expect(init.stderr).toContain(`wrote ${configName}`);
    expect(await readFile(path.join(project, configName!), "utf8")).toContain('title: "Team site"');
    expect(JSON.parse(await readFile(path.join(project, "package.json"), "utf8"))).toMatchObject({ scripts: { dev: "wattbook preview", build: "wattbook build", check: "wattbook check" }, dependencies: { wattbook: expect.stringMatching(/^file:.*\.tgz$/) } });

    const build = await run("npx", ["wattbook", "build"], project);
    timings.firstBuildMs = build.ms;
    expect(build.code, said(build)).toBe(0);
    expect(build.stderr).toContain("Built 3 notebooks into build/");
    expect(build.stderr).not.toContain("warning:");
    // The configuration's title (not the default, "wattbook") in every page's header and <title>.
    for (const [page, title] of [["index.html", "Team site"], ["example.html", "A training run&#39;s footprint"]]) {
      const html = await readFile(path.join(project, "build", page!), "utf8");
      expect(html, page).toContain(`<title>${title} · Team site</title>`);
      expect(html, page).toMatch(/<a class="wb-home" href="[^"]*">Team site<\/a>/);
    }
    // The example: 512 GPUs × 700 W (the kernel's H100) × 14 days × 24 h × PUE 1.2 = 144.5 MWh; on the
    // attached CSV's grids, 20 g/kWh (Quebec) gives 2.9 t CO₂e and 820 g/kWh (Poland) 118.5 t.
    const example = await readFile(path.join(project, "build/example.html"), "utf8");
    const text = example.replace(/<[^>]+>/g, "");
    expect(text).toContain("512 GPUs for 14 days draw 144.5 MWh at the facility meter");
    expect(text).toContain("emits 2.9 t CO₂e in Quebec and\n118.5 t in Poland");
    expect(example).toMatch(/<input[^>]*type="range"/);
    expect(example).toMatch(/<figure class="wb-cell wb-figure" id="fig-footprints">[\s\S]*?<svg/);
    expect(readdirSync(path.join(project, "build/_file/data")).filter((file) => /^grids\.[A-Z0-9]+\.csv$/.test(file))).toHaveLength(1);
  });

  it("builds a notebook of its own with a package of its own: the kernel's value prerendered, the input, KaTeX's stylesheet", async () => {
    for (const file of Object.keys(TEAM_PACKAGE) as (keyof typeof TEAM_PACKAGE)[]) {
      await mkdir(path.join(project, "node_modules/team-units"), { recursive: true });
      await writeFile(path.join(project, "node_modules/team-units", file), TEAM_PACKAGE[file]);
    }
    await writeFile(path.join(project, "notebooks/team.md"), NOTEBOOK);
    const build = await run("npx", ["wattbook", "build"], project);
    timings.secondBuildMs = build.ms;
    expect(build.code, said(build)).toBe(0);
    expect(build.stderr).toContain("Built 4 notebooks into build/");
    const page = await readFile(path.join(project, "build/team.html"), "utf8");
    expect(page).toContain("<title>Cluster energy for a new team · Team site</title>");
    // 8 GPUs × 700 W × 24 h × PUE 1.2 = 161.28 kWh, computed by the kernel at build.
    expect(page).toMatch(/The cluster draws <span class="wb-inline"[^>]*><span class="wb-value">161\.28<\/span><\/span> kWh/);
    expect(page).toContain("GPUs");
    expect(existsSync(path.join(project, "build/_wattbook/katex/katex.min.css"))).toBe(true);
    expect(readdirSync(path.join(project, "build/_wattbook/katex/fonts")).some((font) => font.endsWith(".woff2"))).toBe(true);
  });

  it("keeps its caches in the project", async () => {
    const check = await run("npx", ["wattbook", "check"], project);
    expect(check.code, said(check)).toBe(0);
    expect(check.stderr).toContain("Checked 4 notebooks");
    const cache = path.join(project, "node_modules/.cache/wattbook");
    expect(readdirSync(path.join(cache, "notebooks")).length).toBeGreaterThan(0);
    // The team's package ran in the realm in CommonJS form, kept in the project's cache.
    expect(readdirSync(path.join(cache, "realm-modules")).length).toBeGreaterThan(0);
  });

  it("type-checks a notebook's TypeScript cells against the installed kernel's declarations: a wrong field type fails check at its line", async () => {
    const wrong = path.join(project, "notebooks/wrong.md");
    await writeFile(wrong, '# Wrong\n\n```ts\nimport {clusterEnergy} from "wattbook/kernel";\nconst run = clusterEnergy({devices: "8", watts: 700, hours: 24, pue: 1.2});\n```\n');
    try {
      const check = await run("npx", ["wattbook", "check"], project);
      expect(check.code, said(check)).toBe(1);
      expect(check.stderr).toMatch(/notebooks\/wrong\.md:5:\d+: Type 'string' is not assignable to type 'number'\. \(TS2322\)/);
    } finally {
      await rm(wrong);
    }
  });

  it("imports the kernel from plain Node", async () => {
    const script = 'import {clusterEnergy} from "wattbook/kernel"; console.log(JSON.stringify(clusterEnergy({devices: 8, watts: 700, hours: 24, pue: 1.2})));';
    const node = await run(process.execPath, ["--input-type=module", "-e", script], project);
    expect(node.code, said(node)).toBe(0);
    expect(JSON.parse(node.stdout)).toEqual({ acceleratorKWh: 134.4, itKWh: 134.4, facilityKWh: 161.28 });
  });

  it("type-checks against the kernel's declarations with the project's tsc: a field of the wrong type is the one error", async () => {
    await writeFile(path.join(project, "consumer.ts"), CONSUMER_TS);
    await writeFile(path.join(project, "tsconfig.json"), CONSUMER_TSCONFIG);
    const tsc = await run("npx", ["--no-install", "tsc", "-p", "."], project);
    expect(tsc.code, said(tsc)).not.toBe(0);
    const errors = tsc.stdout.split("\n").filter((line) => /error TS\d+/.test(line));
    expect(errors, said(tsc)).toEqual([expect.stringMatching(/^consumer\.ts\(4,\d+\): error TS2322: Type 'string' is not assignable to type 'number'\./)]);
  });

  it("wrote nothing inside the installed package, through every command above", () => {
    expect(fileStates(path.join(project, "node_modules/wattbook"))).toEqual(before);
  });
});
