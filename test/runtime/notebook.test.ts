import { beforeAll, describe, expect, it } from "vitest";
import { installBuildDom } from "../../src/publish/dom.ts";
import { NotebookRun } from "../../src/runtime/notebook.ts";
import { createBuiltins } from "../../src/runtime/builtins.ts";
import type { CompiledCell, CompiledNotebook } from "../../src/notebook/types.ts";
import { checkNotebook } from "../../src/notebook/check.ts";

beforeAll(() => {
  installBuildDom();
});

let line = 0;
function cell(id: string, inputs: string[], outputs: string[], body: (...args: any[]) => unknown, expression = outputs.length === 0): CompiledCell {
  return { id, inputs, outputs, body, expression, inline: false, position: { line: ++line * 10, column: 1 } };
}

function run(cells: CompiledCell[]) {
  const roots = new Map<string, Element>();
  const order: string[] = [];
  const nb: CompiledNotebook = { path: "test.md", cells };
  const runner = new NotebookRun(nb, {
    builtins: createBuiltins({ width: 640 }),
    root: (c) => {
      const el = document.createElement("div");
      roots.set(c.id, el);
      return el;
    },
    onStatus: (id, status) => status !== "pending" && order.push(id),
  });
  const text = (id: string) => roots.get(id)!.textContent;
  return { runner, roots, order, text };
}

