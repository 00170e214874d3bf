// The edge notebook's chapter figures: the inputs of its worked examples (edgeExamples) and the results
// the chapter printed (printedEdge), which the notebook shows beside what the kernel computes.
import { catalog, sourced, type Sourced } from "../../catalog.ts";
import { sourcedRange } from "../range.ts";

const CHAPTER = 2026;
const KWS = "Sustainable AI chapter, TinyML power state dynamics";
const EXAMPLE_1_4 = "Sustainable AI chapter, Example 1.4";
const WAKE = "Sustainable AI chapter, Wake-word triggered systems";
const HARVEST = "Sustainable AI chapter, Energy harvesting for autonomous edge AI";
const NAPKIN_1_8 = "Sustainable AI chapter, Napkin Math 1.8";
const SELF_CHECK = "Sustainable AI chapter, Self-Check (edge AI impact)";

/** Inputs of the chapter's edge examples that no other catalog holds. */
export const edgeExamples = catalog("edgeExamples", {
  kwsActiveMs: sourced(20, "ms", KWS, CHAPTER, { name: "Keyword spotter inference time", note: "inference time per detection cycle" }),
  kwsPeriodMs: sourced(1000, "ms", KWS, CHAPTER, { name: "Keyword spotter detection period", note: "one detection cycle a second (continuous listening)" }),
  mcuVolts: sourced(3.3, "V", KWS, CHAPTER, {
    name: "Microcontroller supply voltage",
    note: "supply voltage the sleep current is drawn at; Example 1.4 uses the same",
  }),
  autoencoderInferenceMs: sourced(5, "ms", EXAMPLE_1_4, CHAPTER, { name: "Example 1.4: autoencoder inference time", note: "per sample, Cortex-M4 at 80 MHz" }),
  autoencoderSamplingHz: sourced(10, "Hz", EXAMPLE_1_4, CHAPTER, { name: "Example 1.4: sampling rate", note: "a 100 ms period" }),
  vadUW: sourced(10, "µW", WAKE, CHAPTER, { name: "Wake word: voice-activity front end power", note: "analog voice-activity front end, always on" }),
  wakeDetectorUW: sourced(100, "µW", WAKE, CHAPTER, { name: "Wake word: detector power", note: "tiny neural wake-word detector, on while speech is present" }),
  speechFraction: sourced(0.05, "fraction of time", WAKE, CHAPTER, { name: "Wake word: share of time with speech", note: "'typical speech activity rate'" }),
  fullModelMilliwatts: sourced(10, "mW", WAKE, CHAPTER, { name: "Wake word: full model power", note: "full model while it runs" }),
  fullModelMs: sourced(50, "ms", WAKE, CHAPTER, { name: "Wake word: full model run time", note: "per confirmed wake word" }),
  wakeWordFraction: sourced(0.001, "fraction of seconds", WAKE, CHAPTER, {
    name: "Wake word: occurrence",
    note: "'wake word occurrence of 0.1 percent'; the chapter's arithmetic (0.001 × 10 mW × 0.05) reads it as 0.1 % of one-second windows, each running the full model 50 ms",
  }),
  wakeWindowMs: sourced(1000, "ms", WAKE, CHAPTER, {
    name: "Wake word: detection window",
    note: "derived: the window length the chapter's arithmetic implies (wake-word share × 50 ms, per second)",
  }),
  harvestLoadMilliwatts: sourced(0.5, "mW", HARVEST, CHAPTER, {
    name: "Energy harvesting: keyword spotter load",
    note: "keyword spotting optimized to 0.5 mW average",
  }),
  learningBudgetFraction: sourced(0.05, "fraction of battery per day", NAPKIN_1_8, CHAPTER, { name: "Napkin Math 1.8: battery budget for learning" }),
  learningParams: sourced(1e9, "parameters", NAPKIN_1_8, CHAPTER, { name: "Napkin Math 1.8: model parameters" }),
  forwardNJPerParam: sourced(2, "nJ/param per token", NAPKIN_1_8, CHAPTER, { name: "Napkin Math 1.8: forward energy per parameter", note: "approximate" }),
  backwardNJPerParam: sourced(4, "nJ/param per token", NAPKIN_1_8, CHAPTER, { name: "Napkin Math 1.8: backward energy per parameter", note: "approximate" }),
  peftReduction: sourced(100, "× less energy per token", NAPKIN_1_8, CHAPTER, {
    name: "Napkin Math 1.8: PEFT energy reduction",
    note: "'100× or more' from PEFT or sparse updates",
  }),
  selfCheckActiveMilliwatts: sourced(120, "mW", SELF_CHECK, CHAPTER, { name: "Edge self-check: active power" }),
  selfCheckActiveMs: sourced(10, "ms", SELF_CHECK, CHAPTER, { name: "Edge self-check: active time per second", note: "once per second" }),
  selfCheckSleepUW: sourced(50, "µW", SELF_CHECK, CHAPTER, { name: "Edge self-check: sleep power" }),
} as const satisfies Record<string, Sourced>);

