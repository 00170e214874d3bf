// The roofline notebook's chapter figures: the inputs of its worked examples (rooflineExamples) and the
// results the chapter printed (printedRoofline), which the notebook shows beside what the kernel computes.
import { sourced, type Sourced } from "../../catalog.ts";
import { sourcedRange } from "../range.ts";
import { deepFrozen } from "../../frozen.ts";

const CHAPTER = 2026;
const EXAMPLE_1_1 = "Sustainable AI chapter, Example 1.1 (Table 4)";
const CMOS = "Sustainable AI chapter, The CMOS power equation";
const OPTIMIZATION = "Sustainable AI chapter, Why optimization techniques save energy";
const SELF_CHECK = "Sustainable AI chapter, Self-Check (energy metrics)";
const PER_BYTE = "Sustainable AI chapter, Energy per byte";

/** Inputs of the chapter's roofline and CMOS examples that no other catalog holds. */
export const rooflineExamples = deepFrozen({
  smallMatrixN: sourced(96, "elements per side", EXAMPLE_1_1, CHAPTER, "the matrix size that sits exactly at the 16 FLOP/byte crossover"),
  largeMatrixN: sourced(1000, "elements per side", EXAMPLE_1_1, CHAPTER),
  vectorN: sourced(1000, "elements", EXAMPLE_1_1, CHAPTER),
  bytesPerElement: sourced(4, "bytes", EXAMPLE_1_1, CHAPTER, "FP32"),
  referenceVolts: sourced(1, "V", CMOS, CHAPTER),
  loweredVolts: sourced(0.8, "V", CMOS, CHAPTER),
  leakageDoublingCelsius: sourced(10, "°C", CMOS, CHAPTER, "leakage 'approximately doubling for every 10 degrees Celsius rise'"),
  cpuActivity: sourcedRange(0.1, 0.3, "fraction switching per cycle", CMOS, CHAPTER, "general-purpose CPUs"),
  acceleratorActivity: sourcedRange(0.6, 0.8, "fraction switching per cycle", CMOS, CHAPTER, "specialized AI accelerators"),
  int8CapacitanceGain: sourced(4, "× less capacitance", OPTIMIZATION, CHAPTER, "FP32 → INT8 datapath"),
  int8VoltageGain: sourced(2, "× less energy", "Sustainable AI chapter, Energy per operation", CHAPTER, "from larger noise margins; an energy factor, so the supply falls by √2"),
  int8ControlGain: sourced(2, "× less energy", "Sustainable AI chapter, Energy per operation", CHAPTER, "simpler control logic"),
  selfCheckPJPerFlop: sourced(10, "pJ/FLOP", SELF_CHECK, CHAPTER, "'approximately 10 pJ per FLOP'"),
  selfCheckPJPerByte: sourced(100, "pJ/byte", SELF_CHECK, CHAPTER, "'approximately 100 pJ per byte' of DRAM"),
  selfCheckIntensity: sourced(3, "FLOP/byte", SELF_CHECK, CHAPTER, "an attention kernel"),
} as const satisfies Record<string, Sourced>);

/** What the chapter printed for them. */
export const printedRoofline = deepFrozen({
  crossover: sourced(16, "FLOP/byte", "Sustainable AI chapter, Equation 7", CHAPTER),
  smallIntensity: sourced(16, "FLOP/byte", EXAMPLE_1_1, CHAPTER),
  smallComputeUJ: sourced(17.69, "µJ", EXAMPLE_1_1, CHAPTER),
  smallMemoryUJ: sourced(17.69, "µJ", EXAMPLE_1_1, CHAPTER),
  largeIntensity: sourced(167, "FLOP/byte", EXAMPLE_1_1, CHAPTER),
  largeComputeMillijoules: sourced(20, "mJ", EXAMPLE_1_1, CHAPTER),
  largeMemoryMillijoules: sourced(1.92, "mJ", EXAMPLE_1_1, CHAPTER),
  vectorIntensity: sourced(0.083, "FLOP/byte", EXAMPLE_1_1, CHAPTER),
  vectorComputeMillijoules: sourced(0.00001, "mJ", EXAMPLE_1_1, CHAPTER),
  vectorMemoryMillijoules: sourced(0.00192, "mJ", EXAMPLE_1_1, CHAPTER),
  operandPJ: sourced(640, "pJ", PER_BYTE, CHAPTER, "one FP32 operand from DRAM"),
  operandOverOp: sourced(64, "×", PER_BYTE, CHAPTER, "the operand's fetch against the 10 pJ operation"),
  dramOverArithmetic: sourcedRange(10, 100, "×", PER_BYTE, CHAPTER, "'moving data from DRAM consumes 10 to 100 times more energy than performing arithmetic'"),
  voltageCutPercent: sourced(36, "%", CMOS, CHAPTER, "dynamic power, 1 V → 0.8 V"),
  quantizationPerOp: sourcedRange(6, 10, "× less energy per op", OPTIMIZATION, CHAPTER, "INT8 vs FP32, from capacitance and voltage; the chapter's Table 12 and Energy per operation say 16×"),
  hardwareTierSpread: sourcedRange(100, 1000, "× less energy", "Sustainable AI chapter, footnote 13", CHAPTER, "choosing the hardware tier for a workload"),
} as const satisfies Record<string, Sourced>);
