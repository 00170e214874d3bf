// The edge notebook's chapter figures: the inputs of its worked examples (edgeExamples) and the results
// the chapter printed (printedEdge), which the notebook shows beside what the kernel computes.
import { sourced, type Sourced } from "../../catalog.ts";
import { sourcedRange } from "../range.ts";
import { deepFrozen } from "../../frozen.ts";

const CHAPTER = 2026;
const KWS = "Sustainable AI chapter, TinyML power state dynamics";
const EXAMPLE_1_4 = "Sustainable AI chapter, Example 1.4";
const WAKE = "Sustainable AI chapter, Wake-word triggered systems";
const HARVEST = "Sustainable AI chapter, Energy harvesting for autonomous edge AI";
const NAPKIN_1_8 = "Sustainable AI chapter, Napkin Math 1.8";
const SELF_CHECK = "Sustainable AI chapter, Self-Check (edge AI impact)";

/** Inputs of the chapter's edge examples that no other catalog holds. */
export const edgeExamples = deepFrozen({
  kwsActiveMs: sourced(20, "ms", KWS, CHAPTER, "inference time per detection cycle"),
  kwsPeriodMs: sourced(1000, "ms", KWS, CHAPTER, "one detection cycle a second (continuous listening)"),
  mcuVolts: sourced(3.3, "V", KWS, CHAPTER, "supply voltage the sleep current is drawn at; Example 1.4 uses the same"),
  autoencoderInferenceMs: sourced(5, "ms", EXAMPLE_1_4, CHAPTER, "per sample, Cortex-M4 at 80 MHz"),
  autoencoderSamplingHz: sourced(10, "Hz", EXAMPLE_1_4, CHAPTER, "a 100 ms period"),
  vadUW: sourced(10, "µW", WAKE, CHAPTER, "analog voice-activity front end, always on"),
  wakeDetectorUW: sourced(100, "µW", WAKE, CHAPTER, "tiny neural wake-word detector, on while speech is present"),
  speechFraction: sourced(0.05, "fraction of time", WAKE, CHAPTER, "'typical speech activity rate'"),
  fullModelMilliwatts: sourced(10, "mW", WAKE, CHAPTER, "full model while it runs"),
  fullModelMs: sourced(50, "ms", WAKE, CHAPTER, "per confirmed wake word"),
  wakeWordFraction: sourced(0.001, "fraction of seconds", WAKE, CHAPTER,
    "'wake word occurrence of 0.1 percent'; the chapter's arithmetic (0.001 × 10 mW × 0.05) reads it as 0.1 % of one-second windows, each running the full model 50 ms"),
  wakeWindowMs: sourced(1000, "ms", WAKE, CHAPTER, "derived: the window length the chapter's arithmetic implies (wake-word share × 50 ms, per second)"),
  harvestLoadMilliwatts: sourced(0.5, "mW", HARVEST, CHAPTER, "keyword spotting optimized to 0.5 mW average"),
  learningBudgetFraction: sourced(0.05, "fraction of battery per day", NAPKIN_1_8, CHAPTER),
  learningParams: sourced(1e9, "parameters", NAPKIN_1_8, CHAPTER),
  forwardNJPerParam: sourced(2, "nJ/param per token", NAPKIN_1_8, CHAPTER, "approximate"),
  backwardNJPerParam: sourced(4, "nJ/param per token", NAPKIN_1_8, CHAPTER, "approximate"),
  peftReduction: sourced(100, "× less energy per token", NAPKIN_1_8, CHAPTER, "'100× or more' from PEFT or sparse updates"),
  selfCheckActiveMilliwatts: sourced(120, "mW", SELF_CHECK, CHAPTER),
  selfCheckActiveMs: sourced(10, "ms", SELF_CHECK, CHAPTER, "once per second"),
  selfCheckSleepUW: sourced(50, "µW", SELF_CHECK, CHAPTER),
} as const satisfies Record<string, Sourced>);

/** Results the chapter printed for those examples. */
export const printedEdge = deepFrozen({
  tinymlIdleW: sourcedRange(1, 100, "W", "Sustainable AI chapter, Table 8", CHAPTER,
    "printed as the TinyML idle range; up to 1,000× the tier's own 100 mW peak, so the unit must be µW"),
  kwsAverageMilliwatts: sourced(0.33, "mW", KWS, CHAPTER, "0.30 + 0.032, rounded; unrounded 0.3323 mW"),
  kwsHours: sourced(2270, "h", KWS, CHAPTER,
    "'approximately 2,270 hours': 750 mWh ÷ the rounded 0.33 mW (2,273 h); the unrounded 0.3323 mW gives 2,257 h"),
  kwsDays: sourced(95, "days", KWS, CHAPTER, "'nearly 95 days'; 2,257 h is 94.0 days"),
  example14AverageMilliwatts: sourced(0.616, "mW", EXAMPLE_1_4, CHAPTER),
  example14Hours: sourced(14_610, "h", EXAMPLE_1_4, CHAPTER, "9,000 mWh ÷ the rounded 0.616 mW; the unrounded 0.6157 mW gives 14,618 h"),
  example14Years: sourced(1.7, "years", EXAMPLE_1_4, CHAPTER),
  example14InsightYears: sourced(2, "years", EXAMPLE_1_4, CHAPTER, "the systems insight's 'nearly two years'; the example's own arithmetic gives 1.67"),
  selfCheckAverageMilliwatts: sourced(1.25, "mW", SELF_CHECK, CHAPTER, "'roughly 1.25 mW'"),
  wakeAverageMilliwatts: sourced(0.0155, "mW", WAKE, CHAPTER),
  wakeReduction: sourced(645.2, "×", WAKE, CHAPTER, "against the full model running continuously at 10 mW"),
  harvestAreaCm2: sourced(5, "cm²", HARVEST, CHAPTER, "'approximately 5 cm²', only at the bright top of the 10–100 µW/cm² indoor range"),
  learningTokens: sourced(450, "tokens", NAPKIN_1_8, CHAPTER),
} as const satisfies Record<string, Sourced>);
