// Datacenter accelerators: power, embodied carbon and the two roofline ceilings (peak dense FLOP/s and
// memory bandwidth) at the precision large models train in (FP16/BF16 tensor math, no sparsity).
// Edge parts live in catalogs/edge.ts.
import { sourced, type Sourced } from "../catalog.ts";
import { deepFrozen } from "../frozen.ts";

export interface Accelerator {
  readonly name: string;
  /** Board power limit (TDP). Real draw is lower for most workloads; the chapter's fallacy "TDP is actual power". */
  readonly watts: Sourced;
  /** Manufacturing footprint per device, when a source publishes one. */
  readonly embodiedKgCO2e?: Sourced;
  readonly peakFlopsPerSecond: Sourced;
  readonly memoryBandwidthBytesPerSecond: Sourced;
}

export const accelerators = deepFrozen({
  h100: {
    name: "NVIDIA H100 SXM",
    watts: sourced(700, "W", "NVIDIA H100 datasheet", 2022),
    embodiedKgCO2e: sourced(164, "kg CO2e", "NVIDIA Corporation 2025", 2025, "derived: the HGX H100 8-GPU baseboard's product carbon footprint (1,312 kg CO2e) allocated evenly over its eight GPUs"),
    peakFlopsPerSecond: sourced(989e12, "FLOP/s", "NVIDIA H100 datasheet", 2022, "dense FP16/BF16 tensor; 1,979 TFLOP/s is the sparse figure"),
    memoryBandwidthBytesPerSecond: sourced(3.35e12, "B/s", "NVIDIA H100 datasheet", 2022, "HBM3"),
  },
  a100: {
    name: "NVIDIA A100 SXM 80GB",
    watts: sourced(400, "W", "NVIDIA A100 datasheet", 2020, "the chapter also uses 400 W as typical training draw"),
    embodiedKgCO2e: sourced(150, "kg CO2e", "Luccioni et al. 2023", 2023, "the chapter cites Luccioni et al. once and 'NVIDIA's product carbon footprint' once for this figure; Luccioni et al. is the source"),
    peakFlopsPerSecond: sourced(312e12, "FLOP/s", "NVIDIA A100 datasheet", 2020, "dense FP16/BF16 tensor"),
    memoryBandwidthBytesPerSecond: sourced(2.039e12, "B/s", "NVIDIA A100 datasheet", 2020, "HBM2e, 80 GB part; the 40 GB part has 1.555 TB/s"),
  },
  v100: {
    name: "NVIDIA V100 SXM2",
    watts: sourced(300, "W", "NVIDIA V100 datasheet", 2017, "GPT-3 trained on V100s at 330 W average system power per processor (Patterson et al. 2021)"),
    peakFlopsPerSecond: sourced(125e12, "FLOP/s", "NVIDIA V100 datasheet", 2017, "FP16 tensor"),
    memoryBandwidthBytesPerSecond: sourced(900e9, "B/s", "NVIDIA V100 datasheet", 2017, "HBM2"),
  },
  tpuV4: {
    name: "Google TPU v4",
    watts: sourced(192, "W", "Google Cloud TPU v4 documentation", 2023, "maximum measured power; measured minimum and mean are 90 and 170 W"),
    peakFlopsPerSecond: sourced(275e12, "FLOP/s", "Google Cloud TPU v4 documentation", 2023, "BF16 or INT8"),
    memoryBandwidthBytesPerSecond: sourced(1.2e12, "B/s", "Google Cloud TPU v4 documentation", 2023, "HBM2, 32 GiB"),
  },
} as const satisfies Record<string, Accelerator>);

/**
 * IT power over accelerator power: what host CPUs, DRAM, switches, NICs and power conversion add on top
 * of the accelerators' own draw, before facility overhead (PUE). Every energy example names the one it uses.
 */
export const supportFactors = deepFrozen({
  dgxH100Rack: sourced(1.375, "W IT per W accelerator", "Sustainable AI chapter, Table 6", 2026,
    "derived: a four-node DGX H100 rack draws 30.8 kW of IT power (GPUs 22.4 + host CPUs and DRAM 3.2 + NVSwitch 1.6 + InfiniBand 0.8 + conversion losses 2.8) for 22.4 kW of GPU TDP, a factor of 1.375"),
  acceleratorOnly: sourced(1, "W IT per W accelerator", "Sustainable AI chapter", 2026,
    "no support load: accelerator power stands in for IT power, as in Systems Perspective 1.1 and Napkin Math 1.7"),
} as const);
