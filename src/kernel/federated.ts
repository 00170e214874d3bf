// Federated versus centralized training, and the radio-versus-arithmetic ratio that decides it.
import { strictObject } from "zod/mini";
import { count, nonNegative, positive, withDefault } from "./fields.ts";
import { kernelFunction } from "./kernel-function.ts";

const PICO = 1e-12;

/**
 * Equation 16: federated = N × local training + aggregation; centralized = N × raw-data upload + cloud
 * training. The chapter's federated side leaves out the model updates each client still uploads;
 * `updateTransmitJ` (per client, over the whole run, default 0 to match the chapter) puts them back.
 */
export const federatedVsCentralized = kernelFunction(
  "federatedVsCentralized",
  () => strictObject({
    clients: count(),
    localTrainJ: nonNegative(),
    aggregationJ: nonNegative(),
    transmitJ: nonNegative(),
    cloudTrainJ: positive(),
    updateTransmitJ: withDefault(nonNegative(), 0),
  }),
  ({ clients, localTrainJ, aggregationJ, transmitJ, cloudTrainJ, updateTransmitJ }) => {
    const federatedJ = clients * (localTrainJ + updateTransmitJ) + aggregationJ;
    const centralizedJ = clients * transmitJ + cloudTrainJ;
    return {
      federatedJ,
      centralizedJ,
      federatedToCentralizedRatio: federatedJ / centralizedJ,
      federatedIsCheaper: federatedJ < centralizedJ,
    };
  },
);

/** Radio energy to send `bytes` at a cost per bit (Bluetooth/Wi-Fi: 1e5–5e5 pJ per bit in the chapter). */
export const transmitEnergy = kernelFunction(
  "transmitEnergy",
  () => strictObject({ bytes: nonNegative(), pJPerBit: nonNegative() }),
  ({ bytes, pJPerBit }) => {
    const bits = bytes * 8;
    return { bits, transmitJ: bits * pJPerBit * PICO };
  },
);

/**
 * Send the data or compute on it locally? Compares the radio energy of `bitsSent` with the arithmetic
 * energy of `localOps`. `breakEvenOpsPerBit` = pJ per bit ÷ pJ per op: local processing wins while it
 * spends fewer operations than that per bit it avoids sending.
 */
export const transmitVsCompute = kernelFunction(
  "transmitVsCompute",
  () => strictObject({ bitsSent: nonNegative(), localOps: nonNegative(), pJPerBit: nonNegative(), pJPerOp: positive() }),
  ({ bitsSent, localOps, pJPerBit, pJPerOp }) => {
    const transmitJ = bitsSent * pJPerBit * PICO;
    const computeJ = localOps * pJPerOp * PICO;
    return {
      transmitJ,
      computeJ,
      /** Radio energy over local arithmetic energy; Infinity when no local work is done but bits are sent. */
      transmitToComputeRatio: computeJ === 0 ? (transmitJ === 0 ? 1 : Infinity) : transmitJ / computeJ,
      breakEvenOpsPerBit: pJPerBit / pJPerOp,
      localIsCheaper: computeJ < transmitJ,
    };
  },
);
