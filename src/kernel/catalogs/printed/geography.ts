// The chapter's own figures behind notebooks/02-where-and-when.md: the inputs its boxes state and the
// results they print, each citing its box. A note says where a printed figure is inconsistent.
import { sourced } from "../../catalog.ts";
import { sourcedRange } from "../range.ts";
import { deepFrozen } from "../../frozen.ts";

const CH = "Sustainable AI chapter";
const YEAR = 2026;

export const printedGeography = deepFrozen({
  // Napkin Math 1.3: one job, two sites (Quebec and Poland come from the grids catalog).
  napkin13JobMWh: sourced(10_000, "MWh", `${CH}, Napkin Math 1.3`, YEAR, "a training run's energy, taken at the meter"),
  napkin13QuebecT: sourced(200, "t CO2e", `${CH}, Napkin Math 1.3`, YEAR),
  napkin13PolandT: sourced(8200, "t CO2e", `${CH}, Napkin Math 1.3`, YEAR),
  napkin13Ratio: sourced(41, "×", `${CH}, Napkin Math 1.3`, YEAR, "820 / 20; just above the 8–40× the chapter gives for representative region pairs"),
  regionPairRange: sourcedRange(8, 40, "×", `${CH}, after Napkin Math 1.3`, YEAR, "'representative region pairs land in the eight to forty times range'"),
  gridSpan: sourcedRange(10, 80, "×", `${CH}, after Napkin Math 1.3`, YEAR, "'grid carbon intensity spans roughly ten to eighty times across the world's grids'"),

  // Napkin Math 1.2 prints only its answer.
  napkin12Region: sourced("Quebec", "region", `${CH}, Napkin Math 1.2`, YEAR, "the job, the regions' prices and the carbon tax are not printed"),
  napkin12TotalUsd: sourced(660_000, "USD", `${CH}, Napkin Math 1.2`, YEAR, "'$0.66M (including carbon penalty)'; not reproducible from the chapter, whose inputs are not printed"),

  // Temporal variation and what shifting in time has achieved.
  dailySwing: sourced(10, "× within a day", `${CH}, footnote 17`, YEAR, "'Texas fluctuates 10× within a single day based on wind generation'"),
  temporalShiftReduction: sourced(0.15, "fraction", `${CH}, footnote 39 (Radovanovic et al. 2021)`, 2021, "intra-region temporal shifting alone"),
  globalShiftReduction: sourced(0.4, "fraction", `${CH}, footnote 39 (Radovanovic et al. 2021)`, 2021, "routing non-urgent batch compute across time zones"),
} as const);
