// Observable Framework's built-ins as modules (src/runtime/generators.ts, mutable.ts, markup-template.ts,
// md.ts, tex.ts, resize.ts), in this process on the build's DOM: what each yields, renders or returns,
// and a Mutable set from another cell reaching the cells that read it.
import katex from "katex";
import { beforeAll, describe, expect, it } from "vitest";
import { installBuildDom } from "../../src/publish/dom.ts";
import { BUILD_HEIGHT, BUILD_WIDTH, createBuiltins } from "../../src/runtime/builtins.ts";
import { observe, queue, once } from "../../src/runtime/generators.ts";
import { markupTemplate } from "../../src/runtime/markup-template.ts";
import { md } from "../../src/runtime/md.ts";
import { Mutable } from "../../src/runtime/mutable.ts";
import { NotebookRun } from "../../src/runtime/notebook.ts";
import { resizeAt } from "../../src/runtime/resize.ts";
import { tex } from "../../src/runtime/tex.ts";
import type { CompiledCell } from "../../src/notebook/types.ts";

beforeAll(() => {
  installBuildDom();
});

const html = (node: Node) => (node as Element).outerHTML;

describe("Generators.observe and Generators.queue", () => {
  it("observe yields the latest value; queue yields every value, in order", async () => {
    let push!: (value: number) => void;
    const latest = observe<number>((change) => void (push = change));
    const first = latest.next();
    push(1);
    expect((await first).value).toBe(1);
    push(2);
    push(3);
    expect((await latest.next()).value).toBe(3);

    let send!: (value: number) => void;
    const all = queue<number>((change) => void (send = change));
    const head = all.next();
    send(1);
    send(2);
    send(3);
    expect([(await head).value, (await all.next()).value, (await all.next()).value]).toEqual([1, 2, 3]);
  });

  it("runs the disposer when the consumer stops, and names an initializer that returns something else", async () => {
    let disposed = 0;
    const generator = queue<number>((change) => {
      change(1);
      return () => void disposed++;
    });
    await generator.next();
    await generator.return();
    expect(disposed).toBe(1);
    // An async initializer, as a JavaScript cell may pass one.
    const async = observe((async () => {}) as unknown as () => void);
    await expect(async.next()).rejects.toThrow("Generators.observe: the initializer returned a promise (an async initializer); it may return only a function that releases what it set up");
  });

  it("once yields its value and ends", async () => {
    const generator = once(7);
    expect(await generator.next()).toEqual({ value: 7, done: false });
    expect((await generator.next()).done).toBe(true);
  });
});

describe("Mutable", () => {
  it("yields its initial value, then each value set; a value set before the first read is the first value", async () => {
    const count = Mutable(1);
    expect((await count.next()).value).toBe(1);
    count.value = 5;
    expect(count.value).toBe(5);
    expect((await count.next()).value).toBe(5);
    const early = Mutable(0);
    early.value = 9;
    expect((await early.next()).value).toBe(9);
  });

  it("in a notebook: other cells read the value, and a function the declaring cell exports changes it", async () => {
    let line = 0;
    const cell = (id: string, inputs: string[], outputs: string[], body: (...args: any[]) => unknown): CompiledCell => ({ id, inputs, outputs, body, expression: outputs.length === 0, inline: false, position: { line: ++line, column: 1 } });
    const roots = new Map<string, Element>();
    const run = new NotebookRun(
      {
        path: "t.md",
        cells: [
          cell("declare", ["Mutable"], ["count", "increment"], (Mutable: (value: number) => { value: number }) => {
            const count = Mutable(10);
            return { count, increment: () => ++count.value };
          }),
          cell("read", ["count"], [], (count: number) => `count is ${count}`),
        ],
      },
      { builtins: createBuiltins({ width: BUILD_WIDTH }), root: (c) => (roots.set(c.id, document.createElement("div")), roots.get(c.id)!) },
    );
    await run.settled();
    expect(roots.get("read")!.textContent).toBe("count is 10");
    const increment = (await run.module.value("increment")) as () => number;
    increment();
    increment();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await run.settled();
    expect(roots.get("read")!.textContent).toBe("count is 12");
    run.dispose();
  });
});

