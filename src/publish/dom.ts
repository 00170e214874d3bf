// The build-time DOM: linkedom, with the browser globals that htl, Plot and Inputs expect and the few form
// behaviours linkedom leaves out. Form state is kept in attributes (value, checked, selected) so that
// the serialized HTML shows each input where the cell left it: a page read without JavaScript shows
// the slider at its default. Number and range inputs compute as Chromium does (runtime/html-number.ts):
// a range snaps what it is given to its step grid and a number box off its grid is invalid, so a value
// the build computes from an input is the value the live page computes from it.
//
// Install only inside an evaluation worker: it writes globals.
import { DOMParser } from "linkedom";
import { numberProblem, rangeValue, type NumberAttributes } from "../runtime/html-number.ts";

type Proto = Record<string, unknown>;

function define(proto: Proto | undefined, name: string, descriptor: PropertyDescriptor): void {
  if (proto && !Object.getOwnPropertyDescriptor(proto, name)) Object.defineProperty(proto, name, { configurable: true, ...descriptor });
}

function booleanAttribute(name: string): PropertyDescriptor {
  return {
    get(this: Element) {
      return this.hasAttribute(name);
    },
    set(this: Element, value: unknown) {
      if (value) this.setAttribute(name, "");
      else this.removeAttribute(name);
    },
  };
}

const CONTROLS = "input, select, textarea, button, output, fieldset";

export interface BuildDom {
  readonly window: Window & typeof globalThis;
  readonly document: Document;
}

let installed: BuildDom | undefined;

/** Creates the document and installs the globals once per worker; later calls return the same DOM. */
export function installBuildDom(): BuildDom {
  if (installed) return installed;
  // Built node by node rather than parsed, so that a notebook that never parses markup never runs the
  // HTML parser's top level (see stubs/htmlparser2-on-first-use.ts).
  const document = new DOMParser().parseFromString("", "text/html") as unknown as Document;
  // linkedom's doctype setter takes the doctype's text (the DOM's own is read-only).
  (document as unknown as { doctype: string }).doctype = "html";
  // Standards mode, as the pages are written (<!doctype html>); linkedom does not say, and KaTeX (tex)
  // warns and refuses to render in what it would take for quirks mode.
  define(document as unknown as Proto, "compatMode", { value: "CSS1Compat" });
  document.appendChild(document.createElement("html"));
  void document.body; // linkedom makes head and body when first asked for them
  const window = document.defaultView as Window & typeof globalThis;
  const w = window as unknown as Record<string, any>;

  // instanceof checks in htl need these to exist; linkedom never produces an HTMLCollection.
  w.HTMLCollection ??= class HTMLCollection {};
  const globals = ["window", "document", "Node", "NodeList", "HTMLCollection", "Element", "HTMLElement", "SVGElement", "Text", "Comment",
    "DocumentFragment", "Event", "CustomEvent", "EventTarget", "HTMLInputElement", "HTMLSelectElement", "HTMLOptionElement",
    "HTMLFormElement", "HTMLTemplateElement", "HTMLTextAreaElement", "HTMLButtonElement", "HTMLCanvasElement", "HTMLImageElement"];
  const g = globalThis as unknown as Record<string, unknown>;
  for (const name of globals) {
    const value = name === "window" ? window : name === "document" ? document : w[name];
    if (value !== undefined) g[name] = value;
  }

  const input = w.HTMLInputElement?.prototype as Proto | undefined;
  if (input) installNumberInputs(input);
  define(input, "checked", booleanAttribute("checked"));
  define(input, "indeterminate", { value: false, writable: true });

  define(w.HTMLOptionElement?.prototype, "selected", booleanAttribute("selected"));

  const select = w.HTMLSelectElement?.prototype as Proto | undefined;
  define(select, "selectedOptions", {
    get(this: HTMLSelectElement) {
      const options = Array.from(this.querySelectorAll("option"));
      const chosen = options.filter((o) => o.hasAttribute("selected"));
      return chosen.length || this.hasAttribute("multiple") ? chosen : options.slice(0, 1);
    },
  });
  define(select, "selectedIndex", {
    get(this: HTMLSelectElement) {
      const options = Array.from(this.querySelectorAll("option"));
      const index = options.findIndex((o) => o.hasAttribute("selected"));
      return index >= 0 || !options.length ? index : 0;
    },
    set(this: HTMLSelectElement, index: number) {
      Array.from(this.querySelectorAll("option")).forEach((o, i) => (i === index ? o.setAttribute("selected", "") : o.removeAttribute("selected")));
    },
  });

  for (const name of ["HTMLSelectElement", "HTMLTextAreaElement", "HTMLButtonElement", "HTMLFormElement"]) {
    define(w[name]?.prototype, "checkValidity", { value: () => true, writable: true });
    define(w[name]?.prototype, "reportValidity", { value: () => true, writable: true });
  }

  // form.elements with named access; several controls sharing a name come back as an array-like group.
  // linkedom creates <form> as a plain HTMLElement, so the getter sits there and answers only for forms.
  define(w.HTMLElement?.prototype, "elements", {
    get(this: HTMLFormElement) {
      if (this.localName !== "form") return undefined;
      const controls = Array.from(this.querySelectorAll(CONTROLS));
      const elements: any = Object.assign([], controls);
      for (const control of controls) {
        const name = control.getAttribute("name");
        if (!name || /^\d+$/.test(name)) continue;
        const existing = elements[name];
        if (existing === undefined) elements[name] = control;
        else if (Array.isArray(existing)) existing.push(control);
        else elements[name] = namedGroup([existing, control]);
      }
      return elements;
    },
  });

  installed = { window, document };
  return installed;
}

