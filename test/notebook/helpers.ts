import { LocatedError, LocatedErrors } from "../../src/notebook/errors.ts";

/** The located errors `run` throws; fails the test when it returns or throws anything else. */
export function locatedErrors(run: () => unknown): LocatedError[] {
  try {
    run();
  } catch (error) {
    if (error instanceof LocatedErrors) return [...error.errors];
    if (error instanceof LocatedError) return [error];
    throw error;
  }
  throw new Error("expected a LocatedError, but nothing was thrown");
}

/** Markdown from lines (keeps tests readable where positions matter). */
export function md(...lines: string[]): string {
  return lines.join("\n");
}
