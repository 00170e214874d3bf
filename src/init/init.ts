// `wattbook init [dir]`: a site that builds as it is (templates.ts), in a new folder or one that exists.
// A file that exists is never overwritten: init names it and leaves it. package.json is the one file it
// changes, by adding what it lacks (package-json.ts). Everything is checked before anything is written,
// so a folder init cannot use is left as it was.
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { CONFIG_NAMES } from "../config/files.ts";
import { mergePackageJson, packageNameOf, SCRIPTS, type MergedPackage } from "./package-json.ts";
import { ABOUT_FILES, scaffoldFiles, titleOf } from "./templates.ts";

export interface InitResult {
  readonly ok: boolean;
  /** The project folder, absolute. */
  readonly dir: string;
  /** Why nothing was written, when not ok. */
  readonly problem?: string;
  /** Files written, relative to the project, in order. */
  readonly written: readonly string[];
  /** Files of the scaffold that were there already, left as they were. */
  readonly kept: readonly string[];
  /** The configuration file the project has now. */
  readonly configName?: string;
  readonly packageJson?: Extract<MergedPackage, { ok: true }>;
  /** Lines of the scaffold's .gitignore that a .gitignore that was kept lacks. */
  readonly gitignoreLacks?: readonly string[];
}

export async function initProject(dir: string, options: { readonly version: string }): Promise<InitResult> {
  const refuse = (problem: string): InitResult => ({ ok: false, dir, problem, written: [], kept: [] });
  if (existsSync(dir) && !statSync(dir).isDirectory()) return refuse(`${dir} is a file; init makes a site in a folder`);

  const manifestFile = path.join(dir, "package.json");
  const manifest = mergePackageJson(existsSync(manifestFile) ? readFileSync(manifestFile, "utf8") : undefined, { name: packageNameOf(path.basename(dir)), version: options.version });
  if (!manifest.ok) return refuse(`package.json: ${manifest.reason}; fix it and run init again (nothing was written)`);

  // A configuration the project already has is its configuration: a second one would be an error.
  const existingConfig = CONFIG_NAMES.find((name) => existsSync(path.join(dir, name)));
  const configName = existingConfig ?? (manifest.esm ? "wattbook.config.js" : "wattbook.config.mjs");
  const files = scaffoldFiles({ title: titleOf(path.basename(dir)), configName });
  const toWrite: [string, string][] = [];
  const kept: string[] = [];
  for (const [file, text] of files) {
    const target = path.join(dir, ...file.split("/"));
    const blocked = blockingFile(dir, file);
    if (blocked) return refuse(`${blocked} is a file, where init would make the folder that holds ${file}; move it and run init again (nothing was written)`);
    if (existsSync(target)) kept.push(file);
    else toWrite.push([file, text]);
  }

  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [file, text] of toWrite) {
    const target = path.join(dir, ...file.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    // "wx": should the file appear meanwhile, it is still not overwritten.
    await writeFile(target, text, { flag: "wx" });
    written.push(file);
  }
  if (manifest.text !== undefined) {
    await writeFile(manifestFile, manifest.text, manifest.created ? { flag: "wx" } : {});
    written.push("package.json");
  }
  const gitignore = kept.includes(".gitignore") ? gitignoreLacks(readFileSync(path.join(dir, ".gitignore"), "utf8"), files.get(".gitignore")!) : [];
  return { ok: true, dir, written, kept, configName, packageJson: manifest, ...(gitignore.length ? { gitignoreLacks: gitignore } : {}) };
}

/** A file standing where a folder of `file`'s path would have to be, relative to the project. */
function blockingFile(dir: string, file: string): string | undefined {
  const folders = file.split("/").slice(0, -1);
  for (let i = 1; i <= folders.length; i++) {
    const folder = folders.slice(0, i).join("/");
    const at = path.join(dir, ...folder.split("/"));
    if (existsSync(at) && !statSync(at).isDirectory()) return folder;
  }
  return undefined;
}

/** The scaffold's ignore lines that `existing` does not have (comparing lines as written, give or take a slash). */
function gitignoreLacks(existing: string, scaffold: string): string[] {
  const bare = (line: string) => line.trim().replace(/^\/|\/$/g, "");
  const has = new Set(existing.split(/\r?\n/).map(bare));
  return scaffold.split("\n").filter((line) => line.trim() && !line.startsWith("#") && !has.has(bare(line)));
}

