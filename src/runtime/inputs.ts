// Observable Inputs as cells get them, at build and in the browser (builtins.ts): the same functions,
// with what a reader needs added in this one place rather than in each notebook.
//
// - A default the browser cannot hold is an error, not a surprise. The build's DOM computes a range or
//   a number box as Chromium does (html-number.ts), so `form.value` after construction is what the live
//   page will hold; a default that differs from it (off the step grid, outside [min, max]) is not the
//   number the author wrote, and the page would show another. The error says what the browser would
//   show and how to keep the author's number. (A 16th significant digit, which a slider drops, is
//   dropped at build too and shows nowhere: that is not an error.)
// - Every slider, and every radio or checkbox group, is named by the input's label (Inputs labels only
//   the number box, the select or the text field).
// - A range's number box never disagrees with its slider: a number the box refuses (outside [min, max],
//   off the step grid, not a number) leaves the slider and the value where they were and says why
//   under the input; on Enter or leaving the box it is replaced by the nearest value the input takes,
//   which the slider and every value that depends on it then follow.
import { numberProblem, minsOnGrid, rangeValue, type NumberProblem } from "./html-number.ts";

/** Thrown by a cell whose input starts elsewhere than its `value` says (cell-failure.ts gives it its hint). */
export class InputDefaultError extends Error {
  override name = "InputDefaultError";
}

type InputsModule = Record<string, any>;
type Options = Record<string, unknown> | undefined;

/** The class of an input's note (styled in wattbook.css). */
export const INPUT_NOTE_CLASS = "wb-input-note";

/** Inputs with wattbook's additions; everything else as Observable Inputs has it. */
export function wattbookInputs(Inputs: InputsModule): InputsModule {
  const ids = idMaker();
  const numeric = (kind: "range" | "number") =>
    function (this: unknown, ...args: unknown[]) {
      const form = Inputs[kind].apply(this, args) as HTMLFormElement;
      const [extent, options] = kind === "number" && args.length < 2 ? [undefined, args[0] as Options] : [args[0], args[1] as Options];
      checkDefault(kind, extent, options, form);
      const number = form.querySelector<HTMLInputElement>("input[type=number]");
      const slider = form.querySelector<HTMLInputElement>("input[type=range]");
      if (slider) nameBy(slider, form, ids);
      if (number) guardBox(form, number, slider, ids);
      return form;
    };
  const grouped = (kind: "radio" | "checkbox") =>
    function (this: unknown, ...args: unknown[]) {
      const form = Inputs[kind].apply(this, args) as HTMLFormElement;
      const group = child(form, "div");
      if (group && nameBy(group, form, ids)) group.setAttribute("role", kind === "radio" ? "radiogroup" : "group");
      return form;
    };
  return Object.freeze({ ...Inputs, range: numeric("range"), number: numeric("number"), radio: grouped("radio"), checkbox: grouped("checkbox") });
}

/** Ids for the labels and notes this module links to: the same sequence at build and in the page. */
function idMaker(): (prefix: string) => string {
  let next = 0;
  return (prefix) => `wb-${prefix}-${++next}`;
}

const child = (form: Element, name: string) => Array.from(form.children).find((element) => element.localName === name);

/** Names `element` by the form's own label (aria-labelledby); false when the input has no label. */
function nameBy(element: Element, form: HTMLFormElement, ids: (prefix: string) => string): boolean {
  const label = child(form, "label");
  if (!label) return false;
  if (!label.id) label.id = ids("label");
  element.setAttribute("aria-labelledby", label.id);
  return true;
}

const plain = (value: unknown) => (typeof value === "number" ? String(value) : JSON.stringify(value) ?? String(value));

/** Throws when the input does not hold the `value` its options ask for. */
function checkDefault(kind: "range" | "number", extent: unknown, options: Options, form: HTMLFormElement): void {
  if (!options || options.value === undefined) return;
  const asked = Number(options.value);
  const held = (form as unknown as { value: unknown }).value;
  if (Object.is(held, asked)) return;
  const [a, b] = Array.isArray(extent) ? extent.map(Number) : [NaN, NaN];
  const [min, max] = a! <= b! ? [a!, b!] : [b!, a!];
  const step = options.step === undefined ? undefined : Number(options.step);
  // A slider keeps 15 significant digits (1.0876623376623376 becomes 1.08766233766234); the build's
  // DOM keeps the same, so the page shows the same, and no reader sees a 16th digit: not an error.
  if (kind === "range" && asked >= min && asked <= max && held === rangeValue(bounds(min, max, "any"), asked)) return;
  const call = `Inputs.${kind}(${Array.isArray(extent) ? `[${extent.map(plain).join(", ")}], ` : ""}{value: ${plain(options.value)}${options.step === undefined ? "" : `, step: ${plain(options.step)}`}})`;
  const shows = typeof held === "number" ? `would start at ${held} in the browser, not ${plain(options.value)}` : `would start empty in the browser instead of at ${plain(options.value)}`;
  throw new InputDefaultError(`${call} ${shows}: ${why(kind, asked, held, { min, max, step })}`);
}

