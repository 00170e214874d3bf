// `::: exercise` containers → exercises: a prompt (Markdown with inline values and cells), one
// `::: answer KIND` whose body is data (options, `correct:`, `tolerance:`, …), `::: hint`s shown one at a
// time, and a `::: solution` of prose and live cells. A `${…}` after `correct:` becomes a hidden inline
// cell, so the correct answer follows the reader's inputs. Everything wrong is a located error.
import type { Token } from "marked";
import { DEFAULT_TOLERANCE, parseTolerance, type Tolerance } from "../exercise/tolerance.ts";
import { answerKey } from "../exercise/key.ts";
import { readNumber } from "../exercise/number.ts";
import type { AnswerSpec } from "../exercise/spec.ts";
import { ANSWER_KINDS } from "../exercise/spec.ts";
import { parseQuantity } from "../exercise/quantity.ts";
import { parseUnit, sameDimension } from "../exercise/units.ts";
import type { ContainerToken } from "./container.ts";
import { renderExercise, type ExerciseView } from "./exercise-html.ts";
import { slugify } from "./ids.ts";
import { type ExpressionToken, tokenizeExpression } from "./markdown.ts";
import { type Diagnostic, diagnostic } from "./messages.ts";
import type { ParsedCell, ParsedExercise, SourcePosition } from "./types.ts";

/** What the exercise parser needs from the notebook parser. */
export interface ExerciseContext {
  readonly text: string;
  position(offset: number): SourcePosition;
  error(found: Diagnostic, offset: number): void;
  /** Where a token's raw text starts, searching from `cursor`. */
  find(raw: string, cursor: number, limit: number): number;
  /** Visits Markdown tokens (creating their cells); returns the offset after the last one. */
  walk(tokens: Token[], from: number, limit: number): number;
  /** Makes an inline cell of a `${…}` found at `offset`; undefined when the expression is broken. */
  expression(token: ExpressionToken, offset: number): string | undefined;
  /** Cells made so far, in document order. */
  readonly cells: readonly ParsedCell[];
  /** Exercise ids taken on this page, with where. */
  readonly ids: Map<string, SourcePosition>;
  /** Errors reported so far on the page: an exercise with errors of its own is left out. */
  errorCount(): number;
  /** Inline Markdown tokens of `text`, lexed with the parse's own Markdown instance. */
  lexInline(text: string): Token[];
}

const KINDS_TEXT = ANSWER_KINDS.join(", ");
const FIELDS: Record<string, readonly string[]> = {
  number: ["correct", "tolerance", "over"],
  choice: ["correct"],
  choices: ["correct"],
  order: ["correct"],
  classify: ["correct", "categories"],
  text: ["correct", "accept"],
};

/** A container the walk met: an exercise, or one of its parts out of place. */
export function visitContainer(token: ContainerToken, at: number, ctx: ExerciseContext, count: () => number): ParsedExercise | undefined {
  if (!token.closed) {
    ctx.error(diagnostic("container-not-closed", { name: token.name }), at);
    return undefined;
  }
  if (token.name === "exercise") return parseExercise(token, at, ctx, count());
  if (!token.name) ctx.error(diagnostic("container-closes-nothing"), at);
  else if (["answer", "hint", "solution"].includes(token.name)) ctx.error(diagnostic("exercise-part-outside", { name: token.name }), at);
  else ctx.error(diagnostic("container-unknown", { name: token.name }), at);
  return undefined;
}

