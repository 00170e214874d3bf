// Carbon from electricity (operational) and from manufacturing (embodied, amortized over service life).
import { anchors } from "./catalogs/anchors.ts";
import { units } from "./units.ts";
import { count, nonNegative, positive, strictObject, withDefault } from "./fields.ts";
import { kernelFunction } from "./kernel-function.ts";

/**
 * Emissions of energy drawn from a grid. Pass facility energy: PUE is already in it and must not be applied
 * a second time here.
 */
export const operationalCarbon = kernelFunction(
  "operationalCarbon",
  () => strictObject({ energyKWh: nonNegative(), gridGPerKWh: nonNegative() }),
  ({ energyKWh, gridGPerKWh }) => {
    const kgCO2e = (energyKWh * gridGPerKWh) / units.gramsPerKg;
    return { kgCO2e, tCO2e: kgCO2e / units.kgPerTonne };
  },
);

/**
 * The share of manufacturing emissions a job of `hours` carries: each device's footprint spread evenly
 * over `lifetimeYears` of service (365-day years). A job longer than the lifetime carries more than one
 * device's footprint; the rate does not cap.
 */
export const embodiedCarbon = kernelFunction(
  "embodiedCarbon",
  () => strictObject({ devices: count(), embodiedKgPerDevice: nonNegative(), lifetimeYears: positive(), hours: nonNegative() }),
  ({ devices, embodiedKgPerDevice, lifetimeYears, hours }) => {
    const kgCO2ePerDeviceHour = embodiedKgPerDevice / (lifetimeYears * units.hoursPerYear);
    return {
      kgCO2e: devices * kgCO2ePerDeviceHour * hours,
      kgCO2ePerDeviceHour,
      kgCO2ePerDeviceDay: kgCO2ePerDeviceHour * units.hoursPerDay,
    };
  },
);

/** Emissions in passenger round trips New York–London (1,000 kg each unless given). */
export const flightEquivalents = kernelFunction(
  "flightEquivalents",
  () => strictObject({ kgCO2e: nonNegative(), kgCO2ePerFlight: withDefault(positive(), () => anchors.flightKgCO2e.value) }),
  ({ kgCO2e, kgCO2ePerFlight }) => ({ flights: kgCO2e / kgCO2ePerFlight }),
);

/** Emissions in kilometres driven by an average passenger car. */
export const carDistance = kernelFunction(
  "carDistance",
  () => strictObject({ kgCO2e: nonNegative(), kgCO2ePerKm: withDefault(positive(), () => anchors.carKgCO2ePerKm.value) }),
  ({ kgCO2e, kgCO2ePerKm }) => ({ km: kgCO2e / kgCO2ePerKm }),
);
