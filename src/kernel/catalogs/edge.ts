// Edge power budgets, edge parts, MLPerf Tiny energies, radio cost per bit and small batteries.
// Ranges are {low, high} in the record's unit; the chapter's tables give ranges, not points.
import { sourced, type Sourced } from "../catalog.ts";

export interface Span {
  readonly low: number;
  readonly high: number;
}

const span = (low: number, high: number): Span => ({ low, high });
const TABLE_8 = "Sustainable AI chapter, Table 8 (edge AI power budget categories)";
const YEAR = 2025;

export interface EdgePowerBudget {
  readonly idleMW: Span;
  readonly activeMW: Span;
  readonly peakMW: number;
  readonly examples: readonly string[];
}

/** Table 8, all in milliwatts so the tiers compare on one axis. */
export const edgePowerBudgets = {
  tinymlMcu: sourced<EdgePowerBudget>(
    { idleMW: span(0.001, 0.1), activeMW: span(1, 50), peakMW: 100, examples: ["Arduino Nano 33", "STM32H7", "Nordic nRF5340"] },
    "mW",
    TABLE_8,
    YEAR,
    "The chapter prints the TinyML idle power as '1–100 W'; a microcontroller idling at watts would exceed its own 100 mW peak, so this is read as 1–100 µW (the µ lost in typesetting).",
  ),
  mobileNpu: sourced<EdgePowerBudget>(
    { idleMW: span(10, 100), activeMW: span(500, 5000), peakMW: 10_000, examples: ["Pixel Tensor", "Apple Neural Engine", "Snapdragon NPU"] },
    "mW",
    TABLE_8,
    YEAR,
  ),
  edgeGpuTpu: sourced<EdgePowerBudget>(
    {
      idleMW: span(1000, 5000),
      activeMW: span(5000, 30_000),
      peakMW: 75_000,
      examples: ["NVIDIA Jetson Orin NX", "NVIDIA Jetson AGX Orin", "Google Edge TPU", "RPi AI Kit"],
    },
    "mW",
    TABLE_8,
    YEAR,
  ),
  autonomousVehicle: sourced<EdgePowerBudget>(
    { idleMW: span(10_000, 50_000), activeMW: span(50_000, 200_000), peakMW: 500_000, examples: ["Tesla FSD Computer", "Mobileye EyeQ", "NVIDIA Drive"] },
    "mW",
    TABLE_8,
    YEAR,
  ),
} satisfies Record<string, Sourced<EdgePowerBudget>>;

/** Individual edge parts and the operating points the chapter's worked examples use. */
export const edgeParts = {
  jetsonOrinNxW: sourced(span(10, 25), "W", TABLE_8, YEAR, "Configurable power modes."),
  jetsonAgxOrinW: sourced(span(15, 60), "W", TABLE_8, YEAR, "Configurable power modes."),
  teslaFsdComputerW: sourced(72, "W", "Sustainable AI chapter, footnote 26 (edge AI energy paradox)", YEAR, "Continuous draw while driving."),
  cortexM4KeywordSpottingActiveMW: sourced(15, "mW", "Sustainable AI chapter, TinyML power state dynamics", YEAR, "Illustrative: 20 ms per 1 s detection cycle."),
  cortexM4KeywordSpottingSleepUA: sourced(10, "µA at 3.3 V", "Sustainable AI chapter, TinyML power state dynamics", YEAR, "Illustrative; 33 µW."),
  cortexM4AutoencoderActiveMW: sourced(12, "mW", "Sustainable AI chapter, Example 1.4", YEAR, "Illustrative: 5 ms per 100 ms sample at 80 MHz."),
  cortexM4AutoencoderSleepUA: sourced(5, "µA at 3.3 V", "Sustainable AI chapter, Example 1.4", YEAR, "Illustrative; 16.5 µW."),
  armEthosU55PJPerMac: sourced(span(0.5, 2), "pJ/MAC", "Sustainable AI chapter, Table 2", YEAR, "Microcontroller NPU; also in the operations catalog's architecture table."),
  maximMax78000PJPerMac: sourced(span(0.3, 1), "pJ/MAC", "Sustainable AI chapter, Table 2", YEAR, "CNN accelerator with local weight storage."),
  googleEdgeTpuPJPerFlop: sourced(span(2, 4), "pJ/FLOP", "Sustainable AI chapter, Table 2", YEAR, "INT8-optimized on-device inference."),
} satisfies Record<string, Sourced<number | Span>>;

export interface MlperfTinyTask {
  readonly task: string;
  readonly referenceModel: string;
  readonly modelKB: number;
  readonly energyMJ: Span;
}

const TABLE_14 = "Sustainable AI chapter, Table 14 (MLPerf Tiny, MLCommons)";

/** MLPerf Tiny benchmark tasks and typical energy per inference. */
export const mlperfTinyEnergy = {
  visualWakeWords: sourced<MlperfTinyTask>(
    { task: "Image classification (person detection)", referenceModel: "MobileNetV1 0.25", modelKB: 250, energyMJ: span(0.1, 1.0) },
    "mJ/inference",
    TABLE_14,
    YEAR,
  ),
  keywordSpotting: sourced<MlperfTinyTask>(
    { task: "Audio classification (12 keywords)", referenceModel: "DS-CNN", modelKB: 19, energyMJ: span(0.05, 0.5) },
    "mJ/inference",
    TABLE_14,
    YEAR,
  ),
  anomalyDetection: sourced<MlperfTinyTask>(
    { task: "Time series (machine health)", referenceModel: "Deep Autoencoder", modelKB: 5, energyMJ: span(0.01, 0.1) },
    "mJ/inference",
    TABLE_14,
    YEAR,
  ),
  imageClassification: sourced<MlperfTinyTask>(
    { task: "Visual recognition (CIFAR-10)", referenceModel: "ResNet-8", modelKB: 70, energyMJ: span(0.5, 5.0) },
    "mJ/inference",
    TABLE_14,
    YEAR,
  ),
} satisfies Record<string, Sourced<MlperfTinyTask>>;

/** Radio cost per bit sent, against which local arithmetic is weighed. */
export const radioEnergy = {
  bluetoothWifiPJPerBit: sourced(span(100_000, 500_000), "pJ/bit", "Sustainable AI chapter, Systems Perspective 1.3 (the energy hierarchy)", YEAR, "Approximate; wireless transmit of one bit."),
  cellularImageMJ: sourced(10, "mJ/image", "Sustainable AI chapter, cascade inference example", YEAR, "Illustrative: one image over cellular."),
} satisfies Record<string, Sourced<number | Span>>;

/** Batteries in the chapter's examples. */
export const edgeBatteries = {
  coinCell: sourced({ capacityMAh: 250, volts: 3.0 }, "mAh at V", "Sustainable AI chapter, TinyML power state dynamics", YEAR, "Illustrative coin cell."),
  twoAA: sourced({ capacityMAh: 3000, volts: 3.0 }, "mAh at V", "Sustainable AI chapter, Example 1.4", YEAR, "Two AA cells in series: voltage adds, capacity does not."),
  phoneWh: sourced(15, "Wh", "Sustainable AI chapter, Napkin Math 1.8", YEAR, "Typical smartphone, about 54,000 J."),
} satisfies Record<string, Sourced<unknown>>;
