// Where and when to run: rank regions by energy plus carbon cost, find the cleanest start hour in a
// daily intensity profile, pause a checkpointed job through dirty hours, and rank decarbonization levers.
import { array, enum as oneOf, minLength, refine, strictObject, superRefine } from "zod/mini";
import { count, hourOfDay, identifier, nonNegative, notAbove, positiveCount, pue, withDefault } from "./fields.ts";
import { kernelFunction } from "./kernel-function.ts";

const HOURS_PER_DAY = 24;

/** Ids name rows in the output; a repeated id would make `best` ambiguous. */
function uniqueIds<T extends { id: string }>() {
  return superRefine<T[]>((rows, ctx) => {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      if (seen.has(row.id)) ctx.addIssue({ code: "custom", message: "must be unique", path: [i, "id"], input: row.id });
      seen.add(row.id);
    });
  });
}

const region = () => strictObject({ id: identifier(), gridGPerKWh: nonNegative(), pue: pue(), pricePerKWh: nonNegative() });

/**
 * Cost of running `itKWh` of IT work in each region, cheapest first. Facility energy = IT × PUE; carbon is
 * priced per tonne; ties keep the order the regions were given in.
 */
export const placeWorkload = kernelFunction(
  "placeWorkload",
  () => strictObject({
    itKWh: nonNegative(),
    regions: array(region()).check(minLength(1), uniqueIds()),
    carbonPricePerTonne: nonNegative(),
  }),
  ({ itKWh, regions, carbonPricePerTonne }) => {
    const rows = regions.map((r, order) => {
      const facilityKWh = itKWh * r.pue;
      const kgCO2e = (facilityKWh * r.gridGPerKWh) / 1000;
      const energyCost = facilityKWh * r.pricePerKWh;
      const carbonCost = (kgCO2e / 1000) * carbonPricePerTonne;
      return { order, row: { id: r.id, facilityKWh, kgCO2e, energyCost, carbonCost, totalCost: energyCost + carbonCost } };
    });
    rows.sort((x, y) => x.row.totalCost - y.row.totalCost || x.order - y.order);
    const ranked = rows.map((r) => r.row);
    const cleanest = ranked.reduce((a, b) => (b.kgCO2e < a.kgCO2e ? b : a));
    return { ranked, best: ranked[0]!.id, cleanest: cleanest.id };
  },
);

/**
 * The electricity-price premium a cleaner grid can charge and still tie on total cost once carbon is
 * priced: (dirty − clean) intensity × carbon price, per kWh of facility energy.
 */
export const carbonPricePremium = kernelFunction(
  "carbonPricePremium",
  () => strictObject({ dirtyGPerKWh: nonNegative(), cleanGPerKWh: nonNegative(), carbonPricePerTonne: nonNegative() }),
  ({ dirtyGPerKWh, cleanGPerKWh, carbonPricePerTonne }) => ({
    premiumPerKWh: ((dirtyGPerKWh - cleanGPerKWh) / 1e6) * carbonPricePerTonne,
  }),
);

// ---------------------------------------------------------------------------------------------------
// Temporal scheduling over a daily profile (hour 0 = midnight, the profile repeats every day)

const dailyProfile = () =>
  array(nonNegative()).check(refine((hours) => hours.length === HOURS_PER_DAY, "must hold 24 hourly values, one per hour of the day"));

function windowGrams(profile: readonly number[], startOffset: number, nowHour: number, jobHours: number): number {
  let grams = 0;
  for (let k = 0; k < jobHours; k++) grams += profile[(nowHour + startOffset + k) % HOURS_PER_DAY]!;
  return grams;
}

/**
 * Best contiguous window for a job of `jobHours` at constant `facilityKW`, starting now or up to
 * `slackHours` later. Running now is always a candidate, so the saving is never negative; a
 * latency-bound job has slackHours = 0 and saves nothing. Ties go to the earliest start.
 */
export const bestStartWindow = kernelFunction(
  "bestStartWindow",
  () => strictObject({
    hourlyGPerKWh: dailyProfile(),
    facilityKW: nonNegative(),
    jobHours: positiveCount(),
    nowHour: hourOfDay(),
    slackHours: withDefault(count(), HOURS_PER_DAY - 1),
  }),
  ({ hourlyGPerKWh, facilityKW, jobHours, nowHour, slackHours }) => {
    const nowSum = windowGrams(hourlyGPerKWh, 0, nowHour, jobHours);
    let bestDelay = 0;
    let bestSum = nowSum;
    for (let delay = 1; delay <= slackHours; delay++) {
      const sum = windowGrams(hourlyGPerKWh, delay, nowHour, jobHours);
      if (sum < bestSum) {
        bestSum = sum;
        bestDelay = delay;
      }
    }
    const nowKgCO2e = (nowSum * facilityKW) / 1000;
    const bestKgCO2e = (bestSum * facilityKW) / 1000;
    const savedKgCO2e = nowKgCO2e - bestKgCO2e;
    return {
      bestStartHour: (nowHour + bestDelay) % HOURS_PER_DAY,
      delayHours: bestDelay,
      energyKWh: facilityKW * jobHours,
      nowAverageGPerKWh: nowSum / jobHours,
      bestAverageGPerKWh: bestSum / jobHours,
      nowKgCO2e,
      bestKgCO2e,
      savedKgCO2e,
      savedFraction: nowKgCO2e === 0 ? 0 : savedKgCO2e / nowKgCO2e,
    };
  },
);

