import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { edgeBatteries, edgeParts, edgePowerBudgets, mlperfTinyEnergy, phoneBatteryWh } from "../../src/kernel/catalogs/edge.ts";
import { harvestingSources } from "../../src/kernel/catalogs/harvesting.ts";
import {
  batteryLife,
  dutyCyclePower,
  edgeFleetPower,
  energyDelayProduct,
  harvesterArea,
  harvestingBudget,
  onDeviceLearningBudget,
  powerFromCurrent,
  wakeWordCascadePower,
} from "../../src/kernel/edge.ts";
import { expectClose, expectPrinted, messageOf } from "./printed.ts";


describe("chapter examples", () => {
  test("TinyML power state dynamics: keyword spotting at 15 mW for 20 ms a second averages 0.33 mW", () => {
    const sleep = powerFromCurrent({ currentUA: edgeParts.cortexM4KeywordSpottingSleepUA.value, volts: 3.3 });
    expectPrinted(sleep.powerUW, 33, 0);
    const r = dutyCyclePower({ activeMilliwatts: 15, sleepMilliwatts: sleep.powerMilliwatts, activeMs: 20, periodMs: 1000 });
    expectPrinted(r.activeAverageMilliwatts, 0.3, 2);
    expectPrinted(r.sleepAverageMilliwatts, 0.032, 3);
    expectPrinted(r.averageMilliwatts, 0.33, 2);
    // One inference is 15 mW × 20 ms = 0.3 mJ: inside MLPerf Tiny's keyword-spotting range.
    const inferenceMillijoules = 15 * 0.02;
    expect(inferenceMillijoules).toBeGreaterThanOrEqual(mlperfTinyEnergy.keywordSpotting.low);
    expect(inferenceMillijoules).toBeLessThanOrEqual(mlperfTinyEnergy.keywordSpotting.high);
  });

  test("TinyML power state dynamics: a 250 mAh coin cell lasts 2,257 hours (94 days), not 2,270", () => {
    const average = dutyCyclePower({ activeMilliwatts: 15, sleepMilliwatts: 0.033, activeMs: 20, periodMs: 1000 }).averageMilliwatts;
    const life = batteryLife({ capacityMilliampHours: edgeBatteries.coinCell.value, volts: edgeBatteries.coinCell.volts, averageMilliwatts: average });
    // The chapter divides 750 mWh by the rounded 0.33 mW (2,273 h, "approximately 2,270", "nearly 95 days").
    // With the unrounded 0.3323 mW it is 2,257 h, 94.0 days.
    expectPrinted(life.hours, 2257, 0);
    expectPrinted(life.days, 94, 0);
    expectPrinted(batteryLife({ capacityMilliampHours: 250, volts: 3, averageMilliwatts: 0.33 }).hours, 2270, -1);
  });

  test("Example 1.4: battery life for TinyML, 5 % duty at 12 mW on two AA cells lasts about 1.7 years", () => {
    const sleep = powerFromCurrent({ currentUA: edgeParts.cortexM4AutoencoderSleepUA.value, volts: 3.3 });
    expectPrinted(sleep.powerUW, 16.5, 1);
    const power = dutyCyclePower({ activeMilliwatts: 12, sleepMilliwatts: sleep.powerMilliwatts, activeMs: 5, periodMs: 100 });
    expectPrinted(power.duty, 0.05, 2);
    expectPrinted(power.activeAverageMilliwatts, 0.6, 2);
    expectPrinted(power.sleepAverageMilliwatts, 0.016, 3);
    expectPrinted(power.averageMilliwatts, 0.616, 3);
    const life = batteryLife({ capacityMilliampHours: edgeBatteries.twoAA.value, volts: edgeBatteries.twoAA.volts, averageMilliwatts: power.averageMilliwatts });
    expectPrinted(life.energyMilliwattHours, 9000, 0);
    // Printed 14,610 h: 9,000 / 0.616 (rounded). Unrounded 0.61568 mW gives 14,618 h; both are 1.7 years.
    expectPrinted(life.hours, 14_618, 0);
    expectPrinted(life.years, 1.7, 1);
    // One inference, 12 mW × 5 ms = 0.06 mJ, sits in MLPerf Tiny's anomaly-detection range.
    expect(12 * 0.005).toBeGreaterThanOrEqual(mlperfTinyEnergy.anomalyDetection.low);
    expect(12 * 0.005).toBeLessThanOrEqual(mlperfTinyEnergy.anomalyDetection.high);
  });

  test("Self-check: 10 ms at 120 mW each second with 50 µW sleep averages about 1.25 mW", () => {
    const r = dutyCyclePower({ activeMilliwatts: 120, sleepMilliwatts: 0.05, activeMs: 10, periodMs: 1000 });
    expectPrinted(r.activeAverageMilliwatts, 1.2, 1);
    expectPrinted(r.sleepAverageMilliwatts, 0.05, 2);
    expectPrinted(r.averageMilliwatts, 1.25, 2);
  });

  test("Wake-word triggered systems: 10 µW VAD, 100 µW detector 5 % of the time, 10 mW × 50 ms on 0.1 % → 15.5 µW", () => {
    const r = wakeWordCascadePower({
      alwaysOnMilliwatts: 0.01,
      stages: [
        { id: "wake-detector", activeMilliwatts: 0.1, activeFraction: 0.05 },
        // 0.1 % of seconds carry a wake word, each waking the full model for 50 ms.
        { id: "full-model", activeMilliwatts: 10, activeFraction: 0.001 * 0.05 },
      ],
    });
    expectPrinted(r.averageMilliwatts, 0.0155, 4);
    expectPrinted(r.reductionVsFullModel, 645.2, 1);
    expect(r.stages.map((s) => s.id)).toEqual(["wake-detector", "full-model"]);
    expectPrinted(r.alwaysOnShareOfAverage, 0.645, 3); // the always-on front end dominates
  });

  test("Energy harvesting: 0.5 mW on indoor solar needs 5 cm² only at the bright end of 10–100 µW/cm²", () => {
    const solar = harvestingSources.indoorSolar;
    expectPrinted(harvesterArea({ loadMilliwatts: 0.5, densityUWPerCm2: solar.high }).areaCm2, 5, 0);
    expectPrinted(harvesterArea({ loadMilliwatts: 0.5, densityUWPerCm2: solar.low }).areaCm2, 50, 0);
    // At the bright end, 5 cm² breaks even with nothing to spare; any conversion loss breaks the budget.
    const bright = harvestingBudget({ harvestedMilliwatts: (5 * solar.high) / 1000, loadMilliwatts: 0.5 });
    expect(bright.sustainable).toBe(true);
    expectPrinted(bright.surplusMilliwatts, 0, 9);
    const withConverter = harvestingBudget({ harvestedMilliwatts: (5 * solar.high) / 1000, loadMilliwatts: 0.5, conversionEfficiency: 0.8 });
    expect(withConverter.sustainable).toBe(false);
    expectPrinted(withConverter.coverage, 0.8, 2);
    // Outdoor solar at 1 cm² (1–10 mW) carries continuous keyword spotting at 0.5 mW with margin.
    expect(harvestingBudget({ harvestedMilliwatts: harvestingSources.outdoorSolar.low / 1000, loadMilliwatts: 0.5 }).sustainable).toBe(true);
  });

  test("Napkin Math 1.8: the energy of learning, 5 % of a 15 Wh phone buys 450 tokens of full fine-tuning at 1B params", () => {
    const r = onDeviceLearningBudget({ batteryWh: phoneBatteryWh.value, budgetFraction: 0.05, params: 1e9, forwardNJPerParam: 2, backwardNJPerParam: 4 });
    expectPrinted(r.batteryJ, 54_000, 0);
    expectPrinted(r.budgetJ, 2700, 0);
    expectPrinted(r.joulesPerToken, 6, 0);
    expectPrinted(r.tokens, 450, 0);
    // Forward + backward is 3× the forward pass (the self-check's "roughly three times the compute").
    expectPrinted((2 + 4) / 2, 3, 0);
    // "reduce the energy cost per token by 100× or more": 0.06 nJ per parameter buys 45,000 tokens.
    expectPrinted(onDeviceLearningBudget({ batteryWh: 15, budgetFraction: 0.05, params: 1e9, forwardNJPerParam: 0.02, backwardNJPerParam: 0.04 }).tokens, 45_000, 0);
  });

  test("Equation 17: the energy-delay product picks a moderate clock where energy alone picks the slowest", () => {
    // Illustrative Cortex-M4 operating points, scaled from Example 1.4's 12 mW / 5 ms at 80 MHz and 1.2 V by
    // dynamic power ∝ f·V²: 60 MHz at 1.0 V and 40 MHz at 0.9 V.
    const r = energyDelayProduct({
      points: [
        { id: "80MHz-1.2V", averageMilliwatts: 12, latencyMs: 5 },
        { id: "60MHz-1.0V", averageMilliwatts: 12 * 0.75 * (1 / 1.2) ** 2, latencyMs: 5 / 0.75 },
        { id: "40MHz-0.9V", averageMilliwatts: 12 * 0.5 * (0.9 / 1.2) ** 2, latencyMs: 10 },
      ],
    });
    expect(r.best).toBe("60MHz-1.0V");
    expect(r.lowestEnergy).toBe("40MHz-0.9V");
    expectPrinted(r.ranked.find((p) => p.id === "80MHz-1.2V")!.edpUJMs, 300, 0); // 12 mW × (5 ms)²
    for (const p of r.ranked) expect(p.edpUJMs).toBeGreaterThan(0);
  });

  test("Footnote 26: 72 W of onboard compute across ~1.4 billion vehicles is about 100 GW", () => {
    const r = edgeFleetPower({ devices: 1_390_000_000, averageW: edgeParts.teslaFsdComputerW.value });
    expectPrinted(r.fleetGW, 100, 0);
  });
});

