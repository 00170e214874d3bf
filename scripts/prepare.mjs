// npm's `prepare` script. npm runs it
//   - after `npm install` / `npm ci` in this repository: dist/ is compiled, so `node bin/wattbook.js`
//     works at once (every npm script compiles again first anyway);
//   - when a project installs wattbook from git: in the clone, with its dependencies installed, and the
//     package is then packed from what this leaves, without running prepack: so it compiles the whole
//     package (compile.mjs --package, as prepack does);
//   - in a folder another project installs by its path (`npm install ../wattbook`): npm links the folder
//     and runs this before, and without, installing the folder's dependencies. There it says what to do
//     and lets the install finish (it used to fail it: "Cannot find package 'esbuild'").
// `npm pack` and `npm publish` run prepack, which compiles the package; this then has nothing to add.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
if (process.env.npm_command === "pack" || process.env.npm_command === "publish") process.exit(0);
const requireHere = createRequire(import.meta.url);
const missing = ["esbuild", "typescript/package.json"].filter((name) => {
  try {
    requireHere.resolve(name);
    return false;
  } catch {
    return true;
  }
});
if (missing.length) {
  console.warn(
    `wattbook (prepare): dist/ not compiled in ${root}: its dependencies are not installed there (${missing.map((name) => name.replace("/package.json", "")).join(", ")} not found). ` +
      "To use wattbook in another project, install the tarball `npm pack` makes in this folder; to work on it, run `npm install` in this folder.",
  );
  process.exit(0);
}
execFileSync(process.execPath, [path.join(root, "scripts/compile.mjs"), "--package"], { cwd: root, stdio: "inherit" });
