// The Sources table a page renders from the kernel's sourceRows: rows anchored by record id, citations linked
// to a References list with each cited work once, no scroll wrapper, and numbers that keep the column narrow.
import { beforeAll, describe, expect, it } from "vitest";
import { installBuildDom } from "../../src/publish/dom.ts";
import { accelerators, grids, printedGeography, sourceRows, sourced } from "../../src/kernel/index.ts";
import { inspect } from "../../src/runtime/inspect.ts";
import { isSourceTable, sourceNumber } from "../../src/runtime/sources-table.ts";

beforeAll(() => {
  installBuildDom();
});

function rendered(value: unknown): HTMLElement {
  const box = document.createElement("div");
  box.append(inspect(value)!);
  return box;
}

describe("sources table", () => {
  it("knows the kernel's rows from an ordinary table of rows", () => {
    const rows = sourceRows([grids.usAverage]);
    expect(isSourceTable(rows)).toBe(true);
    expect(isSourceTable([...rows])).toBe(false);
    expect(isSourceTable([{ quantity: "x" }])).toBe(false);
  });

  it("anchors each row at its record, labels it with the record's name and links its citation to the reference", () => {
    const box = rendered(sourceRows([grids.usAverage, accelerators.h100.watts, grids.usAverage]));
    const rows = [...box.querySelectorAll("tbody tr")];
    expect(rows.map((row) => row.id)).toEqual(["ref-grids-usAverage", "ref-accelerators-h100-watts", ""]);
    expect(rows[0]!.querySelector("th")!.textContent).toBe(grids.usAverage.name);
    const links = [...box.querySelectorAll("td.wb-sources-source a")].map((a) => a.getAttribute("href"));
    const entries = [...box.querySelectorAll(".wb-reference")].map((li) => li.id);
    expect(new Set(links)).toEqual(new Set(entries.map((id) => `#${id}`)));
    expect(entries).toEqual(["cite-nvidiaH100Datasheet", "cite-patterson2021"]);
    expect(box.querySelector(".wb-table-wrap")).toBeNull();
  });

  it("writes a full reference: authors (year), title, where published; a chapter locator and the work it cites", () => {
    const box = rendered(sourceRows([grids.usAverage]));
    expect(box.querySelector("#cite-patterson2021")!.textContent).toMatch(/David Patterson.*Jeff Dean \(2021\)\. Carbon Emissions and Large Neural Network Training\. arXiv preprint\./);
    const cited = Object.values(printedGeography).find((record) => record.cites !== undefined);
    expect(cited, "a record of the chapter citing another work").toBeDefined();
    const cell = rendered(sourceRows([cited!])).querySelector("td.wb-sources-source")!;
    expect(cell.textContent).toBe(`Sustainable AI chapter, ${cited!.locator}, citing ${cited!.cites!.short}`);
    expect([...cell.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual(["#cite-chapter", `#cite-${cited!.cites!.id}`]);
  });

  it("shows a citation it cannot resolve as plain text, and lists no reference for it", () => {
    const box = rendered(sourceRows({ "A guess": sourced(1, "W", "Someone 1999", 1999) }));
    expect(box.querySelector("td.wb-sources-source")!.innerHTML).toBe("Someone 1999");
    expect(box.querySelector(".wb-references")).toBeNull();
  });

  it("writes very large and very small numbers as powers of ten", () => {
    expect(sourceNumber(1.75e11)).toBe("1.75 × 10¹¹");
    expect(sourceNumber(-2.5e-5)).toBe("−2.5 × 10⁻⁵");
    expect(sourceNumber(429)).toBe("429");
  });
});
