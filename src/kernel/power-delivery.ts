// The electrical path from substation to transistor: current and I²R loss at a bus voltage, losses
// compounding through conversion stages, regulator heat, and the synchronous load steps of training.
import { array, minLength, strictObject } from "zod/mini";
import { efficiency, identifier, nonNegative, positive, positiveCount } from "./fields.ts";
import { kernelFunction } from "./kernel-function.ts";

/** Current and conduction loss of delivering `powerW` at `volts` through `resistanceMilliohm`. */
export const conductionLoss = kernelFunction(
  "conductionLoss",
  () => strictObject({ powerW: nonNegative(), volts: positive(), resistanceMilliohm: nonNegative() }),
  ({ powerW, volts, resistanceMilliohm }) => {
    const amps = powerW / volts;
    const ohms = resistanceMilliohm / 1000;
    const lossW = amps * amps * ohms;
    return {
      amps,
      lossW,
      /** Loss as a share of the power being delivered; small-loss approximation (loss not re-supplied). */
      lossShare: powerW === 0 ? 0 : lossW / powerW,
      voltageDropV: amps * ohms,
    };
  },
);

/**
 * Raising the bus voltage for the same power: current falls by the voltage ratio, and I²R loss in the
 * same conductors by its square. Independent of the conductor's resistance, which is why it is quoted alone.
 */
export const distributionVoltage = kernelFunction(
  "distributionVoltage",
  () => strictObject({ powerW: nonNegative(), fromVolts: positive(), toVolts: positive() }),
  ({ powerW, fromVolts, toVolts }) => {
    const ratio = toVolts / fromVolts;
    return {
      fromAmps: powerW / fromVolts,
      toAmps: powerW / toVolts,
      currentReduction: ratio,
      conductionLossReduction: ratio * ratio,
    };
  },
);

const stage = () => strictObject({ id: identifier(), efficiency: efficiency() });

/**
 * Power drawn from the grid to deliver `outputW` through conversion stages listed from the utility side
 * to the load. Efficiencies multiply; they do not add. Each stage's loss is what it dissipates as heat.
 */
export const conversionChain = kernelFunction(
  "conversionChain",
  () => strictObject({ outputW: nonNegative(), stages: array(stage()).check(minLength(1)) }),
  ({ outputW, stages }) => {
    let chainEfficiency = 1;
    for (const s of stages) chainEfficiency *= s.efficiency;
    const inputW = outputW / chainEfficiency;
    // Walk from the utility side: each stage receives what the previous one delivered.
    let incomingW = inputW;
    const perStage = stages.map((s) => {
      const deliveredW = incomingW * s.efficiency;
      const row = { id: s.id, inputW: incomingW, outputW: deliveredW, lossW: incomingW - deliveredW };
      incomingW = deliveredW;
      return row;
    });
    return {
      inputW,
      efficiency: chainEfficiency,
      lossW: inputW - outputW,
      /** Share of grid power lost before the load ("10–15 % of the power drawn from the grid"). */
      lossShareOfInput: 1 - chainEfficiency,
      /** Loss per watt delivered ("for every 100 W of useful computation, X W is lost"). */
      lossPerOutputW: 1 / chainEfficiency - 1,
      stages: perStage,
    };
  },
);

/** Heat a voltage regulator dissipates when `inputW` enters it: the board power budget includes it. */
export const regulatorHeat = kernelFunction(
  "regulatorHeat",
  () => strictObject({ inputW: nonNegative(), efficiency: efficiency() }),
  ({ inputW, efficiency }) => ({ outputW: inputW * efficiency, heatW: inputW * (1 - efficiency) }),
);

/**
 * A synchronous load step: every accelerator moves from `lowW` to `highW` together (communication phase to
 * matmul), within `rampUs`. Ramp rate = step ÷ time; negative for a drop.
 */
export const loadStep = kernelFunction(
  "loadStep",
  () => strictObject({ accelerators: positiveCount(), lowW: nonNegative(), highW: nonNegative(), rampUs: positive() }),
  ({ accelerators, lowW, highW, rampUs }) => {
    const stepW = accelerators * (highW - lowW);
    return {
      stepKW: stepW / 1000,
      rampGWPerS: stepW / (rampUs * 1e-6) / 1e9,
    };
  },
);

/** How long local storage (supercapacitors) can carry a load step on its own. */
export const rideThrough = kernelFunction(
  "rideThrough",
  () => strictObject({ storageKJ: nonNegative(), stepKW: positive() }),
  ({ storageKJ, stepKW }) => ({ holdMs: (storageKJ / stepKW) * 1000 }),
);

/** Storage needed to carry a load step until slower equipment (a UPS inverter, a generator) responds. */
export const rideThroughStorage = kernelFunction(
  "rideThroughStorage",
  () => strictObject({ stepKW: nonNegative(), holdMs: nonNegative() }),
  ({ stepKW, holdMs }) => ({ storageKJ: (stepKW * holdMs) / 1000 }),
);

/**
 * Raising distribution efficiency for racks that draw `rackInputKW` at `efficiencyBefore`: the same
 * delivered power then needs less input. Saved input = delivered × (1/ηbefore − 1/ηafter).
 */
export const distributionEfficiencyGain = kernelFunction(
  "distributionEfficiencyGain",
  () => strictObject({
    rackInputKW: nonNegative(),
    efficiencyBefore: efficiency(),
    efficiencyAfter: efficiency(),
    racks: positiveCount(),
    hours: nonNegative(),
    pricePerKWh: nonNegative(),
    nodeKW: positive(),
  }),
  ({ rackInputKW, efficiencyBefore, efficiencyAfter, racks, hours, pricePerKWh, nodeKW }) => {
    const deliveredKW = rackInputKW * efficiencyBefore;
    const savedKWPerRack = rackInputKW - deliveredKW / efficiencyAfter;
    const savedKW = savedKWPerRack * racks;
    const savedKWh = savedKW * hours;
    return {
      savedKWPerRack,
      savedKW,
      savedKWh,
      savedCost: savedKWh * pricePerKWh,
      /** Whole extra nodes the freed power could feed. */
      extraNodes: Math.max(0, Math.floor(savedKW / nodeKW)),
    };
  },
);
