// Why a cell shows nothing: a property read that names no property of the object it reads. A kernel
// result is a plain object, so `run.kgCO2` (the field is `kgCO2e`) is `undefined` and the page shows
// an empty output; `run.kgCO2.toFixed(1)` throws "Cannot read properties of undefined". This finds the
// read that went wrong, from the cell's own text and the values its inputs settled on, so that the build
// can name it and the property meant.
import { nearestName } from "../text/similar.ts";

/** A property read `owner.property` in a cell's text whose owner, a plain object, has no such property. */
export interface MissingProperty {
  /** The whole chain as written, up to and including the missing property ("run.facilityKWH"). */
  readonly expression: string;
  /** The chain up to the object read ("run"). */
  readonly owner: string;
  readonly property: string;
  /** The owner's property nearest the one read, when one is close enough to be a typo. */
  readonly suggestion?: string;
  /** The owner's own properties (at most MAX_LISTED of them). */
  readonly properties: readonly string[];
  /** For a cell that displays its value: what it shows instead ("nothing", "NaN"; see uselessDisplay). */
  readonly shows?: string;
}

/** Properties listed in a hint: a kernel result has a handful; a big object is not worth listing. */
const MAX_LISTED = 12;

/**
 * A name followed by one or more `.name` / `?.name` reads. The lookbehind keeps out the tail of a longer
 * chain (`a.b` inside `x.a.b`) and of a number (`1.5`).
 */
const CHAIN = /(?<![\w$.\]\)])([A-Za-z_$][\w$]*)((?:\s*\??\.\s*[A-Za-z_$][\w$]*)+)/g;
const STEP = /\??\.\s*([A-Za-z_$][\w$]*)/g;

/**
 * The first property read in `text` (a cell's body) that starts from one of the cell's inputs and names a
 * property its plain-object owner does not have. `valueOf` gives an input's settled value; reads through
 * anything but a plain object (a class instance, a DOM node, an array, a Map) are left alone: their
 * properties may live on a prototype or be made on demand.
 */
export function findMissingProperty(text: string, valueOf: (name: string) => { readonly value: unknown } | undefined): MissingProperty | undefined {
  for (const match of text.matchAll(CHAIN)) {
    const root = match[1]!;
    const input = valueOf(root);
    if (!input) continue;
    let value = input.value;
    let owner = root;
    for (const step of match[2]!.matchAll(STEP)) {
      const property = step[1]!;
      if (!isPlainObject(value)) break;
      if (!(property in value)) {
        const keys = Object.keys(value);
        const suggestion = nearestName(property, keys);
        return {
          expression: `${owner}.${property}`,
          owner,
          property,
          ...(suggestion === undefined ? {} : { suggestion }),
          properties: keys.slice(0, MAX_LISTED),
        };
      }
      value = (value as Record<string, unknown>)[property];
      owner = `${owner}.${property}`;
    }
  }
  return undefined;
}

function isPlainObject(value: unknown): value is object {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  // A plain object made in another realm has that realm's Object.prototype: compare by shape.
  return prototype === null || Object.getPrototypeOf(prototype) === null && typeof prototype.hasOwnProperty === "function" && prototype.constructor?.name === "Object";
}

/**
 * What a displayed value shows when it shows nothing useful: "nothing" for undefined, "NaN", or a text made
 * with them ("NaN kg"), quoted and cut to 40 characters; undefined for a value worth showing.
 */
export function uselessDisplay(value: unknown): string | undefined {
  if (value === undefined) return "nothing";
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : undefined;
  if (typeof value === "string" && /\b(?:undefined|NaN)\b/.test(value)) return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return undefined;
}

/** The parameters that name a missing property in a message: `run.kgCO2`, `run`, "kgCO2", what was meant. */
export function missingPropertyParams(missing: MissingProperty): { expression: string; owner: string; property: string; meant: string; listed: string } {
  const listed = missing.properties.length ? `: ${missing.properties.join(", ")}` : "";
  return {
    expression: missing.expression,
    owner: missing.owner,
    property: JSON.stringify(missing.property),
    meant: missing.suggestion === undefined ? "" : ` (did you mean ${missing.suggestion}?)`,
    listed,
  };
}