function parseExercise(token: ContainerToken, at: number, ctx: ExerciseContext, number: number): ParsedExercise | undefined {
  const errorsBefore = ctx.errorCount();
  const header = parseHeader(token, at, ctx, number);
  const view: ExerciseView = { id: header.id, title: header.titleTokens, prompt: [], hints: [], kind: "number" };
  token.wbRender = (parser) => renderExercise(view, parser);

  const bodyStart = at + token.bodyOffset;
  const limit = at + token.raw.length;
  let cursor = bodyStart;
  let answer: ParsedAnswer | undefined;
  let solutionCells: string[] | undefined;
  for (const child of token.tokens) {
    const childAt = ctx.find(child.raw, cursor, limit);
    if (child.type !== "wbContainer") {
      cursor = Math.max(cursor, ctx.walk([child], cursor, limit));
      view.prompt.push(child);
      continue;
    }
    const part = child as ContainerToken;
    cursor = childAt + part.raw.length;
    if (!part.closed) {
      ctx.error(diagnostic("exercise-part-not-closed", { name: part.name }), childAt);
      continue;
    }
    if (part.name !== "answer" && part.info) ctx.error(diagnostic("exercise-part-takes-nothing", { name: part.name, info: part.info }), childAt + part.infoOffset);
    const inner = childAt + part.bodyOffset;
    switch (part.name) {
      case "answer":
        if (answer) {
          ctx.error(diagnostic("exercise-second-answer"), childAt);
          break;
        }
        answer = parseAnswer(part, childAt, ctx);
        if (answer) Object.assign(view, answer.view);
        break;
      case "hint":
        ctx.walk(part.tokens, inner, childAt + part.raw.length);
        view.hints.push(part.tokens);
        break;
      case "solution": {
        if (view.solution) {
          ctx.error(diagnostic("exercise-second-solution"), childAt);
          break;
        }
        const before = ctx.cells.length;
        ctx.walk(part.tokens, inner, childAt + part.raw.length);
        solutionCells = ctx.cells.slice(before).filter((cell) => cell.kind === "block").map((cell) => cell.id);
        view.solution = part.tokens;
        break;
      }
      case "exercise":
        ctx.error(diagnostic("exercise-nested"), childAt);
        break;
      default:
        ctx.error(part.name ? diagnostic("exercise-unknown-part", { name: part.name }) : diagnostic("exercise-part-closes-nothing"), childAt);
    }
  }
  if (!answer && ctx.errorCount() === errorsBefore) ctx.error(diagnostic("exercise-no-answer"), at);
  if (!answer || ctx.errorCount() > errorsBefore) return undefined;
  return {
    id: header.id,
    ...(header.title !== undefined ? { title: header.title } : {}),
    position: ctx.position(at),
    correctPosition: answer.correctPosition,
    answer: answer.spec,
    ...(answer.cell !== undefined ? { answerCell: answer.cell } : { correct: answer.correct }),
    solutionCells: solutionCells ?? [],
    hints: view.hints.length,
  };
}

interface Header {
  id: string;
  title?: string;
  titleTokens?: Token[];
}

/** `::: exercise Checkpoint 1.1: the grid draw {#cp11-energy}`: a title (Markdown, no ${…}) and an id. */
function parseHeader(token: ContainerToken, at: number, ctx: ExerciseContext, number: number): Header {
  let title = token.info;
  let id: string | undefined;
  const idMatch = /\{#([^}\s]*)\}\s*$/.exec(title);
  if (idMatch) {
    const idAt = at + token.infoOffset + idMatch.index;
    title = title.slice(0, idMatch.index).trim();
    if (!/^[A-Za-z][\w-]*$/.test(idMatch[1]!)) ctx.error(diagnostic("exercise-id-name", { id: idMatch[1]! }), idAt);
    else id = idMatch[1]!;
  }
  id ??= title ? slugify(title.replace(/\$\{[^}]*\}/g, "")) : `exercise-${number}`;
  const seen = ctx.ids.get(id);
  if (seen) ctx.error(diagnostic("exercise-id-taken", { id, line: seen.line }), at);
  else ctx.ids.set(id, ctx.position(at));
  if (!title) return { id };
  const titleAt = at + token.infoOffset;
  if (title.includes("${")) {
    ctx.error(diagnostic("exercise-title-holds-inline"), titleAt + title.indexOf("${"));
    return { id, title };
  }
  const titleTokens = ctx.lexInline(title);
  ctx.walk(titleTokens, titleAt, titleAt + title.length);
  return { id, title, titleTokens };
}

// ---- the answer --------------------------------------------------------------------------------------

interface ParsedAnswer {
  spec: AnswerSpec;
  cell?: string;
  correct?: unknown;
  correctPosition: SourcePosition;
  view: Partial<ExerciseView>;
}

interface Field {
  value: string;
  /** Offset of the value in the source. */
  at: number;
  /** Offset of the line. */
  line: number;
}

interface Option {
  label: string;
  text: string;
  at: number;
}

