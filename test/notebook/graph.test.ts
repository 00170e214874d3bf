// The cell graph and the notebook-wide checks over plain data: what the build, the preview and the
// editor all ask (src/notebook/graph.ts, check.ts).
import { describe, expect, it } from "vitest";
import { checkNotebook, type CheckedCell } from "../../src/notebook/check.ts";
import { cycles, definers, upstreamOf } from "../../src/notebook/graph.ts";

const at = (line: number, column = 1) => ({ line, column });
const cell = (id: string, line: number, declarations: string[], references: string[] = [], extra: Partial<CheckedCell> = {}): CheckedCell => ({ id, position: at(line), declarations, references, ...extra });
const where = (position: { line: number; column: number }) => `n.md:${position.line}:${position.column}`;

describe("the cell graph", () => {
  it("knows which cell defines each name (the first, in document order) and what each cell reads", () => {
    const cells = [cell("a", 1, ["x", "y"]), cell("b", 5, ["z"], ["x", "undefinedName"]), cell("c", 9, [], ["z", "y", "x"])];
    expect(definers(cells)).toEqual(new Map([["x", 0], ["y", 0], ["z", 1]]));
    expect(upstreamOf(cells)).toEqual([[], [0], [1, 0]]);
  });

  it("finds every circle, each once, in document order, and nothing in a chain", () => {
    const cells = [cell("a", 1, ["a"], ["c"]), cell("b", 2, ["b"], ["a"]), cell("c", 3, ["c"], ["b"]), cell("d", 4, ["d"], ["e"]), cell("e", 5, ["e"], ["d"]), cell("f", 6, ["f"], ["a"])];
    expect(cycles(cells)).toEqual([[0, 1, 2], [3, 4]]);
    expect(cycles([cell("a", 1, ["a"]), cell("b", 2, ["b"], ["a"])])).toEqual([]);
  });

  it("takes a chain of ten thousand cells without overflowing the stack", () => {
    const cells = Array.from({ length: 10_000 }, (_, i) => cell(`c${i}`, i + 1, [`v${i}`], i ? [`v${i - 1}`] : [`v9999`]));
    expect(cycles(cells)).toHaveLength(1);
    expect(cycles(cells)[0]).toHaveLength(10_000);
  });
});

describe("checkNotebook", () => {
  it("reports a name defined twice at its second definition, with the catalog's code and hint", () => {
    const problems = checkNotebook([cell("a", 1, ["x"], [], { declarationPositions: [at(1, 7)] }), cell("b", 4, ["x"], [], { declarationPositions: [at(4, 7)] })], where);
    expect(problems).toEqual([
      { code: "defined-twice", reason: "x is defined twice: here and at n.md:1:7", hint: "each name is defined by one cell; rename one of them", cellId: "b", position: at(4, 7) },
    ]);
  });

  it("reports a name both imported and defined, and two imports binding one name differently", () => {
    const imports = (specifier: string, imported: string, local: string, line: number) => [{ specifier, specifiers: [{ imported, local }], position: at(line) }];
    const problems = checkNotebook(
      [
        cell("a", 1, [], [], { imports: imports("wattbook/kernel", "grids", "grids", 1) }),
        cell("b", 3, [], [], { imports: imports("wattbook/kernel", "accelerators", "grids", 3) }),
        cell("c", 5, ["grids"]),
      ],
      where,
    );
    expect(problems.map((p) => [p.code, p.cellId, p.reason])).toEqual([
      ["import-conflict", "b", 'grids is imported twice, as accelerators from "wattbook/kernel" here and as grids from "wattbook/kernel" at n.md:1:1'],
      ["defined-and-imported", "c", "grids is defined here and imported at n.md:1:1"],
    ]);
  });

  it("tells an assignment to another cell's value from one to nothing at all", () => {
    const problems = checkNotebook([cell("a", 1, ["count"]), cell("b", 3, [], ["count"], { foreignAssignments: [{ name: "count", position: at(3, 1) }, { name: "total", position: at(4, 1) }] })], where);
    expect(problems.map((p) => [p.code, p.reason])).toEqual([
      ["assigns-other-cell", "count is defined by another cell (n.md:1:1); cells cannot reassign each other's values"],
      ["assigns-undeclared", "cannot assign to total: it is not declared in this cell, and cells cannot reassign each other's values"],
    ]);
  });

  it("reports each circle once, at its first cell, naming what every cell defines and reads", () => {
    const problems = checkNotebook([cell("a", 2, ["a"], ["b"]), cell("c", 5, ["c"]), cell("b", 8, ["b"], ["a", "c"])], where);
    expect(problems).toEqual([
      {
        code: "cycle",
        reason: "these cells depend on each other in a cycle: n.md:2:1 defines a and reads b; n.md:8:1 defines b and reads a",
        hint: "a cell cannot read a value computed from its own; move the shared part into one cell",
        cellId: "a",
        position: at(2),
      },
    ]);
  });

  it("finds nothing in a sound notebook", () => {
    expect(checkNotebook([cell("a", 1, ["x"]), cell("b", 2, ["y"], ["x"]), cell("c", 3, [], ["x", "y"])], where)).toEqual([]);
  });
});
