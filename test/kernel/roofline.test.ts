import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { computeEnergy, memoryEnergy, precisionRatios } from "../../src/kernel/catalogs/operations.ts";
import {
  cmosPower,
  dynamicPowerScaling,
  leakageAtTemperature,
  matmulTraffic,
  rooflineEnergy,
  vectorAddTraffic,
} from "../../src/kernel/roofline.ts";
import { expectClose, expectPrinted } from "./printed.ts";

const GPU = { pJPerFlop: computeEnergy.gpuTensorCores.value, pJPerByte: memoryEnergy.dram.value };

describe("chapter examples", () => {
  test("Equation 7: the crossover intensity of a 10 pJ/FLOP GPU reading DRAM at 160 pJ/byte is 16 FLOP/byte", () => {
    expect(rooflineEnergy({ flops: 1, bytes: 1, ...GPU }).crossoverIntensity).toBe(16);
  });

  test("Example 1.1: N = 96 matmul sits at the crossover — 16 FLOP/byte, 17.69 µJ of compute and of memory", () => {
    const traffic = matmulTraffic({ n: 96 });
    const energy = rooflineEnergy({ flops: traffic.flops, bytes: traffic.bytes, ...GPU });
    expect(traffic.arithmeticIntensity).toBe(16);
    expectPrinted(energy.computeJ * 1e6, 17.69, 2);
    expectPrinted(energy.memoryJ * 1e6, 17.69, 2);
    expectPrinted(energy.computeJ * 1e3, 0.0177, 4);
    expect(energy.bound).toBe("balanced");
  });

  test("Example 1.1: N = 1000 matmul is compute-bound — 167 FLOP/byte, 20 mJ of compute against 1.92 mJ of memory", () => {
    const traffic = matmulTraffic({ n: 1000 });
    const energy = rooflineEnergy({ flops: traffic.flops, bytes: traffic.bytes, ...GPU });
    expectPrinted(traffic.arithmeticIntensity, 167, 0);
    expectPrinted(energy.computeJ * 1e3, 20, 0);
    expectPrinted(energy.memoryJ * 1e3, 1.92, 2);
    expect(energy.bound).toBe("compute");
  });

  test("Example 1.1: a 1000-element vector add is memory-bound — 0.083 FLOP/byte, 0.00001 mJ against 0.00192 mJ", () => {
    const traffic = vectorAddTraffic({ n: 1000 });
    const energy = rooflineEnergy({ flops: traffic.flops, bytes: traffic.bytes, ...GPU });
    expect(traffic.bytes).toBe(12_000);
    expectPrinted(traffic.arithmeticIntensity, 0.083, 3);
    expectPrinted(energy.computeJ * 1e3, 0.00001, 5);
    expectPrinted(energy.memoryJ * 1e3, 0.00192, 5);
    expect(energy.bound).toBe("memory");
  });

  test("Table 3: one FP32 operand from DRAM (4 × 160 pJ = 640 pJ) costs 64× the 10 pJ operation", () => {
    const operand = rooflineEnergy({ flops: 1, bytes: 4, ...GPU });
    expectPrinted(operand.memoryJ * 1e12, 640, 0);
    expectPrinted(operand.memoryJ / operand.computeJ, 64, 0);
  });

  test("Self-check: at 10 pJ/FLOP and 100 pJ/byte the crossover is 10 FLOP/byte, and a 3 FLOP/byte attention kernel is memory-bound", () => {
    const attention = rooflineEnergy({ flops: 3e9, bytes: 1e9, pJPerFlop: 10, pJPerByte: 100 });
    expect(attention.crossoverIntensity).toBe(10);
    expect(attention.bound).toBe("memory");
  });

  test("Footnote 13: choosing the hardware tier spans 100–1,000× (100 pJ/FLOP CPU to 0.1 pJ/op ASIC)", () => {
    expectPrinted(computeEnergy.cpu.value / computeEnergy.asicInt8.value, 1000, 0);
    expectPrinted(computeEnergy.cpu.value / computeEnergy.tpuSystolic.value, 67, 0);
  });

  test("CMOS power: dropping the supply from 1 V to 0.8 V cuts dynamic power by 36 percent", () => {
    expectPrinted(dynamicPowerScaling({ voltageRatio: 0.8 }).reductionFraction * 100, 36, 0);
    const before = cmosPower({ activity: 0.7, capacitanceFarads: 1e-9, volts: 1, frequencyHz: 1e9 });
    const after = cmosPower({ activity: 0.7, capacitanceFarads: 1e-9, volts: 0.8, frequencyHz: 1e9 });
    expectPrinted((1 - after.dynamicWatts / before.dynamicWatts) * 100, 36, 0);
  });

  test("CMOS power: leakage roughly doubles for every 10 °C", () => {
    const hot = leakageAtTemperature({ leakageAmpsAtReference: 2, referenceCelsius: 50, celsius: 80 });
    expect(hot.ratio).toBe(8);
    expect(hot.leakageAmps).toBe(16);
    expect(cmosPower({ activity: 0, capacitanceFarads: 0, volts: 0.9, frequencyHz: 0, leakageAmps: hot.leakageAmps }).staticWatts).toBeCloseTo(14.4, 12);
  });

  test("Precision: INT8 at 1/16 the energy of FP32 is 4× capacitance × 2× from voltage × 2× from control logic", () => {
    // "2× from voltage" is an energy factor, so the voltage itself falls by √2.
    const int8 = dynamicPowerScaling({ capacitanceRatio: 1 / 4, voltageRatio: Math.SQRT1_2, activityRatio: 1 / 2 });
    expectClose(1 / int8.powerRatio, precisionRatios.int8VsFp32.value);
  });

  test("Why quantization saves energy: 4× less capacitance plus a lower supply gives the chapter's 6–10× per operation", () => {
    // 4× from capacitance alone; with V falling to 0.8 V it is 6.25×, to 0.65 V it is 9.5×.
    expectPrinted(1 / dynamicPowerScaling({ capacitanceRatio: 1 / 4, voltageRatio: 0.8 }).powerRatio, 6.25, 2);
    expectPrinted(1 / dynamicPowerScaling({ capacitanceRatio: 1 / 4, voltageRatio: 0.65 }).powerRatio, 9.5, 1);
  });
});