function parseAnswer(part: ContainerToken, at: number, ctx: ExerciseContext): ParsedAnswer | undefined {
  const kindAt = at + part.infoOffset;
  const kind = part.info.trim();
  if (!kind) {
    ctx.error(diagnostic("exercise-answer-without-kind", { kinds: KINDS_TEXT }), at);
    return undefined;
  }
  if (!(ANSWER_KINDS as readonly string[]).includes(kind)) {
    ctx.error(diagnostic("exercise-unknown-answer-kind", { kind, kinds: KINDS_TEXT }), kindAt);
    return undefined;
  }
  const body = readAnswerBody(part.body, at + part.bodyOffset, ctx);
  if (!body) return undefined;
  const { fields, options, ordered } = body;
  for (const [name, field] of fields) {
    if (!FIELDS[kind]!.includes(name)) ctx.error(diagnostic("exercise-field-not-for-kind", { kind, fields: FIELDS[kind]!.map((f) => `${f}:`).join(", "), field: name }), field.line);
  }
  const correct = fields.get("correct");
  if (!correct) {
    ctx.error(kind === "number" ? diagnostic("exercise-number-without-correct") : kind === "text" ? diagnostic("exercise-text-without-correct") : diagnostic("exercise-without-correct", { kind }), at);
    return undefined;
  }
  const needsOptions = kind === "choice" || kind === "choices" || kind === "order" || kind === "classify";
  if (needsOptions && options.length < (kind === "classify" ? 1 : 2)) {
    ctx.error(kind === "classify" ? diagnostic("exercise-classify-without-items") : kind === "order" ? diagnostic("exercise-too-few-items") : diagnostic("exercise-too-few-options", { kind }), at);
    return undefined;
  }
  if (!needsOptions && options.length) {
    ctx.error(diagnostic("exercise-options-not-allowed", { kind }), options[0]!.at);
    return undefined;
  }
  for (const option of options) option.label = ordered ? String(options.indexOf(option) + 1) : String.fromCharCode(97 + options.indexOf(option));
  if (options.length > 26 && !ordered) ctx.error(diagnostic("exercise-too-many-options"), options[26]!.at);

  const labels = options.map((o) => o.label);
  const view: Partial<ExerciseView> = { kind: kind as AnswerSpec["kind"], options: options.map((o) => ({ label: o.label, tokens: inline(o.text, o.at, ctx) })) };
  const correctPosition = ctx.position(correct.at);
  const expression = correct.value.startsWith("${") ? tokenizeExpression(correct.value) : undefined;
  if (expression?.problem) {
    ctx.expression(expression, correct.at);
    return undefined;
  }
  const after = expression ? correct.value.slice(expression.raw.length).trim() : correct.value;

  let spec: AnswerSpec;
  let written: unknown;
  switch (kind) {
    case "number": {
      let unit = after;
      if (!expression) {
        const number = readNumber(correct.value);
        if (!number.ok) {
          ctx.error(diagnostic("exercise-correct-not-a-number", { problem: number.problem }), correct.at);
          return undefined;
        }
        written = number.value;
        unit = correct.value.slice(number.length).trim();
      }
      const parsedUnit = parseUnit(unit, { counted: true });
      if (!parsedUnit.ok) {
        ctx.error(diagnostic("exercise-unknown-unit", { problem: parsedUnit.problem }), correct.at + correct.value.lastIndexOf(unit));
        return undefined;
      }
      const toleranceField = fields.get("tolerance");
      let tolerance: Tolerance = DEFAULT_TOLERANCE;
      if (toleranceField) {
        const read = parseTolerance(toleranceField.value, unit);
        if (!read.ok) {
          ctx.error(diagnostic("exercise-tolerance-invalid", { problem: read.problem }), toleranceField.at);
          return undefined;
        }
        tolerance = read.tolerance;
      }
      const overField = fields.get("over");
      let over: { seconds: number; text: string } | undefined;
      if (overField) {
        const read = parseQuantity(overField.value);
        if (!read.ok || !sameDimension(read.dimension, { s: 1 }) || !(read.value > 0)) {
          ctx.error(diagnostic("exercise-period-invalid", { problem: read.ok ? `"${overField.value}" is not a length of time` : read.problem }), overField.at);
          return undefined;
        }
        over = { seconds: read.value, text: overField.value.trim() };
      }
      spec = { kind: "number", unit, tolerance, ...(over ? { over } : {}) };
      break;
    }
    case "choice":
    case "choices":
      spec = { kind, options: labels };
      if (!expression) written = kind === "choice" ? after : after.split(",").map((s) => s.trim());
      break;
    case "order":
      spec = { kind, items: labels };
      if (!expression) written = after.split(",").map((s) => s.trim());
      break;
    case "classify": {
      const categories = fields.get("categories");
      if (!categories) {
        ctx.error(diagnostic("exercise-classify-without-categories"), at);
        return undefined;
      }
      const names = categories.value.split(",").map((s) => s.trim()).filter(Boolean);
      if (names.length < 2) {
        ctx.error(diagnostic("exercise-too-few-categories"), categories.at);
        return undefined;
      }
      spec = { kind, items: labels, categories: names };
      view.categories = names;
      if (!expression) written = after.split(",").map((s) => s.trim());
      break;
    }
    default: {
      const accept = fields.get("accept")?.value.split(",").map((s) => s.trim()).filter(Boolean) ?? [];
      spec = { kind: "text", accept };
      if (!expression) written = after;
    }
  }

  if (expression) {
    if (kind !== "number" && after) ctx.error(diagnostic("exercise-text-after-expression", { kind, after }), correct.at + expression.raw.length);
    const cell = ctx.expression(expression, correct.at);
    return cell === undefined ? undefined : { spec, cell, correctPosition, view };
  }
  if (!after) {
    ctx.error(diagnostic("exercise-correct-empty"), correct.at);
    return undefined;
  }
  const key = answerKey(spec, written);
  if (!key.ok) {
    ctx.error(diagnostic("exercise-correct-invalid", { problem: key.problem }), correct.at);
    return undefined;
  }
  return { spec, correct: written, correctPosition, view };
}

