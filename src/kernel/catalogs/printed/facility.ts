// The facility notebook's chapter figures: the inputs of its worked examples (facilityExamples) and the
// results the chapter printed (printedFacility), which the notebook shows beside what the kernel computes.
import { sourced, type Sourced } from "../../catalog.ts";
import { sourcedRange } from "../range.ts";
import { deepFrozen } from "../../frozen.ts";

const CH = "Sustainable AI chapter";
const CHAPTER = 2026;
const NAPKIN_1_5 = `${CH}, Napkin Math 1.5`;
const NAPKIN_1_6 = `${CH}, Napkin Math 1.6`;
const NAPKIN_1_7 = `${CH}, Napkin Math 1.7`;
const PITFALL = `${CH}, Pitfall: using PUE as a complete environmental metric`;
const POWER = `${CH}, Power delivery`;
const TABLE_6 = `${CH}, Table 6`;
const EXAMPLE_1_3 = `${CH}, Example 1.3`;
const WATER = `${CH}, equation 3 worked example`;
const TOWERS = `${CH}, Cooling (heat rejection)`;

/** Inputs of the chapter's facility examples that no other catalog holds. */
export const facilityExamples = deepFrozen({
  napkin15ITMW: sourced(2, "MW", NAPKIN_1_5, CHAPTER, "IT load of the cluster"),
  selfCheckSiteMW: sourced(6.3, "MW", `${CH}, Self-Check (energy metrics)`, CHAPTER, "total site draw over one hour"),
  selfCheckITMW: sourced(4.2, "MW", `${CH}, Self-Check (energy metrics)`, CHAPTER, "compute IT load over the same hour"),
  pitfallCoalPue: sourced(1.06, "ratio", PITFALL, CHAPTER),
  pitfallCoalGPerKWh: sourced(820, "gCO2e/kWh", PITFALL, CHAPTER, "coal-heavy grid"),
  pitfallHydroPue: sourced(1.4, "ratio", PITFALL, CHAPTER),
  pitfallHydroGPerKWh: sourced(10, "gCO2e/kWh", PITFALL, CHAPTER, "hydroelectric"),
  coolingTaxGpus: sourced(1024, "GPUs", NAPKIN_1_7, CHAPTER, "at 700 W each"),
  lifecycleYears: sourced(3, "years", NAPKIN_1_7, CHAPTER, "hardware lifecycle over which the cooling savings are summed"),
  wueExampleMWh: sourced(10_000, "MWh", WATER, CHAPTER, "IT energy of a training run"),
  towerSiteMW: sourced(10, "MW", TOWERS, CHAPTER, "a data center with evaporative cooling towers"),
  nodeGpus: sourced(8, "GPUs", POWER, CHAPTER, "an H100 training node"),
  legacyBusVolts: sourced(12, "V", POWER, CHAPTER),
  dcBusVolts: sourced(48, "V", POWER, CHAPTER),
  vrmEfficiency: sourcedRange(0.9, 0.95, "efficiency", POWER, CHAPTER, "voltage regulator modules, as the VRM paragraph gives them"),
  distributionRackKW: sourced(33, "kW", POWER, CHAPTER, "rack input power"),
  distributionRacks: sourced(300, "racks", POWER, CHAPTER),
  distributionEfficiencyBefore: sourced(0.95, "efficiency", POWER, CHAPTER),
  distributionEfficiencyAfter: sourced(0.98, "efficiency", POWER, CHAPTER),
  rackNodes: sourced(4, "DGX H100 nodes", TABLE_6, CHAPTER),
  rackGpus: sourced(32, "GPUs", TABLE_6, CHAPTER),
  rackHostKW: sourced(3.2, "kW", TABLE_6, CHAPTER, "host CPUs and DRAM"),
  rackFabricKW: sourced(1.6, "kW", TABLE_6, CHAPTER, "NVSwitch fabric"),
  rackNetworkKW: sourced(0.8, "kW", TABLE_6, CHAPTER, "InfiniBand HCAs"),
  rackConversionKW: sourced(2.8, "kW", TABLE_6, CHAPTER, "power conversion losses"),
  rackCoolingKW: sourced(2.7, "kW", TABLE_6, CHAPTER, "cooling overhead; on 30.8 kW of IT this is PUE 1.0877, printed as '~1.09'"),
  largeClusterGpus: sourced(100_000, "GPUs", POWER, CHAPTER, "at 700 W each"),
  largeClusterPue: sourced(1.12, "ratio", POWER, CHAPTER, "implied: 107.8 MW ÷ 96.25 MW"),
  example13Gpus: sourced(512, "GPUs", EXAMPLE_1_3, CHAPTER),
  example13SwingW: sourced(600, "W per GPU", EXAMPLE_1_3, CHAPTER, "idle-to-peak swing"),
  rampGpus: sourced(1024, "GPUs", POWER, CHAPTER),
  rampLowW: sourced(400, "W per GPU", POWER, CHAPTER, "communication phase, average"),
  rampHighW: sourced(700, "W per GPU", POWER, CHAPTER, "matrix-multiplication phase"),
  rampUs: sourced(100, "µs", POWER, CHAPTER, "'approximately 100 µs'"),
  supercapTransientKW: sourced(100, "kW", POWER, CHAPTER, "the transient the supercapacitors are sized against"),
} as const satisfies Record<string, Sourced>);