/**
 * A checkpointed job need not run contiguously: it can pause through dirty hours and resume, as long as
 * it finishes within `deadlineHours` from now. It then runs in the `jobHours` cleanest hours before the
 * deadline (ties go to the earlier hour). Compared against running straight through from now.
 */
export const checkpointedSchedule = kernelFunction(
  "checkpointedSchedule",
  () => strictObject({
    hourlyGPerKWh: dailyProfile(),
    facilityKW: nonNegative(),
    jobHours: positiveCount(),
    nowHour: hourOfDay(),
    deadlineHours: positiveCount(),
  }).check(notAbove("jobHours", "deadlineHours")),
  ({ hourlyGPerKWh, facilityKW, jobHours, nowHour, deadlineHours }) => {
    const offsets = Array.from({ length: deadlineHours }, (_, offset) => offset);
    const intensityAt = (offset: number) => hourlyGPerKWh[(nowHour + offset) % HOURS_PER_DAY]!;
    const chosen = [...offsets]
      .sort((a, b) => intensityAt(a) - intensityAt(b) || a - b)
      .slice(0, jobHours)
      .sort((a, b) => a - b);
    let chosenSum = 0;
    for (const offset of chosen) chosenSum += intensityAt(offset);
    const nowSum = windowGrams(hourlyGPerKWh, 0, nowHour, jobHours);
    // Summing a different set can round differently; never report a schedule worse than running now.
    const runOffsets = chosenSum <= nowSum ? chosen : offsets.slice(0, jobHours);
    const runSum = Math.min(chosenSum, nowSum);
    const nowKgCO2e = (nowSum * facilityKW) / 1000;
    const kgCO2e = (runSum * facilityKW) / 1000;
    let pauses = 0;
    for (let i = 1; i < runOffsets.length; i++) if (runOffsets[i]! !== runOffsets[i - 1]! + 1) pauses++;
    return {
      runOffsets,
      runHoursOfDay: runOffsets.map((offset) => (nowHour + offset) % HOURS_PER_DAY),
      pauses,
      finishOffset: runOffsets[runOffsets.length - 1]! + 1,
      kgCO2e,
      nowKgCO2e,
      savedKgCO2e: nowKgCO2e - kgCO2e,
      savedFraction: nowKgCO2e === 0 ? 0 : (nowKgCO2e - kgCO2e) / nowKgCO2e,
    };
  },
);

// ---------------------------------------------------------------------------------------------------
// Ranking decarbonization levers

const lever = () => strictObject({
  id: identifier(),
  /** Energy remaining after the lever, as a fraction of baseline (0.25 = 4× less energy; may exceed 1). */
  energyFactor: nonNegative(),
  /** Carbon intensity remaining after the lever (1 = unchanged; below 1 only for levers that move the work). */
  intensityFactor: nonNegative(),
});

/**
 * Rank levers on one workload by energy (default) or carbon saved, best first, ties in input order.
 * Energy and carbon rank differently: a scheduler moves carbon without saving a joule.
 */
export const rankDecarbonizationLevers = kernelFunction(
  "rankDecarbonizationLevers",
  () => strictObject({
    baselineKWh: nonNegative(),
    gridGPerKWh: nonNegative(),
    levers: array(lever()).check(minLength(1), uniqueIds()),
    rankBy: withDefault(oneOf(["energy", "carbon"]), "energy"),
  }),
  ({ baselineKWh, gridGPerKWh, levers, rankBy }) => {
    const baselineKgCO2e = (baselineKWh * gridGPerKWh) / 1000;
    const rows = levers.map((l, order) => {
      const kWh = baselineKWh * l.energyFactor;
      const kgCO2e = (kWh * gridGPerKWh * l.intensityFactor) / 1000;
      return { order, row: { id: l.id, kWh, kgCO2e, savedKWh: baselineKWh - kWh, savedKgCO2e: baselineKgCO2e - kgCO2e } };
    });
    const key = rankBy === "energy" ? ("kWh" as const) : ("kgCO2e" as const);
    const other = rankBy === "energy" ? ("kgCO2e" as const) : ("kWh" as const);
    rows.sort((x, y) => x.row[key] - y.row[key] || x.row[other] - y.row[other] || x.order - y.order);
    const ranked = rows.map((r) => r.row);
    return { baselineKgCO2e, ranked, best: ranked[0]!.id };
  },
);
