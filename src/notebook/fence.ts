// The info string of a fenced block: ```js echo browser {#fig-power caption="Power over a day"}
// The first word is the language; only js and ts blocks are cells, so only their options are checked.
import { type Diagnostic, diagnostic } from "./messages.ts";
import { nearestName } from "../text/similar.ts";

/** The options a js or ts fence takes before its {…} attribute block. */
const OPTIONS = ["echo", "browser", "run"] as const;

export interface FenceInfo {
  /** The first word, lower case: "js", "ts", "python", "" for a bare fence. */
  readonly lang: string;
  readonly echo: boolean;
  /** false for ```js run=false: show the code, do not run it. */
  readonly run: boolean;
  /** ```js browser: the cell runs only in the reader's browser; the build skips it and its dependents. */
  readonly browser: boolean;
  readonly label?: string;
  readonly caption?: string;
  /** What is wrong with the options (only for js and ts). */
  readonly problems: readonly Diagnostic[];
}

export function parseFenceInfo(info: string): FenceInfo {
  const langMatch = /^[^\s{]*/.exec(info.trim());
  const lang = (langMatch?.[0] ?? "").toLowerCase();
  const rest = info.trim().slice(langMatch?.[0].length ?? 0);
  const problems: Diagnostic[] = [];
  let echo = false;
  let run = true;
  let browser = false;
  let label: string | undefined;
  let caption: string | undefined;
  if (lang !== "js" && lang !== "ts") return { lang, echo, run, browser, problems };

  const { words, attributes, problem } = splitOptions(rest);
  if (problem) problems.push(problem);
  for (const word of words) {
    const [key, value] = splitPair(word);
    const flag = value === undefined || value === "true" ? true : value === "false" ? false : undefined;
    if ((key === "echo" || key === "browser") && flag !== undefined) {
      if (key === "echo") echo = flag;
      else browser = flag;
    } else if (key === "run" && (value === "false" || value === "true")) run = value === "true";
    else if (value !== undefined && (key === "echo" || key === "browser" || key === "run")) {
      const accepted = key === "run" ? "run=false or run=true" : `${key}, ${key}=true or ${key}=false`;
      problems.push(diagnostic("fence-option-value", { word, option: key, accepted }));
    } else {
      const near = nearestName(key, OPTIONS);
      problems.push(near ? diagnostic("fence-option-misspelt", { option: word, near: near === "run" ? "run=false" : near }) : diagnostic("fence-unknown-option", { option: word }));
    }
  }
  // A block shown as code never runs, in the build or in the browser.
  if (browser && !run) problems.push(diagnostic("fence-browser-not-run"));
  for (const attribute of attributes) {
    if (attribute.startsWith("#")) {
      const name = attribute.slice(1);
      if (label !== undefined) problems.push(diagnostic("fence-two-labels", { first: label, second: name }));
      else if (!/^(?:fig|tbl)-[\w-]*\w$/.test(name)) problems.push(diagnostic("fence-label-name", { name }));
      else label = name;
      continue;
    }
    const [key, value] = splitPair(attribute);
    if (key === "caption" && value !== undefined) caption = value;
    else problems.push(diagnostic("fence-unknown-attribute", { attribute }));
  }
  return { lang, echo, run, browser, ...(label !== undefined ? { label } : {}), ...(caption !== undefined ? { caption } : {}), problems };
}

/** key=value or key="quoted value" → [key, value]; a bare word → [word, undefined]. */
function splitPair(word: string): [string, string | undefined] {
  const eq = word.indexOf("=");
  if (eq === -1) return [word, undefined];
  let value = word.slice(eq + 1);
  if (/^(["']).*\1$/s.test(value)) value = value.slice(1, -1);
  return [word.slice(0, eq), value];
}

/** Words outside braces and attributes inside one {…} block; quotes may hold spaces and braces. */
function splitOptions(text: string): { words: string[]; attributes: string[]; problem?: Diagnostic } {
  const words: string[] = [];
  const attributes: string[] = [];
  let i = 0;
  let inBlock = false;
  let sawBlock = false;
  while (i < text.length) {
    const char = text[i]!;
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (!inBlock && char === "{") {
      if (sawBlock) return { words, attributes, problem: diagnostic("fence-two-attribute-blocks") };
      inBlock = sawBlock = true;
      i++;
      continue;
    }
    if (inBlock && char === "}") {
      inBlock = false;
      i++;
      continue;
    }
    let word = "";
    while (i < text.length && !/\s/.test(text[i]!) && !(inBlock && text[i] === "}") && !(!inBlock && text[i] === "{")) {
      const c = text[i]!;
      if (c === '"' || c === "'") {
        const close = text.indexOf(c, i + 1);
        if (close === -1) return { words, attributes, problem: diagnostic("fence-quote-not-closed", { quote: c }) };
        word += text.slice(i, close + 1);
        i = close + 1;
      } else {
        word += c;
        i++;
      }
    }
    (inBlock ? attributes : words).push(word);
  }
  if (inBlock) return { words, attributes, problem: diagnostic("fence-attributes-not-closed") };
  return { words, attributes };
}