describe("catalogs", () => {
  test("Table 8: every tier idles below its active range, and peaks at or above it", () => {
    for (const tier of Object.values(edgePowerBudgets)) {
      expect(tier.idleMilliwatts.high).toBeLessThanOrEqual(tier.activeMilliwatts.high);
      expect(tier.activeMilliwatts.high).toBeLessThanOrEqual(tier.peakMilliwatts.value);
      expect(tier.idleMilliwatts.low).toBeLessThanOrEqual(tier.idleMilliwatts.high);
    }
    // The µW reading of the TinyML idle column is what keeps idle below the 100 mW peak.
    expect(edgePowerBudgets.tinymlMcu.idleMilliwatts.note).toMatch(/µW/);
  });

  test("every record carries a unit, a citation and a year", () => {
    const records = [
      ...Object.values(edgePowerBudgets).flatMap((t) => [t.idleMilliwatts, t.activeMilliwatts, t.peakMilliwatts]),
      ...Object.values(edgeParts),
      ...Object.values(mlperfTinyEnergy),
      ...Object.values(harvestingSources),
    ];
    for (const r of records) {
      expect(r.unit.length).toBeGreaterThan(0);
      expect(r.citation.length).toBeGreaterThan(0);
      expect(r.year).toBeGreaterThan(2000);
      expect(Number.isFinite(r.value)).toBe(true);
    }
  });
});

