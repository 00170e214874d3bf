// Edge and TinyML budgets: duty-cycled average power, battery life, hierarchical wake-word pipelines,
// energy harvesting, the battery cost of on-device learning, and what a fleet of small devices adds up to.
import { array, minLength, strictObject } from "zod/mini";
import {
  count,
  efficiency,
  fraction,
  identifier,
  nonNegative,
  notAbove,
  positive,
  positiveCount,
  withDefault,
} from "./fields.ts";
import { kernelFunction } from "./kernel-function.ts";

const HOURS_PER_DAY = 24;
const DAYS_PER_YEAR = 365;
const JOULES_PER_WH = 3600;

/**
 * Average power of a device that is active for `activeMs` of every `periodMs` and asleep otherwise
 * (the chapter's equations 8 and 14). The average always lies between sleep and active power.
 */
export const dutyCyclePower = kernelFunction(
  "dutyCyclePower",
  () => strictObject({ activeMW: nonNegative(), sleepMW: nonNegative(), activeMs: nonNegative(), periodMs: positive() }).check(
    notAbove("activeMs", "periodMs"),
  ),
  ({ activeMW, sleepMW, activeMs, periodMs }) => {
    const duty = activeMs / periodMs;
    const activeAverageMW = activeMW * duty;
    const sleepAverageMW = sleepMW * (1 - duty);
    const averageMW = activeAverageMW + sleepAverageMW;
    return {
      duty,
      averageMW,
      activeAverageMW,
      sleepAverageMW,
      /** Energy per period, in millijoules (mW × s). */
      energyPerPeriodMJ: (averageMW * periodMs) / 1000,
    };
  },
);

/** Sleep (or any) power from a current draw at a supply voltage: µA × V = µW. */
export const powerFromCurrent = kernelFunction(
  "powerFromCurrent",
  () => strictObject({ currentUA: nonNegative(), volts: positive() }),
  ({ currentUA, volts }) => {
    const powerUW = currentUA * volts;
    return { powerUW, powerMW: powerUW / 1000 };
  },
);

/**
 * Battery life at a constant average draw. Capacity × nominal voltage is the stored energy; this ignores
 * self-discharge, cut-off voltage and temperature, so it is an upper bound on real service life.
 */
export const batteryLife = kernelFunction(
  "batteryLife",
  () => strictObject({ capacityMAh: nonNegative(), volts: positive(), averageMW: positive() }),
  ({ capacityMAh, volts, averageMW }) => {
    const energyMWh = capacityMAh * volts;
    const hours = energyMWh / averageMW;
    const days = hours / HOURS_PER_DAY;
    return { energyMWh, hours, days, years: days / DAYS_PER_YEAR };
  },
);

const wakeStage = () => strictObject({ id: identifier(), activeMW: nonNegative(), activeFraction: fraction() });

/**
 * A hierarchical wake pipeline: an always-on front end plus later stages that run only for the share of
 * time they are woken (`activeFraction` = fraction of wall-clock time the stage is powered, e.g. 0.001
 * wake events per second × 0.05 s each = 0.00005). The baseline is running the last (largest) stage
 * all the time.
 */
export const wakeWordCascadePower = kernelFunction(
  "wakeWordCascadePower",
  () => strictObject({ alwaysOnMW: nonNegative(), stages: array(wakeStage()).check(minLength(1)) }),
  ({ alwaysOnMW, stages }) => {
    let averageMW = alwaysOnMW;
    const stageAverages = stages.map((s) => {
      const stageMW = s.activeMW * s.activeFraction;
      averageMW += stageMW;
      return { id: s.id, averageMW: stageMW };
    });
    const fullModelMW = stages[stages.length - 1]!.activeMW;
    return {
      averageMW,
      stages: stageAverages.map((s) => ({ ...s, shareOfAverage: averageMW === 0 ? 0 : s.averageMW / averageMW })),
      alwaysOnShareOfAverage: averageMW === 0 ? 0 : alwaysOnMW / averageMW,
      fullModelAlwaysOnMW: fullModelMW,
      /** How many times less than running the full model continuously; Infinity for a zero-power cascade. */
      reductionVsFullModel: averageMW === 0 ? Infinity : fullModelMW / averageMW,
    };
  },
);

