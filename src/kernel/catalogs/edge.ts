// Edge power budgets, edge parts, MLPerf Tiny energies, radio cost per bit and small batteries.
// The chapter gives most of these as ranges: SourcedRange keeps low and high, with the midpoint as value.
import { catalog, sourced, type Sourced } from "../catalog.ts";
import { sourcedRange, type SourcedRange } from "./range.ts";

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
export const edgePowerBudgets = catalog("edgePowerBudgets", {
  tinymlMcu: {
    name: "TinyML (MCU)",
    idleMilliwatts: sourcedRange(0.001, 0.1, "mW", TABLE_8, CHAPTER, {
      name: "TinyML (MCU) idle power",
      note: "printed as '1–100 W'; a microcontroller idling at watts would exceed its own 100 mW peak, so read as 1–100 µW (the µ lost in typesetting)",
    }),
    activeMilliwatts: sourcedRange(1, 50, "mW", TABLE_8, CHAPTER, { name: "TinyML (MCU) active power" }),
    peakMilliwatts: sourced(100, "mW", TABLE_8, CHAPTER, { name: "TinyML (MCU) peak power" }),
    examples: ["Arduino Nano 33", "STM32H7", "Nordic nRF5340"],
  },
  mobileNpu: {
    name: "Mobile NPU",
    idleMilliwatts: sourcedRange(10, 100, "mW", TABLE_8, CHAPTER, { name: "Mobile NPU idle power" }),
    activeMilliwatts: sourcedRange(500, 5000, "mW", TABLE_8, CHAPTER, { name: "Mobile NPU active power" }),
    peakMilliwatts: sourced(10_000, "mW", TABLE_8, CHAPTER, { name: "Mobile NPU peak power" }),
    examples: ["Pixel Tensor", "Apple Neural Engine", "Snapdragon NPU"],
  },
  edgeGpuTpu: {
    name: "Edge GPU/TPU",
    idleMilliwatts: sourcedRange(1000, 5000, "mW", TABLE_8, CHAPTER, { name: "Edge GPU/TPU idle power" }),
    activeMilliwatts: sourcedRange(5000, 30_000, "mW", TABLE_8, CHAPTER, { name: "Edge GPU/TPU active power" }),
    peakMilliwatts: sourced(75_000, "mW", TABLE_8, CHAPTER, { name: "Edge GPU/TPU peak power" }),
    examples: ["NVIDIA Jetson Orin NX", "NVIDIA Jetson AGX Orin", "Google Edge TPU", "RPi AI Kit"],
  },
  autonomousVehicle: {
    name: "Autonomous Vehicle",
    idleMilliwatts: sourcedRange(10_000, 50_000, "mW", TABLE_8, CHAPTER, { name: "Autonomous vehicle idle power" }),
    activeMilliwatts: sourcedRange(50_000, 200_000, "mW", TABLE_8, CHAPTER, { name: "Autonomous vehicle active power" }),
    peakMilliwatts: sourced(500_000, "mW", TABLE_8, CHAPTER, { name: "Autonomous vehicle peak power" }),
    examples: ["Tesla FSD Computer", "Mobileye EyeQ", "NVIDIA Drive"],
  },
} as const satisfies Record<string, EdgePowerBudget>);

const TINYML_DYNAMICS = "Sustainable AI chapter, TinyML power state dynamics";
const EXAMPLE_1_4 = "Sustainable AI chapter, Example 1.4";
const TABLE_2 = "Sustainable AI chapter, Table 2";

