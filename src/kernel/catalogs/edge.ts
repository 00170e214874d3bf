// Edge power budgets, edge parts, MLPerf Tiny energies, radio cost per bit and small batteries.
// The chapter gives most of these as ranges: SourcedRange keeps low and high, with the midpoint as value.
import { sourced, type Sourced } from "../catalog.ts";
import { sourcedRange, type SourcedRange } from "./range.ts";
import { deepFrozen } from "../frozen.ts";

const CHAPTER = 2026;
const TABLE_8 = "Sustainable AI chapter, Table 8 (edge AI power budget categories)";

export interface EdgePowerBudget {
  readonly name: string;
  readonly idleMilliwatts: SourcedRange;
  readonly activeMilliwatts: SourcedRange;
  readonly peakMilliwatts: Sourced;
  readonly examples: readonly string[];
}

/** Table 8, every state in milliwatts so the tiers compare on one axis. */
export const edgePowerBudgets = deepFrozen({
  tinymlMcu: {
    name: "TinyML (MCU)",
    idleMilliwatts: sourcedRange(0.001, 0.1, "mW", TABLE_8, CHAPTER,
      "printed as '1–100 W'; a microcontroller idling at watts would exceed its own 100 mW peak, so read as 1–100 µW (the µ lost in typesetting)"),
    activeMilliwatts: sourcedRange(1, 50, "mW", TABLE_8, CHAPTER),
    peakMilliwatts: sourced(100, "mW", TABLE_8, CHAPTER),
    examples: ["Arduino Nano 33", "STM32H7", "Nordic nRF5340"],
  },
  mobileNpu: {
    name: "Mobile NPU",
    idleMilliwatts: sourcedRange(10, 100, "mW", TABLE_8, CHAPTER),
    activeMilliwatts: sourcedRange(500, 5000, "mW", TABLE_8, CHAPTER),
    peakMilliwatts: sourced(10_000, "mW", TABLE_8, CHAPTER),
    examples: ["Pixel Tensor", "Apple Neural Engine", "Snapdragon NPU"],
  },
  edgeGpuTpu: {
    name: "Edge GPU/TPU",
    idleMilliwatts: sourcedRange(1000, 5000, "mW", TABLE_8, CHAPTER),
    activeMilliwatts: sourcedRange(5000, 30_000, "mW", TABLE_8, CHAPTER),
    peakMilliwatts: sourced(75_000, "mW", TABLE_8, CHAPTER),
    examples: ["NVIDIA Jetson Orin NX", "NVIDIA Jetson AGX Orin", "Google Edge TPU", "RPi AI Kit"],
  },
  autonomousVehicle: {
    name: "Autonomous Vehicle",
    idleMilliwatts: sourcedRange(10_000, 50_000, "mW", TABLE_8, CHAPTER),
    activeMilliwatts: sourcedRange(50_000, 200_000, "mW", TABLE_8, CHAPTER),
    peakMilliwatts: sourced(500_000, "mW", TABLE_8, CHAPTER),
    examples: ["Tesla FSD Computer", "Mobileye EyeQ", "NVIDIA Drive"],
  },
} as const satisfies Record<string, EdgePowerBudget>);

const TINYML_DYNAMICS = "Sustainable AI chapter, TinyML power state dynamics";
const EXAMPLE_1_4 = "Sustainable AI chapter, Example 1.4";
const TABLE_2 = "Sustainable AI chapter, Table 2";

