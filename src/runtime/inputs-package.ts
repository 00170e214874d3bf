// What a page's `Inputs` is, and what a cell that imports "@observablehq/inputs" gets (the library ships
// this module as that package: publish/library.ts): Observable Inputs with wattbook's additions
// (inputs.ts), so that both ways to an input behave alike, at build and in the browser.
import * as Inputs from "@observablehq/inputs";
import { wattbookInputs } from "./inputs.ts";

export * from "@observablehq/inputs";

const own = wattbookInputs(Inputs);
export const range = own.range;
export const number = own.number;
export const radio = own.radio;
export const checkbox = own.checkbox;
