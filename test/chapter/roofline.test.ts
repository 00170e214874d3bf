// Chapter examples → notebooks/06-energy-roofline.md. Expected values are worked here by plain arithmetic
// from the chapter's inputs (10 pJ/FLOP, 160 pJ/byte, FP32 operands), never read from the notebook.
import { describe, expect, test } from "vitest";
import { expectPrinted } from "../kernel/printed.ts";
import { chapterExamples, type ChapterExample } from "../helpers/chapter-examples.ts";

const NOTEBOOK = "notebooks/06-energy-roofline.md";
const PJ = 1e-12;
const FLOP_PJ = 10;
const DRAM_PJ = 160;


const entries: ChapterExample[] = [
  { example: "Equation 7: crossover intensity, 160 pJ/byte ÷ 10 pJ/FLOP", name: "crossover", expected: DRAM_PJ / FLOP_PJ, tolerance: 1e-12 },
  { example: "Energy per byte: one FP32 operand from DRAM (640 pJ)", name: "operand", pick: (v) => v.memoryJ / PJ, expected: 4 * DRAM_PJ, tolerance: 1e-9 },
  { example: "Energy per byte: the operand costs 64× the operation", name: "operand", pick: (v) => v.memoryJ / v.computeJ, expected: (4 * DRAM_PJ) / FLOP_PJ, tolerance: 1e-12 },
  { example: "Example 1.1: N = 96 intensity", name: "smallMatmul", pick: (v) => v.arithmeticIntensity, expected: (2 * 96 ** 3) / (3 * 96 ** 2 * 4), tolerance: 1e-12 },
  { example: "Example 1.1: N = 96 compute energy (17.69 µJ)", name: "smallMatmul", pick: (v) => v.energy.computeJ, expected: 2 * 96 ** 3 * FLOP_PJ * PJ, tolerance: 1e-12 },
  { example: "Example 1.1: N = 96 memory energy (17.69 µJ)", name: "smallMatmul", pick: (v) => v.energy.memoryJ, expected: 3 * 96 ** 2 * 4 * DRAM_PJ * PJ, tolerance: 1e-12 },
  { example: "Example 1.1: N = 1000 intensity (167)", name: "largeMatmul", pick: (v) => v.arithmeticIntensity, expected: 1000 / 6, tolerance: 1e-12 },
  { example: "Example 1.1: N = 1000 compute energy (20 mJ)", name: "largeMatmul", pick: (v) => v.energy.computeJ, expected: 2e9 * FLOP_PJ * PJ, tolerance: 1e-12 },
  { example: "Example 1.1: N = 1000 memory energy (1.92 mJ)", name: "largeMatmul", pick: (v) => v.energy.memoryJ, expected: 3e6 * 4 * DRAM_PJ * PJ, tolerance: 1e-12 },
  { example: "Example 1.1: vector add intensity (0.083)", name: "vectorAdd", pick: (v) => v.arithmeticIntensity, expected: 1000 / 12000, tolerance: 1e-12 },
  { example: "Example 1.1: vector add compute energy (0.00001 mJ)", name: "vectorAdd", pick: (v) => v.energy.computeJ, expected: 1000 * FLOP_PJ * PJ, tolerance: 1e-12 },
  { example: "Example 1.1: vector add memory energy (0.00192 mJ)", name: "vectorAdd", pick: (v) => v.energy.memoryJ, expected: 12000 * DRAM_PJ * PJ, tolerance: 1e-12 },
  { example: "Self-check: attention kernel crossover at 10 pJ/FLOP, 100 pJ/byte", name: "attention", pick: (v) => v.crossoverIntensity, expected: 100 / 10, tolerance: 1e-12 },
  { example: "Self-check: attention kernel's memory share at 3 FLOP/byte", name: "attention", pick: (v) => v.memoryJ / v.totalJ, expected: 100 / (3 * 10 + 100), tolerance: 1e-12 },
  { example: "CMOS power: 1 V → 0.8 V cuts dynamic power 36 %", name: "voltageScaling", pick: (v) => v.reductionFraction, expected: 1 - 0.8 ** 2, tolerance: 1e-12 },
  { example: "CMOS power: leakage doubles per 10 °C", name: "leakage", pick: (v) => v.ratio, expected: 2, tolerance: 1e-12 },
  { example: "Energy per operation: INT8 at 1/16 of FP32 (4 × 2 × 2)", name: "precisionCases", pick: (v) => 1 / v[3].powerRatio, expected: 4 * 2 * 2, tolerance: 1e-9 },
  { example: "Quantization: 6× per op from capacitance and voltage", name: "precisionCases", pick: (v) => 1 / v[1].powerRatio, expected: 6, tolerance: 1e-9 },
  { example: "Quantization: 10× per op from capacitance and voltage", name: "precisionCases", pick: (v) => 1 / v[2].powerRatio, expected: 10, tolerance: 1e-9 },
  { example: "Footnote 13: the hardware tier spans 1,000× from CPU (100 pJ/FLOP) to INT8 ASIC (0.1 pJ/op)", name: "tierSpread", pick: (v) => v.cpuToAsic, expected: 100 / 0.1, tolerance: 1e-12 },
  { example: "Footnote 13: CPU to TPU (1–2 pJ/FLOP) is 50–100×", name: "tierSpread", pick: (v) => v.cpuToTpuHigh, expected: 100 / 1, tolerance: 1e-12 },
];

describe(NOTEBOOK, () => {
  const nb = chapterExamples(NOTEBOOK, entries, "scaled");

  test("Example 1.1: the computed rows print as the chapter's Table 4, and the bounds are right", async () => {
    const small = (await nb().value("smallMatmul")) as any;
    const large = (await nb().value("largeMatmul")) as any;
    const vector = (await nb().value("vectorAdd")) as any;
    expectPrinted(small.energy.computeJ * 1e6, 17.69, 2);
    expectPrinted(small.energy.memoryJ * 1e6, 17.69, 2);
    expectPrinted(large.arithmeticIntensity, 167, 0);
    expectPrinted(large.energy.memoryJ * 1e3, 1.92, 2);
    expectPrinted(vector.arithmeticIntensity, 0.083, 3);
    expectPrinted(vector.energy.memoryJ * 1e3, 0.00192, 5);
    expect([small.energy.bound, large.energy.bound, vector.energy.bound]).toEqual(["balanced", "compute", "memory"]);
    expect(((await nb().value("attention")) as any).bound).toBe("memory");
  });
});
