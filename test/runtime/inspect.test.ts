import { beforeAll, describe, expect, it } from "vitest";
import { installBuildDom } from "../../src/publish/dom.ts";
import { formatNumber } from "../../src/runtime/format.ts";
import { describe as describeValue, inspect } from "../../src/runtime/inspect.ts";

beforeAll(() => {
  installBuildDom();
});

const html = (value: unknown, inline = false) => {
  const node = inspect(value, { inline });
  if (!node) return "";
  const box = document.createElement("div");
  box.append(node);
  return box.innerHTML;
};

describe("formatNumber", () => {
  it.each([
    [0, "0"],
    [-0, "0"],
    [1287000, "1,287,000"],
    [1918.9, "1,918.9"],
    [12345.678, "12,345.7"],
    [3.14159, "3.142"],
    [0.012345, "0.01235"],
    [0.1 + 0.2, "0.3"],
    [-2.5, "−2.5"],
    [1.5e-7, "1.5e−7"],
    [6.02e23, "6.02e+23"],
    [Infinity, "∞"],
  ])("%s → %s", (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});

describe("inspect", () => {
  it("keeps markup in strings as text", () => {
    expect(html("<script>alert(1)</script>")).toBe('<div class="wb-value">&lt;script&gt;alert(1)&lt;/script&gt;</div>');
    expect(html("<img src=x onerror=alert(1)>", true)).not.toContain("<img");
  });

  it("renders arrays of objects as tables, escaping cells", () => {
    const out = html([{ region: "Quebec", g: 20 }, { region: "<b>Poland</b>", g: 820 }]);
    expect(out).toContain("<th>region</th><th>g</th>");
    expect(out).toContain('<td class="wb-num">820</td>');
    expect(out).toContain("&lt;b&gt;Poland&lt;/b&gt;");
  });

  it("renders plain objects as key/value tables and shows nothing for undefined", () => {
    expect(html({ facilityKWh: 1918.9 })).toBe('<table class="wb-object"><tbody><tr><th>facilityKWh</th><td class="wb-num">1,918.9</td></tr></tbody></table>');
    expect(inspect(undefined)).toBeNull();
  });

  it("inserts DOM nodes as themselves", () => {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    expect(inspect(svg)).toBe(svg);
  });

  it("prints years without a thousands separator", () => {
    const out = html([{ citation: "Patterson et al.", year: 2021, energyKWh: 1287000 }]);
    expect(out).toContain('<td class="wb-num">2021</td>');
    expect(out).toContain('<td class="wb-num">1,287,000</td>');
  });

  it("caps long tables", () => {
    const rows = Array.from({ length: 250 }, (_, i) => ({ i }));
    const out = html(rows);
    expect(out.match(/<tr>/g)!.length).toBe(201);
    expect(out).toContain("… 50 more rows");
  });

  it("describes values in one line", () => {
    expect(describeValue([1, "a", { b: 2 }])).toBe('[1, "a", {b: 2}]');
    expect(describeValue(new Error("boom"))).toBe("Error: boom");
    expect(describeValue(function energy() {})).toBe("ƒ energy()");
  });
});