/** Individual edge parts and the operating points of the chapter's worked examples. */
export const edgeParts = catalog("edgeParts", {
  jetsonOrinNxW: sourcedRange(10, 25, "W", TABLE_8, CHAPTER, { name: "NVIDIA Jetson Orin NX power", note: "configurable power modes" }),
  jetsonAgxOrinW: sourcedRange(15, 60, "W", TABLE_8, CHAPTER, { name: "NVIDIA Jetson AGX Orin power", note: "configurable power modes" }),
  teslaFsdComputerW: sourced(72, "W", "Sustainable AI chapter, footnote 26", CHAPTER, {
    name: "Tesla FSD computer power",
    note: "continuous draw while driving",
  }),
  cortexM4KeywordSpottingActiveMilliwatts: sourced(15, "mW", TINYML_DYNAMICS, CHAPTER, {
    name: "Keyword spotter active power (Cortex-M4)",
    note: "illustrative: 20 ms of inference per 1 s detection cycle",
  }),
  cortexM4KeywordSpottingSleepUA: sourced(10, "µA", TINYML_DYNAMICS, CHAPTER, {
    name: "Keyword spotter sleep current (Cortex-M4)",
    note: "illustrative: deep sleep at 3.3 V, 33 µW",
  }),
  cortexM4AutoencoderActiveMilliwatts: sourced(12, "mW", EXAMPLE_1_4, CHAPTER, {
    name: "Autoencoder active power (Cortex-M4)",
    note: "illustrative: 5 ms per 100 ms sample at 80 MHz",
  }),
  cortexM4AutoencoderSleepUA: sourced(5, "µA", EXAMPLE_1_4, CHAPTER, {
    name: "Autoencoder sleep current (Cortex-M4)",
    note: "illustrative: sleep at 3.3 V, 16.5 µW",
  }),
  armEthosU55PJPerMac: sourcedRange(0.5, 2, "pJ/MAC", TABLE_2, CHAPTER, { name: "Arm Ethos-U55 energy per MAC", note: "microcontroller NPU" }),
  maximMax78000PJPerMac: sourcedRange(0.3, 1, "pJ/MAC", TABLE_2, CHAPTER, {
    name: "Maxim MAX78000 energy per MAC",
    note: "CNN accelerator with local weight storage",
  }),
  googleEdgeTpuPJPerFlop: sourcedRange(2, 4, "pJ/FLOP", TABLE_2, CHAPTER, {
    name: "Google Edge TPU energy per FLOP",
    note: "INT8-optimized on-device inference",
  }),
} as const satisfies Record<string, Sourced>);

export interface MlperfTinyTask extends SourcedRange {
  readonly task: string;
  readonly referenceModel: string;
  readonly modelKB: number;
}

const TABLE_14 = "Sustainable AI chapter, Table 14 (MLPerf Tiny, MLCommons)";
const tinyTask = (name: string, low: number, high: number, task: string, referenceModel: string, modelKB: number): MlperfTinyTask => ({
  ...sourcedRange(low, high, "mJ/inference", TABLE_14, CHAPTER, { name: `MLPerf Tiny ${name}, energy per inference`, note: "typical range" }),
  task,
  referenceModel,
  modelKB,
});

/** MLPerf Tiny benchmark tasks and their typical energy per inference. */
export const mlperfTinyEnergy = catalog("mlperfTinyEnergy", {
  visualWakeWords: tinyTask("visual wake words", 0.1, 1.0, "Image classification (person detection)", "MobileNetV1 0.25", 250),
  keywordSpotting: tinyTask("keyword spotting", 0.05, 0.5, "Audio classification (12 keywords)", "DS-CNN", 19),
  anomalyDetection: tinyTask("anomaly detection", 0.01, 0.1, "Time series (machine health)", "Deep Autoencoder", 5),
  imageClassification: tinyTask("image classification", 0.5, 5.0, "Visual recognition (CIFAR-10)", "ResNet-8", 70),
} as const satisfies Record<string, MlperfTinyTask>);

/** What it costs to send data instead of computing on it. */
export const radioEnergy = catalog("radioEnergy", {
  bluetoothWifiPJPerBit: sourcedRange(100_000, 500_000, "pJ/bit", "Sustainable AI chapter, Systems Perspective 1.3", CHAPTER, {
    name: "Wireless transmit energy per bit (Bluetooth/Wi-Fi)",
    note: "wireless transmit, approximate",
  }),
  cellularImageMillijoules: sourced(10, "mJ/image", "Sustainable AI chapter, Cascade inference architecture", CHAPTER, {
    name: "Cellular transmit energy per image",
    note: "illustrative: one image over cellular",
  }),
} as const satisfies Record<string, Sourced>);

export interface BatteryRecord extends Sourced {
  /** Nominal voltage; `value` is the capacity in mAh. */
  readonly volts: number;
}

/** Batteries of the chapter's examples. */
export const edgeBatteries = catalog("edgeBatteries", {
  coinCell: { ...sourced(250, "mAh", TINYML_DYNAMICS, CHAPTER, { name: "Coin cell battery", note: "illustrative coin cell at 3.0 V nominal" }), volts: 3.0 },
  twoAA: { ...sourced(3000, "mAh", EXAMPLE_1_4, CHAPTER, { name: "Two AA cells", note: "two AA cells in series: voltages add, capacity does not" }), volts: 3.0 },
} as const satisfies Record<string, BatteryRecord>);

/** A phone battery, the budget for on-device learning. */
export const phoneBatteryWh = catalog(
  "phoneBatteryWh",
  sourced(15, "Wh", "Sustainable AI chapter, Napkin Math 1.8", CHAPTER, { name: "Phone battery", note: "typical smartphone, about 54,000 J" }),
);
