// Names and citations for readers: every sourced record the kernel exports has a name a page can show, an id
// that says where it lives, and its short citation resolved to a full reference (authors, title, year).
import { describe, expect, test } from "vitest";
import * as kernel from "../../src/kernel/index.ts";
import { catalog, isSourced, sourced, type Sourced } from "../../src/kernel/catalog.ts";
import { recordAnchor } from "../../src/kernel/sources.ts";

/** Every sourced record reachable from the kernel's exports, with the path it was reached by. */
function sourcedRecords(): [string, Sourced<unknown>][] {
  const found: [string, Sourced<unknown>][] = [];
  const seen = new Set<object>();
  const visit = (value: unknown, path: string) => {
    if (value === null || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    if (isSourced(value)) found.push([path, value]);
    else for (const [key, child] of Object.entries(value)) visit(child, `${path}.${key}`);
  };
  for (const [name, value] of Object.entries(kernel)) if (name !== "references") visit(value, name);
  return found;
}

describe("sourced records carry names and full citations", () => {
  const records = sourcedRecords();

  test("the kernel exports a few hundred of them", () => {
    expect(records.length).toBeGreaterThan(300);
  });

  test("each has a reader's name that is not a code key", () => {
    const unnamed = records.filter(([, r]) => !r.name || /^[a-z]+[A-Z0-9_]/.test(r.name) || /^[a-z]+\d/.test(r.name)).map(([path]) => path);
    expect(unnamed).toEqual([]);
  });

  test("each has an id: the path it is exported at, which its anchor is made from", () => {
    const misplaced = records.filter(([path, r]) => r.id !== path).map(([path, r]) => `${path} has id ${r.id}`);
    expect(misplaced).toEqual([]);
    expect(recordAnchor("accelerators.h100.watts")).toBe("ref-accelerators-h100-watts");
  });

  test("each citation resolves to a reference with authors (or a note saying what it is), a title and a year", () => {
    const unresolved = records.filter(([, r]) => !r.reference).map(([path, r]) => `${path}: "${r.citation}"`);
    expect(unresolved).toEqual([]);
    for (const reference of Object.values(kernel.references)) {
      expect(reference.title.length, reference.id).toBeGreaterThan(3);
      expect(reference.year, reference.id).toBeGreaterThan(1900);
      expect(reference.authors ?? reference.note, reference.id).toBeTruthy();
    }
  });

  test("no reference carries a web address or DOI the chapter does not give (it gives none)", () => {
    expect(Object.values(kernel.references).filter((r) => r.url !== undefined || r.doi !== undefined)).toEqual([]);
  });
});

describe("resolveCitation", () => {
  test("a whole short form names its work", () => {
    expect(kernel.resolveCitation("Patterson et al. 2021")).toEqual({ reference: kernel.references.patterson2021 });
  });

  test("the chapter with a locator, and a work the chapter cites for the value", () => {
    expect(kernel.resolveCitation("Sustainable AI chapter, Table 2")).toEqual({ reference: kernel.references.chapter, locator: "Table 2" });
    expect(kernel.resolveCitation("Sustainable AI chapter, footnote 39 (Radovanovic et al. 2021)")).toEqual({
      reference: kernel.references.chapter,
      locator: "footnote 39",
      cites: kernel.references.radovanovic2021,
    });
  });

  test("a citation it does not know resolves to nothing rather than a guess", () => {
    expect(kernel.resolveCitation("Someone et al. 1999")).toBeUndefined();
    expect(sourced(1, "W", "Someone et al. 1999", 1999).reference).toBeUndefined();
  });
});

describe("sourced and catalog", () => {
  test("sourced takes a note, or a name and a note, and leaves absent fields out", () => {
    expect(Object.keys(sourced(1, "W", "Someone 1999", 1999))).toEqual(["value", "unit", "citation", "year"]);
    expect(sourced(1, "W", "Someone 1999", 1999, "rounded").note).toBe("rounded");
    const named = sourced(1, "W", "Someone 1999", 1999, { name: "Board power", note: "rounded" });
    expect([named.name, named.note]).toEqual(["Board power", "rounded"]);
  });

  test("catalog gives each record its path as id, copies it, and freezes the tree", () => {
    const record = sourced(700, "W", "NVIDIA H100 datasheet", 2022, { name: "H100 board power" });
    const tree = catalog("parts", { h100: { watts: record, label: "H100" } });
    expect(tree.h100.watts.id).toBe("parts.h100.watts");
    expect(tree.h100.watts.reference?.id).toBe("nvidiaH100Datasheet");
    expect(record.id).toBeUndefined();
    expect(Object.isFrozen(tree.h100) && Object.isFrozen(tree.h100.watts)).toBe(true);
  });
});