describe("md", () => {
  it("renders Markdown to DOM: one element as itself, several in a div", () => {
    const single = md`Some **bold** and a [link](#a).` as Element;
    expect(single.nodeName).toBe("P");
    expect(single.querySelector("strong")!.textContent).toBe("bold");
    expect(single.querySelector("a")!.getAttribute("href")).toBe("#a");
    const several = md`## Title ${"text"}\n\n- one\n- two` as Element;
    expect(several.nodeName).toBe("DIV");
    expect(several.querySelector("h2")!.textContent).toBe("Title text");
    expect(Array.from(several.querySelectorAll("li"), (li) => li.textContent)).toEqual(["one", "two"]);
  });

  it("puts interpolated nodes where they were written, keeps them the same nodes, and leaves null out", () => {
    const badge = document.createElement("em");
    badge.textContent = "node";
    const items = [document.createElement("i"), document.createElement("b")];
    const out = md`Before ${badge} after ${null}${undefined}; ${items} end.` as Element;
    expect(out.querySelector("em")).toBe(badge);
    expect(out.textContent).toBe("Before node after ;  end.");
    expect(Array.from(out.querySelectorAll("i, b"))).toEqual(items);
    expect(out.innerHTML).not.toContain("wb-node");
  });

  it("markupTemplate gives the rendered text with a placeholder per node or run of nodes", () => {
    const seen: string[] = [];
    const tag = markupTemplate((text) => {
      seen.push(text);
      const root = document.createElement("div");
      root.innerHTML = text;
      return root;
    });
    tag`a ${document.createElement("span")} b ${[1, document.createElement("i"), document.createElement("i"), 2]}`;
    expect(seen).toEqual(["a <!--wb-node:0--> b 1<!--wb-node:1-->2"]);
  });
});

describe("tex", () => {
  it("typesets raw TeX as KaTeX does for the prose's math, inline and as a block", () => {
    const inline = tex`\frac{a}{${"b"}}`;
    // The template is raw: \f stays a backslash and an f.
    expect(html(inline)).toBe(katex.renderToString("\\frac{a}{b}", { output: "htmlAndMathml", strict: "ignore" }));
    const block = tex.block`E = mc^2`;
    expect(block.className).toBe("katex-display");
    expect(block.querySelector("annotation")!.textContent).toBe("E = mc^2");
    const colored = tex.options({ macros: { "\\kWh": "\\mathrm{kWh}" } })`3\kWh`;
    expect(colored.querySelector("annotation")!.textContent).toBe("3\\kWh");
    expect(colored.querySelector(".mathrm")).not.toBeNull();
  });

  it("throws KaTeX's parse error for TeX that does not parse", () => {
    expect(() => tex`\frac{a`).toThrow(/KaTeX parse error/);
  });
});

describe("resize at build", () => {
  it("renders once at the build's width and height, and waits for a render that returns a promise", async () => {
    const resize = resizeAt(BUILD_WIDTH, BUILD_HEIGHT);
    const div = resize((width) => `${width}`) as HTMLDivElement;
    expect(div.textContent).toBe(String(BUILD_WIDTH));
    const both = resize((width, height) => `${width}×${height}`) as HTMLDivElement;
    expect(both.textContent).toBe(`${BUILD_WIDTH}×${BUILD_HEIGHT}`);
    const later = resize(async (width) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const p = document.createElement("p");
      p.textContent = `at ${width}`;
      return p;
    });
    expect(later).toBeInstanceOf(Promise);
    expect(((await later) as HTMLDivElement).innerHTML).toBe(`<p>at ${BUILD_WIDTH}</p>`);
  });
});
