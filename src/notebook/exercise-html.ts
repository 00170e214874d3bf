// An exercise as prerendered HTML. Without JavaScript it reads as a question: the prompt, the options,
// the hints and the solution behind <details>. The page's exercise code (runtime/exercise.ts) enables
// the form, checks answers, reveals hints one at a time and fills in the answer as the inputs move. The
// controls are in the HTML from the start, disabled, so nothing moves when the page goes live.
import type { Token } from "marked";
import type { AnswerKind } from "../exercise/spec.ts";
import { escapeHtml } from "../text/escape-html.ts";
import { EXERCISE_CLASS as C, EXERCISE_DATA as D } from "../exercise/markup.ts";

export interface ExerciseView {
  id: string;
  title?: Token[];
  prompt: Token[];
  kind: AnswerKind;
  options?: { label: string; tokens: Token[] }[];
  categories?: string[];
  hints: Token[][];
  solution?: Token[];
}

interface Parser {
  parse(tokens: Token[]): string;
  parseInline(tokens: Token[]): string;
}

/** The element id of an exercise: `ex-` before the author's id, so it never takes a heading's anchor. */
export function exerciseAnchor(id: string): string {
  return `ex-${id}`;
}

export function renderExercise(view: ExerciseView, parser: Parser): string {
  const id = escapeHtml(view.id);
  const anchor = escapeHtml(exerciseAnchor(view.id));
  const title = view.title ? parser.parseInline(view.title) : "Exercise";
  const hints = view.hints.length
    ? `<details class="${C.hints}"><summary>Hints</summary>\n<ol>${view.hints.map((hint) => `<li class="${C.hintText}">${parser.parse(hint)}</li>`).join("\n")}</ol></details>\n`
    : "";
  const solution = `<details class="${C.solution}"><summary>${view.solution ? "Solution" : "Answer"}</summary>\n<p class="wb-exercise-answer">Answer: <!--wb:answer:${view.id}--></p>\n${view.solution ? parser.parse(view.solution) : ""}</details>\n`;
  return (
    `<section class="${C.exercise}" id="${anchor}" ${D.exercise}="${id}" ${D.kind}="${view.kind}" aria-labelledby="${anchor}-title">\n` +
    `<header class="wb-exercise-head"><span class="wb-exercise-title" id="${anchor}-title">${title}</span><span class="${C.status}"></span></header>\n` +
    `<div class="wb-exercise-prompt">\n${parser.parse(view.prompt)}</div>\n` +
    `<form class="${C.form}" novalidate>\n${controls(view, parser)}<div class="wb-exercise-actions"><button type="submit" class="wb-exercise-check" disabled>Check</button>${view.hints.length ? `<button type="button" class="${C.moreHints}" disabled>Hint</button>` : ""}</div>\n</form>\n` +
    `<p class="${C.feedback}" role="status" aria-live="polite"></p>\n` +
    hints +
    solution +
    `</section>\n`
  );
}

function controls(view: ExerciseView, parser: Parser): string {
  const name = escapeHtml(exerciseAnchor(view.id));
  const label = (option: { label: string }) => `<span class="wb-exercise-label">${escapeHtml(option.label.toUpperCase())}</span>`;
  const options = view.options ?? [];
  switch (view.kind) {
    case "number":
    case "text": {
      const placeholder = view.kind === "number" ? "a number, with its unit" : "a word or phrase";
      return `<label class="wb-exercise-input"><span class="wb-visually-hidden">Your answer</span><input type="text" name="answer" autocomplete="off" autocapitalize="off" spellcheck="false" placeholder="${placeholder}" disabled></label>\n`;
    }
    case "choice":
    case "choices": {
      const type = view.kind === "choice" ? "radio" : "checkbox";
      const note = view.kind === "choices" ? `<p class="wb-exercise-note">Choose every option that applies.</p>` : "";
      const items = options.map((option) => `<label class="wb-exercise-option"><input type="${type}" name="${name}" value="${escapeHtml(option.label)}" disabled>${label(option)} <span>${parser.parseInline(option.tokens)}</span></label>`);
      return `<fieldset class="wb-exercise-options"><legend class="wb-visually-hidden">Options</legend>${note}${items.join("\n")}</fieldset>\n`;
    }
    case "order": {
      const items = options.map(
        (option) =>
          `<li ${D.label}="${escapeHtml(option.label)}">${label(option)} <span class="wb-exercise-item">${parser.parseInline(option.tokens)}</span>` +
          `<span class="wb-exercise-move"><button type="button" ${D.move}="-1" aria-label="Move ${escapeHtml(option.label.toUpperCase())} up" disabled>↑</button><button type="button" ${D.move}="1" aria-label="Move ${escapeHtml(option.label.toUpperCase())} down" disabled>↓</button></span></li>`,
      );
      return `<p class="wb-exercise-note">Put them in order, first at the top.</p><ol class="${C.order}">${items.join("\n")}</ol>\n`;
    }
    case "classify": {
      // One per line: the page's text reads "Scope 1 Scope 2", not "Scope 1Scope 2".
      const categories = (view.categories ?? []).map((category) => `\n<option>${escapeHtml(category)}</option>`).join("");
      const rows = options.map(
        (option) =>
          `<tr><td>${label(option)} ${parser.parseInline(option.tokens)}</td><td><select name="${escapeHtml(option.label)}" aria-label="Category of ${escapeHtml(option.label.toUpperCase())}" disabled><option value="">—</option>${categories}\n</select></td></tr>`,
      );
      return `<table class="wb-exercise-classify"><tbody>${rows.join("\n")}</tbody></table>\n`;
    }
  }
}
