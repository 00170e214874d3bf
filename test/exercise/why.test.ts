// A wrong choice's explanation, drawn from the exercise's own solution (03's lifetime self-check).
import { describe, expect, it } from "vitest";
import { namePick, sentences, whyNot } from "../../src/exercise/why.ts";

const SOLUTION =
  "Embodied carbon is amortized over useful life, so a longer life lowers each year's share without any change at run time. " +
  "Firmware does not make old silicon more efficient, PUE does not improve with age, and all hardware reaches its end of life eventually.";
const CORRECT = "Manufacturing emissions are large enough that amortizing them over the longer life cuts embodied carbon per year by roughly 44 %.";

describe("why a picked option is wrong", () => {
  it("finds the solution's sentence about the picked option", () => {
    const picked = "Older accelerators always become more energy-efficient after firmware updates, so per-query energy falls.";
    expect(whyNot(picked, [CORRECT], SOLUTION)).toBe(sentences(SOLUTION)[1]);
    expect(whyNot("Data center PUE improves as hardware ages, because older chips accept higher inlet temperatures.", [CORRECT], SOLUTION)).toBe(sentences(SOLUTION)[1]);
  });

  it("says nothing rather than quote a sentence about the correct answer, or one that shares a word by chance", () => {
    expect(whyNot("Amortizing embodied carbon over a longer life", [CORRECT], SOLUTION)).toBeUndefined();
    expect(whyNot("True", ["False"], "False. Even with no operational emissions, the GPUs carry embodied carbon.")).toBeUndefined();
  });

  it("names the pick by its label and the start of its text", () => {
    expect(namePick("a", "Older accelerators always become more energy-efficient after firmware updates, so per-query energy falls.", 60)).toBe(
      "A (“Older accelerators always become more energy-efficient…”)",
    );
    expect(namePick("b", "False")).toBe("B (“False”)");
  });
});
