// Lifecycle carbon: operational plus amortized embodied, and the levers that move the split between
// them (a cleaner grid, a longer service life, a refresh that has to pay back its own manufacturing).
import { clusterEnergy } from "./energy.ts";
import { units } from "./units.ts";
import { atLeastOne, count, greaterThanOne, nonNegative, positive, pue, strictObject, withDefault } from "./fields.ts";
import { kernelFunction } from "./kernel-function.ts";

const supportFactor = () => withDefault(atLeastOne(), 1);

/** embodied ÷ total, defined as 0 when there is nothing at all to divide. */
function shareOf(part: number, total: number): number {
  return total > 0 ? part / total : 0;
}

/** Operational and amortized embodied carbon of one training run on `devices` accelerators. */
export const trainingFootprint = kernelFunction(
  "trainingFootprint",
  () => strictObject({
    devices: count(),
    watts: nonNegative(),
    hours: nonNegative(),
    pue: pue(),
    gridGPerKWh: nonNegative(),
    embodiedKgPerDevice: nonNegative(),
    lifetimeYears: positive(),
    supportFactor: supportFactor(),
  }),
  ({ devices, watts, hours, pue, gridGPerKWh, embodiedKgPerDevice, lifetimeYears, supportFactor }) => {
    const { facilityKWh } = clusterEnergy.unchecked({ devices, watts, hours, pue, supportFactor });
    const operationalKg = (facilityKWh * gridGPerKWh) / units.gramsPerKg;
    const embodiedKg = (devices * embodiedKgPerDevice * hours) / (lifetimeYears * units.hoursPerYear);
    const totalKg = operationalKg + embodiedKg;
    return { facilityKWh, operationalKg, embodiedKg, totalKg, embodiedFraction: shareOf(embodiedKg, totalKg) };
  },
);

/**
 * One device over its whole service life at an average draw: where the operational and embodied terms
 * cross as the grid gets cleaner. Sweep `gridGPerKWh` to trace it.
 */
export const lifetimeFootprint = kernelFunction(
  "lifetimeFootprint",
  () => strictObject({
    averageWatts: nonNegative(),
    lifetimeYears: positive(),
    pue: pue(),
    gridGPerKWh: nonNegative(),
    embodiedKgPerDevice: nonNegative(),
    supportFactor: supportFactor(),
  }),
  ({ averageWatts, lifetimeYears, pue, gridGPerKWh, embodiedKgPerDevice, supportFactor }) => {
    const facilityKWh = ((averageWatts * lifetimeYears * units.hoursPerYear) / units.wattsPerKW) * supportFactor * pue;
    const operationalKg = (facilityKWh * gridGPerKWh) / units.gramsPerKg;
    const totalKg = operationalKg + embodiedKgPerDevice;
    return {
      facilityKWh,
      operationalKg,
      embodiedKg: embodiedKgPerDevice,
      totalKg,
      embodiedFraction: shareOf(embodiedKgPerDevice, totalKg),
    };
  },
);

/** How long a device must run before its operational emissions equal its manufacturing emissions. */
export const embodiedParity = kernelFunction(
  "embodiedParity",
  () => strictObject({
    embodiedKgPerDevice: nonNegative(),
    watts: positive(),
    gridGPerKWh: positive(),
    pue: pue(),
    supportFactor: supportFactor(),
  }),
  ({ embodiedKgPerDevice, watts, gridGPerKWh, pue, supportFactor }) => {
    const kgPerHour = ((watts / units.wattsPerKW) * supportFactor * pue * gridGPerKWh) / units.gramsPerKg;
    const hours = embodiedKgPerDevice / kgPerHour;
    return { hours, days: hours / units.hoursPerDay };
  },
);

/** Embodied carbon per year of service before and after stretching the service life. */
export const lifetimeExtension = kernelFunction(
  "lifetimeExtension",
  () => strictObject({ embodiedKgPerDevice: nonNegative(), fromYears: positive(), toYears: positive() }),
  ({ embodiedKgPerDevice, fromYears, toYears }) => ({
    embodiedKgPerYearBefore: embodiedKgPerDevice / fromYears,
    embodiedKgPerYearAfter: embodiedKgPerDevice / toYears,
    // Negative when the life is shortened: the per-year share grows.
    reductionFraction: 1 - fromYears / toYears,
  }),
);

/**
 * Replacing a working device with one `perfPerWattGain` times as efficient saves operational carbon each
 * year but costs a new device's manufacturing up front. Clean grids stretch the payback; dirty grids shorten it.
 */
export const refreshPayback = kernelFunction(
  "refreshPayback",
  () => strictObject({
    embodiedKgPerNewDevice: nonNegative(),
    annualOperationalKgPerDevice: positive(),
    perfPerWattGain: greaterThanOne(),
  }),
  ({ embodiedKgPerNewDevice, annualOperationalKgPerDevice, perfPerWattGain }) => {
    const annualSavingKg = annualOperationalKgPerDevice * (1 - 1 / perfPerWattGain);
    return { annualSavingKg, paybackYears: embodiedKgPerNewDevice / annualSavingKg };
  },
);

/** Equation 13: the lifecycle total and each phase's share of it. */
export const lifecycleCarbon = kernelFunction(
  "lifecycleCarbon",
  () => strictObject({ trainingKg: nonNegative(), inferenceKg: nonNegative(), embodiedKg: nonNegative() }),
  ({ trainingKg, inferenceKg, embodiedKg }) => {
    const totalKg = trainingKg + inferenceKg + embodiedKg;
    return {
      totalKg,
      trainingFraction: shareOf(trainingKg, totalKg),
      inferenceFraction: shareOf(inferenceKg, totalKg),
      embodiedFraction: shareOf(embodiedKg, totalKg),
    };
  },
);
