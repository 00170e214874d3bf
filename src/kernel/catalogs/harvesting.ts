// Ambient energy sources for battery-free TinyML (the chapter's Table 9).
import { sourced, type Sourced } from "../catalog.ts";
import type { Span } from "./edge.ts";

export interface HarvestingSource {
  /** Typical harvested power in microwatts, per square centimetre when `perCm2`, else per device. */
  readonly powerUW: Span;
  readonly perCm2: boolean;
  readonly viableApplications: string;
}

const TABLE_9 = "Sustainable AI chapter, Table 9 (energy harvesting power budgets)";
const YEAR = 2025;

export const harvestingSources = {
  indoorSolar: sourced<HarvestingSource>(
    { powerUW: { low: 10, high: 100 }, perCm2: true, viableApplications: "Periodic sensor classification" },
    "µW/cm²",
    TABLE_9,
    YEAR,
    "The top of the range needs bright indoor light; dim rooms sit near the bottom.",
  ),
  outdoorSolar: sourced<HarvestingSource>(
    { powerUW: { low: 1000, high: 10_000 }, perCm2: true, viableApplications: "Continuous keyword spotting" },
    "µW/cm²",
    TABLE_9,
    YEAR,
  ),
  thermoelectricBody: sourced<HarvestingSource>(
    { powerUW: { low: 10, high: 100 }, perCm2: false, viableApplications: "Wearable gesture recognition" },
    "µW",
    TABLE_9,
    YEAR,
    "Per device; the chapter gives no area.",
  ),
  rfWifi: sourced<HarvestingSource>(
    { powerUW: { low: 1, high: 10 }, perCm2: false, viableApplications: "Ultra-low-duty sensor nodes" },
    "µW",
    TABLE_9,
    YEAR,
    "Per device; the chapter gives no area.",
  ),
  vibrationPiezo: sourced<HarvestingSource>(
    { powerUW: { low: 100, high: 1000 }, perCm2: false, viableApplications: "Industrial monitoring" },
    "µW",
    TABLE_9,
    YEAR,
    "Per device; the chapter gives no area.",
  ),
} satisfies Record<string, Sourced<HarvestingSource>>;