/** What the chapter printed for them. */
export const printedFacility = deepFrozen({
  selfCheckPue: sourced(1.5, "ratio", `${CH}, Self-Check (energy metrics)`, CHAPTER),
  napkin15MWh: sourced(8409.6, "MWh/year", NAPKIN_1_5, CHAPTER),
  napkin15Usd: sourced(588_672, "USD/year", NAPKIN_1_5, CHAPTER),
  napkin15EquivalentPercent: sourced(30, "% more efficient", NAPKIN_1_5, CHAPTER, "'makes the entire model 30 percent more efficient': 0.48 of 1.58 is 30.4 % of the facility bill"),
  pitfallRatio: sourced(30, "×", PITFALL, CHAPTER, "wrong: 1.06 × 820 = 869.2 g against 1.40 × 10 = 14 g per IT kWh is 62×; 30× needs the hydro site at about 20 g/kWh"),
  coolingAirKW: sourced(1068.0, "kW", NAPKIN_1_7, CHAPTER, "wrong: 716.8 × 1.5 is 1,075.2; 1,068.0 is 712 × 1.5"),
  coolingAirOverheadKW: sourced(351.2, "kW", NAPKIN_1_7, CHAPTER, "inherits the slip: 358.4"),
  coolingLiquidKW: sourced(774.1, "kW", NAPKIN_1_7, CHAPTER),
  coolingLiquidOverheadKW: sourced(57.3, "kW", NAPKIN_1_7, CHAPTER),
  coolingSavedKW: sourced(293.9, "kW", NAPKIN_1_7, CHAPTER, "inherits the slip: 301.1"),
  coolingAnnualUsd: sourced(180_212, "USD/year", NAPKIN_1_7, CHAPTER, "inherits the slip: $184,608"),
  coolingLifecycleUsd: sourced(540_636, "USD", NAPKIN_1_7, CHAPTER, "inherits the slip: $553,823"),
  wueMillionLitres: sourced(18, "million L", WATER, CHAPTER),
  wueHouseholdYears: sourcedRange(40, 50, "household-years", WATER, CHAPTER),
  towerMillionLitres: sourced(140, "million L/year", TOWERS, CHAPTER, "'well over 100 million'; 140 million in the comparison"),
  towerHouseholds: sourced(1000, "households", TOWERS, CHAPTER, "implies about 140,000 L per household a year, against the chapter's own 380,000–450,000 L baseline"),
  busAmps: sourced(470, "A", POWER, CHAPTER, "'nearly 470 A' at 12 V"),
  busCurrentCut: sourced(4, "×", POWER, CHAPTER),
  busLossCut: sourced(16, "×", POWER, CHAPTER),
  chainLossShare: sourcedRange(0.1, 0.15, "fraction of grid power", POWER, CHAPTER, "stated stage losses compound to 10.6–16.9 % with a double-conversion UPS"),
  chainEfficiency: sourcedRange(0.85, 0.9, "efficiency", POWER, CHAPTER, "'for every 100 W of useful computation, 10–15 W is lost': at 85 % it is 17.6 W per 100 W delivered"),
  distributionSavedKWPerRack: sourced(0.99, "kW", POWER, CHAPTER, "wrong basis: 3 % of 33 kW; at fixed delivered power the input falls by 1.01 kW"),
  distributionSavedKW: sourced(297, "kW", POWER, CHAPTER, "inherits the basis: 303.1 kW"),
  distributionSavedUsd: sourced(546_361, "USD over 3 years", POWER, CHAPTER, "inherits the basis: $557,511"),
  distributionExtraNodes: sourced(36, "GPU nodes", POWER, CHAPTER),
  vrmHeatW: sourcedRange(35, 70, "W", POWER, CHAPTER, "per 700 W GPU"),
  rackTotalKW: sourced(33.5, "kW", TABLE_6, CHAPTER),
  rackPue: sourced(1.09, "ratio", TABLE_6, CHAPTER, "'PUE ~1.09'"),
  tdpUnderestimatePercent: sourced(50, "%", POWER, CHAPTER, "'roughly 50 percent'"),
  largeClusterITMW: sourced(96.2, "MW", POWER, CHAPTER, "96.25 MW, truncated"),
  largeClusterFacilityMW: sourced(107.8, "MW", POWER, CHAPTER),
  example13StepKW: sourced(300, "kW", EXAMPLE_1_3, CHAPTER, "'roughly 300 kW'"),
  rampStepKW: sourced(307, "kW", POWER, CHAPTER),
  rampGWPerS: sourced(3.07, "GW/s", POWER, CHAPTER),
  supercapHoldS: sourcedRange(0.5, 1, "s", POWER, CHAPTER),
  queueLag: sourced(4, "×", NAPKIN_1_6, CHAPTER),
} as const satisfies Record<string, Sourced>);
