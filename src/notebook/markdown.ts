// The Markdown dialect: GFM (marked) plus inline expressions `${…}`, math `$…$` / `$$…$$` with optional
// `{#eq-name}`, and references `@fig-name`. Tokenizers only recognize syntax; parse.ts walks the tokens to
// locate them, number labels and create cells, and leaves annotations (the `wb*` fields) for the renderer.
import { parseExpressionAt } from "acorn";
import { Marked, Renderer, type Token, type Tokens } from "marked";
import { MAX_JS_NESTING, nestingTooDeep } from "./depth.ts";
import { createNestingLimit } from "./nesting.ts";
import { containerExtension } from "./container.ts";
import { type Diagnostic, diagnostic } from "./messages.ts";
import { escapeHtml } from "../text/escape-html.ts";

export interface ExpressionToken extends Tokens.Generic {
  type: "wbExpression";
  /** The JavaScript between `${` and its closing `}`. */
  source: string;
  /** When the expression does not parse or is not closed: what is wrong, and where (offset in raw). */
  problem?: Diagnostic & { readonly offset: number };
  /** Set by the walk: the inline cell's id. */
  wbCell?: string;
}

export interface MathToken extends Tokens.Generic {
  type: "wbMath";
  tex: string;
  display: boolean;
  /** Where `tex` starts in raw. */
  texOffset: number;
  /** `$$` at the start of a block (rendered in a div) rather than inside a paragraph (in a span). */
  block: boolean;
  /** `{#eq-name}` after the closing `$$`, as written (validated by the walk). */
  label?: string;
  /** Set by the walk: typeset HTML, and the equation number when labelled. */
  wbHtml?: string;
  wbNumber?: number;
}

export interface ReferenceToken extends Tokens.Generic {
  type: "wbReference";
  name: string;
  /** Set by the walk once every label is known. */
  wbHtml?: string;
}

/** Annotations the walk leaves on marked's own tokens. */
export interface Annotations {
  wbCell?: string; // code: the block cell's id
  wbId?: string; // heading: its anchor
  wbCaption?: { tokens: Token[]; label?: string; number?: number }; // table: its caption
  wbSkip?: boolean; // paragraph: consumed as a table caption
  wbHtml?: string; // html: with inline cell placeholders in place of its ${…}
}

// preserveParens: otherwise `${(x)}` would end before its closing parenthesis.
const JS_OPTIONS = { ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true, preserveParens: true } as const;