describe("errors", () => {
  test("the text names the function, the field, the rule and the value", () => {
    expect(messageOf(() => dutyCyclePower({ activeMilliwatts: 15, sleepMilliwatts: 0.033, activeMs: 20, periodMs: 0 }))).toBe("dutyCyclePower: periodMs must be > 0 (got 0)");
    expect(messageOf(() => dutyCyclePower({ activeMilliwatts: 15, sleepMilliwatts: 0.033, activeMs: 1200, periodMs: 1000 }))).toBe(
      "dutyCyclePower: activeMs must be ≤ periodMs (got 1200)",
    );
    expect(messageOf(() => dutyCyclePower({ activeMilliwatts: Number.NaN, sleepMilliwatts: 0.033, activeMs: 20, periodMs: 1000 }))).toBe(
      "dutyCyclePower: activeMilliwatts must be a finite number (got NaN)",
    );
    expect(messageOf(() => batteryLife({ capacityMilliampHours: Infinity, volts: 3, averageMilliwatts: 0.3 }))).toBe("batteryLife: capacityMilliampHours must be a finite number (got Infinity)");
    expect(messageOf(() => batteryLife({ capacityMilliampHours: 250, volts: 3, averageMilliwatts: 0 }))).toBe("batteryLife: averageMilliwatts must be > 0 (got 0)");
    expect(messageOf(() => onDeviceLearningBudget({ batteryWh: 15, budgetFraction: 1.5, params: 1e9, forwardNJPerParam: 2, backwardNJPerParam: 4 }))).toBe(
      "onDeviceLearningBudget: budgetFraction must be ≤ 1 (got 1.5)",
    );
    expect(messageOf(() => edgeFleetPower({ devices: -10, averageW: 72 }))).toBe("edgeFleetPower: devices must be ≥ 0 (got -10)");
  });

  test("bad array elements, unknown and missing fields", () => {
    expect(messageOf(() => wakeWordCascadePower({ alwaysOnMilliwatts: 0.01, stages: [{ id: "wake", activeMilliwatts: 0.1, activeFraction: 0.05 }, { id: "full", activeMilliwatts: 10, activeFraction: 2 }] }))).toBe(
      "wakeWordCascadePower: stages.1.activeFraction must be ≤ 1 (got 2)",
    );
    expect(messageOf(() => energyDelayProduct({ points: [] }))).toBe("energyDelayProduct: points must hold at least 1 item");
    expect(messageOf(() => energyDelayProduct({ points: [{ id: "a", averageMilliwatts: 1, latencyMs: -5 }] }))).toBe("energyDelayProduct: points.0.latencyMs must be ≥ 0 (got -5)");
    expect(messageOf(() => batteryLife({ capacityMilliampHours: 250, volts: 3, averageMilliwatts: 0.3, hours: 5 } as never))).toBe('batteryLife: unknown field "hours"');
    expect(messageOf(() => batteryLife({ capacityMilliampHours: 250, averageMilliwatts: 0.3 } as never))).toBe("batteryLife: volts is required");
  });
});