/** Fields (`name: value`) and options (a Markdown list) of an answer body, with their offsets. */
function readAnswerBody(body: string, bodyAt: number, ctx: ExerciseContext): { fields: Map<string, Field>; options: Option[]; ordered: boolean } | undefined {
  const fields = new Map<string, Field>();
  const options: Option[] = [];
  let ordered: boolean | undefined;
  let ok = true;
  let offset = 0;
  for (const line of body.split("\n")) {
    const lineAt = bodyAt + offset;
    offset += line.length + 1;
    if (!line.trim()) continue;
    const item = /^(\s*)(?:([-*+])|(\d+)[.)])\s+(.*)$/.exec(line);
    if (item) {
      const isOrdered = item[3] !== undefined;
      if (ordered !== undefined && ordered !== isOrdered) {
        ctx.error(diagnostic("exercise-options-mixed"), lineAt);
        ok = false;
      }
      ordered = isOrdered;
      if (/^\[[ xX]\]\s/.test(item[4]!)) {
        ctx.error(diagnostic("exercise-option-ticked"), lineAt + item[0].length - item[4]!.length);
        ok = false;
      }
      options.push({ label: "", text: item[4]!.trimEnd(), at: lineAt + item[0].length - item[4]!.length });
      continue;
    }
    const field = /^\s*([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (field && !/^\s/.test(line)) {
      const name = field[1]!.toLowerCase();
      if (!["correct", "tolerance", "over", "categories", "accept"].includes(name)) {
        ctx.error(diagnostic("exercise-unknown-field", { field: field[1]! }), lineAt);
        ok = false;
        continue;
      }
      if (fields.has(name)) {
        ctx.error(diagnostic("exercise-field-twice", { field: name }), lineAt);
        ok = false;
        continue;
      }
      fields.set(name, { value: field[2]!, at: lineAt + line.indexOf(field[2]!, line.indexOf(":") + 1), line: lineAt });
      continue;
    }
    const last = options.at(-1);
    if (/^\s+\S/.test(line) && last) {
      // An option that goes on over several lines.
      last.text += ` ${line.trim()}`;
      continue;
    }
    ctx.error(diagnostic("exercise-answer-line-unreadable"), lineAt);
    ok = false;
  }
  return ok ? { fields, options, ordered: ordered ?? false } : undefined;
}

function inline(text: string, at: number, ctx: ExerciseContext): Token[] {
  const tokens = ctx.lexInline(text);
  ctx.walk(tokens, at, at + text.length);
  return tokens;
}
