// Author HTML that a built page cannot honour. Pages carry a strict Content-Security-Policy (scripts only
// from the site's bundle, no inline handlers, images only from the site or data:, no plugins, no form
// submission; src/publish/render.ts), so a <script>, an onclick or a foreign image in prose would be
// dropped by the browser without a word, and a <base> or <meta http-equiv="refresh"> would take the page
// elsewhere. Each is found here, with its offset in the raw HTML, so the walk can report it as a located
// error. Tags are read by htmlparser2's tokenizer (as linkedom reads them), with the few places where it
// differs from a browser made to err on the strict side: comments closed by --!>, <![CDATA[ outside SVG,
// and the content of <style>, <title>, <textarea> and <xmp>, which inside <svg> or <math> is markup.
import { Tokenizer } from "htmlparser2";
import { type Diagnostic, diagnostic } from "./messages.ts";

/** What is wrong, at an offset in the raw HTML: the tag's `<` or the attribute's name. */
export interface HtmlProblem extends Diagnostic {
  readonly offset: number;
}

/** What a foreign URL would load, the policy directive that governs it, and whether it admits data: URLs. */
export type ResourceKind = "image" | "media" | "frame" | "stylesheet" | "style";

/**
 * The page policy's rule for each kind of resource, as CONTENT_SECURITY_POLICY states it (a test holds
 * the two together). No kind allows another origin: there is no option yet to add one to the policy.
 */
export const RESOURCE_POLICY: Readonly<Record<ResourceKind, { readonly directives: readonly string[]; readonly data: boolean; readonly rule: string }>> = {
  image: { directives: ["img-src"], data: true, rule: "img-src 'self' data:" },
  media: { directives: ["media-src"], data: false, rule: "media-src falls back to default-src 'self'" },
  frame: { directives: ["frame-src", "child-src"], data: false, rule: "frame-src falls back to default-src 'self'" },
  stylesheet: { directives: ["style-src"], data: false, rule: "style-src 'self'" },
  // url() in CSS loads images and fonts: both allow data:.
  style: { directives: ["img-src", "font-src"], data: true, rule: "img-src and font-src allow 'self' and data:" },
};

const NOUN: Record<ResourceKind, string> = { image: "image", media: "media file", frame: "frame", stylesheet: "stylesheet", style: "style" };

/** Elements refused whatever their attributes (a Map: a tag named <constructor> is no refused element). */
const REFUSED_ELEMENTS: ReadonlyMap<string, Diagnostic> = new Map([
  ["script", diagnostic("html-script")],
  ["base", diagnostic("html-base")],
  ["object", diagnostic("html-plugin", { element: "object" })],
  ["embed", diagnostic("html-plugin", { element: "embed" })],
  ["applet", diagnostic("html-applet")],
]);

/** Attributes holding one URL (on any element: SVG and MathML put href on many). */
const URL_ATTRIBUTES = new Set(["href", "xlink:href", "src", "action", "formaction", "data", "poster", "background", "cite", "longdesc", "codebase", "manifest", "lowsrc", "dynsrc", "icon", "usemap"]);
/** Attributes holding a list of image candidates. */
const SRCSET_ATTRIBUTES = new Set(["srcset", "imagesrcset"]);
/** SVG animation elements, whose to/from/values/by can set an href to a URL. */
const ANIMATION_ELEMENTS = new Set(["set", "animate", "animatemotion", "animatetransform"]);
const ANIMATION_VALUES = new Set(["to", "from", "values", "by"]);
/** Elements whose content htmlparser2 reads as text but a browser in <svg> or <math> reads as markup. */
const RAW_TEXT = new Set(["style", "title", "textarea", "xmp"]);

interface Attribute {
  readonly name: string;
  readonly offset: number;
  value: string;
}

interface Tag {
  readonly name: string;
  readonly offset: number;
  readonly attributes: Attribute[];
}

/** Everything in `raw` (one marked HTML token) that a built page would break or that leaves the page. */
export function unsafeHtml(raw: string): HtmlProblem[] {
  const problems: HtmlProblem[] = [];
  scan(raw, 0, problems);
  return problems.sort((a, b) => a.offset - b.offset);
}

