import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { anchors } from "../../src/kernel/catalogs/anchors.ts";
import { combinedReduction, energyGrowth, energyWall, growthRate, jevonsRebound } from "../../src/kernel/growth.ts";
import { expectClose, expectPrinted } from "./printed.ts";

describe("chapter examples", () => {
  test("Footnote 7: 350,000× from 2012 to 2019 is a 4.6-month doubling, 5.3× faster than Moore's two years", () => {
    const compute = growthRate({ totalGrowth: anchors.aiCompute2012to2019.value, years: 7 });
    expectPrinted(compute.doublingMonths, 4.6, 1);
    expectPrinted((anchors.mooreDoublingYears.value * 12) / compute.doublingMonths, 5.3, 1);
  });

  test("Key takeaways: that growth is about 6.2× per year against a 1.5× hardware-efficiency curve", () => {
    expectPrinted(growthRate({ totalGrowth: 350_000, years: 7 }).annualFactor, 6.2, 1);
    // Not printed: energy then grows 6.2 / 1.5 = 4.1× a year, about 20,000× over the seven years.
    const energy = energyGrowth({ computeGrowthPerYear: 350_000 ** (1 / 7), efficiencyGrowthPerYear: anchors.hardwareEfficiencyPerYear.value, years: 7 });
    expectPrinted(energy.energyGrowthPerYear, 4.1, 1);
    expectPrinted(energy.computeGrowth, 350_000, 0);
    expectPrinted(energy.energyGrowth, 20_485, 0);
  });

  test("The energy wall: over 7 years batteries improve 40.7% (5%/yr), grids 14.9% (2%/yr); the gap is 248,738.5×", () => {
    const battery = energyWall({ computeGrowth: 350_000, years: 7, infrastructureRatePerYear: anchors.batteryDensityPerYear.value });
    const grid = energyWall({ computeGrowth: 350_000, years: 7, infrastructureRatePerYear: anchors.gridEfficiencyPerYear.value });
    expectPrinted((battery.infrastructureGrowth - 1) * 100, 40.7, 1);
    expectPrinted((grid.infrastructureGrowth - 1) * 100, 14.9, 1);
    // The printed gap is compute against the battery curve, the faster of the two.
    expectPrinted(battery.gapFactor, 248_738.5, 1);
  });

  test("Checkpoint 1.5: the efficiency trap — a 2× efficiency gain breaks even at 2× demand", () => {
    const trap = jevonsRebound({ efficiencyGain: 2, demandGrowth: 2 });
    expect(trap.breakEvenDemandGrowth).toBe(2);
    expect(trap.totalEnergyRatio).toBe(1);
    expect(trap.backfire).toBe(false);
    expect(jevonsRebound({ efficiencyGain: 2, demandGrowth: 3 }).totalEnergyRatio).toBe(1.5);
  });

  test("Self-check: halved per-query compute and 40% more total energy means demand grew 2.8×", () => {
    const rebound = jevonsRebound({ efficiencyGain: 2, demandGrowth: 2.8 });
    expectClose(rebound.energyChangeFraction, 0.4);
    expect(rebound.backfire).toBe(true);
  });

  test("Fallacy (efficiency reduces impact): tokens 30× cheaper ($0.06 → $0.002) with 100× the queries is 3.3× the energy", () => {
    expectPrinted(0.06 / 0.002, 30, 0);
    const rebound = jevonsRebound({ efficiencyGain: 0.06 / 0.002, demandGrowth: 100 });
    expectPrinted(rebound.totalEnergyRatio, 3.3, 1);
    expect(rebound.backfire).toBe(true);
    // A 4× quantization gain backfires once deployment grows more than 4×.
    expect(jevonsRebound({ efficiencyGain: 4, demandGrowth: 4.01 }).backfire).toBe(true);
    expect(jevonsRebound({ efficiencyGain: 4, demandGrowth: 4 }).backfire).toBe(false);
  });

  test("Footnote 31: inference 10× cheaper enabling 100× the applications is a 10× net increase", () => {
    expect(jevonsRebound({ efficiencyGain: 10, demandGrowth: 100 }).totalEnergyRatio).toBe(10);
  });

  test("Google's 4Ms: 83× less energy and 747× less CO2 sit inside the table's ranges, with Map worth 9×", () => {
    const energyLow = combinedReduction({ factors: [5, 2, 1.4] }).combinedFactor; // model × machine × mechanization
    const energyHigh = combinedReduction({ factors: [10, 5, 2] }).combinedFactor;
    expect(83).toBeGreaterThanOrEqual(energyLow);
    expect(83).toBeLessThanOrEqual(energyHigh);
    expectPrinted(747 / 83, 9, 0); // the Map factor, inside its 5–10× range
    expect(combinedReduction({ factors: [83, 9] }).combinedFactor).toBe(747);
    expect(combinedReduction({ factors: [] }).combinedFactor).toBe(1);
  });

  test("Data center demand: US consumption tripled from 58 TWh (2014) to 176 TWh (2023), about 13% a year", () => {
    const us = growthRate({ totalGrowth: anchors.usDataCenterTWh2023.value / anchors.usDataCenterTWh2014.value, years: 9 });
    expectPrinted(anchors.usDataCenterTWh2023.value / anchors.usDataCenterTWh2014.value, 3, 0);
    expectPrinted((us.annualFactor - 1) * 100, 13.1, 1);
  });

  test("E-waste: connected devices rise more than threefold, 8.6 B (2019) to 29.42 B (2030)", () => {
    expectPrinted(anchors.connectedDevices2030.value / anchors.connectedDevices2019.value, 3.4, 1);
  });
});

describe("invariants", () => {
  const positive = fc.double({ min: 1e-3, max: 1e3, noNaN: true });

  test("Jevons: total energy rises with demand, falls with efficiency, and backfires exactly when demand outgrows efficiency", () => {
    fc.assert(
      fc.property(positive, positive, fc.double({ min: 1, max: 10, noNaN: true }), (efficiencyGain, demandGrowth, k) => {
        const base = jevonsRebound({ efficiencyGain, demandGrowth });
        expect(jevonsRebound({ efficiencyGain, demandGrowth: demandGrowth * k }).totalEnergyRatio).toBeGreaterThanOrEqual(base.totalEnergyRatio);
        expect(jevonsRebound({ efficiencyGain: efficiencyGain * k, demandGrowth }).totalEnergyRatio).toBeLessThanOrEqual(base.totalEnergyRatio);
        expect(base.backfire).toBe(demandGrowth > efficiencyGain);
      }),
    );
  });

  test("steady growth compounds back to the total; doubling time × doublings is the period", () => {
    fc.assert(
      fc.property(fc.double({ min: 1.001, max: 1e9, noNaN: true }), fc.double({ min: 0.1, max: 50, noNaN: true }), (totalGrowth, years) => {
        const g = growthRate({ totalGrowth, years });
        expectClose(g.annualFactor ** years, totalGrowth, 1e-9);
        expectClose(g.doublingYears * g.doublings, years, 1e-12);
      }),
    );
  });

  test("energy growth is compute growth over efficiency growth", () => {
    fc.assert(
      fc.property(positive, positive, fc.double({ min: 0, max: 10, noNaN: true }), (computeGrowthPerYear, efficiencyGrowthPerYear, years) => {
        const e = energyGrowth({ computeGrowthPerYear, efficiencyGrowthPerYear, years });
        expectClose(e.energyGrowth, e.computeGrowth / e.efficiencyGrowth, 1e-9);
      }),
    );
  });
});
