// What an installed wattbook needs beyond the compiled code, made at prepack (`node scripts/compile.mjs
// --package`, which bundles and runs this file) from a checkout with its sources:
//
//   dist/types/     the kernel's type declarations, for "wattbook/kernel" in a project's TypeScript and
//                   for the type checking of notebooks' TypeScript cells (typecheck.ts). TypeScript's
//                   own declaration emit (the compiler in node_modules), so every kernel function's
//                   input and output types are the zod-inferred ones the sources have; its relative
//                   imports are then given the .js extension the emitted files have on disk.
//   dist/bundles/   the browser bundles that depend on wattbook alone, made with the recipes a checkout
//                   uses (library.ts, editor-bundle.ts, preview/client-bundle.ts), the library's CommonJS
//                   forms for realms (realm-host.ts), and index.json naming each bundle's folder. An
//                   installed package reads these and writes nothing inside itself.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bundlePreviewClient, PREBUILT_PREVIEW_CLIENT } from "../src/preview/client-bundle.ts";
import { PREBUILT_INDEX } from "../src/publish/cached-bundle.ts";
import { ensureEditor } from "../src/publish/editor-bundle.ts";
import { ensureLibrary } from "../src/publish/library.ts";
import { DIST, FROM_SOURCES, PACKAGE_ROOT, PREBUILT } from "../src/publish/package-root.ts";
import { commonJsForm, PREBUILT_REALM_MODULES, realmModuleKey } from "../src/publish/realm-host.ts";

const TYPES = path.join(DIST, "types");

export async function packageDist(): Promise<void> {
  if (!FROM_SOURCES) throw new Error(`scripts/package.ts runs in a checkout of wattbook, with its sources (${PACKAGE_ROOT} has no src/kernel)`);
  await Promise.all([rm(TYPES, { recursive: true, force: true }), rm(PREBUILT, { recursive: true, force: true })]);
  declarations();
  await prebuild();
}

/** The kernel's declarations into dist/types (dist/types/kernel/index.d.ts and what it imports). */
function declarations(): void {
  const work = mkdtempSync(path.join(tmpdir(), "wattbook-types-"));
  try {
    const tsconfig = path.join(work, "tsconfig.json");
    writeFileSync(
      tsconfig,
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "ESNext",
          moduleResolution: "Bundler",
          lib: ["ES2023"],
          types: [],
          strict: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: true,
          allowImportingTsExtensions: true,
          declaration: true,
          emitDeclarationOnly: true,
          rootDir: path.join(PACKAGE_ROOT, "src"),
          outDir: TYPES,
        },
        files: [path.join(PACKAGE_ROOT, "src/kernel/index.ts")],
      }),
    );
    const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin", "tsc");
    try {
      execFileSync(process.execPath, [tsc, "-p", tsconfig], { cwd: PACKAGE_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`TypeScript could not emit the kernel's declarations:\n${stdout ?? ""}${stderr ?? ""}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  // The sources import each other as "./energy.ts"; the declarations sit beside "./energy.js".
  for (const file of readdirSync(TYPES, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".d.ts"))) {
    const full = path.join(TYPES, file);
    const text = readFileSync(full, "utf8");
    const rewritten = text.replace(/(["'])(\.{1,2}\/[^"'\n]*?)\.ts\1/g, "$1$2.js$1");
    if (rewritten !== text) writeFileSync(full, rewritten);
  }
}

/** The browser bundles, the library's realm forms and the index, into dist/bundles. */
async function prebuild(): Promise<void> {
  const [library, editor] = await Promise.all([ensureLibrary(PREBUILT), ensureEditor(PREBUILT)]);
  await bundlePreviewClient(PREBUILT_PREVIEW_CLIENT);
  // Realms load the library's files from the site, as CommonJS forms keyed by their text.
  await mkdir(PREBUILT_REALM_MODULES, { recursive: true });
  for (const file of library.files.keys()) {
    if (!file.endsWith(".js")) continue;
    const code = await readFile(path.join(library.dir, file), "utf8");
    await writeFile(path.join(PREBUILT_REALM_MODULES, `${realmModuleKey(code)}.js`), commonJsForm(code, pathToFileURL(path.join(library.dir, file)).href));
  }
  const index = { library: path.basename(library.dir), editor: path.basename(editor.dir), "editor-sandbox": path.basename(editor.loaderDir) };
  await writeFile(path.join(PREBUILT, PREBUILT_INDEX), `${JSON.stringify(index, null, 2)}\n`);
  // The memo of source hashes the bundling kept (cached-bundle.ts) describes this checkout only.
  await rm(path.join(PREBUILT, "source-hashes.json"), { force: true });
}
