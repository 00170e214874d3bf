// Property-based fuzzing of parse → analyze → compile: 10,000 random and mutated notebooks (seeded, so a
// failure reproduces), and nothing but located errors escapes. `npm run fuzz` runs 100,000.
import { describe, expect, it } from "vitest";
import { checkNotebook, formatReport, fuzz } from "./fuzz-notebooks.ts";

const RUNS = 10_000;
const SEED = 20_261_129;

describe("parse → analyze → compile on random and mutated notebooks", () => {
  it(`returns a module or throws only located errors, with hints, inside the file (${RUNS.toLocaleString("en-US")} cases)`, () => {
    const report = fuzz(RUNS, SEED);
    console.log(formatReport(report));
    expect(report.runs).toBe(RUNS);
    // The generator exercises both paths, and many kinds of error.
    expect(report.compiled).toBeGreaterThan(RUNS / 10);
    expect(report.rejected).toBeGreaterThan(RUNS / 10);
    expect(report.kinds.size).toBeGreaterThan(30);
  }, 300_000);

  it("holds for the property's own edge cases", () => {
    for (const text of ["", "\n", "\r", "\uFEFF", "---", "```", "${", "$$", "@fig-", ":::", "\ud800", "# \u2028 ${a\u2028}"]) {
      expect(() => checkNotebook(text), JSON.stringify(text)).not.toThrow();
    }
  });
});
