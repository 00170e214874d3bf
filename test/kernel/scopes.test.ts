import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { emissionsByScope, emissionSources, scopeOf, type EmissionSourceId } from "../../src/kernel/scopes.ts";
import { expectClose, expectPrinted, messageOf } from "./printed.ts";


describe("chapter examples", () => {
  test("Checkpoint 1.2: accounting for invisible carbon (its self-check's five sources)", () => {
    const scope = (source: EmissionSourceId) => scopeOf({ source }).scope;
    expect(scope("backupDiesel")).toBe(1); // S1: diesel burned by the team's own backup generators
    expect(scope("purchasedElectricity")).toBe(2); // S2: grid electricity for the leased GPUs
    expect(scope("coolingElectricity")).toBe(2); // S3: cooling on the same purchased-power meter
    expect(scope("acceleratorManufacturing")).toBe(3); // S4: embodied carbon of the accelerators
    expect(scope("endUserDevices")).toBe(3); // S5: end-user phones running the deployed model
  });

  test("Napkin Math 1.4: 681.9 t of operational (Scope 2) and 9.3 t of amortized embodied (Scope 3) carbon, 691.3 t", () => {
    // 2,048 H100s for 30 days: 1,589,575.7 kWh at 429 g/kWh, and one month of a 3-year life of 164 kg per GPU.
    const operationalKg = (1_589_575.7 * 429) / 1000;
    const embodiedKg = (2048 * 164) / 36;
    const r = emissionsByScope({
      items: [
        { source: "purchasedElectricity", kgCO2e: operationalKg },
        { source: "acceleratorManufacturing", kgCO2e: embodiedKg },
      ],
    });
    expectPrinted(r.scope2KgCO2e / 1000, 681.9, 1);
    expectPrinted(r.scope3KgCO2e / 1000, 9.3, 1);
    expectPrinted(r.totalKgCO2e / 1000, 691.3, 1);
    expect(r.scope1KgCO2e).toBe(0);
    expectPrinted(r.scope3Share, 0.013, 3);
  });
});

describe("catalog", () => {
  test("every source has a scope of 1, 2 or 3 and says what it is", () => {
    for (const record of Object.values(emissionSources)) {
      expect([1, 2, 3]).toContain(record.value);
      expect(record.note?.length).toBeGreaterThan(0);
      expect(record.citation.length).toBeGreaterThan(0);
    }
  });
});

describe("errors", () => {
  test("unknown sources, negative emissions, bad elements and unknown fields", () => {
    expect(messageOf(() => scopeOf({ source: "coffee" as never }))).toMatch(/^scopeOf: source must be one of "backupDiesel", .* \(got "coffee"\)$/);
    expect(messageOf(() => emissionsByScope({ items: [{ source: "backupDiesel", kgCO2e: -4 }] }))).toBe("emissionsByScope: items.0.kgCO2e must be ≥ 0 (got -4)");
    expect(messageOf(() => emissionsByScope({ items: [{ source: "backupDiesel", kgCO2e: Number.NaN }] }))).toBe(
      "emissionsByScope: items.0.kgCO2e must be a finite number (got NaN)",
    );
    expect(messageOf(() => emissionsByScope({ items: [{ source: "backupDiesel", kgCO2e: 1, scope: 2 }] } as never))).toBe(
      'emissionsByScope: unknown field "scope" in items.0',
    );
    expect(messageOf(() => emissionsByScope({} as never))).toBe("emissionsByScope: items is required");
  });
});

describe("properties", () => {
  const ids = Object.keys(emissionSources) as EmissionSourceId[];
  const itemArb = fc.record({ source: fc.constantFrom(...ids), kgCO2e: fc.double({ min: 0, max: 1e9, noNaN: true }) });

  test("scope totals add up to the total, and each item lands in its catalogued scope", () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 20 }), (items) => {
        const r = emissionsByScope({ items });
        expectClose(r.scope1KgCO2e + r.scope2KgCO2e + r.scope3KgCO2e, r.totalKgCO2e, 1e-12);
        expectClose(r.totalKgCO2e, items.reduce((sum, i) => sum + i.kgCO2e, 0), 1e-9);
        r.items.forEach((item, i) => expect(item.scope).toBe(emissionSources[items[i]!.source].value));
        if (r.totalKgCO2e > 0) expectClose(r.scope1Share + r.scope2Share + r.scope3Share, 1, 1e-12);
      }),
    );
  });
});