/**
 * Does a harvester carry the load? `harvestedMW` is what the source yields, `conversionEfficiency` what
 * the power-management circuit keeps of it. Sustainable means the delivered power covers the average load.
 */
export const harvestingBudget = kernelFunction(
  "harvestingBudget",
  () => strictObject({
    harvestedMW: nonNegative(),
    loadMW: positive(),
    conversionEfficiency: withDefault(efficiency(), 1),
  }),
  ({ harvestedMW, loadMW, conversionEfficiency }) => {
    const deliveredMW = harvestedMW * conversionEfficiency;
    return {
      deliveredMW,
      surplusMW: deliveredMW - loadMW,
      coverage: deliveredMW / loadMW,
      sustainable: deliveredMW >= loadMW,
    };
  },
);

/** Harvester area needed for an average load at a power density (µW per cm²). */
export const harvesterArea = kernelFunction(
  "harvesterArea",
  () => strictObject({
    loadMW: nonNegative(),
    densityUWPerCm2: positive(),
    conversionEfficiency: withDefault(efficiency(), 1),
  }),
  ({ loadMW, densityUWPerCm2, conversionEfficiency }) => ({
    areaCm2: (loadMW * 1000) / (densityUWPerCm2 * conversionEfficiency),
  }),
);

/**
 * How many training tokens a daily battery budget buys when every parameter is updated per token:
 * (forward + backward) energy per parameter × parameters = joules per token.
 */
export const onDeviceLearningBudget = kernelFunction(
  "onDeviceLearningBudget",
  () => strictObject({
    batteryWh: positive(),
    budgetFraction: fraction(),
    params: positiveCount(),
    forwardNJPerParam: nonNegative(),
    backwardNJPerParam: nonNegative(),
  }),
  ({ batteryWh, budgetFraction, params, forwardNJPerParam, backwardNJPerParam }) => {
    const batteryJ = batteryWh * JOULES_PER_WH;
    const budgetJ = batteryJ * budgetFraction;
    const joulesPerToken = (forwardNJPerParam + backwardNJPerParam) * 1e-9 * params;
    return {
      batteryJ,
      budgetJ,
      joulesPerToken,
      /** Infinity when a token costs nothing (both per-parameter energies zero). */
      tokens: joulesPerToken === 0 ? Infinity : budgetJ / joulesPerToken,
    };
  },
);

/** Many small always-on devices: their combined draw and yearly energy. */
export const edgeFleetPower = kernelFunction(
  "edgeFleetPower",
  () => strictObject({ devices: count(), averageW: nonNegative(), hoursPerYear: withDefault(nonNegative(), 8760) }),
  ({ devices, averageW, hoursPerYear }) => {
    const fleetW = devices * averageW;
    return { fleetW, fleetGW: fleetW / 1e9, annualTWh: (fleetW * hoursPerYear) / 1e12 };
  },
);

const operatingPoint = () => strictObject({ id: identifier(), averageMW: nonNegative(), latencyMs: nonNegative() });

/**
 * Energy-delay product (equation 17), EDP = E × T = P × T², over candidate operating points such as clock
 * settings: lowest EDP first, ties in input order. The squared delay penalizes saving energy by going slow.
 * Units: mW × ms = µJ, so EDP is in µJ·ms.
 */
export const energyDelayProduct = kernelFunction(
  "energyDelayProduct",
  () => strictObject({ points: array(operatingPoint()).check(minLength(1)) }),
  ({ points }) => {
    const rows = points.map((p, order) => {
      const energyUJ = p.averageMW * p.latencyMs;
      return { order, row: { id: p.id, energyUJ, edpUJMs: energyUJ * p.latencyMs } };
    });
    rows.sort((a, b) => a.row.edpUJMs - b.row.edpUJMs || a.order - b.order);
    const ranked = rows.map((r) => r.row);
    const lowestEnergy = ranked.reduce((a, b) => (b.energyUJ < a.energyUJ ? b : a));
    return { ranked, best: ranked[0]!.id, lowestEnergy: lowestEnergy.id };
  },
);
