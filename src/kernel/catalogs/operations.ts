// Energy per operation and per byte moved: the two terms of the energy roofline. Values are the chapter's
// order-of-magnitude table entries, not measurements of one chip; use them for regimes and ratios.
import { sourced } from "../catalog.ts";
import { sourcedRange } from "./range.ts";
import { deepFrozen } from "../frozen.ts";

const CHAPTER = 2026;

/** Table 2: energy per operation by architecture. Note the unit: some rows are per MAC (= 2 FLOPs). */
export const computeEnergy = deepFrozen({
  cpu: sourced(100, "pJ/FLOP", "Sustainable AI chapter, Table 2", CHAPTER, "general-purpose; low arithmetic-unit utilization"),
  gpuTensorCores: sourced(10, "pJ/FLOP", "Sustainable AI chapter, Table 2", CHAPTER, "dense tensor operations; the chapter's default GPU figure"),
  tpuSystolic: sourcedRange(1, 2, "pJ/FLOP", "Sustainable AI chapter, Table 2", CHAPTER),
  edgeTpu: sourcedRange(2, 4, "pJ/FLOP", "Sustainable AI chapter, Table 2", CHAPTER, "INT8 on-device inference"),
  armEthosU55: sourcedRange(0.5, 2, "pJ/MAC", "Sustainable AI chapter, Table 2", CHAPTER, "microcontroller NPU; per MAC"),
  maximMax78000: sourcedRange(0.3, 1, "pJ/MAC", "Sustainable AI chapter, Table 2", CHAPTER, "CNN accelerator with local weight storage; per MAC"),
  asicInt8: sourced(0.1, "pJ/op", "Sustainable AI chapter, Table 2", CHAPTER, "fixed-function, low precision"),
  analogInMemory: sourcedRange(0.01, 0.1, "pJ/MAC", "Sustainable AI chapter, Table 2", CHAPTER, "emerging; per MAC"),
} as const);

/** Table 3: energy to move one byte from each level of the memory hierarchy. */
export const memoryEnergy = deepFrozen({
  register: sourced(0.1, "pJ/byte", "Sustainable AI chapter, Table 3", CHAPTER),
  l1Cache: sourced(1, "pJ/byte", "Sustainable AI chapter, Table 3", CHAPTER),
  l2Cache: sourced(5, "pJ/byte", "Sustainable AI chapter, Table 3", CHAPTER),
  dram: sourced(160, "pJ/byte", "Sustainable AI chapter, Table 3", CHAPTER, "640 pJ per 32-bit word, the classic 45 nm DRAM figure"),
  nvmeSsd: sourced(1000, "pJ/byte", "Sustainable AI chapter, Table 3", CHAPTER),
  network: sourced(10000, "pJ/byte", "Sustainable AI chapter, Table 3", CHAPTER, "a lower bound: the table gives '> 10000'"),
} as const);

/** Energy per arithmetic operation by precision. Only FP32 and INT32 are published absolutes here. */
export const precisionEnergy = deepFrozen({
  fp32Multiply: sourced(4, "pJ/op", "Sustainable AI chapter, Systems Perspective 1.3", CHAPTER),
  int32Add: sourced(0.1, "pJ/op", "Sustainable AI chapter, Systems Perspective 1.3", CHAPTER),
  int8Multiply: sourced(4 / 16, "pJ/op", "Sustainable AI chapter, Table 12", CHAPTER, "derived: FP32 multiply ÷ 16, the chapter's INT8-vs-FP32 ratio"),
  int4Multiply: sourced(4 / 64, "pJ/op", "Sustainable AI chapter, footnote 34", CHAPTER, "derived: FP32 multiply ÷ 64, the chapter's 4-bit ratio"),
} as const);

/** Energy-per-operation ratios the chapter states for lower precision. */
export const precisionRatios = deepFrozen({
  int8VsFp32: sourced(16, "× less energy per op", "Sustainable AI chapter, Table 12", CHAPTER,
    "the chapter composes it as 4× capacitance × 2× voltage × 2× control logic; elsewhere it says quantization yields 6–10× per operation"),
  int4VsFp32: sourced(64, "× less energy per op", "Sustainable AI chapter, footnote 34", CHAPTER),
} as const);
