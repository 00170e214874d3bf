import { describe, expect, it } from "vitest";
import { runNotebook } from "../helpers/notebook-values.ts";

describe("runNotebook (test helper)", () => {
  it("returns the values a notebook's cells declare", async () => {
    const nb = await runNotebook("examples/basics.md");
    expect(await nb.value("total")).toBe(100);
    expect(await nb.value("late")).toBe("ready");
    expect(nb.run.failures()).toEqual([]);
    nb.dispose();
  });
});
