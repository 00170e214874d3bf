import { expect } from "vitest";
import { KernelInputError } from "../../src/kernel/input-error.ts";

/**
 * Asserts that `actual` rounds to the figure the chapter printed: it lies within half a unit of the printed
 * figure's last digit. `decimals` is the number of printed decimals (negative for "1.9 million" = -5).
 */
export function expectPrinted(actual: number, printed: number, decimals: number): void {
  const halfUnit = 0.5 * 10 ** -decimals;
  const slack = 1e-9 * Math.max(1, Math.abs(printed));
  expect(Math.abs(actual - printed), `${actual} should print as ${printed}`).toBeLessThanOrEqual(halfUnit + slack);
}

/** Asserts `actual` is within a relative tolerance of `expected` (for "≈", "roughly" figures). */
export function expectWithin(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual - expected) / Math.abs(expected), `${actual} should be within ${relative * 100}% of ${expected}`).toBeLessThanOrEqual(relative);
}

/**
 * Asserts two computed values agree to floating-point accuracy, relative to their size. The absolute floor
 * keeps subnormal inputs (which fast-check does generate) from failing on underflow.
 */
export function expectClose(actual: number, expected: number, relative = 1e-12): void {
  const tolerance = Math.max(relative * Math.max(Math.abs(actual), Math.abs(expected)), 1e-300);
  expect(Math.abs(actual - expected), `${actual} should equal ${expected}`).toBeLessThanOrEqual(tolerance);
}

/** The message of the KernelInputError that `run` throws (and a failed assertion if it throws anything else). */
export function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(KernelInputError);
    return (error as Error).message;
  }
  throw new Error("expected a KernelInputError");
}
