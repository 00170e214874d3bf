import { describe, expect, test } from "vitest";
import { accelerators, supportFactors } from "../../src/kernel/catalogs/accelerators.ts";
import { anchors, gpt3, publishedTrainingCarbon } from "../../src/kernel/catalogs/anchors.ts";
import { energySources, grids } from "../../src/kernel/catalogs/grids.ts";
import { computeEnergy, memoryEnergy, precisionEnergy, precisionRatios } from "../../src/kernel/catalogs/operations.ts";
import type { Sourced } from "../../src/kernel/catalog.ts";
import type { SourcedRange } from "../../src/kernel/catalogs/range.ts";

const flatCatalogs = { grids, energySources, supportFactors, computeEnergy, memoryEnergy, precisionEnergy, precisionRatios, anchors, gpt3, publishedTrainingCarbon };

function expectSourced(id: string, record: Sourced): void {
  expect(Number.isFinite(record.value), `${id}.value`).toBe(true);
  expect(record.unit.length, `${id}.unit`).toBeGreaterThan(0);
  expect(record.citation.length, `${id}.citation`).toBeGreaterThan(0);
  expect(Number.isInteger(record.year) && record.year >= 1900 && record.year <= 2026, `${id}.year`).toBe(true);
  if ("note" in record) expect(record.note!.length, `${id}.note`).toBeGreaterThan(0);
}

describe("every catalog entry is a sourced record", () => {
  test.each(Object.entries(flatCatalogs))("%s", (name, catalog) => {
    for (const [id, record] of Object.entries(catalog)) expectSourced(`${name}.${id}`, record);
  });

  test("accelerators: each field with a value is sourced, and the roofline ceilings are present", () => {
    for (const [id, part] of Object.entries(accelerators)) {
      expect(part.name.length).toBeGreaterThan(0);
      for (const [field, record] of Object.entries(part)) if (field !== "name") expectSourced(`accelerators.${id}.${field}`, record as Sourced);
      expect(part.peakFlopsPerSecond.value).toBeGreaterThan(1e12);
      expect(part.memoryBandwidthBytesPerSecond.value).toBeGreaterThan(1e11);
    }
  });

  test("ranges hold their midpoint and say so", () => {
    const ranges: [string, SourcedRange][] = Object.entries({ ...energySources }).concat(
      Object.entries(computeEnergy).filter((entry): entry is [string, SourcedRange] => "low" in entry[1]),
    );
    expect(ranges.length).toBeGreaterThanOrEqual(10);
    for (const [id, range] of ranges) {
      expect(range.low, id).toBeLessThanOrEqual(range.value);
      expect(range.value, id).toBeLessThanOrEqual(range.high);
      expect(range.note, id).toMatch(/midpoint/);
    }
  });
});

describe("the values the chapter's examples rely on", () => {
  test("grids", () => {
    expect(grids.usAverage.value).toBe(429);
    expect(grids.quebec.value).toBe(20);
    expect(grids.poland.value).toBe(820);
    expect(grids.france.value).toBe(50);
    expect(grids.norway.note).toMatch(/illustrative/);
    expect(energySources.coal.low).toBe(820);
    expect(energySources.coal.high).toBe(1200);
  });

  test("accelerators and the DGX rack profile", () => {
    expect(accelerators.h100.watts.value).toBe(700);
    expect(accelerators.h100.embodiedKgCO2e.value).toBe(164);
    expect(accelerators.h100.embodiedKgCO2e.value * 8).toBe(1312);
    expect(accelerators.a100.watts.value).toBe(400);
    expect(accelerators.a100.embodiedKgCO2e.value).toBe(150);
    // Table 6: (22.4 + 3.2 + 1.6 + 0.8 + 2.8) kW of IT for 22.4 kW of GPUs.
    expect(supportFactors.dgxH100Rack.value).toBeCloseTo((22.4 + 3.2 + 1.6 + 0.8 + 2.8) / 22.4, 12);
    expect(supportFactors.acceleratorOnly.value).toBe(1);
  });

  test("energy per operation and per byte (Tables 2 and 3)", () => {
    expect(computeEnergy.gpuTensorCores.value).toBe(10);
    expect(memoryEnergy.dram.value).toBe(160);
    expect(memoryEnergy.dram.value / computeEnergy.gpuTensorCores.value).toBe(16);
    expect(precisionEnergy.fp32Multiply.value / precisionEnergy.int8Multiply.value).toBe(precisionRatios.int8VsFp32.value);
    const hierarchy = [memoryEnergy.register, memoryEnergy.l1Cache, memoryEnergy.l2Cache, memoryEnergy.dram, memoryEnergy.nvmeSsd, memoryEnergy.network].map((r) => r.value);
    expect(hierarchy).toEqual([...hierarchy].sort((a, b) => a - b));
    expect(hierarchy.at(-1)! / hierarchy[0]!).toBe(1e5); // "five orders of magnitude"
  });

  test("anchors", () => {
    expect(anchors.householdMWhPerYear.value).toBe(10.7);
    expect(anchors.flightKgCO2e.value).toBe(1000);
    expect(gpt3.trainingMWh.value).toBe(1287);
    expect(gpt3.trainingTCO2e.value).toBe(552);
    expect(gpt3.trainingMWh.citation).toBe("Patterson et al. 2021");
  });
});
