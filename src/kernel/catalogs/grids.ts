// Grid carbon intensity: grams of CO2e emitted per kWh delivered. Regions are averages over a year unless
// the note says they are marginal (what responds to one more kW) or illustrative.
import { sourced } from "../catalog.ts";
import { sourcedRange } from "./range.ts";
import { deepFrozen } from "../frozen.ts";

const CHAPTER = 2026;
const UNIT = "gCO2e/kWh";

export const grids = deepFrozen({
  usAverage: sourced(429, UNIT, "Patterson et al. 2021", 2021, "US average intensity used for GPT-3's training datacenter; the chapter's default grid"),
  quebec: sourced(20, UNIT, "Sustainable AI chapter, Napkin Math 1.3", CHAPTER, "hydropower; the chapter's canonical clean grid"),
  poland: sourced(820, UNIT, "Sustainable AI chapter, Napkin Math 1.3", CHAPTER, "coal-heavy; the low end of Table 1's coal range"),
  france: sourced(50, UNIT, "Sustainable AI chapter, Carbon-aware scheduling", CHAPTER, "nuclear-heavy whole grid; above Table 1's 5–20 for nuclear generation alone"),
  norway: sourced(20, UNIT, "Sustainable AI chapter, Table 1", CHAPTER, "illustrative: the chapter lists Norway under hydroelectric (10–30) without its own figure; the range midpoint"),
  pacificNorthwest: sourced(50, UNIT, "Sustainable AI chapter, Power delivery", CHAPTER, "hydro-heavy; 'approximately 50 g CO2/kWh'"),
  coalHeavy: sourced(400, UNIT, "Sustainable AI chapter, Power delivery", CHAPTER, "illustrative: 'a coal-heavy grid can produce 400 g CO2/kWh or more'; paired with pacificNorthwest for the 8× GPT-3 range"),
  virginia: sourced(400, UNIT, "Sustainable AI chapter, Fallacies self-check", CHAPTER, "illustrative: 'roughly 400'"),
  westVirginia: sourced(700, UNIT, "Sustainable AI chapter, Fallacies self-check", CHAPTER, "illustrative: 'roughly 700'"),
  coalPeakerMarginal: sourced(900, UNIT, "Sustainable AI chapter, footnote 40", CHAPTER, "marginal, not average: a coal peaker answering added load"),
} as const);

/** Table 1: intensity by generation source, as published ranges. */
export const energySources = deepFrozen({
  coal: sourcedRange(820, 1200, UNIT, "Sustainable AI chapter, Table 1", CHAPTER, "e.g. Poland, West Virginia"),
  naturalGas: sourcedRange(350, 500, UNIT, "Sustainable AI chapter, Table 1", CHAPTER, "e.g. Texas combined-cycle plants"),
  solarPV: sourcedRange(20, 50, UNIT, "Sustainable AI chapter, Table 1", CHAPTER, "e.g. California, Arizona"),
  wind: sourcedRange(7, 15, UNIT, "Sustainable AI chapter, Table 1", CHAPTER, "e.g. Denmark, Scotland"),
  hydroelectric: sourcedRange(10, 30, UNIT, "Sustainable AI chapter, Table 1", CHAPTER, "e.g. Quebec, Norway"),
  nuclear: sourcedRange(5, 20, UNIT, "Sustainable AI chapter, Table 1", CHAPTER, "e.g. France, Ontario"),
} as const);
