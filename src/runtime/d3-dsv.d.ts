// The part of d3-dsv that file-attachment.ts uses (the package ships no types).
declare module "d3-dsv" {
  export interface DSVParsedArray<T> extends Array<T> {
    readonly columns: string[];
  }
  export interface DSV {
    parse(text: string): DSVParsedArray<Record<string, string>>;
    parse<T>(text: string, row: (raw: Record<string, string>, index: number, columns: string[]) => T | undefined | null): DSVParsedArray<T>;
    parseRows(text: string): string[][];
    parseRows<T>(text: string, row: (raw: string[], index: number) => T | undefined | null): T[];
  }
  export function dsvFormat(delimiter: string): DSV;
  /** Infers numbers, booleans, dates and nulls from strings, per value. */
  export function autoType<T extends object>(object: T): T;
}
