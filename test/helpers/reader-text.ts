// What a reader sees of a built page, and the code keys that leak into it. A page's text is every text
// node of its body outside code (`code`, `pre`, `kbd`, `samp`), scripts, styles and templates: prose,
// inline values, tables, menus' options, figures' SVG text. A code key is a key of the kernel's exports
// that reads as code (camelCase, snake_case, letters then digits: `usAverage`, `t5_11b`, `h100`), or any
// other camelCase word that is not a unit (`kWh`, `gCO2e` and `mAh` are units, not keys).
import { parseHTML } from "linkedom";
import * as kernel from "../../src/kernel/index.ts";

/** What is not reader's text: code, and what a browser never shows as text. Math is KaTeX's markup, its TeX source kept beside it. */
export const NOT_READER_TEXT = "code, pre, kbd, samp, script, style, template, noscript, .katex, .katex-display";

/** The text of `html`'s body a reader sees, with code, scripts and styles left out. */
export function readerText(html: string): string {
  const { document } = parseHTML(html.includes("<html") ? html : `<!doctype html><html><body>${html}</body></html>`);
  for (const node of document.querySelectorAll(NOT_READER_TEXT)) node.remove();
  // Elements are separated, so that "<td>a</td><td>b</td>" reads as two words.
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) parts.push(node.textContent ?? "");
    for (const child of node.childNodes) walk(child);
    if (node.nodeType === 1) parts.push(" ");
  };
  walk(document.body ?? document.documentElement);
  return parts.join("");
}

/** camelCase: lower-case letters (digits may follow them) and then a capital: `usAverage`, `napkin15ITMW`. */
const CAMEL_CASE = /^[a-z]+\d*[A-Z]/;

/** A word that reads as code: camelCase, snake_case, or lower-case letters followed by digits. */
export function readsAsCode(word: string): boolean {
  return CAMEL_CASE.test(word) || /^[A-Za-z]+_\w/.test(word) || /^[a-z]+\d+[a-z]*$/.test(word);
}

/** Units written with a lower-case prefix before an upper-case symbol: kWh, gCO2e, kgCO2e, mAh, pJ, µW. */
const UNIT = /^(?:k|m|µ|u|n|p|g|kg|t)(?:W|Wh|J|Ah|A|V|B|Hz|CO2|CO2e|CO₂|CO₂e|FLOP|FLOPs)$/;

/** Proper names spelled in camelCase by their owners. */
const PROPER_NAMES = new Set(["arXiv", "nRF5340", "iPhone", "eBay"]);

/** Keys of the kernel's exports, at any depth of its catalogs, that read as code. */
export function kernelCodeKeys(): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<object>();
  const visit = (value: unknown, depth: number) => {
    if (value === null || typeof value !== "object" || seen.has(value) || depth > 6) return;
    seen.add(value);
    for (const [key, child] of Object.entries(value)) {
      if (readsAsCode(key)) keys.add(key);
      visit(child, depth + 1);
    }
  };
  for (const [name, value] of Object.entries(kernel)) {
    if (readsAsCode(name)) keys.add(name);
    visit(value, 0);
  }
  return keys;
}

/** The code keys in `text`, each with a little of the text around it. */
export function codeKeysIn(text: string, kernelKeys: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/[A-Za-zµ_][A-Za-z0-9µ_₀-₉]*/g)) {
    const word = match[0];
    if (PROPER_NAMES.has(word)) continue;
    const codeLike = kernelKeys.has(word) || (CAMEL_CASE.test(word) && !UNIT.test(word));
    if (!codeLike) continue;
    const at = match.index!;
    found.push(`${word} in "…${text.slice(Math.max(0, at - 30), at + word.length + 30).replace(/\s+/g, " ").trim()}…"`);
  }
  return found;
}
