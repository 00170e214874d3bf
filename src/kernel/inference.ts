// Serving energy: per query, cumulative against the one-time training run, and per generated token
// through a roofline model of prefill and decode.
import { units } from "./units.ts";
import { nonNegative, positive, positiveCount, strictObject, withDefault } from "./fields.ts";
import { kernelFunction } from "./kernel-function.ts";

/** Energy of one query that holds `watts` for `secondsPerQuery`. */
export const queryEnergy = kernelFunction(
  "queryEnergy",
  () => strictObject({ watts: nonNegative(), secondsPerQuery: nonNegative() }),
  ({ watts, secondsPerQuery }) => {
    const joulesPerQuery = watts * secondsPerQuery;
    return { joulesPerQuery, kWhPerQuery: joulesPerQuery / units.joulesPerKWh };
  },
);

/**
 * Days of serving after which cumulative inference energy equals the training run. Give both sides at the
 * same boundary (both IT or both facility energy); the same grid then makes it the carbon crossover too.
 */
export const inferenceCrossover = kernelFunction(
  "inferenceCrossover",
  () => strictObject({ trainingKWh: nonNegative(), queriesPerDay: positive(), kWhPerQuery: positive() }),
  ({ trainingKWh, queriesPerDay, kWhPerQuery }) => {
    const dailyKWh = queriesPerDay * kWhPerQuery;
    return { dailyKWh, annualKWh: dailyKWh * units.daysPerYear, crossoverDays: trainingKWh / dailyKWh };
  },
);

type Bound = "compute" | "memory";

/**
 * Energy per token of a dense decoder-only model in its two serving phases, from the roofline:
 *
 * - Prefill runs `tokens` prompt tokens through the model in one pass: the weights are read once for all
 *   of them and each token's K/V entries are written once. Work is 2·params FLOPs per token.
 * - Decode generates `tokens` tokens one step at a time; each step reads every weight once to produce one
 *   token for each of `batch` sequences, reads each sequence's cached context (on average (tokens−1)/2
 *   tokens of K/V) and writes one token's K/V.
 *
 * Each pass costs its dynamic energy (FLOPs × pJPerFlop + bytes × pJPerByte) plus `staticWatts` for as long
 * as the pass takes, and a pass takes the longer of its compute time (at peak FLOP/s) and its memory time (at
 * full bandwidth). Attention's context-length FLOPs and activation traffic are left out: at the prompt lengths
 * where the chapter's comparison is made they are small beside the weight terms.
 *
 * Decode pays the weight read per step instead of per prompt, and idles its arithmetic units while it waits
 * for memory; `decodeToPrefillRatio` is what that costs per token.
 */
export const decodeEnergy = kernelFunction(
  "decodeEnergy",
  () => strictObject({
    params: positive(),
    bytesPerParam: positive(),
    tokens: positiveCount(),
    batch: positiveCount(),
    pJPerFlop: positive(),
    pJPerByte: nonNegative(),
    peakFlopsPerSecond: positive(),
    memoryBandwidthBytesPerSecond: positive(),
    staticWatts: nonNegative(),
    kvBytesPerToken: withDefault(nonNegative(), 0),
  }),
  (input) => {
    const { params, bytesPerParam, tokens, batch, kvBytesPerToken } = input;
    const flopsPerToken = 2 * params;
    const weightBytes = params * bytesPerParam;

    const prefill = pass(input, flopsPerToken * tokens, weightBytes + kvBytesPerToken * tokens);
    const meanContext = (tokens - 1) / 2;
    const step = pass(input, flopsPerToken * batch, weightBytes + batch * kvBytesPerToken * (meanContext + 1));

    const prefillJPerToken = prefill.joules / tokens;
    const decodeJPerToken = step.joules / batch;
    return {
      prefillJPerToken,
      decodeJPerToken,
      decodeToPrefillRatio: decodeJPerToken / prefillJPerToken,
      prefillBound: prefill.bound,
      decodeBound: step.bound,
      decodeStepSeconds: step.seconds,
    };
  },
);

interface PassCost {
  readonly joules: number;
  readonly seconds: number;
  readonly bound: Bound;
}

function pass(
  machine: { pJPerFlop: number; pJPerByte: number; peakFlopsPerSecond: number; memoryBandwidthBytesPerSecond: number; staticWatts: number },
  flops: number,
  bytes: number,
): PassCost {
  const computeSeconds = flops / machine.peakFlopsPerSecond;
  const memorySeconds = bytes / machine.memoryBandwidthBytesPerSecond;
  const seconds = Math.max(computeSeconds, memorySeconds);
  const dynamicJ = (flops * machine.pJPerFlop + bytes * machine.pJPerByte) * units.joulesPerPicojoule;
  return { joules: dynamicJ + machine.staticWatts * seconds, seconds, bound: computeSeconds >= memorySeconds ? "compute" : "memory" };
}
