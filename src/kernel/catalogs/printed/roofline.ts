// The roofline notebook's chapter figures: the inputs of its worked examples (rooflineExamples) and the
// results the chapter printed (printedRoofline), which the notebook shows beside what the kernel computes.
import { catalog, sourced, type Sourced } from "../../catalog.ts";
import { sourcedRange } from "../range.ts";

const CHAPTER = 2026;
const EXAMPLE_1_1 = "Sustainable AI chapter, Example 1.1 (Table 4)";
const CMOS = "Sustainable AI chapter, The CMOS power equation";
const OPTIMIZATION = "Sustainable AI chapter, Why optimization techniques save energy";
const SELF_CHECK = "Sustainable AI chapter, Self-Check (energy metrics)";
const PER_BYTE = "Sustainable AI chapter, Energy per byte";

/** Inputs of the chapter's roofline and CMOS examples that no other catalog holds. */
export const rooflineExamples = catalog("rooflineExamples", {
  smallMatrixN: sourced(96, "elements per side", EXAMPLE_1_1, CHAPTER, {
    name: "Example 1.1: small matrix size",
    note: "the matrix size that sits exactly at the 16 FLOP/byte crossover",
  }),
  largeMatrixN: sourced(1000, "elements per side", EXAMPLE_1_1, CHAPTER, { name: "Example 1.1: large matrix size" }),
  vectorN: sourced(1000, "elements", EXAMPLE_1_1, CHAPTER, { name: "Example 1.1: vector length" }),
  bytesPerElement: sourced(4, "bytes", EXAMPLE_1_1, CHAPTER, { name: "Example 1.1: bytes per element", note: "FP32" }),
  referenceVolts: sourced(1, "V", CMOS, CHAPTER, { name: "CMOS example: reference supply voltage" }),
  loweredVolts: sourced(0.8, "V", CMOS, CHAPTER, { name: "CMOS example: lowered supply voltage" }),
  leakageDoublingCelsius: sourced(10, "°C", CMOS, CHAPTER, {
    name: "Leakage doubling temperature step",
    note: "leakage 'approximately doubling for every 10 degrees Celsius rise'",
  }),
  cpuActivity: sourcedRange(0.1, 0.3, "fraction switching per cycle", CMOS, CHAPTER, { name: "CPU activity factor", note: "general-purpose CPUs" }),
  acceleratorActivity: sourcedRange(0.6, 0.8, "fraction switching per cycle", CMOS, CHAPTER, {
    name: "Accelerator activity factor",
    note: "specialized AI accelerators",
  }),
  int8CapacitanceGain: sourced(4, "× less capacitance", OPTIMIZATION, CHAPTER, { name: "INT8 gain from capacitance", note: "FP32 → INT8 datapath" }),
  int8VoltageGain: sourced(2, "× less energy", "Sustainable AI chapter, Energy per operation", CHAPTER, {
    name: "INT8 gain from voltage",
    note: "from larger noise margins; an energy factor, so the supply falls by √2",
  }),
  int8ControlGain: sourced(2, "× less energy", "Sustainable AI chapter, Energy per operation", CHAPTER, {
    name: "INT8 gain from control logic",
    note: "simpler control logic",
  }),
  selfCheckPJPerFlop: sourced(10, "pJ/FLOP", SELF_CHECK, CHAPTER, {
    name: "Energy-metrics self-check: energy per FLOP",
    note: "'approximately 10 pJ per FLOP'",
  }),
  selfCheckPJPerByte: sourced(100, "pJ/byte", SELF_CHECK, CHAPTER, {
    name: "Energy-metrics self-check: energy per byte",
    note: "'approximately 100 pJ per byte' of DRAM",
  }),
  selfCheckIntensity: sourced(3, "FLOP/byte", SELF_CHECK, CHAPTER, {
    name: "Energy-metrics self-check: attention kernel intensity",
    note: "an attention kernel",
  }),
} as const satisfies Record<string, Sourced>);

/** What the chapter printed for them. */
export const printedRoofline = catalog("printedRoofline", {
  crossover: sourced(16, "FLOP/byte", "Sustainable AI chapter, Equation 7", CHAPTER, { name: "Crossover intensity, printed" }),
  smallIntensity: sourced(16, "FLOP/byte", EXAMPLE_1_1, CHAPTER, { name: "Example 1.1 small matrix intensity, printed" }),
  smallComputeUJ: sourced(17.69, "µJ", EXAMPLE_1_1, CHAPTER, { name: "Example 1.1 small matrix compute energy, printed" }),
  smallMemoryUJ: sourced(17.69, "µJ", EXAMPLE_1_1, CHAPTER, { name: "Example 1.1 small matrix memory energy, printed" }),
  largeIntensity: sourced(167, "FLOP/byte", EXAMPLE_1_1, CHAPTER, { name: "Example 1.1 large matrix intensity, printed" }),
  largeComputeMillijoules: sourced(20, "mJ", EXAMPLE_1_1, CHAPTER, { name: "Example 1.1 large matrix compute energy, printed" }),
  largeMemoryMillijoules: sourced(1.92, "mJ", EXAMPLE_1_1, CHAPTER, { name: "Example 1.1 large matrix memory energy, printed" }),
  vectorIntensity: sourced(0.083, "FLOP/byte", EXAMPLE_1_1, CHAPTER, { name: "Example 1.1 vector add intensity, printed" }),
  vectorComputeMillijoules: sourced(0.00001, "mJ", EXAMPLE_1_1, CHAPTER, { name: "Example 1.1 vector add compute energy, printed" }),
  vectorMemoryMillijoules: sourced(0.00192, "mJ", EXAMPLE_1_1, CHAPTER, { name: "Example 1.1 vector add memory energy, printed" }),
  operandPJ: sourced(640, "pJ", PER_BYTE, CHAPTER, { name: "Energy of one FP32 operand from DRAM, printed", note: "one FP32 operand from DRAM" }),
  operandOverOp: sourced(64, "×", PER_BYTE, CHAPTER, {
    name: "Operand fetch against the operation, printed",
    note: "the operand's fetch against the 10 pJ operation",
  }),
  dramOverArithmetic: sourcedRange(10, 100, "×", PER_BYTE, CHAPTER, {
    name: "DRAM against arithmetic, printed",
    note: "'moving data from DRAM consumes 10 to 100 times more energy than performing arithmetic'",
  }),
  voltageCutPercent: sourced(36, "%", CMOS, CHAPTER, { name: "Dynamic power cut from lower voltage, printed", note: "dynamic power, 1 V → 0.8 V" }),
  quantizationPerOp: sourcedRange(6, 10, "× less energy per op", OPTIMIZATION, CHAPTER, {
    name: "Quantization gain per operation, printed",
    note: "INT8 vs FP32, from capacitance and voltage; the chapter's Table 12 and Energy per operation say 16×",
  }),
  hardwareTierSpread: sourcedRange(100, 1000, "× less energy", "Sustainable AI chapter, footnote 13", CHAPTER, {
    name: "Spread across hardware tiers, printed",
    note: "choosing the hardware tier for a workload",
  }),
} as const satisfies Record<string, Sourced>);