describe("invariants", () => {
  const workload = fc.record({
    flops: fc.double({ min: 0, max: 1e18, noNaN: true }),
    bytes: fc.double({ min: 1, max: 1e15, noNaN: true }),
    pJPerFlop: fc.double({ min: 0.01, max: 200, noNaN: true }),
    pJPerByte: fc.double({ min: 0.05, max: 20_000, noNaN: true }),
  });

  test("total is compute plus memory; the dominant term is the larger", () => {
    fc.assert(
      fc.property(workload, (input) => {
        const e = rooflineEnergy(input);
        expectClose(e.totalJ, e.computeJ + e.memoryJ);
        expect(e.dominantJ).toBe(Math.max(e.computeJ, e.memoryJ));
      }),
    );
  });

  test("the bound follows intensity against the crossover", () => {
    fc.assert(
      fc.property(workload, (input) => {
        const e = rooflineEnergy(input);
        if (e.arithmeticIntensity > e.crossoverIntensity * (1 + 1e-9)) expect(e.bound).toBe("compute");
        if (e.arithmeticIntensity < e.crossoverIntensity * (1 - 1e-9)) expect(e.bound).toBe("memory");
      }),
    );
  });

  test("square matmul intensity is n/6 at FP32 and grows with n; vector add stays at 1/12", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (n) => {
        expectClose(matmulTraffic({ n }).arithmeticIntensity, n / 6);
        expectClose(vectorAddTraffic({ n }).arithmeticIntensity, 1 / 12);
      }),
    );
  });

  test("dynamic power is quadratic in voltage and linear in frequency", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), (v, f) => {
        expectClose(dynamicPowerScaling({ voltageRatio: v, frequencyRatio: f }).powerRatio, v * v * f);
      }),
    );
  });
});