/** Where the lines of `raw` that open a ```js or ```ts fence lie in its text (not in a comment or tag). */
export function fencesInHtml(raw: string): number[] {
  const text = readTags(prepare(raw)).text;
  const fences: number[] = [];
  const line = /^ {0,3}(?:`{3,}|~{3,})[ \t]*(?:js|ts)(?![^\s{])/gim;
  for (let match; (match = line.exec(raw)); ) {
    const at = match.index;
    if (text.some(([start, end]) => at >= start && at < end)) fences.push(at + match[0].indexOf(match[0].trim()[0]!));
  }
  return fences;
}

/**
 * The same length as `raw`, with the spots where htmlparser2 and a browser part ways rewritten to the
 * browser's reading: `--!>` closes a comment, and `<![CDATA[` in HTML is a bogus comment ended by `>`.
 */
function prepare(raw: string): string {
  return raw.replace(/--!>/g, " -->").replace(/<!\[/g, "<!x");
}

interface Tokens {
  readonly tags: Tag[];
  /** [start, end) of text between tags. */
  readonly text: [number, number][];
  /** Raw-text element contents: [start, end) and the element's name. */
  readonly rawText: { start: number; end: number; name: string }[];
  /** A tag still open when the HTML ends, and a comment never closed. */
  readonly unclosedTag?: Tag;
  readonly unclosedComment?: number;
}

function readTags(html: string): Tokens {
  const tags: Tag[] = [];
  const text: [number, number][] = [];
  const rawText: { start: number; end: number; name: string }[] = [];
  let tag: Tag | undefined;
  let attribute: Attribute | undefined;
  let rawStart: { start: number; name: string } | undefined;
  let unclosedComment: number | undefined;
  const endTag = (end: number) => {
    if (!tag) return;
    tags.push(tag);
    if (RAW_TEXT.has(tag.name)) rawStart = { start: end + 1, name: tag.name };
    tag = undefined;
  };
  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: true },
    {
      onopentagname(start, end) {
        tag = { name: html.slice(start, end).toLowerCase(), offset: start - 1, attributes: [] };
      },
      onattribname(start, end) {
        attribute = { name: html.slice(start, end).toLowerCase(), offset: start, value: "" };
      },
      onattribdata(start, end) {
        if (attribute) attribute.value += html.slice(start, end);
      },
      onattribentity(codepoint) {
        if (attribute) attribute.value += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (attribute) tag?.attributes.push(attribute);
        attribute = undefined;
      },
      onopentagend: endTag,
      onselfclosingtag: endTag,
      onclosetag(start, end) {
        if (rawStart && html.slice(start, end).toLowerCase() === rawStart.name) {
          // start is after "</"
          rawText.push({ start: rawStart.start, end: start - 2, name: rawStart.name });
          rawStart = undefined;
        }
      },
      ontext(start, end) {
        if (!rawStart) text.push([start, end]);
      },
      ontextentity() {},
      oncomment(start, end, endOffset) {
        if (endOffset === 0 && end === html.length && html.startsWith("<!--", start - 4)) unclosedComment = start - 4;
      },
      oncdata() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  if (rawStart) rawText.push({ start: rawStart.start, end: html.length, name: rawStart.name });
  return { tags, text, rawText, ...(tag ? { unclosedTag: tag } : {}), ...(unclosedComment !== undefined ? { unclosedComment } : {}) };
}

function scan(raw: string, base: number, problems: HtmlProblem[]): void {
  const html = prepare(raw);
  const tokens = readTags(html);
  const add = (offset: number, found: Diagnostic) => problems.push({ ...found, offset: base + offset });
  for (const tag of tokens.tags) checkTag(tag, add);
  for (const { start, end, name } of tokens.rawText) {
    if (name === "style") for (const problem of cssProblems(html.slice(start, end), start)) add(problem.offset, problem);
    scan(raw.slice(start, end), base + start, problems);
  }
  if (tokens.unclosedTag) add(tokens.unclosedTag.offset, diagnostic("html-tag-not-closed", { tag: tokens.unclosedTag.name }));
  if (tokens.unclosedComment !== undefined) add(tokens.unclosedComment, diagnostic("html-comment-not-closed"));
}

function checkTag(tag: Tag, add: (offset: number, found: Diagnostic) => void): void {
  const refused = REFUSED_ELEMENTS.get(tag.name);
  if (refused) {
    add(tag.offset, refused);
    return;
  }
  for (const attribute of tag.attributes) {
    const { name, value, offset } = attribute;
    if (name.startsWith("on") && name.length > 2) {
      add(offset, diagnostic("html-event-handler", { attribute: name }));
      continue;
    }
    if (tag.name === "meta" && name === "http-equiv") {
      add(offset, diagnostic("html-meta-http-equiv"));
      continue;
    }
    if (tag.name === "iframe" && name === "srcdoc") {
      add(offset, diagnostic("html-iframe-srcdoc"));
      continue;
    }
    const urls = URL_ATTRIBUTES.has(name)
      ? [value]
      : SRCSET_ATTRIBUTES.has(name)
        ? srcsetUrls(value)
        : ANIMATION_ELEMENTS.has(tag.name) && ANIMATION_VALUES.has(name)
          ? value.split(";")
          : [];
    const script = urls.find((url) => /^(?:javascript|vbscript):/.test(normalizeUrl(url).toLowerCase()));
    if (script !== undefined) {
      add(offset, diagnostic("html-script-url", { attribute: name, scheme: normalizeUrl(script).split(":")[0]!.toLowerCase() }));
      continue;
    }
    if (name === "style") {
      const problem = cssProblems(value, 0)[0];
      if (problem) add(offset, problem);
      continue;
    }
    if ((name === "action" && tag.name === "form") || (name === "formaction" && (tag.name === "button" || tag.name === "input"))) {
      const url = normalizeUrl(value);
      if (!url) continue;
      const where = isForeign(url) ? `another origin (${shown(url)})` : JSON.stringify(shown(url));
      add(offset, diagnostic("html-form-action", { target: where }));
      continue;
    }
    const kind = resourceKind(tag, name);
    if (!kind) continue;
    const blocked = urls.map(normalizeUrl).find((url) => blockedBy(kind, url));
    if (blocked !== undefined) add(offset, foreignResource(kind, blocked, tag.name));
  }
}

/** What the attribute loads, when it loads something into the page (a link's href is navigation). */
function resourceKind(tag: Tag, name: string): ResourceKind | undefined {
  switch (tag.name) {
    case "img":
      return name === "src" || name === "srcset" || name === "lowsrc" || name === "dynsrc" ? "image" : undefined;
    case "input":
      return name === "src" ? "image" : undefined;
    case "source":
      // srcset is a <picture>'s image, src a <video>'s or <audio>'s media.
      return name === "srcset" ? "image" : name === "src" ? "media" : undefined;
    case "video":
      return name === "poster" ? "image" : name === "src" ? "media" : undefined;
    case "audio":
    case "track":
      return name === "src" ? "media" : undefined;
    case "image":
    case "feimage":
      return name === "href" || name === "xlink:href" ? "image" : undefined;
    case "iframe":
    case "frame":
      return name === "src" ? "frame" : undefined;
    case "link": {
      if (name === "imagesrcset") return "image";
      if (name !== "href") return undefined;
      const rel = tag.attributes.find((a) => a.name === "rel")?.value.toLowerCase() ?? "";
      return /\bicon\b/.test(rel) ? "image" : "stylesheet";
    }
    default:
      return name === "background" ? "image" : undefined;
  }
}

/** A URL as the browser's URL parser reads it: no surrounding spaces or control characters, no tabs or newlines. */
export function normalizeUrl(url: string): string {
  return url.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, "").replace(/[\t\n\r]/g, "");
}

/** Another origin: a URL with a scheme (other than data:, checked apart) or a protocol-relative one. */
function isForeign(url: string): boolean {
  return /^[/\\]{2}/.test(url) || (/^[a-z][a-z\d+.-]*:/i.test(url) && !/^data:/i.test(url));
}

function blockedBy(kind: ResourceKind, url: string): boolean {
  if (/^data:/i.test(url)) return !RESOURCE_POLICY[kind].data;
  // about:blank loads nothing.
  return isForeign(url) && !/^about:/i.test(url);
}

function foreignResource(kind: ResourceKind, url: string, element: string): Diagnostic {
  const source = /^data:/i.test(url) ? "a data: URL" : `another origin (${shown(url)})`;
  const rule = RESOURCE_POLICY[kind].rule;
  switch (kind) {
    case "style":
      return diagnostic("html-foreign-style", { source, rule });
    case "stylesheet":
      return diagnostic("html-foreign-stylesheet", { source, rule });
    case "frame":
      return diagnostic("html-foreign-frame", { source, rule });
    default:
      return diagnostic("html-foreign-resource", { resource: element === "img" || kind !== "image" ? NOUN[kind] : `<${element}>'s image`, source, rule });
  }
}

function shown(url: string): string {
  return url.length > 60 ? `${url.slice(0, 60)}…` : url;
}

/** The URLs of a srcset: candidates are separated by commas, each a URL and an optional descriptor. */
function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i]!)) i++;
    let url = "";
    while (i < srcset.length && !/\s/.test(srcset[i]!)) url += srcset[i++];
    if (!url) break;
    if (url.endsWith(",")) {
      urls.push(url.replace(/,+$/, ""));
      continue;
    }
    urls.push(url);
    let depth = 0;
    while (i < srcset.length && (srcset[i] !== "," || depth > 0)) {
      if (srcset[i] === "(") depth++;
      else if (srcset[i] === ")") depth--;
      i++;
    }
  }
  return urls;
}

/** Files CSS would load from elsewhere: url(…) and @import, with CSS escapes read. */
function cssProblems(css: string, base: number): HtmlProblem[] {
  const problems: HtmlProblem[] = [];
  const reference = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))|@import\s+(?:"([^"]*)"|'([^']*)')/gi;
  const unescaped = css.replace(/\\([\da-f]{1,6})[ \t\n]?/gi, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff) || 0xfffd)).replace(/\\(.)/g, "$1");
  for (const text of new Set([css, unescaped])) {
    for (let match; (match = reference.exec(text)); ) {
      const url = normalizeUrl(match.slice(1).find((group) => group !== undefined) ?? "");
      const kind: ResourceKind = match[0].startsWith("@") ? "stylesheet" : "style";
      if (blockedBy(kind, url)) problems.push({ ...foreignResource(kind, url, "style"), offset: base + (text === css ? match.index : 0) });
    }
    if (problems.length) break;
  }
  return problems;
}
