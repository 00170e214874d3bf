// The stylesheets of an exported page (export.ts) as one <style> element: KaTeX's stylesheet with the
// fonts the page's math uses as data: URLs (woff2, which every browser that runs the page reads; an
// unused face would only add weight), and the theme. A face is used when a rule naming its family
// applies to a class the page's HTML has (`.katex .mathnormal` needs both classes present).
import { readFile } from "node:fs/promises";
import path from "node:path";

/** Every class name in the HTML's class attributes. */
export function classesIn(html: string): Set<string> {
  const classes = new Set<string>();
  for (const match of html.matchAll(/\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi)) {
    for (const name of (match[1] ?? match[2] ?? match[3] ?? "").split(/\s+/)) if (name) classes.add(name);
  }
  return classes;
}

const FONT_FACE = /@font-face\s*\{([^{}]*)\}/g;
const FAMILY = /KaTeX_[A-Za-z0-9]+/g;

/**
 * The KaTeX faces that rules of `css` apply to an element of the page (by its classes), as
 * "family weight style" keys ("KaTeX_Math 400 italic"). A rule's face is its family with the weight and
 * style it sets (400 and normal when it sets none); a bold that only inherits is left to the browser.
 */
export function usedFaces(css: string, classes: ReadonlySet<string>): Set<string> {
  const used = new Set<string>();
  const rules = css.replace(FONT_FACE, "");
  for (const [, selectors, body] of rules.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const families = body!.match(FAMILY);
    if (!families) continue;
    const applies = selectors!.split(",").some((selector) => [...selector.matchAll(/\.([A-Za-z0-9_-]+)/g)].every(([, name]) => classes.has(name!)));
    if (applies) for (const family of families) used.add(faceKey(family, body!));
  }
  return used;
}

/** A face's key from a rule's or an @font-face's declarations. */
function faceKey(family: string, declarations: string): string {
  const weight = /font-weight:\s*(bold|700)/.test(declarations) ? 700 : 400;
  const style = /font-style:\s*italic/.test(declarations) ? "italic" : "normal";
  return `${family} ${weight} ${style}`;
}

/**
 * `css` with each @font-face of a used face pointing at its woff2 file as a data: URL, and every
 * other @font-face removed. `fontsDir` is where the stylesheet's url(fonts/…) resolve.
 */
export async function inlineFonts(css: string, used: ReadonlySet<string>, fontsDir: string): Promise<{ css: string; fonts: string[] }> {
  const faces = [...css.matchAll(FONT_FACE)];
  const replacements = new Map<string, string>();
  const fonts: string[] = [];
  for (const [face, body] of faces) {
    const family = /font-family:\s*"?(KaTeX_[A-Za-z0-9]+)/.exec(body!)?.[1];
    const woff2 = /url\(\s*["']?([^)"']+\.woff2)["']?\s*\)/.exec(body!)?.[1];
    if (!family || !woff2 || !used.has(faceKey(family, body!))) {
      replacements.set(face, "");
      continue;
    }
    const bytes = await readFile(path.join(fontsDir, ...woff2.replace(/^fonts\//, "").split("/")));
    fonts.push(path.posix.basename(woff2));
    const src = `src:url(data:font/woff2;base64,${bytes.toString("base64")}) format("woff2")`;
    replacements.set(face, face.replace(/src:[^;}]*/, src));
  }
  return { css: css.replace(FONT_FACE, (face) => replacements.get(face) ?? face), fonts };
}

/** Stylesheet text that cannot end its <style> element. */
export function cssForStyleElement(css: string): string {
  return css.replace(/<\/(style)/gi, "<\\/$1");
}
