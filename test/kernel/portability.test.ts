// The kernel runs unchanged in Node, Deno and the browser: no Node built-ins, no I/O, no clock, no randomness.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { afterAll, describe, expect, test } from "vitest";
import { clusterEnergy, trainingFootprint } from "../../src/kernel/index.ts";
import { exportsToCheck, firstUnfrozen } from "./frozen-walk.ts";

const root = resolve(import.meta.dirname, "../..");
const kernelDir = join(root, "src/kernel");
const entry = join(kernelDir, "index.ts");
const scratch = mkdtempSync(join(tmpdir(), "wattbook-kernel-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Budget for the whole kernel (both halves, every catalog) minified and gzipped for the browser. Measured at
 * 25.6 KB gzip (73.4 KB raw) once both halves had landed; zod/mini is about 6 KB of it, catalog text much of
 * the rest. The chapter notebooks' printed-figure catalogs took it to 32.1 KB. Pages no longer load the
 * whole kernel (the build imports each name from its own topic module; `npm run bench` measures what a
 * page loads), so this budget guards the kernel's total growth: 40 KB leaves a fifth again. Names for
 * readers on every record (about 400) and the full references they cite took it to 43.0 KB (references.ts
 * about 8 KB raw); 48 KB again leaves room for a tenth more.
 */
const GZIP_BUDGET_BYTES = 48_000;

/**
 * The one module outside src/kernel the kernel imports: the nearest-name search its errors use to suggest
 * the field a misspelt one was meant to be, shared with the compiler's "did you mean" hints. It is held to
 * the kernel's rules below.
 */
const sharedSources = ["src/text/similar.ts"];

function kernelSources(dir = kernelDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? kernelSources(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

describe("browser", () => {
  test("the kernel bundles for the browser from nothing but its own files, the shared nearest-name search and zod, within its size budget", async () => {
    const result = await build({ entryPoints: [entry], bundle: true, platform: "browser", format: "esm", minify: true, write: false, metafile: true, logLevel: "silent" });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    const foreign = inputs.filter((input) => !input.startsWith("src/kernel/") && !input.startsWith("node_modules/zod/") && !sharedSources.includes(input));
    expect(foreign).toEqual([]);
    const bytes = result.outputFiles[0]!.contents;
    const gzipBytes = gzipSync(bytes, { level: 9 }).length;
    expect(gzipBytes, `kernel bundle is ${gzipBytes} B gzip (${bytes.length} B raw)`).toBeLessThan(GZIP_BUDGET_BYTES);
  });

  test("no kernel source reaches for Node built-ins, I/O, the clock, randomness or the DOM", () => {
    const forbidden: [RegExp, string][] = [
      [/from\s+["']node:|require\(/, "Node modules"],
      [/\bDate\.now\b|\bnew Date\b|performance\.now/, "the clock"],
      [/\bMath\.random\b|crypto\./, "randomness"],
      [/\bfetch\(|\bprocess\.|\bDeno\./, "I/O or the host"],
      [/\b(document|window|localStorage)\./, "the DOM"],
    ];
    for (const file of [...kernelSources(), ...sharedSources.map((source) => join(root, source))]) {
      const code = readFileSync(file, "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
      for (const [pattern, what] of forbidden) expect(pattern.test(code), `${relative(root, file)} uses ${what}`).toBe(false);
      for (const [, from] of code.matchAll(/\bfrom\s+["']([^"']+)["']/g)) {
        expect(from === "zod/mini" || from!.startsWith("."), `${relative(root, file)} imports ${from}`).toBe(true);
      }
    }
  });

  test("bundled for the browser as the site bundles it (index and one module per topic), every catalog and kernel function is frozen", async () => {
    // The same recipe as src/publish/library.ts: index.ts plus each kernel file as its own entry, split into
    // shared chunks, so that a page importing one topic module gets frozen constants without index.ts.
    const outdir = join(scratch, "browser");
    const entryPoints = kernelSources().map((file) => ({ in: file, out: relative(kernelDir, file).replace(/\.ts$/, "").replace(/[\\/]/g, "-") }));
    const result = await build({
      entryPoints,
      bundle: true,
      splitting: true,
      platform: "browser",
      format: "esm",
      minify: true,
      outdir,
      outExtension: { ".js": ".mjs" },
      metafile: true,
      logLevel: "silent",
    });
    expect(result.errors).toEqual([]);
    let checked = 0;
    for (const [output, meta] of Object.entries(result.metafile.outputs)) {
      if (!meta.entryPoint) continue;
      const isIndex = resolve(root, meta.entryPoint) === entry;
      const module = (await import(pathToFileURL(resolve(root, output)).href)) as Record<string, unknown>;
      for (const [name, value] of exportsToCheck(module, isIndex)) {
        expect(firstUnfrozen(value, name), `${meta.entryPoint} (bundled): export ${name}`).toBeUndefined();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
    // And the bundled catalogs refuse a change (this file is a module: strict mode, as a page's cells are).
    const accelerators = (await import(pathToFileURL(join(outdir, "catalogs-accelerators.mjs")).href)) as { accelerators: { h100: { watts: { value: number } } } };
    expect(() => {
      accelerators.accelerators.h100.watts.value = 100;
    }).toThrow(TypeError);
    expect(accelerators.accelerators.h100.watts.value).toBe(700);
  });
});

describe("Deno", () => {
  test("an esbuild-bundled kernel module runs under Deno with no permissions and computes what Node computes", async () => {
    const program = join(scratch, "program.mjs");
    await build({
      stdin: {
        contents: `
          import { clusterEnergy, trainingFootprint, supportFactors, accelerators, units } from ${JSON.stringify(entry)};
          const footprint = trainingFootprint({ devices: 2048, watts: 700, hours: 720, pue: 1.12, gridGPerKWh: 429,
            embodiedKgPerDevice: 164, lifetimeYears: 3, supportFactor: supportFactors.dgxH100Rack.value });
          const sweep = clusterEnergy.sweep({ devices: 64, watts: 400, pue: 1.12 }, { hours: new Float64Array([24, 336]) });
          let error = "";
          try { clusterEnergy({ devices: -1, watts: 400, hours: 1, pue: 1.12 }); } catch (e) { error = e.message; }
          const refused = [];
          for (const change of [() => { accelerators.h100.watts.value = 100; }, () => { units.x = 1; }, () => { clusterEnergy.sweep = null; }]) {
            try { change(); refused.push(false); } catch (e) { refused.push(e instanceof TypeError); }
          }
          const frozen = [accelerators, accelerators.h100, accelerators.h100.watts, units, clusterEnergy, clusterEnergy.sweep].every(Object.isFrozen);
          console.log(JSON.stringify({ footprint, sweep, error, refused, frozen, watts: accelerators.h100.watts.value }));
        `,
        resolveDir: root,
        sourcefile: "program.ts",
        loader: "ts",
      },
      bundle: true,
      platform: "neutral",
      format: "esm",
      outfile: program,
      logLevel: "silent",
    });
    const deno = join(root, "node_modules/.bin/deno");
    const stdout = execFileSync(deno, ["run", "--no-remote", "--no-npm", "--no-config", "--no-prompt", program], {
      env: { ...process.env, DENO_DIR: join(scratch, "deno"), DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" },
      encoding: "utf8",
      timeout: 20_000,
    });
    const fromDeno = JSON.parse(stdout);
    expect(fromDeno.footprint).toEqual(
      trainingFootprint({ devices: 2048, watts: 700, hours: 720, pue: 1.12, gridGPerKWh: 429, embodiedKgPerDevice: 164, lifetimeYears: 3, supportFactor: 1.375 }),
    );
    expect(fromDeno.footprint.operationalKg / 1000).toBeCloseTo(681.9, 1);
    expect(fromDeno.sweep).toEqual(clusterEnergy.sweep({ devices: 64, watts: 400, pue: 1.12 }, { hours: [24, 336] }));
    expect(fromDeno.error).toBe("clusterEnergy: devices must be ≥ 0 (got -1)");
    expect(fromDeno).toMatchObject({ refused: [true, true, true], frozen: true, watts: 700 });
  });
});