function why(kind: "range" | "number", asked: number, held: unknown, { min, max, step }: { min: number; max: number; step: number | undefined }): string {
  if (!Number.isFinite(asked)) return "its value is not a number. Give it a number";
  if (asked < min) return `${asked} is below its min, ${min}. Give it a default within [${min}, ${max}]`;
  if (asked > max) return `${asked} is above its max, ${max}. Give it a default within [${min}, ${max}]`;
  const shown = typeof held === "number" ? held : undefined;
  if (step !== undefined && offGrid(kind, asked, min, max, step)) {
    const mins = Number.isFinite(min) ? minsOnGrid(min, step, asked) : [];
    const fixes = [
      mins.length ? `a min on the default's grid (${mins.join(" or ")} instead of ${min})` : "",
      "no step (then it takes any value)",
      shown === undefined ? "a default on the grid" : `a default on the grid (${shown})`,
    ].filter(Boolean);
    const grid = Number.isFinite(min) ? `${min} + n × ${step}` : `n × ${step}`;
    const own = kind === "range" ? "a slider's values are" : "a number box takes";
    return `${own} its min plus whole steps (${grid}), and the build evaluates inputs as the browser does. Give it ${fixes.slice(0, -1).join(", ")} or ${fixes.at(-1)}`;
  }
  return `the input cannot hold it. Give it a default it can hold${shown === undefined ? "" : ` (${shown})`}`;
}

const bounds = (min: number, max: number, step: number | "any") => ({ min: Number.isFinite(min) ? String(min) : null, max: Number.isFinite(max) ? String(max) : null, step: String(step) });

/** Whether the step grid (not the 15 digits a slider keeps) moves `value`, as Chromium would. */
function offGrid(kind: "range" | "number", value: number, min: number, max: number, step: number): boolean {
  if (kind === "number") return numberProblem(bounds(min, max, step), String(value))?.kind === "step";
  return rangeValue(bounds(min, max, step), value) !== rangeValue(bounds(min, max, "any"), value);
}

/** Guards a number box: what it refuses is said under the input, and replaced on Enter or leaving the box. */
function guardBox(form: HTMLFormElement, box: HTMLInputElement, slider: HTMLInputElement | null, ids: (prefix: string) => string): void {
  const note = document.createElement("span");
  note.className = INPUT_NOTE_CLASS;
  note.id = ids("note");
  note.setAttribute("role", "status");
  form.append(note);
  box.setAttribute("aria-describedby", note.id);
  let sliderBefore: string | undefined;
  // Capturing on the form runs before Inputs' own handler on the box, which moves the slider to what
  // the box holds even when it then refuses it.
  form.addEventListener("input", (event) => void (event.target === box && slider ? (sliderBefore = slider.value) : undefined), true);
  box.addEventListener("input", () => {
    const problem = problemOf(box);
    if (!problem) return say(note, box, "");
    if (slider && sliderBefore !== undefined) slider.value = sliderBefore;
    const instead = problem.kind === "missing" ? "" : ` Press Enter or leave the box to use ${problem.nearest}.`;
    say(note, box, `${refusal(box.value, problem)}${instead}`, true);
  });
  const commit = () => {
    const problem = problemOf(box);
    if (!problem) return;
    const input = form as unknown as { value: unknown };
    const typed = box.value;
    if (problem.kind === "missing") {
      box.value = String(input.value ?? "");
      return say(note, box, `Not a number, so the input stays at ${box.value}.`);
    }
    input.value = problem.nearest;
    form.dispatchEvent(new Event("input", { bubbles: true }));
    say(note, box, `${refusal(typed, problem)} Set to ${box.value}.`);
  };
  box.addEventListener("change", commit);
  box.addEventListener("keydown", (event) => void (event.key === "Enter" ? commit() : undefined));
}

function problemOf(box: HTMLInputElement): NumberProblem | undefined {
  // Text that is not a number reads as an empty box; the browser says so by badInput.
  if (box.validity?.badInput) return { kind: "missing" };
  return numberProblem({ min: box.getAttribute("min"), max: box.getAttribute("max"), step: box.getAttribute("step"), required: true }, box.value);
}

function refusal(typed: string, problem: NumberProblem): string {
  switch (problem.kind) {
    case "missing":
      return "Type a number.";
    case "below":
      return `${typed} is below the minimum, ${problem.min}.`;
    case "above":
      return `${typed} is above the maximum, ${problem.max}.`;
    case "step":
      return `${typed} is not one of this input's steps (${problem.base === 0 ? "" : `${problem.base} + `}whole steps of ${problem.step}).`;
  }
}

function say(note: HTMLElement, box: HTMLInputElement, text: string, refused = false): void {
  if (note.textContent !== text) note.textContent = text;
  if (refused) box.setAttribute("aria-invalid", "true");
  else box.removeAttribute("aria-invalid");
}
