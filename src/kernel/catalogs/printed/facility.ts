// The facility notebook's chapter figures: the inputs of its worked examples (facilityExamples) and the
// results the chapter printed (printedFacility), which the notebook shows beside what the kernel computes.
import { catalog, sourced, type Sourced } from "../../catalog.ts";
import { sourcedRange } from "../range.ts";

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
export const facilityExamples = catalog("facilityExamples", {
  napkin15ITMW: sourced(2, "MW", NAPKIN_1_5, CHAPTER, { name: "Napkin Math 1.5: IT load", note: "IT load of the cluster" }),
  selfCheckSiteMW: sourced(6.3, "MW", `${CH}, Self-Check (energy metrics)`, CHAPTER, {
    name: "Energy-metrics self-check: site draw",
    note: "total site draw over one hour",
  }),
  selfCheckITMW: sourced(4.2, "MW", `${CH}, Self-Check (energy metrics)`, CHAPTER, {
    name: "Energy-metrics self-check: IT load",
    note: "compute IT load over the same hour",
  }),
  pitfallCoalPue: sourced(1.06, "ratio", PITFALL, CHAPTER, { name: "PUE pitfall: coal site's PUE" }),
  pitfallCoalGPerKWh: sourced(820, "gCO2e/kWh", PITFALL, CHAPTER, { name: "PUE pitfall: coal site's grid", note: "coal-heavy grid" }),
  pitfallHydroPue: sourced(1.4, "ratio", PITFALL, CHAPTER, { name: "PUE pitfall: hydro site's PUE" }),
  pitfallHydroGPerKWh: sourced(10, "gCO2e/kWh", PITFALL, CHAPTER, { name: "PUE pitfall: hydro site's grid", note: "hydroelectric" }),
  coolingTaxGpus: sourced(1024, "GPUs", NAPKIN_1_7, CHAPTER, { name: "Napkin Math 1.7: GPUs", note: "at 700 W each" }),
  lifecycleYears: sourced(3, "years", NAPKIN_1_7, CHAPTER, {
    name: "Napkin Math 1.7: hardware lifecycle",
    note: "hardware lifecycle over which the cooling savings are summed",
  }),
  wueExampleMWh: sourced(10_000, "MWh", WATER, CHAPTER, { name: "Water example: IT energy of the run", note: "IT energy of a training run" }),
  towerSiteMW: sourced(10, "MW", TOWERS, CHAPTER, { name: "Cooling towers: site power", note: "a data center with evaporative cooling towers" }),
  nodeGpus: sourced(8, "GPUs", POWER, CHAPTER, { name: "Power delivery: GPUs per node", note: "an H100 training node" }),
  legacyBusVolts: sourced(12, "V", POWER, CHAPTER, { name: "Power delivery: legacy bus voltage" }),
  dcBusVolts: sourced(48, "V", POWER, CHAPTER, { name: "Power delivery: DC bus voltage" }),
  vrmEfficiency: sourcedRange(0.9, 0.95, "efficiency", POWER, CHAPTER, {
    name: "Power delivery: VRM efficiency",
    note: "voltage regulator modules, as the VRM paragraph gives them",
  }),
  distributionRackKW: sourced(33, "kW", POWER, CHAPTER, { name: "48 V distribution: rack input power", note: "rack input power" }),
  distributionRacks: sourced(300, "racks", POWER, CHAPTER, { name: "48 V distribution: racks" }),
  distributionEfficiencyBefore: sourced(0.95, "efficiency", POWER, CHAPTER, { name: "48 V distribution: efficiency before" }),
  distributionEfficiencyAfter: sourced(0.98, "efficiency", POWER, CHAPTER, { name: "48 V distribution: efficiency after" }),
  rackNodes: sourced(4, "DGX H100 nodes", TABLE_6, CHAPTER, { name: "Table 6: DGX H100 nodes per rack" }),
  rackGpus: sourced(32, "GPUs", TABLE_6, CHAPTER, { name: "Table 6: GPUs per rack" }),
  rackHostKW: sourced(3.2, "kW", TABLE_6, CHAPTER, { name: "Table 6: host CPUs and DRAM", note: "host CPUs and DRAM" }),
  rackFabricKW: sourced(1.6, "kW", TABLE_6, CHAPTER, { name: "Table 6: NVSwitch fabric", note: "NVSwitch fabric" }),
  rackNetworkKW: sourced(0.8, "kW", TABLE_6, CHAPTER, { name: "Table 6: InfiniBand", note: "InfiniBand HCAs" }),
  rackConversionKW: sourced(2.8, "kW", TABLE_6, CHAPTER, { name: "Table 6: conversion losses", note: "power conversion losses" }),
  rackCoolingKW: sourced(2.7, "kW", TABLE_6, CHAPTER, {
    name: "Table 6: cooling",
    note: "cooling overhead; on 30.8 kW of IT this is PUE 1.0877, printed as '~1.09'",
  }),
  largeClusterGpus: sourced(100_000, "GPUs", POWER, CHAPTER, { name: "Large cluster: GPUs", note: "at 700 W each" }),
  largeClusterPue: sourced(1.12, "ratio", POWER, CHAPTER, { name: "Large cluster: PUE", note: "implied: 107.8 MW ÷ 96.25 MW" }),
  example13Gpus: sourced(512, "GPUs", EXAMPLE_1_3, CHAPTER, { name: "Example 1.3: GPUs" }),
  example13SwingW: sourced(600, "W per GPU", EXAMPLE_1_3, CHAPTER, { name: "Example 1.3: idle-to-peak swing per GPU", note: "idle-to-peak swing" }),
  rampGpus: sourced(1024, "GPUs", POWER, CHAPTER, { name: "Power ramp: GPUs" }),
  rampLowW: sourced(400, "W per GPU", POWER, CHAPTER, { name: "Power ramp: draw in communication phase", note: "communication phase, average" }),
  rampHighW: sourced(700, "W per GPU", POWER, CHAPTER, { name: "Power ramp: draw in compute phase", note: "matrix-multiplication phase" }),
  rampUs: sourced(100, "µs", POWER, CHAPTER, { name: "Power ramp: duration", note: "'approximately 100 µs'" }),
  supercapTransientKW: sourced(100, "kW", POWER, CHAPTER, {
    name: "Supercapacitors: transient sized against",
    note: "the transient the supercapacitors are sized against",
  }),
} as const satisfies Record<string, Sourced>);