/** Results the chapter printed for those examples. */
export const printedEdge = catalog("printedEdge", {
  tinymlIdleW: sourcedRange(1, 100, "W", "Sustainable AI chapter, Table 8", CHAPTER, {
    name: "TinyML idle power as printed",
    note: "printed as the TinyML idle range; up to 1,000× the tier's own 100 mW peak, so the unit must be µW",
  }),
  kwsAverageMilliwatts: sourced(0.33, "mW", KWS, CHAPTER, {
    name: "Keyword spotter average power, printed",
    note: "0.30 + 0.032, rounded; unrounded 0.3323 mW",
  }),
  kwsHours: sourced(2270, "h", KWS, CHAPTER, {
    name: "Keyword spotter battery life in hours, printed",
    note: "'approximately 2,270 hours': 750 mWh ÷ the rounded 0.33 mW (2,273 h); the unrounded 0.3323 mW gives 2,257 h",
  }),
  kwsDays: sourced(95, "days", KWS, CHAPTER, { name: "Keyword spotter battery life in days, printed", note: "'nearly 95 days'; 2,257 h is 94.0 days" }),
  example14AverageMilliwatts: sourced(0.616, "mW", EXAMPLE_1_4, CHAPTER, { name: "Example 1.4 average power, printed" }),
  example14Hours: sourced(14_610, "h", EXAMPLE_1_4, CHAPTER, {
    name: "Example 1.4 battery life in hours, printed",
    note: "9,000 mWh ÷ the rounded 0.616 mW; the unrounded 0.6157 mW gives 14,618 h",
  }),
  example14Years: sourced(1.7, "years", EXAMPLE_1_4, CHAPTER, { name: "Example 1.4 battery life in years, printed" }),
  example14InsightYears: sourced(2, "years", EXAMPLE_1_4, CHAPTER, {
    name: "Example 1.4 systems insight, printed",
    note: "the systems insight's 'nearly two years'; the example's own arithmetic gives 1.67",
  }),
  selfCheckAverageMilliwatts: sourced(1.25, "mW", SELF_CHECK, CHAPTER, { name: "Edge self-check average power, printed", note: "'roughly 1.25 mW'" }),
  wakeAverageMilliwatts: sourced(0.0155, "mW", WAKE, CHAPTER, { name: "Wake hierarchy average power, printed" }),
  wakeReduction: sourced(645.2, "×", WAKE, CHAPTER, {
    name: "Wake hierarchy reduction, printed",
    note: "against the full model running continuously at 10 mW",
  }),
  harvestAreaCm2: sourced(5, "cm²", HARVEST, CHAPTER, {
    name: "Solar harvester area, printed",
    note: "'approximately 5 cm²', only at the bright top of the 10–100 µW/cm² indoor range",
  }),
  learningTokens: sourced(450, "tokens", NAPKIN_1_8, CHAPTER, { name: "Napkin Math 1.8 tokens per day, printed" }),
} as const satisfies Record<string, Sourced>);
