// The energy roofline (Equations 4–7): energy is arithmetic plus data movement, and arithmetic intensity
// against the crossover intensity says which one dominates. Also the CMOS power equation behind pJ/op.
import { units } from "./units.ts";
import { finite, fraction, nonNegative, positive, positiveCount, strictObject, withDefault } from "./fields.ts";
import { kernelFunction } from "./kernel-function.ts";

export type EnergyBound = "compute" | "memory" | "balanced";

/**
 * Energy of `flops` operations over `bytes` moved. `bound` names the larger term; "balanced" only when the
 * two are exactly equal, as at the chapter's N = 96 matrix.
 */
export const rooflineEnergy = kernelFunction(
  "rooflineEnergy",
  () => strictObject({ flops: nonNegative(), bytes: positive(), pJPerFlop: positive(), pJPerByte: positive() }),
  ({ flops, bytes, pJPerFlop, pJPerByte }) => {
    const computeJ = flops * pJPerFlop * units.joulesPerPicojoule;
    const memoryJ = bytes * pJPerByte * units.joulesPerPicojoule;
    const bound: EnergyBound = computeJ > memoryJ ? "compute" : computeJ < memoryJ ? "memory" : "balanced";
    return {
      computeJ,
      memoryJ,
      totalJ: computeJ + memoryJ,
      dominantJ: Math.max(computeJ, memoryJ),
      arithmeticIntensity: flops / bytes,
      crossoverIntensity: pJPerByte / pJPerFlop,
      bound,
    };
  },
);

/**
 * Work and compulsory traffic of C = A·B for n×n matrices: 2n³ FLOPs, and A and B read and C written once
 * (3n² elements). Intensity grows with n, so large matmuls end up compute-bound.
 */
export const matmulTraffic = kernelFunction(
  "matmulTraffic",
  () => strictObject({ n: positiveCount(), bytesPerElement: withDefault(positive(), 4) }),
  ({ n, bytesPerElement }) => {
    const flops = 2 * n * n * n;
    const bytes = 3 * n * n * bytesPerElement;
    return { flops, bytes, arithmeticIntensity: flops / bytes };
  },
);

/** Work and traffic of c = a + b over n elements: one FLOP per three elements moved, whatever n is. */
export const vectorAddTraffic = kernelFunction(
  "vectorAddTraffic",
  () => strictObject({ n: positiveCount(), bytesPerElement: withDefault(positive(), 4) }),
  ({ n, bytesPerElement }) => {
    const bytes = 3 * n * bytesPerElement;
    return { flops: n, bytes, arithmeticIntensity: n / bytes };
  },
);

/** Equation 1: P = α·C·V²·f + V·I_leak. */
export const cmosPower = kernelFunction(
  "cmosPower",
  () => strictObject({
    activity: fraction(),
    capacitanceFarads: nonNegative(),
    volts: nonNegative(),
    frequencyHz: nonNegative(),
    leakageAmps: withDefault(nonNegative(), 0),
  }),
  ({ activity, capacitanceFarads, volts, frequencyHz, leakageAmps }) => {
    const dynamicWatts = activity * capacitanceFarads * volts * volts * frequencyHz;
    const staticWatts = volts * leakageAmps;
    return { dynamicWatts, staticWatts, totalWatts: dynamicWatts + staticWatts };
  },
);

/**
 * How dynamic power changes when each factor of α·C·V²·f is scaled by a ratio (new ÷ old). Voltage enters
 * squared, which is why it is the strongest lever.
 */
export const dynamicPowerScaling = kernelFunction(
  "dynamicPowerScaling",
  () => strictObject({
    voltageRatio: nonNegative(),
    frequencyRatio: withDefault(nonNegative(), 1),
    capacitanceRatio: withDefault(nonNegative(), 1),
    activityRatio: withDefault(nonNegative(), 1),
  }),
  ({ voltageRatio, frequencyRatio, capacitanceRatio, activityRatio }) => {
    const powerRatio = activityRatio * capacitanceRatio * voltageRatio * voltageRatio * frequencyRatio;
    return { powerRatio, reductionFraction: 1 - powerRatio };
  },
);

/** Leakage current at `celsius`, doubling every `doublingCelsius` (10 °C by default) above the reference. */
export const leakageAtTemperature = kernelFunction(
  "leakageAtTemperature",
  () => strictObject({
    leakageAmpsAtReference: nonNegative(),
    referenceCelsius: finite(),
    celsius: finite(),
    doublingCelsius: withDefault(positive(), 10),
  }),
  ({ leakageAmpsAtReference, referenceCelsius, celsius, doublingCelsius }) => {
    const ratio = 2 ** ((celsius - referenceCelsius) / doublingCelsius);
    return { leakageAmps: leakageAmpsAtReference * ratio, ratio };
  },
);
