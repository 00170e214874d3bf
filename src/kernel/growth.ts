// Compute demand against efficiency: doubling times, the energy that the gap implies, the energy wall
// against slow-moving infrastructure, and the Jevons rebound that can spend an efficiency gain.
import { array, fraction, greaterThanOne, nonNegative, positive, strictObject } from "./fields.ts";
import { kernelFunction } from "./kernel-function.ts";

const MONTHS_PER_YEAR = 12;

/** Steady exponential growth that multiplies a quantity by `totalGrowth` over `years`. */
export const growthRate = kernelFunction(
  "growthRate",
  () => strictObject({ totalGrowth: greaterThanOne(), years: positive() }),
  ({ totalGrowth, years }) => {
    const doublings = Math.log2(totalGrowth);
    const doublingYears = years / doublings;
    return {
      annualFactor: totalGrowth ** (1 / years),
      doublings,
      doublingYears,
      doublingMonths: doublingYears * MONTHS_PER_YEAR,
    };
  },
);

/** Energy demand is compute demand divided by efficiency: it grows at the ratio of the two annual factors. */
export const energyGrowth = kernelFunction(
  "energyGrowth",
  () => strictObject({ computeGrowthPerYear: positive(), efficiencyGrowthPerYear: positive(), years: nonNegative() }),
  ({ computeGrowthPerYear, efficiencyGrowthPerYear, years }) => {
    const energyGrowthPerYear = computeGrowthPerYear / efficiencyGrowthPerYear;
    return {
      energyGrowthPerYear,
      computeGrowth: computeGrowthPerYear ** years,
      efficiencyGrowth: efficiencyGrowthPerYear ** years,
      energyGrowth: energyGrowthPerYear ** years,
    };
  },
);

/**
 * The energy wall: compute that grew `computeGrowth`-fold over `years`, against infrastructure (battery
 * density, grid efficiency) improving by a compound `infrastructureRatePerYear`.
 */
export const energyWall = kernelFunction(
  "energyWall",
  () => strictObject({ computeGrowth: positive(), years: nonNegative(), infrastructureRatePerYear: fraction() }),
  ({ computeGrowth, years, infrastructureRatePerYear }) => {
    const infrastructureGrowth = (1 + infrastructureRatePerYear) ** years;
    return { infrastructureGrowth, gapFactor: computeGrowth / infrastructureGrowth };
  },
);

/**
 * Jevons rebound: energy per unit falls by `efficiencyGain`, demand grows by `demandGrowth`, total energy
 * changes by their ratio. Total energy rises ("backfire") once demand grows faster than efficiency.
 */
export const jevonsRebound = kernelFunction(
  "jevonsRebound",
  () => strictObject({ efficiencyGain: positive(), demandGrowth: nonNegative() }),
  ({ efficiencyGain, demandGrowth }) => {
    const totalEnergyRatio = demandGrowth / efficiencyGain;
    return {
      totalEnergyRatio,
      energyChangeFraction: totalEnergyRatio - 1,
      breakEvenDemandGrowth: efficiencyGain,
      backfire: totalEnergyRatio > 1,
    };
  },
);

/** Independent levers multiply (Google's 4Ms: model × machine × mechanization × map). */
export const combinedReduction = kernelFunction(
  "combinedReduction",
  () => strictObject({ factors: array(positive()) }),
  ({ factors }) => {
    let combinedFactor = 1;
    for (const factor of factors) combinedFactor *= factor;
    return { combinedFactor };
  },
);
