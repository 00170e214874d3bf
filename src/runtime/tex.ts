// tex`…` and tex.block`…`: TeX typeset by KaTeX, with the options the prose's $…$ and $$…$$ use, so
// that a formula from a cell looks like one from the text. The template is raw, as String.raw reads
// it: tex`\frac{a}{b}` needs no doubled backslashes. Loaded on first use: a page that never writes tex
// never downloads KaTeX (its stylesheet and fonts are on every page already, for the prose's math).
import katex, { type KatexOptions } from "katex";

export type TexTag = (strings: TemplateStringsArray | readonly string[], ...values: unknown[]) => Element;

function renderer(options: KatexOptions): TexTag {
  return (strings, ...values) => {
    const holder = document.createElement("div");
    // strict "ignore": KaTeX's notices about non-standard input would go to the console of every reader.
    const source = String.raw("raw" in strings ? strings : { raw: strings }, ...values);
    holder.innerHTML = katex.renderToString(source, { output: "htmlAndMathml", strict: "ignore", throwOnError: true, ...options });
    return holder.firstElementChild!;
  };
}

export interface Tex extends TexTag {
  /** Display math: a block of its own, centred. */
  readonly block: TexTag;
  /** A tag with KaTeX's `options` (macros, colours, …) over the defaults. */
  readonly options: (options: KatexOptions) => TexTag;
}

export const tex: Tex = Object.assign(renderer({}), { block: renderer({ displayMode: true }), options: renderer });