/** What the chapter printed for them. */
export const printedFacility = catalog("printedFacility", {
  selfCheckPue: sourced(1.5, "ratio", `${CH}, Self-Check (energy metrics)`, CHAPTER, { name: "Energy-metrics self-check PUE, printed" }),
  napkin15MWh: sourced(8409.6, "MWh/year", NAPKIN_1_5, CHAPTER, { name: "Napkin Math 1.5 energy saved, printed" }),
  napkin15Usd: sourced(588_672, "USD/year", NAPKIN_1_5, CHAPTER, { name: "Napkin Math 1.5 money saved, printed" }),
  napkin15EquivalentPercent: sourced(30, "% more efficient", NAPKIN_1_5, CHAPTER, {
    name: "Napkin Math 1.5 model-efficiency equivalent, printed",
    note: "'makes the entire model 30 percent more efficient': 0.48 of 1.58 is 30.4 % of the facility bill",
  }),
  pitfallRatio: sourced(30, "×", PITFALL, CHAPTER, {
    name: "PUE pitfall emissions ratio, printed",
    note: "wrong: 1.06 × 820 = 869.2 g against 1.40 × 10 = 14 g per IT kWh is 62×; 30× needs the hydro site at about 20 g/kWh",
  }),
  coolingAirKW: sourced(1068.0, "kW", NAPKIN_1_7, CHAPTER, {
    name: "Napkin Math 1.7 air-cooled facility power, printed",
    note: "wrong: 716.8 × 1.5 is 1,075.2; 1,068.0 is 712 × 1.5",
  }),
  coolingAirOverheadKW: sourced(351.2, "kW", NAPKIN_1_7, CHAPTER, { name: "Napkin Math 1.7 air-cooling overhead, printed", note: "inherits the slip: 358.4" }),
  coolingLiquidKW: sourced(774.1, "kW", NAPKIN_1_7, CHAPTER, { name: "Napkin Math 1.7 liquid-cooled facility power, printed" }),
  coolingLiquidOverheadKW: sourced(57.3, "kW", NAPKIN_1_7, CHAPTER, { name: "Napkin Math 1.7 liquid-cooling overhead, printed" }),
  coolingSavedKW: sourced(293.9, "kW", NAPKIN_1_7, CHAPTER, { name: "Napkin Math 1.7 power saved, printed", note: "inherits the slip: 301.1" }),
  coolingAnnualUsd: sourced(180_212, "USD/year", NAPKIN_1_7, CHAPTER, { name: "Napkin Math 1.7 annual saving, printed", note: "inherits the slip: $184,608" }),
  coolingLifecycleUsd: sourced(540_636, "USD", NAPKIN_1_7, CHAPTER, { name: "Napkin Math 1.7 lifecycle saving, printed", note: "inherits the slip: $553,823" }),
  wueMillionLitres: sourced(18, "million L", WATER, CHAPTER, { name: "Water example: water used, printed" }),
  wueHouseholdYears: sourcedRange(40, 50, "household-years", WATER, CHAPTER, { name: "Water example: household-years, printed" }),
  towerMillionLitres: sourced(140, "million L/year", TOWERS, CHAPTER, {
    name: "Cooling towers: water per year, printed",
    note: "'well over 100 million'; 140 million in the comparison",
  }),
  towerHouseholds: sourced(1000, "households", TOWERS, CHAPTER, {
    name: "Cooling towers: households, printed",
    note: "implies about 140,000 L per household a year, against the chapter's own 380,000–450,000 L baseline",
  }),
  busAmps: sourced(470, "A", POWER, CHAPTER, { name: "Current at 12 V, printed", note: "'nearly 470 A' at 12 V" }),
  busCurrentCut: sourced(4, "×", POWER, CHAPTER, { name: "Current cut at 48 V, printed" }),
  busLossCut: sourced(16, "×", POWER, CHAPTER, { name: "Conduction-loss cut at 48 V, printed" }),
  chainLossShare: sourcedRange(0.1, 0.15, "fraction of grid power", POWER, CHAPTER, {
    name: "Power-path loss share, printed",
    note: "stated stage losses compound to 10.6–16.9 % with a double-conversion UPS",
  }),
  chainEfficiency: sourcedRange(0.85, 0.9, "efficiency", POWER, CHAPTER, {
    name: "Power-path efficiency, printed",
    note: "'for every 100 W of useful computation, 10–15 W is lost': at 85 % it is 17.6 W per 100 W delivered",
  }),
  distributionSavedKWPerRack: sourced(0.99, "kW", POWER, CHAPTER, {
    name: "48 V distribution saving per rack, printed",
    note: "wrong basis: 3 % of 33 kW; at fixed delivered power the input falls by 1.01 kW",
  }),
  distributionSavedKW: sourced(297, "kW", POWER, CHAPTER, { name: "48 V distribution saving, printed", note: "inherits the basis: 303.1 kW" }),
  distributionSavedUsd: sourced(546_361, "USD over 3 years", POWER, CHAPTER, {
    name: "48 V distribution saving over 3 years, printed",
    note: "inherits the basis: $557,511",
  }),
  distributionExtraNodes: sourced(36, "GPU nodes", POWER, CHAPTER, { name: "48 V distribution extra GPU nodes, printed" }),
  vrmHeatW: sourcedRange(35, 70, "W", POWER, CHAPTER, { name: "VRM heat per GPU, printed", note: "per 700 W GPU" }),
  rackTotalKW: sourced(33.5, "kW", TABLE_6, CHAPTER, { name: "Table 6 rack total, printed" }),
  rackPue: sourced(1.09, "ratio", TABLE_6, CHAPTER, { name: "Table 6 rack PUE, printed", note: "'PUE ~1.09'" }),
  tdpUnderestimatePercent: sourced(50, "%", POWER, CHAPTER, { name: "Underestimate from GPU TDP alone, printed", note: "'roughly 50 percent'" }),
  largeClusterITMW: sourced(96.2, "MW", POWER, CHAPTER, { name: "Large cluster IT power, printed", note: "96.25 MW, truncated" }),
  largeClusterFacilityMW: sourced(107.8, "MW", POWER, CHAPTER, { name: "Large cluster facility power, printed" }),
  example13StepKW: sourced(300, "kW", EXAMPLE_1_3, CHAPTER, { name: "Example 1.3 load step, printed", note: "'roughly 300 kW'" }),
  rampStepKW: sourced(307, "kW", POWER, CHAPTER, { name: "Power ramp step, printed" }),
  rampGWPerS: sourced(3.07, "GW/s", POWER, CHAPTER, { name: "Power ramp rate, printed" }),
  supercapHoldS: sourcedRange(0.5, 1, "s", POWER, CHAPTER, { name: "Supercapacitor hold time, printed" }),
  queueLag: sourced(4, "×", NAPKIN_1_6, CHAPTER, { name: "Napkin Math 1.6 grid lag over GPU lead time, printed" }),
} as const satisfies Record<string, Sourced>);
