// The cascade notebook's chapter figures: the visual-inspection cascade's inputs (cascadeExamples) and the
// results the chapter printed for it (printedCascade). Its transmit cost is radioEnergy.cellularImageMillijoules.
import { sourced, type Sourced } from "../../catalog.ts";
import { sourcedRange } from "../range.ts";
import { deepFrozen } from "../../frozen.ts";

const CHAPTER = 2026;
const CASCADE = "Sustainable AI chapter, Cascade inference architecture (equation 15)";

/** Inputs of the chapter's cascade example that no other catalog holds. */
export const cascadeExamples = deepFrozen({
  edgeMillijoules: sourced(0.5, "mJ/image", CASCADE, CHAPTER, "illustrative: MobileNet-v3 tiny on the device"),
  cloudMillijoules: sourced(50, "mJ/image", CASCADE, CHAPTER, "illustrative: ResNet-152 in the cloud"),
  escalationRate: sourced(0.1, "fraction of images", CASCADE, CHAPTER, "only ambiguous cases go to the cloud"),
  typicalEscalation: sourcedRange(0.05, 0.2, "fraction of images", CASCADE, CHAPTER, "'typically 5–20 percent for well-designed cascades'"),
  edgeModelMaxKB: sourced(100, "KB", CASCADE, CHAPTER, "the edge model is 'under 100 KB'"),
} as const satisfies Record<string, Sourced>);

/** Results the chapter printed for the cascade example. */
export const printedCascade = deepFrozen({
  cascadeMillijoules: sourced(6.5, "mJ/image", CASCADE, CHAPTER, "0.5 + 0.10 × (10 + 50)"),
  alwaysCloudMillijoules: sourced(60, "mJ/image", CASCADE, CHAPTER, "transmit + cloud for every image"),
  savings: sourced(0.89, "fraction", CASCADE, CHAPTER, "'89 percent energy reduction'; 1 − 6.5/60 = 0.892"),
} as const satisfies Record<string, Sourced>);
