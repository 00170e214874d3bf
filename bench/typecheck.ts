// What type checking costs (src/publish/typecheck.ts): the chapter's notebooks compiled once, then
//   cold       a new checker (the TypeScript 7 process started, the kernel's and Plot's types read)
//              checking every notebook, every cell taking part as TypeScript would see it
//   re-check   the same checker after one notebook changed (a TypeScript cell added, as a save in the
//              preview would): only that notebook is checked again; median of 10 saves
// The chapter's cells are JavaScript, which the checker reads with inferred types; checking them all
// (javaScriptToo) is what a chapter written in TypeScript would cost.
//
//   node --import tsx bench/typecheck.ts        (run by `npm run bench typecheck`)
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { compileForSite, type Compiled } from "../src/publish/compile-for-site.ts";
import { ensureLibrary } from "../src/publish/library.ts";
import { createTypeChecker } from "../src/publish/typecheck.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const NOTEBOOKS = path.join(ROOT, "notebooks");
const SAVES = 10;
const COLD_RUNS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const fence = "```";

const library = await ensureLibrary();
const compile = (file: string, text: string): Compiled => {
  const result = compileForSite({ sourcePath: file, displayPath: `notebooks/${file}`, sourceText: text, errors: [] }, library);
  if (!result.compiled) throw new Error(`notebooks/${file} did not compile: ${result.errors.map((e) => e.message).join("; ")}`);
  return result.compiled;
};
const files = readdirSync(NOTEBOOKS).filter((file) => file.endsWith(".md")).sort();
const chapter = files.map((file) => compile(file, readFileSync(path.join(NOTEBOOKS, file), "utf8")));
const cells = chapter.reduce((sum, compiled) => sum + compiled.notebook.cells.length, 0);

const coldMs: number[] = [];
let diagnostics = 0;
for (let run = 0; run < COLD_RUNS; run++) {
  const started = performance.now();
  const checker = await createTypeChecker(ROOT);
  diagnostics = checker.check(chapter, { javaScriptToo: true }).length;
  coldMs.push(performance.now() - started);
  checker.close();
}

// One checker for the session, as the preview keeps; each save adds a TypeScript cell to one notebook.
const checker = await createTypeChecker(ROOT);
checker.check(chapter, { javaScriptToo: true });
const target = files.find((file) => file.startsWith("05-")) ?? files[0]!;
const original = readFileSync(path.join(NOTEBOOKS, target), "utf8");
const recheckMs: number[] = [];
for (let save = 0; save < SAVES; save++) {
  const changed = compile(target, `${original}\n\n${fence}ts\nconst benchSave${save}: number = ${save} * 2;\n${fence}\n`);
  const started = performance.now();
  const found = checker.check([changed]);
  recheckMs.push(performance.now() - started);
  if (found.length) throw new Error(`the saved notebook should check clean: ${found[0]!.message}`);
}
checker.close();

const verdict = (ms: number, budget: number) => (ms <= budget ? "met" : "MISSED");
const cold = median(coldMs);
const recheck = median(recheckMs);
console.log(`  chapter cold         ${cold.toFixed(0).padStart(6)} ms  (${files.length} notebooks, ${cells} cells, every cell checked; ${diagnostics} diagnostics in JavaScript cells, not reported to authors; runs: ${coldMs.map((ms) => ms.toFixed(0)).join(", ")})  budget ≤ 3000 ms: ${verdict(cold, 3000)}`);
console.log(`  re-check one saved   ${recheck.toFixed(0).padStart(6)} ms  (notebooks/${target}, median of ${SAVES} saves; min ${Math.min(...recheckMs).toFixed(0)}, max ${Math.max(...recheckMs).toFixed(0)})  budget ≤ 300 ms: ${verdict(recheck, 300)}`);
