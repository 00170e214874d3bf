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
import { parseUnit } from "../exercise/units.ts";
import type { ContainerToken } from "./container.ts";
import { renderExercise, type ExerciseView } from "./exercise-html.ts";
import { slugify } from "./ids.ts";
import { type ExpressionToken, tokenizeExpression } from "./markdown.ts";
import type { ParsedCell, ParsedExercise, SourcePosition } from "./types.ts";

/** What the exercise parser needs from the notebook parser. */
export interface ExerciseContext {
  readonly text: string;
  position(offset: number): SourcePosition;
  error(reason: string, offset: number, hint?: string): void;
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

const SYNTAX_HINT = "an exercise holds a prompt, one ::: answer KIND, optional ::: hint blocks and an optional ::: solution, each closed by a line of :::";
const KINDS_TEXT = ANSWER_KINDS.join(", ");
const FIELDS: Record<string, readonly string[]> = {
  number: ["correct", "tolerance"],
  choice: ["correct"],
  choices: ["correct"],
  order: ["correct"],
  classify: ["correct", "categories"],
  text: ["correct", "accept"],
};

/** A container the walk met: an exercise, or one of its parts out of place. */
export function visitContainer(token: ContainerToken, at: number, ctx: ExerciseContext, count: () => number): ParsedExercise | undefined {
  if (!token.closed) {
    ctx.error(`this ::: ${token.name} is never closed, so everything after it became part of it`, at, "add a line of ::: where it ends");
    return undefined;
  }
  if (token.name === "exercise") return parseExercise(token, at, ctx, count());
  if (!token.name) ctx.error("this ::: closes nothing: no container is open here", at, "remove it, or open a container above it with ::: exercise");
  else if (["answer", "hint", "solution"].includes(token.name)) ctx.error(`::: ${token.name} belongs inside a ::: exercise`, at, SYNTAX_HINT);
  else ctx.error(`unknown container ::: ${token.name}`, at, "wattbook knows ::: exercise (with ::: answer, ::: hint and ::: solution inside)");
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
      ctx.error(`this ::: ${part.name} is never closed`, childAt, "add a line of ::: where it ends, before the exercise's own closing :::");
      continue;
    }
    if (part.name !== "answer" && part.info) ctx.error(`::: ${part.name} takes nothing after its name (found "${part.info}")`, childAt + part.infoOffset, `put "${part.info}" on the next line, inside the ::: ${part.name}`);
    const inner = childAt + part.bodyOffset;
    switch (part.name) {
      case "answer":
        if (answer) {
          ctx.error("an exercise has one ::: answer; this is a second", childAt, SYNTAX_HINT);
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
          ctx.error("an exercise has at most one ::: solution; this is a second", childAt, SYNTAX_HINT);
          break;
        }
        const before = ctx.cells.length;
        ctx.walk(part.tokens, inner, childAt + part.raw.length);
        solutionCells = ctx.cells.slice(before).filter((cell) => cell.kind === "block").map((cell) => cell.id);
        view.solution = part.tokens;
        break;
      }
      case "exercise":
        ctx.error("exercises cannot nest: close the first with ::: before starting the next", childAt, SYNTAX_HINT);
        break;
      default:
        ctx.error(part.name ? `unknown part ::: ${part.name} in an exercise` : "this ::: closes nothing", childAt, SYNTAX_HINT);
    }
  }
  if (!answer && ctx.errorCount() === errorsBefore) ctx.error("this exercise has no ::: answer, so nothing can be checked", at, `add one inside it, e.g. "::: answer number", "correct: \${x} kWh", ":::"`);
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
    if (!/^[A-Za-z][\w-]*$/.test(idMatch[1]!)) ctx.error(`the exercise id #${idMatch[1]} should start with a letter and continue with letters, digits, - or _`, idAt, "rename it, e.g. {#ex-pue}");
    else id = idMatch[1]!;
  }
  id ??= title ? slugify(title.replace(/\$\{[^}]*\}/g, "")) : `exercise-${number}`;
  const seen = ctx.ids.get(id);
  if (seen) ctx.error(`the exercise id ${id} is taken by the exercise at line ${seen.line}`, at, "give one of them its own {#id}: learners' progress is kept under it");
  else ctx.ids.set(id, ctx.position(at));
  if (!title) return { id };
  const titleAt = at + token.infoOffset;
  if (title.includes("${")) {
    ctx.error("an exercise title cannot hold a ${…} expression", titleAt + title.indexOf("${"), "put live values in the prompt below the title");
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
    ctx.error(`::: answer needs a kind: ${KINDS_TEXT}`, at, "e.g. ::: answer number");
    return undefined;
  }
  if (!(ANSWER_KINDS as readonly string[]).includes(kind)) {
    ctx.error(`unknown answer kind "${kind}"; the kinds are ${KINDS_TEXT}`, kindAt, 'write one of them after "::: answer", e.g. "::: answer number"');
    return undefined;
  }
  const body = readAnswerBody(part.body, at + part.bodyOffset, ctx);
  if (!body) return undefined;
  const { fields, options, ordered } = body;
  for (const [name, field] of fields) {
    if (!FIELDS[kind]!.includes(name)) ctx.error(`a ${kind} answer takes ${FIELDS[kind]!.map((f) => `${f}:`).join(", ")}; not ${name}:`, field.line);
  }
  const correct = fields.get("correct");
  if (!correct) {
    ctx.error(`this ${kind} answer has no correct: line`, at, kind === "number" ? 'e.g. "correct: ${energyMWh} MWh"' : kind === "text" ? 'e.g. "correct: MLPerf Tiny"' : 'e.g. "correct: b"');
    return undefined;
  }
  const needsOptions = kind === "choice" || kind === "choices" || kind === "order" || kind === "classify";
  if (needsOptions && options.length < (kind === "classify" ? 1 : 2)) {
    ctx.error(`a ${kind} answer lists its ${kind === "order" || kind === "classify" ? "items" : "options"} as a Markdown list (- … or 1. …), ${kind === "classify" ? "at least one" : "at least two"}`, at, "put one - line per option inside the ::: answer, before correct:");
    return undefined;
  }
  if (!needsOptions && options.length) {
    ctx.error(`a ${kind} answer has no options; this line is one`, options[0]!.at, "remove the list, or change the answer's kind");
    return undefined;
  }
  for (const option of options) option.label = ordered ? String(options.indexOf(option) + 1) : String.fromCharCode(97 + options.indexOf(option));
  if (options.length > 26 && !ordered) ctx.error("more than 26 options: number them (1. …) instead", options[26]!.at, "write the list as 1. … 2. …, and correct: as numbers");

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
          ctx.error(`correct: ${number.problem}`, correct.at, 'write a number and its unit ("1918.9 MWh") or an expression ("${energyMWh} MWh")');
          return undefined;
        }
        written = number.value;
        unit = correct.value.slice(number.length).trim();
      }
      const parsedUnit = parseUnit(unit, { counted: true });
      if (!parsedUnit.ok) {
        ctx.error(`correct: ${parsedUnit.problem}`, correct.at + correct.value.lastIndexOf(unit), "units are symbols such as kWh, MW, t, L, GB, $, days, %, × and their quotients (g/kWh)");
        return undefined;
      }
      const toleranceField = fields.get("tolerance");
      let tolerance: Tolerance = DEFAULT_TOLERANCE;
      if (toleranceField) {
        const read = parseTolerance(toleranceField.value, unit);
        if (!read.ok) {
          ctx.error(`tolerance: ${read.problem}`, toleranceField.at, 'a percentage ("2%") or an amount in the answer\'s unit ("0.5 MWh")');
          return undefined;
        }
        tolerance = read.tolerance;
      }
      spec = { kind: "number", unit, tolerance };
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
        ctx.error("a classify answer needs a categories: line", at, 'e.g. "categories: Scope 1, Scope 2, Scope 3"');
        return undefined;
      }
      const names = categories.value.split(",").map((s) => s.trim()).filter(Boolean);
      if (names.length < 2) {
        ctx.error("a classification needs at least two categories, separated by commas", categories.at, 'e.g. "categories: Scope 1, Scope 2, Scope 3"');
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
    if (kind !== "number" && after) ctx.error(`nothing may follow the \${…} after correct: in a ${kind} answer (found "${after}")`, correct.at + expression.raw.length, "remove it: only a number answer takes a unit after the ${…}");
    const cell = ctx.expression(expression, correct.at);
    return cell === undefined ? undefined : { spec, cell, correctPosition, view };
  }
  if (!after) {
    ctx.error("correct: is empty", correct.at);
    return undefined;
  }
  const key = answerKey(spec, written);
  if (!key.ok) {
    ctx.error(`correct: ${key.problem}`, correct.at);
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
        ctx.error("an answer's options are either all bulleted (- …) or all numbered (1. …)", lineAt);
        ok = false;
      }
      ordered = isOrdered;
      if (/^\[[ xX]\]\s/.test(item[4]!)) {
        ctx.error("options are not ticked in place; name the right ones on a correct: line", lineAt + item[0].length - item[4]!.length, 'e.g. "correct: b" or, for several, "correct: a, c"');
        ok = false;
      }
      options.push({ label: "", text: item[4]!.trimEnd(), at: lineAt + item[0].length - item[4]!.length });
      continue;
    }
    const field = /^\s*([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (field && !/^\s/.test(line)) {
      const name = field[1]!.toLowerCase();
      if (!["correct", "tolerance", "categories", "accept"].includes(name)) {
        ctx.error(`unknown answer field ${field[1]}:`, lineAt, "an answer takes correct:, and tolerance: (number), categories: (classify) or accept: (text)");
        ok = false;
        continue;
      }
      if (fields.has(name)) {
        ctx.error(`${name}: is given twice`, lineAt);
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
    ctx.error("this line of a ::: answer is neither a field (correct: …) nor an option (- … or 1. …)", lineAt, "prompt text goes above the ::: answer block, inside the exercise");
    ok = false;
  }
  return ok ? { fields, options, ordered: ordered ?? false } : undefined;
}

function inline(text: string, at: number, ctx: ExerciseContext): Token[] {
  const tokens = ctx.lexInline(text);
  ctx.walk(tokens, at, at + text.length);
  return tokens;
}
