// The decode notebook's chapter figures: the comparison the chapter sets up (decodeExamples) and the range
// it printed for it (printedDecode), which the notebook compares with what the roofline model gives.
import { sourced, type Sourced } from "../../catalog.ts";
import { sourcedRange } from "../range.ts";
import { deepFrozen } from "../../frozen.ts";

const CHAPTER = 2026;
const DECODE = "Sustainable AI chapter, The energy inefficiency of the decode phase";
const TDP_FALLACY = "Sustainable AI chapter, Fallacy: TDP is actual power consumption";

/** Inputs of the chapter's prefill-versus-decode comparison that no other catalog holds. */
export const decodeExamples = deepFrozen({
  tokens: sourced(1000, "tokens", DECODE, CHAPTER, "1,000 tokens generated in 1,000 decode steps against the same 1,000 in one prefill"),
  batch: sourced(1, "sequences per step", DECODE, CHAPTER, "implied: one sequence, each step producing one token"),
  h100IdleW: sourcedRange(50, 80, "W", TDP_FALLACY, CHAPTER, "H100 idle draw"),
} as const satisfies Record<string, Sourced>);

/** What the chapter printed for that comparison. */
export const printedDecode = deepFrozen({
  decodeToPrefill: sourcedRange(10, 50, "× energy per token", DECODE, CHAPTER, "decode over prefill, attributed to static power drawn while waiting on memory (Ma and Patterson 2026)"),
} as const satisfies Record<string, Sourced>);
