// Energy of training runs and clusters, from the accelerator up to the facility meter:
//   accelerator energy × supportFactor = IT energy;  IT energy × PUE = facility energy.
import { anchors } from "./catalogs/anchors.ts";
import { units } from "./units.ts";
import {
  atLeastOne,
  count,
  fraction,
  nonNegative,
  positive,
  positiveCount,
  positiveFraction,
  pue,
  strictObject,
  withDefault,
} from "./fields.ts";
import { kernelFunction } from "./kernel-function.ts";

/** Energy from total work and realized end-to-end efficiency (FLOP per joule of IT energy). */
export const trainingEnergy = kernelFunction(
  "trainingEnergy",
  () => strictObject({ flops: nonNegative(), flopsPerJoule: positive(), pue: pue() }),
  ({ flops, flopsPerJoule, pue }) => {
    const itKWh = flops / flopsPerJoule / units.joulesPerKWh;
    return { itKWh, facilityKWh: itKWh * pue };
  },
);

// supportFactor raises accelerator power to IT power (host, network, conversion); see catalogs/accelerators.ts.
const supportFactor = () => withDefault(atLeastOne(), 1);

/** Energy of `devices` accelerators drawing `watts` each for `hours`. */
export const clusterEnergy = kernelFunction(
  "clusterEnergy",
  () => strictObject({ devices: count(), watts: nonNegative(), hours: nonNegative(), pue: pue(), supportFactor: supportFactor() }),
  ({ devices, watts, hours, pue, supportFactor }) => {
    const acceleratorKWh = (devices * watts * hours) / units.wattsPerKW;
    const itKWh = acceleratorKWh * supportFactor;
    return { acceleratorKWh, itKWh, facilityKWh: itKWh * pue };
  },
);

/** Power a cluster draws at the three boundaries: what the grid connection and substation must carry. */
export const clusterPower = kernelFunction(
  "clusterPower",
  () => strictObject({ devices: count(), watts: nonNegative(), pue: pue(), supportFactor: supportFactor() }),
  ({ devices, watts, pue, supportFactor }) => {
    const acceleratorKW = (devices * watts) / units.wattsPerKW;
    const itKW = acceleratorKW * supportFactor;
    return { acceleratorKW, itKW, facilityKW: itKW * pue };
  },
);

/**
 * A dense transformer training run from first principles: 6 FLOPs per parameter per token (forward 2,
 * backward 4), run at `utilization` of the devices' peak, at `watts` each.
 */
export const trainingRun = kernelFunction(
  "trainingRun",
  () => strictObject({
    params: positive(),
    tokens: positive(),
    devices: positiveCount(),
    peakFlopsPerSecond: positive(),
    utilization: positiveFraction(),
    watts: nonNegative(),
    pue: pue(),
    gridGPerKWh: nonNegative(),
    supportFactor: supportFactor(),
  }),
  ({ params, tokens, devices, peakFlopsPerSecond, utilization, watts, pue, gridGPerKWh, supportFactor }) => {
    const flops = 6 * params * tokens;
    const hours = flops / (devices * peakFlopsPerSecond * utilization) / units.secondsPerHour;
    const facilityKWh = ((devices * watts * hours) / units.wattsPerKW) * supportFactor * pue;
    return {
      flops,
      days: hours / units.hoursPerDay,
      deviceHours: devices * hours,
      facilityMWh: facilityKWh / units.kWhPerMWh,
      tCO2e: (facilityKWh * gridGPerKWh) / units.gramsPerKg / units.kgPerTonne,
    };
  },
);

/** Energy in years of an average household's electricity (US, 10.7 MWh/year unless given). */
export const householdYears = kernelFunction(
  "householdYears",
  () => strictObject({ energyMWh: nonNegative(), householdMWhPerYear: withDefault(positive(), () => anchors.householdMWhPerYear.value) }),
  ({ energyMWh, householdMWhPerYear }) => ({ householdYears: energyMWh / householdMWhPerYear }),
);

/** A year of a constant load (or of a generator at `capacityFactor` of its nameplate `megawatts`). */
export const annualEnergy = kernelFunction(
  "annualEnergy",
  () => strictObject({ megawatts: nonNegative(), capacityFactor: withDefault(fraction(), 1) }),
  ({ megawatts, capacityFactor }) => {
    const mwhPerYear = megawatts * capacityFactor * units.hoursPerYear;
    return { mwhPerYear, gwhPerYear: mwhPerYear / 1000 };
  },
);

/** What the energy costs at a flat price. */
export const electricityCost = kernelFunction(
  "electricityCost",
  () => strictObject({ energyKWh: nonNegative(), usdPerKWh: nonNegative() }),
  ({ energyKWh, usdPerKWh }) => ({ usd: energyKWh * usdPerKWh }),
);
