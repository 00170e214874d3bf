// Provenance in the kernel: with a recording open, a kernel call notes its name, the input as parsed
// (defaults filled, and which fields took them), its output and the records read during it; a record
// notes each read of its value (and a range's ends); with none open, nothing is noted.
import { describe, expect, it } from "vitest";
import {
  accelerators,
  anchors,
  clusterEnergy,
  energySources,
  grids,
  householdYears,
  operationalCarbon,
  sourced,
  sourceRows,
} from "../../src/kernel/index.ts";
import { currentRecording, isSourcedRecord, MAX_RECORDED_CALLS, newRecording, recordingInto } from "../../src/kernel/provenance.ts";

const record = <T>(body: () => T) => {
  const recording = newRecording();
  const result = recordingInto(recording, body);
  return { recording, result };
};

describe("kernel calls", () => {
  it("are noted with the input as parsed, the fields given, the output and what they read", () => {
    const { recording, result } = record(() => householdYears({ energyMWh: 1287 }));
    expect(recording.calls).toHaveLength(1);
    const [call] = recording.calls;
    expect(call!.name).toBe("householdYears");
    expect(call!.input).toEqual({ energyMWh: 1287, householdMWhPerYear: 10.7 });
    expect(call!.given).toEqual(["energyMWh"]);
    expect(call!.output).toBe(result);
    // The default comes from a catalog record, read by this call.
    expect([...call!.constants]).toEqual([anchors.householdMWhPerYear]);
    expect(recording.constants.size).toBe(0);
  });

  it("read no default when the caller gives the field", () => {
    const { recording } = record(() => householdYears({ energyMWh: 1287, householdMWhPerYear: 11 }));
    expect(recording.calls[0]!.constants.size).toBe(0);
  });

  it("note what they threw, and still throw it", () => {
    const recording = newRecording();
    expect(() => recordingInto(recording, () => operationalCarbon({ energyKWh: -1, gridGPerKWh: 20 }))).toThrow(/energyKWh must be ≥ 0/);
    expect(String(recording.calls[0]!.thrown)).toMatch(/energyKWh must be ≥ 0/);
    expect(currentRecording()).toBeUndefined();
  });

  it("keep the first few of many calls and count the rest", () => {
    const { recording } = record(() => {
      for (let hours = 0; hours < MAX_RECORDED_CALLS + 5; hours++) clusterEnergy({ devices: 8, watts: 700, hours, pue: 1.1 });
    });
    expect(recording.calls).toHaveLength(MAX_RECORDED_CALLS);
    expect(recording.moreCalls.get("clusterEnergy")).toBe(5);
  });

  it("note a sweep once, with its fields and length", () => {
    const { recording, result } = record(() => clusterEnergy.sweep({ devices: 8, watts: 700, pue: 1.1 }, { hours: [1, 2, 3] }));
    expect(result).toHaveLength(3);
    expect(recording.calls).toHaveLength(1);
    expect(recording.calls[0]).toMatchObject({ name: "clusterEnergy", sweep: { fields: ["hours"], length: 3 } });
  });

  it("are not noted with no recording open, and return the same results", () => {
    expect(currentRecording()).toBeUndefined();
    const plain = clusterEnergy({ devices: 8, watts: 700, hours: 24, pue: 1.1 });
    const { result } = record(() => clusterEnergy({ devices: 8, watts: 700, hours: 24, pue: 1.1 }));
    expect(result).toEqual(plain);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });
});

describe("sourced records", () => {
  it("note reads of their value, outside calls as the body's own", () => {
    const { recording, result } = record(() => grids.quebec.value * 2);
    expect(result).toBe(40);
    expect([...recording.constants]).toEqual([grids.quebec]);
  });

  it("note reads of a range's ends", () => {
    const { recording } = record(() => energySources.coal.low);
    expect([...recording.constants]).toEqual([energySources.coal]);
  });

  it("read as plain data everywhere else: same keys, same JSON, frozen, and a spread copy is not the record", () => {
    expect(Object.keys(accelerators.h100.watts)).toEqual(["value", "unit", "citation", "year", "name", "reference", "id"]);
    expect(JSON.parse(JSON.stringify(grids.quebec))).toMatchObject({ name: "Quebec grid (hydro)", id: "grids.quebec", value: 20, unit: "gCO2e/kWh", citation: "Sustainable AI chapter, Napkin Math 1.3", year: 2026, note: "hydropower; the chapter's canonical clean grid" });
    expect(Object.isFrozen(grids.quebec)).toBe(true);
    // Refused as a getter-only property's assignment is (cell-failure.ts matches the words for its hint).
    expect(() => {
      (grids.quebec as { value: number }).value = 1;
    }).toThrow(/^Cannot set property value of .* which has only a getter/);
    expect(() => {
      (energySources.coal as { low: number }).low = 1;
    }).toThrow(/^Cannot set property low of .* which has only a getter/);
    expect(grids.quebec.value).toBe(20);
    const copy = { ...accelerators.h100.watts, value: 500 };
    expect(isSourcedRecord(copy)).toBe(false);
    const { recording } = record(() => copy.value);
    expect(recording.constants.size).toBe(0);
  });

  it("made by a notebook with sourced() are records too", () => {
    const own = sourced(300, "gCO2e/kWh", "Our utility bill", 2024);
    expect(isSourcedRecord(own)).toBe(true);
    const { recording } = record(() => own.value);
    expect([...recording.constants]).toEqual([own]);
    expect(sourceRows({ "Our grid": own })[0]).toMatchObject({ value: 300, citation: "Our utility bill" });
  });
});
