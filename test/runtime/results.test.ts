// NotebookRun's onResult: each new value of a cell, or its failure, as exercises need them.
import { beforeAll, describe, expect, it } from "vitest";
import { installBuildDom } from "../../src/publish/dom.ts";
import { createBuiltins } from "../../src/runtime/builtins.ts";
import { NotebookRun } from "../../src/runtime/notebook.ts";
import type { CompiledCell } from "../../src/notebook/types.ts";

beforeAll(() => {
  installBuildDom();
});

const cell = (id: string, inputs: string[], outputs: string[], body: (...args: any[]) => unknown): CompiledCell => ({
  id,
  inputs,
  outputs,
  body,
  expression: outputs.length === 0,
  inline: true,
  position: { line: 1, column: 1 },
});

describe("NotebookRun onResult", () => {
  it("reports each new value of a cell, and a failure", async () => {
    const results: [string, unknown][] = [];
    const run = new NotebookRun(
      { path: "t.md", cells: [cell("input", [], ["x"], () => ({ x: 2 })), cell("answer", ["x"], [], (x) => (x < 0 ? Promise.reject(new Error("no")) : x * 10))] },
      { builtins: createBuiltins({ width: 640 }), root: () => null, onResult: (id, result) => results.push([id, "value" in result ? result.value : "failed"]) },
    );
    const lastOf = (id: string) => results.findLast(([cellId]) => cellId === id)?.[1];
    await run.settled();
    expect(results).toContainEqual(["answer", 20]);
    expect(results).toContainEqual(["input", { x: 2 }]);
    run.redefine(cell("input", [], ["x"], () => ({ x: 3 })));
    await run.settled();
    expect(lastOf("answer")).toBe(30);
    run.redefine(cell("input", [], ["x"], () => ({ x: -1 })));
    await run.settled();
    await expect.poll(() => lastOf("answer")).toBe("failed");
    run.dispose();
  });
});