interface ReportStyle {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  red(text: string): string;
}

/** What init did and what to run next, as the CLI prints it. */
export function initReport(result: InitResult, { cwd, style }: { readonly cwd: string; readonly style: ReportStyle }): string {
  const where = path.relative(cwd, result.dir) || ".";
  if (!result.ok) return `${style.red("wattbook init:")} ${result.problem}`;
  const lines: string[] = [];
  const shownDir = where === "." ? "this folder" : `${where}/`;
  lines.push(result.written.length ? `${style.green("Made a wattbook site")} in ${shownDir}:` : `Nothing to write in ${shownDir}: every file of the scaffold is there already.`);
  const width = Math.max(0, ...[...result.written, ...result.kept].map((file) => file.length));
  const about = (file: string) => (file === result.configName ? "the site's settings: title, folders, pages, editing, …" : file === "package.json" ? packageAbout(result.packageJson!) : (ABOUT_FILES[file] ?? ""));
  for (const file of result.written) lines.push(`  ${style.green("wrote")} ${file.padEnd(width)}  ${style.dim(about(file))}`);
  for (const file of result.kept) lines.push(`  ${style.yellow("kept ")} ${file.padEnd(width)}  ${style.dim("it was there already; left as it was")}`);
  const pkg = result.packageJson!;
  if (!pkg.created && pkg.keptScripts.length) {
    const kept = pkg.keptScripts.map(([name, command]) => `${name} (${JSON.stringify(command)})`).join(", ");
    lines.push(`  ${style.yellow("kept ")} package.json's own script${pkg.keptScripts.length === 1 ? "" : "s"} ${kept}`);
  }
  if (!pkg.created && !pkg.addedScripts.length && !pkg.addedDependency) lines.push(`  ${style.yellow("kept ")} package.json  ${style.dim("it has the scripts and the dependency already")}`);
  if (result.gitignoreLacks?.length) lines.push(`  ${style.dim(`.gitignore does not leave out ${result.gitignoreLacks.join(", ")}; add ${result.gitignoreLacks.length === 1 ? "it" : "them"} if you do not mean to commit ${result.gitignoreLacks.length === 1 ? "it" : "them"}`)}`);

  // The commands to run: a script of the project's own under our name does something else, so npx it is.
  const ours = (name: string) => pkg.created || pkg.addedScripts.includes(name) || pkg.keptScripts.some(([kept, command]) => kept === name && command === SCRIPTS[name]);
  const run = (name: string, command: string) => (ours(name) ? `npm run ${name}` : `npx ${command}`);
  const next = [
    ...(where === "." ? [] : [[`cd ${/\s/.test(where) ? JSON.stringify(where) : where}`, ""]]),
    ...(pkg.created || pkg.addedDependency ? [["npm install", "installs wattbook; commit package-lock.json (the workflow runs npm ci)"]] : []),
    [run("dev", "wattbook preview"), "serves the site on http://127.0.0.1:3000; pages rebuild as you save"],
    [run("check", "wattbook check"), "evaluates and type-checks every notebook, and checks its exercises"],
    [run("build", "wattbook build"), "writes the site into build/"],
  ];
  const commandWidth = Math.max(...next.map(([command]) => command!.length));
  lines.push("", "Next:", ...next.map(([command, what]) => (what ? `  ${style.bold(command!.padEnd(commandWidth))}  ${style.dim(what)}` : `  ${style.bold(command!)}`)));
  if (result.written.includes(".github/workflows/deploy.yml")) lines.push("", `To publish on GitHub Pages, push to GitHub and set Settings → Pages → Source to ${style.bold("GitHub Actions")}.`);
  return lines.join("\n");
}

function packageAbout(pkg: Extract<MergedPackage, { ok: true }>): string {
  if (pkg.created) return "the scripts dev, build and check, and wattbook as a dependency";
  const added = [pkg.addedScripts.length ? `the script${pkg.addedScripts.length === 1 ? "" : "s"} ${pkg.addedScripts.join(", ")}` : "", pkg.addedDependency ? "wattbook as a dependency" : ""].filter(Boolean);
  return `added ${added.join(" and ")}; every other field kept`;
}
