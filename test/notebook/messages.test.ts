// The error catalog (src/notebook/messages.ts) and what is made from it: every code words its message and
// hint from its parameters, the call sites use codes rather than their own words, and docs/errors.md is
// the page errorsDocument() makes. With UPDATE_ERRORS_DOC=1 the page is written instead of compared.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { diagnostic, MESSAGES, type MessageCode, PLACEHOLDER, TOPICS } from "../../src/notebook/messages.ts";
import { errorsDocument, REGENERATE_ERRORS_DOC } from "../../src/notebook/messages-doc.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const codes = Object.keys(MESSAGES) as MessageCode[];
const entry = (code: MessageCode): { readonly topic: string; readonly message: string; readonly hint?: string } => MESSAGES[code];

/** The names of a template's %placeholders%. */
function placeholders(template: string | undefined): string[] {
  return template === undefined ? [] : [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

/** Source files under `dir`, recursively. */
function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sources(`${dir}/${d.name}`) : /\.ts$/.test(d.name) ? [`${dir}/${d.name}`] : []));
}

/** The files whose errors must come from the catalog: the compiler, the configuration, and the build's and the editor's error reports. */
const CATALOG_USERS = [
  ...sources("src/notebook"),
  ...sources("src/config"),
  "src/publish/cell-failure.ts",
  "src/publish/evaluation-errors.ts",
  "src/publish/compile-for-site.ts",
  "src/publish/emit.ts",
  "src/publish/read-notebook.ts",
  "src/editor/compile.ts",
  "src/editor/session.ts",
].filter((file) => !/\/messages(-doc)?\.ts$/.test(file));

/** A comment on the line above a call that keeps its own words says why, with these words. */
const EXEMPT = "not in the catalog:";

describe("the catalog", () => {
  it("words every code from its parameters, and refuses a missing one", () => {
    for (const code of codes) {
      const { message, hint } = entry(code);
      const names = [...new Set([...placeholders(message), ...placeholders(hint)])];
      const params = Object.fromEntries(names.map((name) => [name, `<${name}>`]));
      const found = (diagnostic as (code: MessageCode, params?: Record<string, string>) => ReturnType<typeof diagnostic>)(code, params);
      const filled = (template: string) => template.replace(PLACEHOLDER, (_, name: string) => `<${name}>`);
      expect(found, code).toEqual({ code, reason: filled(message), ...(hint === undefined ? {} : { hint: filled(hint) }) });
      for (const name of names) {
        const { [name]: _, ...missing } = params;
        expect(() => (diagnostic as (code: MessageCode, params?: Record<string, string>) => unknown)(code, missing), `${code} without ${name}`).toThrow(`message ${code}: no value for %${name}%`);
      }
    }
  });

  it("has kebab-case codes, each under a known topic, every topic with errors, and no two codes saying the same", () => {
    for (const code of codes) {
      expect(code, code).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
      expect(TOPICS, code).toContain(entry(code).topic);
    }
    for (const topic of TOPICS) expect(codes.filter((code) => entry(code).topic === topic).length, topic).toBeGreaterThan(0);
    const said = new Map<string, MessageCode>();
    for (const code of codes) {
      const { message, hint } = entry(code);
      const key = `${message}\n${hint ?? ""}`;
      expect(said.get(key), `${code} says what ${said.get(key)} says`).toBeUndefined();
      said.set(key, code);
    }
  });

  it("has no code that the sources never use", () => {
    const text = sources("src")
      .filter((file) => !file.endsWith("/messages.ts"))
      .map((file) => readFileSync(path.join(root, file), "utf8"))
      .join("\n");
    expect(codes.filter((code) => !text.includes(`"${code}"`))).toEqual([]);
  });
});

describe("call sites", () => {
  it("make located errors from the catalog, not from words of their own", () => {
    const offences: string[] = [];
    for (const file of CATALOG_USERS) {
      const lines = readFileSync(path.join(root, file), "utf8").split("\n");
      lines.forEach((line, index) => {
        const exempt = (lines[index - 1] ?? "").includes(EXEMPT) || line.includes(EXEMPT);
        const at = `${file}:${index + 1}: ${line.trim()}`;
        // A LocatedError made by hand: its reason a literal, or without a code.
        const made = /new LocatedError\(\s*(.)/.exec(line);
        if (made && !exempt && (/["'`]/.test(made[1]!) || !/\bcode\b/.test(lines.slice(index, index + 8).join("\n")))) offences.push(`${at} (a LocatedError of its own)`);
        // A hint written at the call site instead of in the catalog.
        if (/\bhint: *["'`]/.test(line) && !exempt) offences.push(`${at} (a hint of its own)`);
      });
    }
    expect(offences, `words these errors with diagnostic(code, …) and locatedError(…); a call that must keep its own words says why on the line above, after "// ${EXEMPT}"`).toEqual([]);
  });
});

describe("docs/errors.md", () => {
  const file = path.join(root, "docs/errors.md");
  const expected = errorsDocument();

  it.runIf(process.env.UPDATE_ERRORS_DOC === "1")("is written from the catalog", () => {
    writeFileSync(file, expected);
  });

  it("is the page the catalog makes", () => {
    const actual = existsSync(file) ? readFileSync(file, "utf8") : "";
    expect(actual === expected, `docs/errors.md is out of date with src/notebook/messages.ts; write it anew with:\n\n  ${REGENERATE_ERRORS_DOC}\n`).toBe(true);
  });

  it("lists every code under a ## heading, and shows templates, not filled values", () => {
    for (const code of codes) expect(expected, code).toContain(`\n## ${code}\n`);
    expect(expected).not.toMatch(new RegExp(PLACEHOLDER.source));
    expect(expected).toContain("file:line:col: message [code]");
    expect(expected).toContain(REGENERATE_ERRORS_DOC);
  });
});
