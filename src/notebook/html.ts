// `${…}` inside raw HTML, as in Framework's `<div class="card">${chart}</div>`: marked hands an HTML block
// over as one opaque string, so its text content is scanned here. Inside a tag (an attribute) there is
// no place for a cell's output, and script and style content is code, not text: both are left alone, and
// an expression inside a tag is reported.
import { type ExpressionToken, tokenizeExpression } from "./markdown.ts";

export type HtmlPart =
  | { readonly kind: "html"; readonly text: string }
  | { readonly kind: "expression"; readonly offset: number; readonly token: ExpressionToken }
  | { readonly kind: "in-tag"; readonly offset: number };

const RAW_TEXT = /^<(script|style)\b/i;

export function splitHtml(raw: string): HtmlPart[] {
  const parts: HtmlPart[] = [];
  let text = "";
  const flush = () => {
    if (text) parts.push({ kind: "html", text });
    text = "";
  };
  let i = 0;
  while (i < raw.length) {
    if (raw.startsWith("<!--", i)) {
      const end = raw.indexOf("-->", i + 4);
      const stop = end === -1 ? raw.length : end + 3;
      text += raw.slice(i, stop);
      i = stop;
    } else if (raw[i] === "<" && /[A-Za-z/!?]/.test(raw[i + 1] ?? "")) {
      const stop = tagEnd(raw, i);
      const expression = raw.indexOf("${", i);
      if (expression !== -1 && expression < stop) parts.push({ kind: "in-tag", offset: expression });
      const rawText = RAW_TEXT.exec(raw.slice(i));
      const close = rawText ? raw.toLowerCase().indexOf(`</${rawText[1]!.toLowerCase()}`, stop) : -1;
      const end = rawText ? (close === -1 ? raw.length : close) : stop;
      text += raw.slice(i, end);
      i = end;
    } else if (raw.startsWith("\\${", i)) {
      text += "${";
      i += 3;
    } else if (raw.startsWith("${", i)) {
      const token = tokenizeExpression(raw.slice(i))!;
      flush();
      parts.push({ kind: "expression", offset: i, token });
      i += token.raw.length;
    } else {
      text += raw[i];
      i++;
    }
  }
  flush();
  return parts;
}

/** The offset after a tag's closing `>`, quotes respected. */
function tagEnd(raw: string, start: number): number {
  let quote: string | undefined;
  for (let i = start + 1; i < raw.length; i++) {
    const c = raw[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return i + 1;
  }
  return raw.length;
}
