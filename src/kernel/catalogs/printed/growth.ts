// The growth notebook's chapter figures: the inputs of its worked examples (growthExamples) and the results
// the chapter printed (printedGrowth), which the notebook shows beside what the kernel computes.
import { sourced, type Sourced } from "../../catalog.ts";
import { deepFrozen } from "../../frozen.ts";

const CH = "Sustainable AI chapter";
const CHAPTER = 2026;
const FOOTNOTE_7 = `${CH}, footnote 7`;
const WALL = `${CH}, The energy wall`;
const FALLACY = `${CH}, Fallacy: efficiency improvements automatically reduce total environmental impact`;
const FOOTNOTE_31 = `${CH}, footnote 31`;
const CHECKPOINT_1_5 = `${CH}, Checkpoint 1.5`;
const SELF_CHECK = `${CH}, Self-Check (mitigation)`;

/** Inputs of the chapter's growth and rebound examples that no other catalog holds. */
export const growthExamples = deepFrozen({
  computeYears: sourced(7, "years", FOOTNOTE_7, CHAPTER, "2012 to 2019, the window of the 350,000× growth"),
  checkpointEfficiencyGain: sourced(2, "×", CHECKPOINT_1_5, CHAPTER, "cost per query cut by 50 percent"),
  fallacyUsdPer1kTokensBefore: sourced(0.06, "USD per 1,000 tokens", FALLACY, CHAPTER),
  fallacyUsdPer1kTokensAfter: sourced(0.002, "USD per 1,000 tokens", FALLACY, CHAPTER),
  fallacyVolumeGrowth: sourced(100, "× queries", FALLACY, CHAPTER),
  fallacyQuantizationGain: sourced(4, "× less energy", FALLACY, CHAPTER, "a quantization change"),
  footnote31EfficiencyGain: sourced(10, "× cheaper inference", FOOTNOTE_31, CHAPTER),
  footnote31DemandGrowth: sourced(100, "× more applications", FOOTNOTE_31, CHAPTER),
  selfCheckEfficiencyGain: sourced(2, "×", SELF_CHECK, CHAPTER, "per-query compute halved"),
  selfCheckEnergyRise: sourced(0.4, "fraction", SELF_CHECK, CHAPTER, "total energy up 40 percent"),
} as const satisfies Record<string, Sourced>);

/** What the chapter printed for them. */
export const printedGrowth = deepFrozen({
  doublingMonths: sourced(4.6, "months", FOOTNOTE_7, CHAPTER),
  fasterThanMoore: sourced(5.3, "×", FOOTNOTE_7, CHAPTER),
  computePerYear: sourced(6.2, "× per year", `${CH}, Key takeaways`, CHAPTER),
  batteryGainPercent: sourced(40.7, "%", WALL, CHAPTER, "battery energy density at 5 % a year over 7 years"),
  gridGainPercent: sourced(14.9, "%", WALL, CHAPTER, "grid efficiency at 2 % a year over 7 years"),
  wallGap: sourced(248_738.5, "×", WALL, CHAPTER, "'the gap between these curves': compute against the battery curve; against the grid curve it is 304,696×"),
  fallacyPriceDrop: sourced(30, "×", FALLACY, CHAPTER),
} as const satisfies Record<string, Sourced>);