const numberAttributes = (element: Element): NumberAttributes => ({
  min: element.getAttribute("min"),
  max: element.getAttribute("max"),
  step: element.getAttribute("step"),
  value: element.getAttribute("value"),
});

const typeOf = (element: Element) => (element.getAttribute("type") ?? "").toLowerCase();

/**
 * `value`, `valueAsNumber` and `checkValidity` of `<input>` as Chromium has them for ranges and number
 * boxes (other types keep linkedom's value and are always valid): a range holds only points of its
 * grid, a number box's valueAsNumber writes the number's shortest spelling, and a number box is valid
 * when its value is empty (unless required) or within min, max and step.
 */
function installNumberInputs(input: Proto): void {
  const own = Object.getOwnPropertyDescriptor(input, "value");
  const readValue = (element: Element): string => (own?.get ? String(own.get.call(element) ?? "") : element.getAttribute("value") ?? "");
  Object.defineProperty(input, "value", {
    configurable: true,
    get(this: HTMLInputElement) {
      return typeOf(this) === "range" ? String(rangeValue(numberAttributes(this), readValue(this))) : readValue(this);
    },
    set(this: HTMLInputElement, value: unknown) {
      const text = value == null ? "" : String(value);
      if (typeOf(this) === "range") this.setAttribute("value", String(rangeValue(numberAttributes(this), text)));
      else if (own?.set) own.set.call(this, text);
      else this.setAttribute("value", text);
    },
  });
  Object.defineProperty(input, "valueAsNumber", {
    configurable: true,
    get(this: HTMLInputElement) {
      const type = typeOf(this);
      if (type !== "range" && type !== "number") return NaN;
      const value = this.value;
      return value === "" || !/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value) ? NaN : Number(value);
    },
    set(this: HTMLInputElement, value: number) {
      const type = typeOf(this);
      if (type === "range") this.setAttribute("value", String(rangeValue(numberAttributes(this), Number.isFinite(value) ? value : undefined)));
      else this.value = Number.isFinite(value) ? (Object.is(value, -0) ? "0" : String(value)) : "";
    },
  });
  const valid = function (this: HTMLInputElement): boolean {
    if (typeOf(this) !== "number") return true;
    return numberProblem({ ...numberAttributes(this), required: this.hasAttribute("required") }, this.value) === undefined;
  };
  Object.defineProperty(input, "checkValidity", { configurable: true, writable: true, value: valid });
  Object.defineProperty(input, "reportValidity", { configurable: true, writable: true, value: valid });
}

/** A RadioNodeList-like group: indexable, iterable, with `value` as the checked control's value. */
function namedGroup(controls: Element[]): Element[] {
  const group = [...controls];
  Object.defineProperty(group, "value", {
    get() {
      const checked = group.find((c) => c.hasAttribute("checked"));
      return checked ? checked.getAttribute("value") ?? "on" : "";
    },
  });
  return group;
}
