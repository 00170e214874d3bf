// Edge–cloud cascades: a small edge model answers what it can and escalates the rest to the cloud.
import { strictObject } from "zod/mini";
import { fraction, nonNegative, positive } from "./fields.ts";
import { kernelFunction } from "./kernel-function.ts";

const cascadeCosts = {
  /** Energy of one edge inference, paid on every query. */
  edgeMillijoules: nonNegative(),
  /** Energy to send one query's input to the cloud. */
  transmitMillijoules: nonNegative(),
  /** Energy of one cloud inference. Positive: a free cloud would make every comparison degenerate. */
  cloudMillijoules: positive(),
};

/**
 * Expected energy per query of a cascade (equation 15): E = edge + p × (transmit + cloud).
 *
 * Baseline assumption, stated once: "always-cloud" sends every query over the same link at the same
 * per-query transmit cost as an escalated one and runs the cloud model on it, with no edge model at all.
 * It is not credited with any batching or compression the cloud path might use instead.
 *
 * With that baseline, cascade ≤ always-cloud exactly when
 *   escalationRate ≤ 1 − edgeMillijoules / (transmitMillijoules + cloudMillijoules)   (see cascadeBreakEven);
 * at escalationRate = 1 the cascade costs edgeMillijoules more than always-cloud, so "never worse" is false
 * whenever the edge model costs anything.
 */
export const cascadeEnergy = kernelFunction(
  "cascadeEnergy",
  () => strictObject({ ...cascadeCosts, escalationRate: fraction() }),
  ({ edgeMillijoules, transmitMillijoules, cloudMillijoules, escalationRate }) => {
    const alwaysCloudMillijoules = transmitMillijoules + cloudMillijoules;
    const cascadeMillijoules = edgeMillijoules + escalationRate * alwaysCloudMillijoules;
    return {
      cascadeMillijoules,
      alwaysCloudMillijoules,
      /** 1 − cascade / always-cloud; negative when the cascade costs more. */
      savingsFraction: 1 - cascadeMillijoules / alwaysCloudMillijoules,
      /** Share of the cascade's energy spent on the edge model. */
      edgeShare: cascadeMillijoules === 0 ? 0 : edgeMillijoules / cascadeMillijoules,
    };
  },
);

/**
 * The escalation rate at which the cascade and always-cloud cost the same: 1 − edge / (transmit + cloud).
 * Below it the cascade wins. A value < 0 means the edge model alone costs more than always-cloud, so no
 * escalation rate pays off; `cascadeCanWin` says so directly.
 */
export const cascadeBreakEven = kernelFunction(
  "cascadeBreakEven",
  () => strictObject(cascadeCosts),
  ({ edgeMillijoules, transmitMillijoules, cloudMillijoules }) => {
    const breakEvenEscalationRate = 1 - edgeMillijoules / (transmitMillijoules + cloudMillijoules);
    return { breakEvenEscalationRate, cascadeCanWin: breakEvenEscalationRate > 0 };
  },
);
