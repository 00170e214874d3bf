// The federated notebook's chapter figures: what Systems Perspective 1.3 printed about the radio-versus-
// arithmetic ratio, and the data sizes the federated-learning paragraph names.
import { sourced, type Sourced } from "../../catalog.ts";
import { sourcedRange } from "../range.ts";
import { deepFrozen } from "../../frozen.ts";

const CHAPTER = 2026;
const SP_1_3 = "Sustainable AI chapter, Systems Perspective 1.3";
const FEDERATED = "Sustainable AI chapter, Federated learning energy analysis";

/** Results the chapter printed. */
export const printedFederated = deepFrozen({
  fp32MultipliesPerBit: sourcedRange(25_000, 125_000, "FP32 multiplies per bit", SP_1_3, CHAPTER, "100,000–500,000 pJ per bit ÷ 4 pJ"),
  int32AddsPerBit: sourcedRange(1_000_000, 5_000_000, "32-bit adds per bit", SP_1_3, CHAPTER, "100,000–500,000 pJ per bit ÷ 0.1 pJ"),
  localOpsPerBitThreshold: sourced(100_000, "FLOPs per bit", SP_1_3, CHAPTER,
    "'fewer than roughly 100,000 floating-point operations per bit'; at 4 pJ per FLOP that holds only for radios at or above 400,000 pJ per bit — at the range's low end the break-even is 25,000"),
  updateScale: sourced(1e6, "bytes", FEDERATED, CHAPTER, "model weight updates are 'megabytes'"),
  rawDataScale: sourced(1e9, "bytes", FEDERATED, CHAPTER, "raw data is 'gigabytes'"),
} as const satisfies Record<string, Sourced>);
