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
  () => strictObject({ activeMilliwatts: nonNegative(), sleepMilliwatts: nonNegative(), activeMs: nonNegative(), periodMs: positive() }).check(
    notAbove("activeMs", "periodMs"),
  ),
  ({ activeMilliwatts, sleepMilliwatts, activeMs, periodMs }) => {
    const duty = activeMs / periodMs;
    const activeAverageMilliwatts = activeMilliwatts * duty;
    const sleepAverageMilliwatts = sleepMilliwatts * (1 - duty);
    const averageMilliwatts = activeAverageMilliwatts + sleepAverageMilliwatts;
    return {
      duty,
      averageMilliwatts,
      activeAverageMilliwatts,
      sleepAverageMilliwatts,
      /** Energy of one period, in millijoules (mW × s). */
      periodMillijoules: (averageMilliwatts * periodMs) / 1000,
    };
  },
);

/** Sleep (or any) power from a current draw at a supply voltage: µA × V = µW. */
export const powerFromCurrent = kernelFunction(
  "powerFromCurrent",
  () => strictObject({ currentUA: nonNegative(), volts: positive() }),
  ({ currentUA, volts }) => {
    const powerUW = currentUA * volts;
    return { powerUW, powerMilliwatts: powerUW / 1000 };
  },
);

/**
 * Battery life at a constant average draw. Capacity × nominal voltage is the stored energy; this ignores
 * self-discharge, cut-off voltage and temperature, so it is an upper bound on real service life.
 */
export const batteryLife = kernelFunction(
  "batteryLife",
  () => strictObject({ capacityMilliampHours: nonNegative(), volts: positive(), averageMilliwatts: positive() }),
  ({ capacityMilliampHours, volts, averageMilliwatts }) => {
    const energyMilliwattHours = capacityMilliampHours * volts;
    const hours = energyMilliwattHours / averageMilliwatts;
    const days = hours / HOURS_PER_DAY;
    return { energyMilliwattHours, hours, days, years: days / DAYS_PER_YEAR };
  },
);

const wakeStage = () => strictObject({ id: identifier(), activeMilliwatts: nonNegative(), activeFraction: fraction() });

/**
 * A hierarchical wake pipeline: an always-on front end plus later stages that run only for the share of
 * time they are woken (`activeFraction` = fraction of wall-clock time the stage is powered, e.g. 0.001
 * wake events per second × 0.05 s each = 0.00005). The baseline is running the last (largest) stage
 * all the time.
 */
export const wakeWordCascadePower = kernelFunction(
  "wakeWordCascadePower",
  () => strictObject({ alwaysOnMilliwatts: nonNegative(), stages: array(wakeStage()).check(minLength(1)) }),
  ({ alwaysOnMilliwatts, stages }) => {
    let averageMilliwatts = alwaysOnMilliwatts;
    const stageAverages = stages.map((s) => {
      const stageMilliwatts = s.activeMilliwatts * s.activeFraction;
      averageMilliwatts += stageMilliwatts;
      return { id: s.id, averageMilliwatts: stageMilliwatts };
    });
    const fullModelMilliwatts = stages[stages.length - 1]!.activeMilliwatts;
    return {
      averageMilliwatts,
      stages: stageAverages.map((s) => ({ ...s, shareOfAverage: averageMilliwatts === 0 ? 0 : s.averageMilliwatts / averageMilliwatts })),
      alwaysOnShareOfAverage: averageMilliwatts === 0 ? 0 : alwaysOnMilliwatts / averageMilliwatts,
      fullModelAlwaysOnMilliwatts: fullModelMilliwatts,
      /** How many times less than running the full model continuously; Infinity for a zero-power cascade. */
      reductionVsFullModel: averageMilliwatts === 0 ? Infinity : fullModelMilliwatts / averageMilliwatts,
    };
  },
);

/**
 * Does a harvester carry the load? `harvestedMilliwatts` is what the source yields, `conversionEfficiency` what
 * the power-management circuit keeps of it. Sustainable means the delivered power covers the average load.
 */
export const harvestingBudget = kernelFunction(
  "harvestingBudget",
  () => strictObject({
    harvestedMilliwatts: nonNegative(),
    loadMilliwatts: positive(),
    conversionEfficiency: withDefault(efficiency(), 1),
  }),
  ({ harvestedMilliwatts, loadMilliwatts, conversionEfficiency }) => {
    const deliveredMilliwatts = harvestedMilliwatts * conversionEfficiency;
    return {
      deliveredMilliwatts,
      surplusMilliwatts: deliveredMilliwatts - loadMilliwatts,
      coverage: deliveredMilliwatts / loadMilliwatts,
      sustainable: deliveredMilliwatts >= loadMilliwatts,
    };
  },
);

/** Harvester area needed for an average load at a power density (µW per cm²). */
export const harvesterArea = kernelFunction(
  "harvesterArea",
  () => strictObject({
    loadMilliwatts: nonNegative(),
    densityUWPerCm2: positive(),
    conversionEfficiency: withDefault(efficiency(), 1),
  }),
  ({ loadMilliwatts, densityUWPerCm2, conversionEfficiency }) => ({
    areaCm2: (loadMilliwatts * 1000) / (densityUWPerCm2 * conversionEfficiency),
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

const operatingPoint = () => strictObject({ id: identifier(), averageMilliwatts: nonNegative(), latencyMs: nonNegative() });

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
      const energyUJ = p.averageMilliwatts * p.latencyMs;
      return { order, row: { id: p.id, energyUJ, edpUJMs: energyUJ * p.latencyMs } };
    });
    rows.sort((a, b) => a.row.edpUJMs - b.row.edpUJMs || a.order - b.order);
    const ranked = rows.map((r) => r.row);
    const lowestEnergy = ranked.reduce((a, b) => (b.energyUJ < a.energyUJ ? b : a));
    return { ranked, best: ranked[0]!.id, lowestEnergy: lowestEnergy.id };
  },
);
