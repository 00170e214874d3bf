// Ambient energy sources for battery-free TinyML (the chapter's Table 9).
import { sourcedRange, type SourcedRange } from "./range.ts";
import { deepFrozen } from "../frozen.ts";

export interface HarvestingSource extends SourcedRange {
  /** True when the range is per square centimetre of harvester (solar); otherwise per device. */
  readonly perCm2: boolean;
  readonly viableApplications: string;
}

const TABLE_9 = "Sustainable AI chapter, Table 9 (energy harvesting power budgets)";
const CHAPTER = 2026;

function harvester(low: number, high: number, perCm2: boolean, viableApplications: string, note?: string): HarvestingSource {
  return { ...sourcedRange(low, high, perCm2 ? "µW/cm²" : "µW", TABLE_9, CHAPTER, note), perCm2, viableApplications };
}

export const harvestingSources = deepFrozen({
  indoorSolar: harvester(10, 100, true, "Periodic sensor classification", "the top of the range needs bright indoor light"),
  outdoorSolar: harvester(1000, 10_000, true, "Continuous keyword spotting"),
  thermoelectricBody: harvester(10, 100, false, "Wearable gesture recognition", "per device; the chapter gives no area"),
  rfWifi: harvester(1, 10, false, "Ultra-low-duty sensor nodes", "per device; the chapter gives no area"),
  vibrationPiezo: harvester(100, 1000, false, "Industrial monitoring", "per device; the chapter gives no area"),
} as const satisfies Record<string, HarvestingSource>);