describe("NotebookRun", () => {
  it("runs cells in dependency order regardless of document order", async () => {
    const { runner, order, text } = run([
      cell("c", ["b"], [], (b) => b * 10),
      cell("b", ["a"], ["b"], (a) => ({ b: a + 1 })),
      cell("a", [], ["a"], () => ({ a: 1 })),
    ]);
    await runner.settled();
    expect(text("c")).toBe("20");
    expect(order.indexOf("a")).toBeLessThan(order.indexOf("b"));
    expect(order.indexOf("b")).toBeLessThan(order.indexOf("c"));
    runner.dispose();
  });

  it("recomputes only the dependents of a redefined cell", async () => {
    let runsOfUnrelated = 0;
    let runsOfDependent = 0;
    const cells = [
      cell("a", [], ["a"], () => ({ a: 2 })),
      cell("dep", ["a"], [], (a) => (runsOfDependent++, a * a)),
      cell("other", [], [], () => (runsOfUnrelated++, "steady")),
    ];
    const { runner, text } = run(cells);
    await runner.settled();
    expect(text("dep")).toBe("4");
    runner.redefine({ ...cells[0]!, body: () => ({ a: 7 }) });
    await runner.settled();
    await new Promise((r) => setTimeout(r, 20));
    expect(text("dep")).toBe("49");
    expect(runsOfDependent).toBe(2);
    expect(runsOfUnrelated).toBe(1);
    runner.dispose();
  });

  it("isolates an error to its cell and its dependents", async () => {
    const { runner, text } = run([
      cell("bad", [], ["x"], () => {
        throw new Error("boom");
      }),
      cell("uses", ["x"], [], (x) => x + 1),
      cell("fine", [], [], () => 42),
    ]);
    await runner.settled();
    expect(text("fine")).toBe("42");
    expect(text("bad")).toContain("test.md:");
    expect(text("bad")).toContain("boom");
    expect(text("uses")).toContain("x");
    const failures = runner.failures();
    expect(failures.filter((f) => f.own).map((f) => f.cellId)).toEqual(["bad"]);
    expect(failures.find((f) => f.cellId === "uses")?.own).toBe(false);
    runner.dispose();
  });

  it("shows the dependents of a failed cell waiting on it, down the chain, rather than errors of their own", async () => {
    const { runner, roots, text } = run([
      cell("bad", [], ["x", "y"], () => {
        throw new Error("boom");
      }),
      cell("middle", ["x"], ["z"], (x) => ({ z: x + 1 })),
      cell("end", ["z"], [], (z) => z * 2),
    ]);
    await runner.settled();
    expect(text("bad")).toContain("boom");
    expect(roots.get("bad")!.querySelector("[role=alert]")).not.toBeNull();
    for (const id of ["middle", "end"]) {
      expect(text(id)).toBe("waiting on x and y");
      expect(roots.get(id)!.querySelector(".wb-waiting")).not.toBeNull();
      expect(roots.get(id)!.querySelector(".wb-error, [role=alert]")).toBeNull();
    }
    expect(runner.failures().filter((f) => !f.own).map((f) => f.waitingOn)).toEqual([
      { cellId: "bad", name: "x and y" },
      { cellId: "bad", name: "x and y" },
    ]);
    runner.dispose();
  });

  it("reports a reference to an undefined name as the referencing cell's own error", async () => {
    const { runner, text } = run([cell("lonely", ["nowhere"], [], (n) => n)]);
    await runner.settled();
    expect(text("lonely")).toContain("nowhere is not defined");
    expect(runner.failures()).toMatchObject([{ cellId: "lonely", own: true }]);
    runner.dispose();
  });

  it("without the compiler's checks plugged in (a built page's cells passed them), leaves a duplicate to the runtime: its readers fail", async () => {
    const { runner } = run([cell("one", [], ["x"], () => ({ x: 1 })), cell("two", [], ["x"], () => ({ x: 2 })), cell("reader", ["x"], [], (x) => x)]);
    await runner.settled();
    expect(runner.failures().find((f) => f.cellId === "reader")?.message).toContain("x is defined more than once");
    runner.dispose();
  });

  it("with the compiler's checks plugged in (as the editor does), names a duplicate definition and a cycle in the build's words", async () => {
    const first = cell("one", [], ["x"], () => ({ x: 1 }));
    const second = cell("two", [], ["x"], () => ({ x: 2 }));
    const a = cell("ca", ["b"], ["a"], (b) => ({ a: b }));
    const b = cell("cb", ["a"], ["b"], (a) => ({ b: a }));
    const { runner, text } = run([first, second, cell("reader", ["x"], [], (x) => x), a, b]);
    const where = (p: { line: number; column: number }) => `test.md:${p.line}:${p.column}`;
    runner.useConflictCheck((cells) => {
      const found = new Map<string, string>();
      for (const problem of checkNotebook(cells.map((c) => ({ id: c.id, position: c.position, declarations: c.outputs, references: c.inputs })), where)) {
        if (!found.has(problem.cellId)) found.set(problem.cellId, problem.reason);
      }
      return found;
    });
    await runner.settled();
    expect(text("two")).toContain(`x is defined twice: here and at test.md:${first.position.line}:1`);
    expect(text("ca")).toContain(`these cells depend on each other in a cycle: test.md:${a.position.line}:1 defines a and reads b; test.md:${b.position.line}:1 defines b and reads a`);
    expect(runner.failures().find((f) => f.cellId === "two")).toMatchObject({ own: true });
    runner.dispose();
  });

  it("shows what display() was given, replacing the previous run's output", async () => {
    const cells = [cell("n", [], ["n"], () => ({ n: 2 })), cell("shows", ["display", "n"], [], (display, n) => { for (let i = 0; i < n; i++) display(`item ${i}`); }, false)];
    const { runner, roots } = run(cells);
    await runner.settled();
    expect(roots.get("shows")!.children.length).toBe(2);
    runner.redefine({ ...cells[0]!, body: () => ({ n: 3 }) });
    await new Promise((r) => setTimeout(r, 30));
    expect(roots.get("shows")!.children.length).toBe(3);
    expect(roots.get("shows")!.textContent).toBe("item 0item 1item 2");
    runner.dispose();
  });

  it("follows an input through view()", async () => {
    const { runner, text, roots } = run([
      cell("slider", ["view", "Inputs"], ["x"], (view, Inputs) => ({ x: view(Inputs.range([0, 10], { value: 3, step: 1 })) })),
      cell("double", ["x"], [], (x) => x * 2),
    ]);
    await runner.settled();
    expect(text("double")).toBe("6");
    const range = roots.get("slider")!.querySelector("input[type=range]") as HTMLInputElement;
    range.value = "8";
    range.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
    expect(text("double")).toBe("16");
    runner.dispose();
  });

  it("keeps an input alive while no cell reads it, so a cell that reads it again gets its value", async () => {
    const cells = [
      cell("slider", ["view", "Inputs"], ["x"], (view, Inputs) => ({ x: view(Inputs.range([0, 10], { value: 3, step: 1 })) })),
      cell("double", ["x"], [], (x) => x * 2),
    ];
    const { runner, text } = run(cells);
    await runner.settled();
    runner.redefine({ ...cells[1]!, inputs: [], body: () => "no input" });
    await new Promise((r) => setTimeout(r, 50));
    expect(text("double")).toBe("no input");
    runner.redefine(cells[1]!);
    await new Promise((r) => setTimeout(r, 50));
    expect(text("double")).toBe("6");
    runner.dispose();
  });

  it("counts a redefined cell as pending at once, so settled() right after waits for its new value", async () => {
    const cells = [cell("a", [], ["a"], () => ({ a: 2 })), cell("sq", ["a"], [], (a) => a * a)];
    const { runner, text } = run(cells);
    await runner.settled();
    runner.redefine({ ...cells[0]!, body: () => ({ a: 5 }) });
    expect(runner.status("a")).toBe("pending");
    await runner.settled();
    expect(text("sq")).toBe("25");
    runner.dispose();
  });
});