/** Whitespace and comments between an inline expression and its closing brace. */
const TRIVIA = /(?:\s|\/\/[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/y;

export function tokenizeExpression(src: string): ExpressionToken | undefined {
  if (!src.startsWith("${")) return undefined;
  const empty = /^\$\{\s*\}/.exec(src);
  if (empty) return { type: "wbExpression", raw: empty[0], source: "", problem: { ...diagnostic("inline-empty"), offset: 0 } };
  const deep = nestingTooDeep(src, 2, MAX_JS_NESTING, true);
  if (deep !== -1) return { type: "wbExpression", raw: "${", source: "", problem: { ...diagnostic("inline-too-deep", { limit: MAX_JS_NESTING }), offset: deep } };
  let end: number;
  try {
    end = parseExpressionAt(src, 2, JS_OPTIONS).end;
  } catch (error) {
    const pos = (error as { pos?: unknown }).pos;
    const reason = error instanceof Error ? error.message.replace(/ \(\d+:\d+\)$/, "") : String(error);
    return { type: "wbExpression", raw: "${", source: "", problem: { ...diagnostic("inline-unparsable", { reason }), offset: typeof pos === "number" ? pos : 2 } };
  }
  TRIVIA.lastIndex = end;
  TRIVIA.exec(src);
  const close = TRIVIA.lastIndex;
  if (src[close] !== "}") {
    const problem = diagnostic("inline-not-closed", { source: JSON.stringify(src.slice(2, end).trim()) });
    return { type: "wbExpression", raw: "${", source: "", problem: { ...problem, offset: close } };
  }
  return { type: "wbExpression", raw: src.slice(0, close + 1), source: src.slice(2, close) };
}

const EQUATION_LABEL = /^[ \t]*\{#([^}\s]*)\}/;

/** Inline math. Pandoc's dollar rule keeps prices out: `$` must be followed, and the closing `$` preceded,
 *  by a non-space, and the closing `$` must not be followed by a digit ("costs $5 and $10" is text).
 *  Stricter than Pandoc, the next unescaped `$` must be the closing one, so "$5 … $E = Pt$" is a price
 *  and then math, not one garbled formula. */
function tokenizeInlineMath(src: string): MathToken | undefined {
  if (!src.startsWith("$") || src.startsWith("${")) return undefined;
  if (src.startsWith("$$")) {
    const close = src.indexOf("$$", 2);
    if (close === -1 || !src.slice(2, close).trim()) return undefined;
    const label = EQUATION_LABEL.exec(src.slice(close + 2));
    const raw = src.slice(0, close + 2 + (label ? label[0].length : 0));
    return { type: "wbMath", raw, tex: src.slice(2, close), display: true, texOffset: 2, block: false, ...(label ? { label: label[1]! } : {}) };
  }
  if (!src[1] || /\s/.test(src[1])) return undefined;
  for (let i = 1; i < src.length; i++) {
    if (src[i] === "\\") {
      i++; // an escaped character, \$ included, never closes
      continue;
    }
    if (src[i] !== "$") continue;
    // TeX ends inline math at the next dollar, so if that one cannot close, the opening one was a price.
    // A dollar before { opens an inline expression, never closes math.
    if (/\s/.test(src[i - 1]!) || /[\d{]/.test(src[i + 1] ?? "")) return undefined;
    return { type: "wbMath", raw: src.slice(0, i + 1), tex: src.slice(1, i), display: false, texOffset: 1, block: false };
  }
  return undefined;
}

const DISPLAY_MATH = /^( {0,3}\$\$)([\s\S]*?)\$\$[ \t]*(?:\{#([^}\s]*)\})?[ \t]*(?:\n|$)/;

function tokenizeDisplayMath(src: string): MathToken | undefined {
  const match = DISPLAY_MATH.exec(src);
  if (!match || !match[2]!.trim()) return undefined;
  const label = match[3];
  return { type: "wbMath", raw: match[0], tex: match[2]!, display: true, texOffset: match[1]!.length, block: true, ...(label !== undefined ? { label } : {}) };
}

/** A line that ends a paragraph: blank, or one that starts a heading, fence, rule, quote or list. */
const PARAGRAPH_END = /^(?:[ \t]*$| {0,3}(?:#{1,6}(?:[ \t]|$)|```|~~~|>|[-+*][ \t]|1[.)][ \t]|(?:[-*_][ \t]*){3,}$))/;

/**
 * Where display math may cut a paragraph: only where the tokenizer will match, so ordinary paragraphs
 * are not cut apart. marked asks once per paragraph, and a cut past the paragraph's end changes
 * nothing, so the search ends with the paragraph; searching the rest of the document each time would
 * make a long notebook quadratic.
 */
function startOfDisplayMath(src: string): number | undefined {
  for (let at = 0; at < src.length; ) {
    const end = src.indexOf("\n", at);
    const line = src.slice(at, end === -1 ? src.length : end);
    if (at > 0 && PARAGRAPH_END.test(line)) return undefined;
    if (/^ {0,3}\$\$/.test(line) && tokenizeDisplayMath(src.slice(at))) return at;
    if (end === -1) return undefined;
    at = end + 1;
  }
  return undefined;
}

const REFERENCE = /^@((?:eq|fig|tbl)-[\w-]*\w)/;

function tokenizeReference(src: string, tokens: readonly Tokens.Generic[]): ReferenceToken | undefined {
  const match = REFERENCE.exec(src);
  if (!match) return undefined;
  // a@fig-x.com is an address, not a reference: the @ must not follow a letter or digit.
  const previous = tokens.at(-1);
  if (previous && /[\p{L}\p{N}_]$/u.test(previous.raw)) return undefined;
  return { type: "wbReference", raw: match[0], name: match[1]! };
}


/** The equation number to the right of a labelled display equation, and its anchor. */
function renderMath(token: MathToken): string {
  const html = token.wbHtml ?? `<code class="wb-math-error">${escapeHtml(token.raw)}</code>`;
  if (token.wbNumber === undefined || token.label === undefined) return html;
  const tag = token.block ? "div" : "span";
  return `<${tag} class="wb-equation" id="${escapeHtml(token.label)}">${html}<span class="wb-equation-number">(${token.wbNumber})</span></${tag}>`;
}

const defaultRenderer = new Renderer();

/**
 * A Markdown instance for one parse. Made per parse, not shared, because the nesting limit counts the
 * levels the parse is in (about 13 µs to make).
 */
export function createMarkdown(): Marked {
  const markdown = new Marked({ gfm: true });
  markdown.use({
    extensions: [
      {
        name: "wbDisplayMath",
        level: "block",
        start: startOfDisplayMath,
        // Its tokens are "wbMath" too, rendered by the inline extension's renderer below.
        tokenizer: (src) => tokenizeDisplayMath(src),
      },
      {
        name: "wbExpression",
        level: "inline",
        start: (src) => {
          const index = src.indexOf("${");
          return index === -1 ? undefined : index;
        },
        tokenizer: (src) => tokenizeExpression(src),
        renderer(token) {
          const id = (token as ExpressionToken).wbCell;
          return id === undefined ? escapeHtml(token.raw) : `<!--wb:inline:${id}-->`;
        },
      },
      {
        name: "wbMath",
        level: "inline",
        start: (src) => {
          const index = src.indexOf("$");
          return index === -1 ? undefined : index;
        },
        tokenizer: (src) => tokenizeInlineMath(src),
        renderer: (token) => renderMath(token as MathToken) + ((token as MathToken).block ? "\n" : ""),
      },
      {
        name: "wbReference",
        level: "inline",
        start: (src) => {
          // Skip an @ after a letter or digit entirely: cutting the text there would hide e-mail addresses
          // from marked's autolinker.
          const match = /(?:^|[^\p{L}\p{N}_])@(?:eq|fig|tbl)-/u.exec(src);
          return match ? match.index + match[0].indexOf("@") : undefined;
        },
        tokenizer: (src, tokens) => tokenizeReference(src, tokens as Tokens.Generic[]),
        renderer: (token) => (token as ReferenceToken).wbHtml ?? escapeHtml(token.raw),
      },
    ],
    renderer: {
      code(token) {
        const id = (token as Tokens.Code & Annotations).wbCell;
        return id === undefined ? false : `<!--wb:cell:${id}-->\n`;
      },
      heading(token) {
        const id = (token as Tokens.Heading & Annotations).wbId;
        const inner = this.parser.parseInline(token.tokens);
        return `<h${token.depth}${id === undefined ? "" : ` id="${escapeHtml(id)}"`}>${inner}</h${token.depth}>\n`;
      },
      html(token) {
        return (token as Tokens.HTML & Annotations).wbHtml ?? false;
      },
      paragraph(token) {
        return (token as Tokens.Paragraph & Annotations).wbSkip ? "" : false;
      },
      table(token) {
        const caption = (token as Tokens.Table & Annotations).wbCaption;
        if (!caption) return false;
        const table = defaultRenderer.table.call(this, token);
        const id = caption.label === undefined ? "" : ` id="${escapeHtml(caption.label)}"`;
        const number = caption.number === undefined ? "" : `<span class="wb-label">Table ${caption.number}.</span> `;
        return `<figure class="wb-table"${id}>\n<figcaption>${number}${this.parser.parseInline(caption.tokens)}</figcaption>\n${table}</figure>\n`;
      },
    },
  });

  const nesting = createNestingLimit();
  // ::: containers (exercises), after the others: a ::: line is never math or an expression.
  markdown.use(containerExtension(nesting));
  // Lists and quotes nested past a limit are an error, not a hang (nesting.ts).
  markdown.use(nesting.extension);
  return markdown;
}

