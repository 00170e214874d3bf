// Published figures the energy notebook needs that the chapter does not state: what it takes to rebuild
// GPT-3's run from parameters and tokens (6·P·D) instead of taking its energy as given.
import { sourced } from "../catalog.ts";
import { deepFrozen } from "../frozen.ts";

export const gpt3Recipe = deepFrozen({
  tokens: sourced(300e9, "tokens", "Brown et al. 2020", 2020, "training tokens seen; 6 × 175e9 × 300e9 = 3.15e23 FLOP"),
  realizedFlopsPerDevice: sourced(24.6e12, "FLOP/s", "Patterson et al. 2021", 2021,
    "measured average throughput per V100 over the run, about 20% of the V100's 125 TFLOP/s FP16 tensor peak"),
} as const);
