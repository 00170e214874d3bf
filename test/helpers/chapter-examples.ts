// The shared harness of the chapter tests: run one notebook, check that every cell runs, and check each
// chapter example's value against its expected figure (worked by hand in the test file).
import { afterAll, beforeAll, expect, test } from "vitest";
import { expectWithin } from "../kernel/printed.ts";
import { runNotebook, type NotebookValues } from "./notebook-values.ts";

export interface ChapterExample {
  /** The chapter's box or claim: "Napkin Math 1.1: 552.1 flights". */
  readonly example: string;
  /** The name a cell declares. */
  readonly name: string;
  /** The number inside that value, when the value is an object. */
  readonly pick?: (value: any) => number;
  readonly expected: number;
  readonly tolerance: number;
}

/**
 * How `tolerance` reads: `absolute` in the unit of `expected`; `relative` to `expected` (0 means exactly
 * equal); `scaled`, absolute below 1 and relative above (`tolerance × max(1, |expected|)`).
 */
export type ToleranceKind = "absolute" | "relative" | "scaled";

function expectExample(actual: number, { name, expected, tolerance }: ChapterExample, kind: ToleranceKind): void {
  if (kind === "relative") {
    if (tolerance === 0) expect(actual, name).toBe(expected);
    else expectWithin(actual, expected, tolerance);
    return;
  }
  const bound = kind === "absolute" ? tolerance : tolerance * Math.max(1, Math.abs(expected));
  expect(Math.abs(actual - expected), `${name}: ${actual} should be within ${bound} of ${expected}`).toBeLessThanOrEqual(bound);
}

/** Registers the notebook's run and its example tests in the current describe; returns the running notebook. */
export function chapterExamples(notebook: string, examples: readonly ChapterExample[], kind: ToleranceKind): () => NotebookValues {
  let nb: NotebookValues | undefined;
  beforeAll(async () => {
    nb = await runNotebook(notebook);
  }, 30_000);
  afterAll(() => nb?.dispose());
  const current = () => {
    if (!nb) throw new Error(`${notebook} did not run`);
    return nb;
  };

  test("every cell runs", () => {
    expect(current().run.failures()).toEqual([]);
  });

  test.each(examples)("$example → $name", async (example) => {
    const value = await current().value(example.name);
    expectExample(example.pick ? example.pick(value) : (value as number), example, kind);
  });

  return current;
}