/** Individual edge parts and the operating points of the chapter's worked examples. */
export const edgeParts = deepFrozen({
  jetsonOrinNxW: sourcedRange(10, 25, "W", TABLE_8, CHAPTER, "configurable power modes"),
  jetsonAgxOrinW: sourcedRange(15, 60, "W", TABLE_8, CHAPTER, "configurable power modes"),
  teslaFsdComputerW: sourced(72, "W", "Sustainable AI chapter, footnote 26", CHAPTER, "continuous draw while driving"),
  cortexM4KeywordSpottingActiveMilliwatts: sourced(15, "mW", TINYML_DYNAMICS, CHAPTER, "illustrative: 20 ms of inference per 1 s detection cycle"),
  cortexM4KeywordSpottingSleepUA: sourced(10, "µA", TINYML_DYNAMICS, CHAPTER, "illustrative: deep sleep at 3.3 V, 33 µW"),
  cortexM4AutoencoderActiveMilliwatts: sourced(12, "mW", EXAMPLE_1_4, CHAPTER, "illustrative: 5 ms per 100 ms sample at 80 MHz"),
  cortexM4AutoencoderSleepUA: sourced(5, "µA", EXAMPLE_1_4, CHAPTER, "illustrative: sleep at 3.3 V, 16.5 µW"),
  armEthosU55PJPerMac: sourcedRange(0.5, 2, "pJ/MAC", TABLE_2, CHAPTER, "microcontroller NPU"),
  maximMax78000PJPerMac: sourcedRange(0.3, 1, "pJ/MAC", TABLE_2, CHAPTER, "CNN accelerator with local weight storage"),
  googleEdgeTpuPJPerFlop: sourcedRange(2, 4, "pJ/FLOP", TABLE_2, CHAPTER, "INT8-optimized on-device inference"),
} as const satisfies Record<string, Sourced>);

export interface MlperfTinyTask extends SourcedRange {
  readonly task: string;
  readonly referenceModel: string;
  readonly modelKB: number;
}

const TABLE_14 = "Sustainable AI chapter, Table 14 (MLPerf Tiny, MLCommons)";
const tinyTask = (low: number, high: number, task: string, referenceModel: string, modelKB: number): MlperfTinyTask => ({
  ...sourcedRange(low, high, "mJ/inference", TABLE_14, CHAPTER, "typical range"),
  task,
  referenceModel,
  modelKB,
});

/** MLPerf Tiny benchmark tasks and their typical energy per inference. */
export const mlperfTinyEnergy = deepFrozen({
  visualWakeWords: tinyTask(0.1, 1.0, "Image classification (person detection)", "MobileNetV1 0.25", 250),
  keywordSpotting: tinyTask(0.05, 0.5, "Audio classification (12 keywords)", "DS-CNN", 19),
  anomalyDetection: tinyTask(0.01, 0.1, "Time series (machine health)", "Deep Autoencoder", 5),
  imageClassification: tinyTask(0.5, 5.0, "Visual recognition (CIFAR-10)", "ResNet-8", 70),
} as const satisfies Record<string, MlperfTinyTask>);

/** What it costs to send data instead of computing on it. */
export const radioEnergy = deepFrozen({
  bluetoothWifiPJPerBit: sourcedRange(100_000, 500_000, "pJ/bit", "Sustainable AI chapter, Systems Perspective 1.3", CHAPTER, "wireless transmit, approximate"),
  cellularImageMillijoules: sourced(10, "mJ/image", "Sustainable AI chapter, Cascade inference architecture", CHAPTER, "illustrative: one image over cellular"),
} as const satisfies Record<string, Sourced>);

export interface BatteryRecord extends Sourced {
  /** Nominal voltage; `value` is the capacity in mAh. */
  readonly volts: number;
}

/** Batteries of the chapter's examples. */
export const edgeBatteries = deepFrozen({
  coinCell: { ...sourced(250, "mAh", TINYML_DYNAMICS, CHAPTER, "illustrative coin cell at 3.0 V nominal"), volts: 3.0 },
  twoAA: { ...sourced(3000, "mAh", EXAMPLE_1_4, CHAPTER, "two AA cells in series: voltages add, capacity does not"), volts: 3.0 },
} as const satisfies Record<string, BatteryRecord>);

/** A phone battery, the budget for on-device learning. */
export const phoneBatteryWh = sourced(15, "Wh", "Sustainable AI chapter, Napkin Math 1.8", CHAPTER, "typical smartphone, about 54,000 J");
