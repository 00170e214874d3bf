// Markdown → ParsedNotebook: front matter, cells, inline expressions, math, labels, references, headings.
// marked gives tokens without positions; the walk below finds each token's raw text in the source with a
// cursor that only moves forward, which is exact at the top level and inside lists and blockquotes finds
// the same text the author wrote (only the container's markers are missing from marked's raw).
import type { Token, Tokens } from "marked";
import type { ContainerToken } from "./container.ts";
import { locatedError, type LocatedError, LocatedErrors } from "./errors.ts";
import { type ExerciseContext, visitContainer } from "./exercise.ts";
import { exerciseAnchor } from "./exercise-html.ts";
import { parseFenceInfo } from "./fence.ts";
import { parseFrontMatter } from "./frontmatter.ts";
import { splitHtml } from "./html.ts";
import { fencesInHtml, type HtmlProblem, unsafeHtml } from "./unsafe-html.ts";
import { fnv1a, slugify, UniqueIds } from "./ids.ts";
import { firstLine, LineIndex, normalizeNewlines } from "./locate.ts";
import { type Annotations, createMarkdown, type ExpressionToken, type MathToken, type ReferenceToken } from "./markdown.ts";
import { renderMath } from "./math.ts";
import { type Diagnostic, diagnostic } from "./messages.ts";
import { MAX_NESTING, NestingError } from "./nesting.ts";
import type { Heading, Label, ParsedCell, ParsedExercise, ParsedNotebook, SourcePosition } from "./types.ts";

type LabelKind = Label["kind"];

const KIND_NOUN: Record<LabelKind, string> = { eq: "Equation", fig: "Figure", tbl: "Table" };
/** A reference to a label when the notebook has no label of its kind: the hint says how to make one. */
const NO_LABELS = { eq: "reference-no-equations", fig: "reference-no-figures", tbl: "reference-no-tables" } as const satisfies Record<LabelKind, string>;

