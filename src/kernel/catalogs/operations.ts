// Energy per operation and per byte moved: the two terms of the energy roofline. Values are the chapter's
// order-of-magnitude table entries, not measurements of one chip; use them for regimes and ratios.
import { catalog, sourced } from "../catalog.ts";
import { sourcedRange } from "./range.ts";

const CHAPTER = 2026;

/** Table 2: energy per operation by architecture. Note the unit: some rows are per MAC (= 2 FLOPs). */
export const computeEnergy = catalog("computeEnergy", {
  cpu: sourced(100, "pJ/FLOP", "Sustainable AI chapter, Table 2", CHAPTER, {
    name: "CPU energy per FLOP",
    note: "general-purpose; low arithmetic-unit utilization",
  }),
  gpuTensorCores: sourced(10, "pJ/FLOP", "Sustainable AI chapter, Table 2", CHAPTER, {
    name: "GPU tensor-core energy per FLOP",
    note: "dense tensor operations; the chapter's default GPU figure",
  }),
  tpuSystolic: sourcedRange(1, 2, "pJ/FLOP", "Sustainable AI chapter, Table 2", CHAPTER, { name: "TPU systolic-array energy per FLOP" }),
  edgeTpu: sourcedRange(2, 4, "pJ/FLOP", "Sustainable AI chapter, Table 2", CHAPTER, {
    name: "Google Edge TPU energy per FLOP",
    note: "INT8 on-device inference",
  }),
  armEthosU55: sourcedRange(0.5, 2, "pJ/MAC", "Sustainable AI chapter, Table 2", CHAPTER, {
    name: "Arm Ethos-U55 energy per MAC",
    note: "microcontroller NPU; per MAC",
  }),
  maximMax78000: sourcedRange(0.3, 1, "pJ/MAC", "Sustainable AI chapter, Table 2", CHAPTER, {
    name: "Maxim MAX78000 energy per MAC",
    note: "CNN accelerator with local weight storage; per MAC",
  }),
  asicInt8: sourced(0.1, "pJ/op", "Sustainable AI chapter, Table 2", CHAPTER, {
    name: "INT8 ASIC energy per operation",
    note: "fixed-function, low precision",
  }),
  analogInMemory: sourcedRange(0.01, 0.1, "pJ/MAC", "Sustainable AI chapter, Table 2", CHAPTER, {
    name: "Analog in-memory energy per MAC",
    note: "emerging; per MAC",
  }),
} as const);

/** Table 3: energy to move one byte from each level of the memory hierarchy. */
export const memoryEnergy = catalog("memoryEnergy", {
  register: sourced(0.1, "pJ/byte", "Sustainable AI chapter, Table 3", CHAPTER, { name: "Register energy per byte" }),
  l1Cache: sourced(1, "pJ/byte", "Sustainable AI chapter, Table 3", CHAPTER, { name: "L1 cache energy per byte" }),
  l2Cache: sourced(5, "pJ/byte", "Sustainable AI chapter, Table 3", CHAPTER, { name: "L2 cache energy per byte" }),
  dram: sourced(160, "pJ/byte", "Sustainable AI chapter, Table 3", CHAPTER, {
    name: "DRAM energy per byte",
    note: "640 pJ per 32-bit word, the classic 45 nm DRAM figure",
  }),
  nvmeSsd: sourced(1000, "pJ/byte", "Sustainable AI chapter, Table 3", CHAPTER, { name: "NVMe SSD energy per byte" }),
  network: sourced(10000, "pJ/byte", "Sustainable AI chapter, Table 3", CHAPTER, {
    name: "Network energy per byte",
    note: "a lower bound: the table gives '> 10000'",
  }),
} as const);

/** Energy per arithmetic operation by precision. Only FP32 and INT32 are published absolutes here. */
export const precisionEnergy = catalog("precisionEnergy", {
  fp32Multiply: sourced(4, "pJ/op", "Sustainable AI chapter, Systems Perspective 1.3", CHAPTER, { name: "FP32 multiply energy" }),
  int32Add: sourced(0.1, "pJ/op", "Sustainable AI chapter, Systems Perspective 1.3", CHAPTER, { name: "INT32 add energy" }),
  int8Multiply: sourced(4 / 16, "pJ/op", "Sustainable AI chapter, Table 12", CHAPTER, {
    name: "INT8 multiply energy",
    note: "derived: FP32 multiply ÷ 16, the chapter's INT8-vs-FP32 ratio",
  }),
  int4Multiply: sourced(4 / 64, "pJ/op", "Sustainable AI chapter, footnote 34", CHAPTER, {
    name: "INT4 multiply energy",
    note: "derived: FP32 multiply ÷ 64, the chapter's 4-bit ratio",
  }),
} as const);

/** Energy-per-operation ratios the chapter states for lower precision. */
export const precisionRatios = catalog("precisionRatios", {
  int8VsFp32: sourced(16, "× less energy per op", "Sustainable AI chapter, Table 12", CHAPTER, {
    name: "INT8 vs FP32 energy per operation",
    note: "the chapter composes it as 4× capacitance × 2× voltage × 2× control logic; elsewhere it says quantization yields 6–10× per operation",
  }),
  int4VsFp32: sourced(64, "× less energy per op", "Sustainable AI chapter, footnote 34", CHAPTER, { name: "INT4 vs FP32 energy per operation" }),
} as const);