describe("properties", () => {
  const power = fc.double({ min: 0, max: 1e4, noNaN: true });

  test("duty-cycled average power lies between sleep and active power", () => {
    fc.assert(
      fc.property(power, power, fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, s, periodMs, share) => {
        const r = dutyCyclePower({ activeMilliwatts: a, sleepMilliwatts: s, activeMs: periodMs * share, periodMs });
        const slack = 1e-12 * Math.max(a, s, 1);
        expect(r.averageMilliwatts).toBeGreaterThanOrEqual(Math.min(a, s) - slack);
        expect(r.averageMilliwatts).toBeLessThanOrEqual(Math.max(a, s) + slack);
      }),
    );
  });

  test("battery life is monotone in capacity and inversely proportional to draw", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e5, noNaN: true }), fc.double({ min: 0, max: 1e5, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (c1, c2, mw) => {
        const [small, large] = c1 <= c2 ? [c1, c2] : [c2, c1];
        expect(batteryLife({ capacityMilliampHours: small, volts: 3, averageMilliwatts: mw }).hours).toBeLessThanOrEqual(batteryLife({ capacityMilliampHours: large, volts: 3, averageMilliwatts: mw }).hours);
        expectClose(batteryLife({ capacityMilliampHours: c1, volts: 3, averageMilliwatts: 2 * mw }).hours * 2, batteryLife({ capacityMilliampHours: c1, volts: 3, averageMilliwatts: mw }).hours, 1e-12);
      }),
    );
  });

  test("a wake cascade never averages below its always-on stage, nor above running every stage all the time", () => {
    const stage = fc.record({ activeMilliwatts: power, activeFraction: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(power, fc.array(stage, { minLength: 1, maxLength: 5 }), (alwaysOnMilliwatts, raw) => {
        const stages = raw.map((s, i) => ({ id: `s${i}`, ...s }));
        const r = wakeWordCascadePower({ alwaysOnMilliwatts, stages });
        expect(r.averageMilliwatts).toBeGreaterThanOrEqual(alwaysOnMilliwatts);
        expect(r.averageMilliwatts).toBeLessThanOrEqual(alwaysOnMilliwatts + stages.reduce((sum, s) => sum + s.activeMilliwatts, 0) + 1e-9);
      }),
    );
  });

  test("harvester area and budget agree: the area for a load exactly covers it", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 100, noNaN: true }), fc.double({ min: 1, max: 1e4, noNaN: true }), (loadMilliwatts, density) => {
        const { areaCm2 } = harvesterArea({ loadMilliwatts, densityUWPerCm2: density });
        expectClose(harvestingBudget({ harvestedMilliwatts: (areaCm2 * density) / 1000, loadMilliwatts }).coverage, 1, 1e-12);
      }),
    );
  });

  test("a sweep over duty gives what the single calls give", () => {
    const activeMs = new Float64Array([0, 5, 20, 100]);
    const swept = dutyCyclePower.sweep({ activeMilliwatts: 12, sleepMilliwatts: 0.0165, periodMs: 100 }, { activeMs });
    activeMs.forEach((ms, i) => expect(swept[i]).toEqual(dutyCyclePower({ activeMilliwatts: 12, sleepMilliwatts: 0.0165, activeMs: ms, periodMs: 100 })));
  });
});