/** A table caption line (Pandoc's syntax): `: Caption text {#tbl-name}`, after the table. */
const TABLE_CAPTION = /^:[ \t]+([\s\S]*?)[ \t]*(?:\{#([^}\s]*)\})?[ \t]*$/;

interface PendingCaption {
  readonly cell: { -readonly [K in keyof ParsedCell]: ParsedCell[K] };
  readonly tokens: Token[];
}

/** The notebook's text → cells, prose and math; `path` is the file as errors name it. Throws LocatedError(s). */
export function parseNotebook(sourceText: string, path: string): ParsedNotebook {
  try {
    return new NotebookParser(sourceText, path).parse();
  } catch (error) {
    // Nesting too deep outside the body's lexing (in a caption): no other error can be trusted then.
    if (!(error instanceof NestingError)) throw error;
    throw nestingError(error, new LineIndex(normalizeNewlines(sourceText)), 0, path);
  }
}

/** A located NestingError: at the outermost list or quote, or at the text that nests too deeply. */
function nestingError(error: NestingError, lines: LineIndex, bodyOffset: number, path: string): LocatedError {
  const found = typeof error.at === "number" ? lines.text.length - error.at : lines.text.indexOf(firstLine(error.at), bodyOffset);
  const position = lines.position(Math.max(found, bodyOffset));
  return locatedError(diagnostic(error.kind === "block" ? "block-too-deep" : "text-too-deep", { limit: MAX_NESTING }), { file: path, lines, position });
}

class NotebookParser {
  private readonly lines: LineIndex;
  private readonly cells: ParsedCell[] = [];
  private readonly cellIds = new UniqueIds();
  private readonly labels = new Map<string, Label>();
  private readonly counts: Record<LabelKind, number> = { eq: 0, fig: 0, tbl: 0 };
  private readonly headingTokens: (Tokens.Heading & Annotations)[] = [];
  private readonly references: { token: ReferenceToken; position: SourcePosition }[] = [];
  private readonly captions: PendingCaption[] = [];
  private readonly errors: LocatedError[] = [];
  private readonly exercises: ParsedExercise[] = [];
  private exerciseContext: ExerciseContext | undefined;
  /** Inside a cell's caption (info string), inline expressions cannot go. */
  private inCaption = false;
  /** This parse's own Markdown instance: its nesting limit counts this parse's levels only. */
  private readonly markdown = createMarkdown();

  constructor(
    sourceText: string,
    private readonly path: string,
  ) {
    this.lines = new LineIndex(normalizeNewlines(sourceText));
  }

  parse(): ParsedNotebook {
    const text = this.lines.text;
    const frontMatter = parseFrontMatter(this.lines, this.path);
    this.errors.push(...frontMatter.errors);
    const tokens = this.lex(frontMatter.bodyOffset);
    this.walk(tokens, frontMatter.bodyOffset, text.length);
    this.resolveReferences();
    const headings = this.assignHeadingIds();
    for (const { cell, tokens } of this.captions) cell.captionHtml = this.markdown.Parser.parseInline(tokens, this.markdown.defaults);
    const html = this.markdown.parser(tokens);

    if (this.errors.length) {
      const errors = [...this.errors].sort((a, b) => a.line - b.line || a.column - b.column);
      throw errors.length === 1 ? errors[0]! : new LocatedErrors(errors);
    }
    const h1 = headings.find((h) => h.level === 1);
    const title = frontMatter.data.title ?? h1?.text ?? fileTitle(this.path);
    const exercises = this.exercises.length ? { exercises: this.exercises } : {};
    return { path: this.path, frontMatter: frontMatter.data, title, html, headings, labels: [...this.labels.values()], cells: this.cells, ...exercises };
  }

  /** marked's tokens for the body; none when the body nests too deeply to lex (an error says where). */
  private lex(bodyOffset: number): Token[] {
    const text = this.lines.text;
    try {
      return this.markdown.lexer(text.slice(bodyOffset));
    } catch (error) {
      if (!(error instanceof NestingError)) throw error;
      this.errors.push(nestingError(error, this.lines, bodyOffset, this.path));
      return [];
    }
  }

  // ---- walking tokens in document order ------------------------------------------------------------

  /** Visits tokens that lie in text[from, limit); returns the offset after the last one found. */
  private walk(tokens: readonly Token[], from: number, limit: number): number {
    const text = this.lines.text;
    let cursor = from;
    tokens.forEach((token, index) => {
      const at = this.find(token.raw, cursor, limit);
      const verbatim = text.startsWith(token.raw, at);
      const innerLimit = verbatim ? at + token.raw.length : limit;
      const innerEnd = this.visit(token, at, innerLimit, tokens, index);
      cursor = verbatim ? at + token.raw.length : Math.max(cursor, innerEnd, at + firstLine(token.raw).length);
    });
    return cursor;
  }

  /**
   * Where `offset` in a token's raw text lies in the notebook, the token starting at `at`. Inside block
   * quotes and lists marked's raw lacks the container's markers, so the raw's lines are found one by one,
   * each on a later line of the notebook than the one before (at `at` when a line cannot be found).
   */
  private rawOffset(raw: string, at: number, offset: number): number {
    const text = this.lines.text;
    if (text.startsWith(raw, at)) return at + offset;
    let cursor = at;
    let lineStart = 0;
    for (const line of raw.split("\n")) {
      const found = text.indexOf(line, cursor);
      if (found === -1) return at;
      if (offset <= lineStart + line.length) return found + (offset - lineStart);
      lineStart += line.length + 1;
      const newline = text.indexOf("\n", found + line.length);
      if (newline === -1) return at;
      cursor = newline + 1;
    }
    return at;
  }

  /** Where a token's raw text starts: its first line, searched from the cursor (the cursor when absent). */
  private find(raw: string, cursor: number, limit: number): number {
    const needle = firstLine(raw);
    if (!needle) return cursor;
    const at = this.lines.text.indexOf(needle, cursor);
    return at === -1 || at + needle.length > limit ? cursor : at;
  }

  private visit(token: Token, at: number, limit: number, siblings: readonly Token[], index: number): number {
    switch (token.type) {
      case "code":
        this.visitCode(token as Tokens.Code & Annotations, at);
        return at;
      case "wbExpression":
        this.visitExpression(token as ExpressionToken, at);
        return at;
      case "wbMath":
        this.visitMath(token as MathToken, at);
        return at;
      case "wbReference":
        this.references.push({ token: token as ReferenceToken, position: this.lines.position(at) });
        return at;
      case "heading":
        this.headingTokens.push(token as Tokens.Heading & Annotations);
        return this.walk((token as Tokens.Heading).tokens, at, limit);
      case "list":
        return this.walk((token as Tokens.List).items, at, limit);
      case "table":
        return this.visitTable(token as Tokens.Table, at, limit);
      case "html":
        this.visitHtml(token as Tokens.HTML & Annotations, at);
        return at;
      case "link":
      case "image":
        this.visitLink(token as Tokens.Link | Tokens.Image, at);
        return "tokens" in token && Array.isArray(token.tokens) ? this.walk(token.tokens, at, limit) : at;
      case "wbContainer":
        this.visitContainer(token as ContainerToken, at);
        return at;
      case "paragraph":
        this.visitCaption(token as Tokens.Paragraph & Annotations, at, siblings, index);
        return this.walk((token as Tokens.Paragraph).tokens, at, limit);
      default:
        return "tokens" in token && Array.isArray(token.tokens) ? this.walk(token.tokens, at, limit) : at;
    }
  }

  private visitTable(token: Tokens.Table & Annotations, at: number, limit: number): number {
    const captionRow = this.visitCaptionRow(token, at);
    let cursor = at;
    for (const cell of token.header) cursor = this.walk(cell.tokens, cursor, limit);
    for (const row of token.rows) for (const cell of row) cursor = this.walk(cell.tokens, cursor, limit);
    if (captionRow) cursor = this.walk(captionRow, cursor, limit);
    return cursor;
  }

  private visitCode(token: Tokens.Code & Annotations, at: number): void {
    if (token.codeBlockStyle === "indented") {
      this.visitIndentedCode(token, at);
      return;
    }
    const fenceLine = firstLine(token.raw);
    const fenceAt = at + (/^[ \t]*/.exec(fenceLine)?.[0].length ?? 0);
    const fence = this.lines.position(fenceAt);
    const marker = /[`~]{3,}/.exec(fenceLine)?.[0] ?? "```";
    const info = parseFenceInfo(token.lang ?? "");

    if (!isClosed(token.raw, marker)) {
      this.error(diagnostic("fence-not-closed", { marker, lang: info.lang }), fence);
      return;
    }
    if (info.lang !== "js" && info.lang !== "ts") return;
    for (const problem of info.problems) this.error(problem, fence);
    if (!info.run) {
      if (info.label !== undefined) this.error(diagnostic("label-on-code", { marker, lang: info.lang }), fence);
      return;
    }

    const id = this.cellIds.take(fnv1a(token.text));
    const position = { line: fence.line + 1, column: fence.column };
    const cell: PendingCaption["cell"] = { id, kind: "block", lang: info.lang, sourceText: token.text, position, echo: info.echo, ...(info.browser ? { browser: true as const } : {}) };
    if (info.label !== undefined) {
      cell.label = info.label;
      const labelAt = this.lines.text.indexOf(`{`, fenceAt);
      this.defineLabel(info.label, labelAt === -1 ? fence : this.lines.position(labelAt));
    }
    if (info.caption !== undefined) {
      cell.caption = info.caption;
      const tokens = this.lexInline(info.caption);
      this.inCaption = true;
      this.walk(tokens, fenceAt, fenceAt + fenceLine.length);
      this.inCaption = false;
      this.captions.push({ cell, tokens });
    }
    token.wbCell = id;
    this.cells.push(cell);
  }

  /**
   * A ```js fence indented by a tab or four spaces is an indented code block to Markdown: the cell would
   * silently show as code with its fences. Each such fence line is reported (fences in the code skipped).
   */
  private visitIndentedCode(token: Tokens.Code, at: number): void {
    // marked strips the indentation from each line, so the text's lines are the raw's lines.
    const rawLines = token.raw.split("\n");
    let open: string | undefined;
    let lineStart = 0;
    token.text.split("\n").forEach((line, index) => {
      const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
      if (open) {
        if (fence && fence[1]![0] === open[0] && fence[1]!.length >= open.length && !fence[2]!.trim()) open = undefined;
      } else if (fence && !(fence[1]![0] === "`" && fence[2]!.includes("`"))) {
        open = fence[1]!;
        const { lang } = parseFenceInfo(fence[2]!);
        if (lang === "js" || lang === "ts") {
          const lineAt = this.rawOffset(token.raw, at, lineStart);
          const indent = /^[ \t]*/.exec(rawLines[index] ?? "")![0];
          const what = indent.includes("\t") ? "a tab" : `${indent.length} spaces`;
          this.error(diagnostic("fence-indented", { marker: fence[1]!, lang, indent: what }), this.lines.position(lineAt));
        }
      }
      lineStart += (rawLines[index] ?? "").length + 1;
    });
  }

  /** Problems found in author HTML (unsafe-html.ts), reported where `offset` in `raw` lies in the notebook. */
  private reportHtml(problems: readonly HtmlProblem[], raw: string, at: number, exact = true): void {
    for (const problem of problems) this.error(problem, this.lines.position(exact ? this.rawOffset(raw, at, problem.offset) : at));
  }

  /** A Markdown link or image, checked as the HTML marked makes of it (its entities are the browser's). */
  private visitLink(token: Tokens.Link | Tokens.Image, at: number): void {
    // Without a colon or an entity a URL has no scheme, and a link to a web page or address is fine:
    // most links need no rendering to be checked.
    const href = token.href;
    if (!/[:&]/.test(href) && !(token.type === "image" && /^[\s\x00-\x1f]*[/\\]{2}|\\/.test(href))) return;
    if (token.type === "link" && /^(?:https?:\/\/|mailto:)/i.test(href)) return;
    const html = this.markdown.Parser.parseInline([{ ...token, tokens: [] } as Token], this.markdown.defaults);
    this.reportHtml(unsafeHtml(html), html, at, false);
  }

  private visitExpression(token: ExpressionToken, at: number): void {
    if (token.problem) {
      this.error(token.problem, this.lines.position(at + token.problem.offset));
      return;
    }
    const position = this.lines.position(at + 2);
    if (this.inCaption) {
      this.error(diagnostic("caption-holds-inline"), position);
      return;
    }
    const id = this.cellIds.take(fnv1a(token.source));
    token.wbCell = id;
    this.cells.push({ id, kind: "inline", lang: "js", sourceText: token.source, position, echo: false });
  }

  /** `::: exercise` and its parts; see exercise.ts. */
  private visitContainer(token: ContainerToken, at: number): void {
    const exercise = visitContainer(token, at, (this.exerciseContext ??= this.exerciseHooks()), () => this.exercises.length + 1);
    if (exercise) this.exercises.push(exercise);
  }

  private lexInline(text: string): Token[] {
    return this.markdown.Lexer.lexInline(text, this.markdown.defaults);
  }

  private exerciseHooks(): ExerciseContext {
    return {
      lexInline: (text) => this.lexInline(text),
      text: this.lines.text,
      cells: this.cells,
      ids: new Map(),
      position: (offset) => this.lines.position(offset),
      error: (found, offset) => this.error(found, this.lines.position(offset)),
      find: (raw, cursor, limit) => this.find(raw, cursor, limit),
      walk: (tokens, from, limit) => this.walk(tokens, from, limit),
      expression: (token, offset) => {
        this.visitExpression(token, offset);
        return token.wbCell;
      },
      errorCount: () => this.errors.length,
    };
  }

  private visitHtml(token: Tokens.HTML & Annotations, at: number): void {
    this.reportHtml(unsafeHtml(token.raw), token.raw, at);
    for (const fence of token.block ? fencesInHtml(token.raw) : []) {
      const [, marker, lang] = /^([`~]+)[ \t]*([^\s{]*)/.exec(token.raw.slice(fence))!;
      this.error(diagnostic("fence-in-html", { marker: marker!, lang: lang!.toLowerCase() }), this.lines.position(this.rawOffset(token.raw, at, fence)));
    }
    const parts = splitHtml(token.raw);
    if (parts.length === 1 && parts[0]!.kind === "html") return;
    const offset = (part: { offset: number }) => this.rawOffset(token.raw, at, part.offset);
    let html = "";
    for (const part of parts) {
      if (part.kind === "html") html += part.text;
      else if (part.kind === "in-tag") {
        this.error(diagnostic("inline-in-tag"), this.lines.position(offset(part)));
      } else {
        this.visitExpression(part.token, offset(part));
        html += part.token.wbCell === undefined ? part.token.raw : `<!--wb:inline:${part.token.wbCell}-->`;
      }
    }
    token.wbHtml = html;
  }

  private visitMath(token: MathToken, at: number): void {
    const result = renderMath(token.tex, token.display);
    if ("html" in result) token.wbHtml = result.html;
    else this.error(result.problem, this.lines.position(at + token.texOffset + result.offset));
    if (token.label === undefined) return;
    const labelAt = at + token.raw.lastIndexOf("{#");
    if (!/^eq-[\w-]*\w$/.test(token.label)) {
      this.error(diagnostic("equation-label-name", { name: token.label }), this.lines.position(labelAt));
      return;
    }
    token.wbNumber = this.defineLabel(token.label, this.lines.position(labelAt));
  }

  /** A paragraph `: Caption {#tbl-name}` right after a table is that table's caption. */
  private visitCaption(token: Tokens.Paragraph & Annotations, at: number, siblings: readonly Token[], index: number): void {
    const match = TABLE_CAPTION.exec(token.text);
    if (!match) return;
    let previous = index - 1;
    while (siblings[previous]?.type === "space") previous--;
    const table = siblings[previous];
    if (table?.type !== "table") return;
    const tableToken = table as Tokens.Table & Annotations;
    if (tableToken.wbCaption) return; // it has one already, from a row; this paragraph is prose
    tableToken.wbCaption = this.caption(token.tokens, match[2], at + token.raw.lastIndexOf("{#"));
    token.wbSkip = true;
  }

  /** GFM continues a table until a blank line, so a caption line right under it arrives as its last row. */
  private visitCaptionRow(token: Tokens.Table & Annotations, at: number): Token[] | undefined {
    const last = token.rows.at(-1);
    const match = last && last.slice(1).every((cell) => !cell.text.trim()) ? TABLE_CAPTION.exec(last[0]!.text) : null;
    if (!match || !last) return undefined;
    token.rows.pop();
    const labelAt = this.lines.text.indexOf("{#", at + token.raw.lastIndexOf("\n:"));
    token.wbCaption = this.caption(last[0]!.tokens, match[2], labelAt);
    return last[0]!.tokens;
  }

  private caption(tokens: Token[], name: string | undefined, labelAt: number): NonNullable<Annotations["wbCaption"]> {
    const caption: NonNullable<Annotations["wbCaption"]> = { tokens: stripCaptionMarkers(tokens) };
    if (name === undefined) return caption;
    const position = this.lines.position(labelAt);
    if (!/^tbl-[\w-]*\w$/.test(name)) {
      this.error(diagnostic("table-label-name", { name }), position);
      return caption;
    }
    caption.label = name;
    caption.number = this.defineLabel(name, position);
    return caption;
  }

  // ---- labels, references, headings -------------------------------------------------------------------

  /** Records a label and returns its number (0 when it is a duplicate, which is an error). */
  private defineLabel(name: string, position: SourcePosition): number {
    const kind = name.slice(0, name.indexOf("-")) as LabelKind;
    const existing = this.labels.get(name);
    if (existing) {
      this.error(diagnostic("label-defined-twice", { name, at: this.where(existing.position) }), position);
      return 0;
    }
    const number = ++this.counts[kind];
    this.labels.set(name, { name, kind, number, position });
    return number;
  }

  private resolveReferences(): void {
    for (const { token, position } of this.references) {
      const label = this.labels.get(token.name);
      if (label) {
        token.wbHtml = `<a class="wb-ref" href="#${token.name}">${KIND_NOUN[label.kind]} ${label.number}</a>`;
        continue;
      }
      const kind = token.name.slice(0, token.name.indexOf("-")) as LabelKind;
      const known = [...this.labels.values()].filter((l) => l.kind === kind).map((l) => l.name);
      const name = token.name;
      this.error(known.length ? diagnostic("reference-not-found", { name, noun: KIND_NOUN[kind].toLowerCase(), known: known.join(", ") }) : diagnostic(NO_LABELS[kind], { name }), position);
    }
  }

  private assignHeadingIds(): Heading[] {
    // Label and exercise anchors (#eq-…, #fig-…, #ex-…) are taken first, so a heading never steals one.
    const ids = new UniqueIds([...this.labels.keys(), ...this.exercises.map((e) => exerciseAnchor(e.id))]);
    return this.headingTokens.map((token) => {
      const text = plainText(token.tokens, this.labels);
      token.wbId = ids.take(slugify(text));
      return { level: token.depth, id: token.wbId, text };
    });
  }

  // ---- errors ---------------------------------------------------------------------------------------------

  private where(position: SourcePosition): string {
    return `${this.path}:${position.line}:${position.column}`;
  }

  private error(found: Diagnostic, position: SourcePosition): void {
    this.errors.push(locatedError(found, { file: this.path, lines: this.lines, position }));
  }
}

/** marked runs an unclosed fence to the end of its container; a closed one ends with a matching fence. */
function isClosed(raw: string, marker: string): boolean {
  const lines = raw.replace(/\n+$/, "").split("\n");
  if (lines.length < 2) return false;
  const last = lines.at(-1)!.trim();
  return last.length >= marker.length && [...last].every((c) => c === marker[0]);
}

/** The caption's inline tokens without the leading `: ` and the trailing `{#tbl-name}`. */
function stripCaptionMarkers(tokens: Token[]): Token[] {
  const out = [...tokens];
  const first = out[0];
  if (first?.type === "text") out[0] = { ...first, raw: first.raw.replace(/^:[ \t]+/, ""), text: first.text.replace(/^:[ \t]+/, "") } as Token;
  const lastIndex = out.length - 1;
  const last = out[lastIndex];
  if (last?.type === "text") {
    const strip = (s: string) => s.replace(/[ \t]*\{#[^}\s]*\}[ \t]*$/, "");
    out[lastIndex] = { ...last, raw: strip(last.raw), text: strip(last.text) } as Token;
  }
  return out;
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** A heading's text for the table of contents: no markup, math as TeX, references as "Figure 2". */
function plainText(tokens: readonly Token[], labels: ReadonlyMap<string, Label>): string {
  let out = "";
  for (const token of tokens) {
    if (token.type === "wbMath") out += (token as MathToken).tex.trim();
    else if (token.type === "wbExpression") out += `\${${(token as ExpressionToken).source}}`;
    else if (token.type === "wbReference") {
      const label = labels.get((token as ReferenceToken).name);
      out += label ? `${KIND_NOUN[label.kind]} ${label.number}` : token.raw;
    } else if (token.type === "html") continue;
    else if ("tokens" in token && Array.isArray(token.tokens) && token.tokens.length) out += plainText(token.tokens, labels);
    else if ("text" in token && typeof token.text === "string") out += token.text;
  }
  return out.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!).replace(/\s+/g, " ").trim();
}

/** "chapters/energy-ceiling.md" → "energy-ceiling". */
function fileTitle(path: string): string {
  return (path.split("/").pop() ?? path).replace(/\.md$/i, "");
}
