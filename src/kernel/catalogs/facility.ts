// Facility constants: PUE and WUE references, power-delivery stage efficiencies, coolant properties,
// cooling technologies, and grid-connection lead times. Ranges keep low and high (value = midpoint).
import { sourced, type Sourced } from "../catalog.ts";
import { sourcedRange } from "./range.ts";
import { deepFrozen } from "../frozen.ts";

const CH = "Sustainable AI chapter";
const CHAPTER = 2026;

/** PUE values the chapter quotes as points. */
export const pueReferences = deepFrozen({
  googleBestFacility: sourced(1.08, "ratio", `${CH}, footnotes 19 and 36`, CHAPTER, "Google's most efficient facilities"),
  googleFleet: sourced(1.1, "ratio", `${CH}, footnote 28`, CHAPTER, "Google fleet-wide average"),
  google2009Disclosure: sourced(1.21, "ratio", `${CH}, footnote 10`, 2009),
  industryAverage: sourced(1.58, "ratio", `${CH}, footnote 28 and Napkin Math 1.5`, CHAPTER),
  industryAverageFootnote36: sourced(1.67, "ratio", `${CH}, footnote 36`, CHAPTER,
    "disputed: the same chapter gives 1.58 as the industry average (footnote 28, Napkin Math 1.5); 1.67 is what makes footnote 36's '40 percent' overhead share come out"),
  typicalEnterprise: sourced(2.5, "ratio", `${CH}, Data center energy and AI workloads`, CHAPTER),
  coolingTaxAir: sourced(1.5, "ratio", `${CH}, Napkin Math 1.7`, CHAPTER, "illustrative air-cooled facility"),
  coolingTaxLiquid: sourced(1.08, "ratio", `${CH}, Napkin Math 1.7`, CHAPTER, "illustrative direct-to-chip liquid-cooled facility"),
  twoPhaseImmersion: sourced(1.02, "ratio", `${CH}, Cooling`, CHAPTER, "'approaching 1.02'"),
} as const satisfies Record<string, Sourced>);

/** PUE ranges by facility class. */
export const pueRanges = deepFrozen({
  leadingHyperscale: sourcedRange(1.1, 1.2, "ratio", `${CH}, Facility-level power metrics (Uptime Institute 2022)`, 2022),
  industryAverage: sourcedRange(1.5, 2.0, "ratio", `${CH}, Facility-level power metrics (Uptime Institute 2022)`, 2022),
  early2000s: sourcedRange(2.0, 2.5, "ratio", `${CH}, footnote 10 (The Green Grid 2007)`, 2007),
  airCooled: sourcedRange(1.5, 2.0, "ratio", `${CH}, Table 7`, CHAPTER),
  liquidCooled: sourcedRange(1.05, 1.1, "ratio", `${CH}, Table 7`, CHAPTER),
  directToChip: sourcedRange(1.03, 1.08, "ratio", `${CH}, Cooling and footnote 28`, CHAPTER),
} as const satisfies Record<string, Sourced>);

/** Water: WUE and the scales the chapter compares water use with. */
export const waterReferences = deepFrozen({
  typicalWueLPerKWh: sourcedRange(0.5, 2.0, "L/kWh", `${CH}, equation 3`, CHAPTER, "depends on climate and cooling technology"),
  exampleWueLPerKWh: sourced(1.8, "L/kWh", `${CH}, equation 3 worked example`, CHAPTER, "illustrative evaporative-cooled site"),
  householdLitresPerYear: sourcedRange(380_000, 450_000, "L/year", `${CH}, equation 3 worked example`, CHAPTER,
    "US household baseline; the cooling-tower paragraph implies about 140,000 L/year per household instead, and the two do not agree"),
  tsmcArizonaLitresPerDay: sourced(34_000_000, "L/day", `${CH}, Water, chemicals, and critical materials (Reuters 2024)`, 2024, "projected"),
  litresPerWafer: sourced(8300, "L/wafer", `${CH}, Water, chemicals, and critical materials`, CHAPTER, "300 mm wafer, whole process: 'over 8,300'"),
  euvToolLitresPerDay: sourced(30_000, "L/day", `${CH}, footnote 25`, CHAPTER, "ultrapure water per ASML EUV tool"),
  fabWaterReclaimed: sourcedRange(0.6, 0.8, "fraction", `${CH}, Figure 19`, CHAPTER, "advanced fab recycling"),
} as const satisfies Record<string, Sourced>);

/** Efficiency of each power-delivery stage, utility side first. */
export const powerDeliveryStages = deepFrozen({
  utilityTransformer: sourcedRange(0.98, 0.99, "efficiency", `${CH}, Power delivery`, CHAPTER, "utility to medium voltage, 1–2 % loss"),
  upsDoubleConversion: sourcedRange(0.95, 0.97, "efficiency", `${CH}, Power delivery`, CHAPTER, "online double-conversion UPS, 3–5 % loss"),
  upsEcoMode: sourcedRange(0.98, 0.99, "efficiency", `${CH}, Power delivery`, CHAPTER, "eco-mode UPS bypassing the inverter in normal operation"),
  pdu: sourcedRange(0.97, 0.98, "efficiency", `${CH}, Power delivery`, CHAPTER, "2–3 % loss"),
  boardVoltageRegulation: sourcedRange(0.92, 0.95, "efficiency", `${CH}, Power delivery`, CHAPTER,
    "the loss list gives 5–8 %; the VRM paragraph says 90–95 % efficient (5–10 % loss), which the VRM-heat example uses"),
  dc48VGain: sourcedRange(0.02, 0.03, "efficiency points", `${CH}, Power delivery`, CHAPTER, "48 V DC distribution removes one conversion stage"),
} as const satisfies Record<string, Sourced>);

/** Heat-transfer properties of the coolants the chapter compares. */
export const coolingMedia = deepFrozen({
  airSpecificHeatJPerKgK: sourced(1005, "J/(kg·K)", `${CH}, Cooling`, CHAPTER),
  airDensityKgPerM3: sourced(1.2, "kg/m³", `${CH}, Cooling`, CHAPTER, "sea level"),
  airConductivityWPerMK: sourced(0.026, "W/(m·K)", `${CH}, Cooling`, CHAPTER),
  waterSpecificHeatJPerKgK: sourced(4180, "J/(kg·K)", `${CH}, Cooling`, CHAPTER),
  waterDensityKgPerM3: sourced(1000, "kg/m³", "standard value", CHAPTER, "not stated in the chapter; needed to turn mass flow into litres"),
  waterConductivityWPerMK: sourced(0.6, "W/(m·K)", `${CH}, Cooling`, CHAPTER),
  copperConductivityWPerMK: sourced(400, "W/(m·K)", `${CH}, Cooling`, CHAPTER),
  waterLatentHeatKJPerKg: sourced(2260, "kJ/kg", `${CH}, Cooling (heat rejection)`, CHAPTER),
} as const satisfies Record<string, Sourced>);

/** Rack densities, fan power and capital cost by cooling technology. */
export const coolingTechnologies = deepFrozen({
  airMaxKWPerRack: sourcedRange(20, 30, "kW/rack", `${CH}, Table 7`, CHAPTER),
  liquidKWPerRack: sourced(120, "kW/rack", `${CH}, Table 7`, CHAPTER, "a floor: 'more than 120 kW'"),
  twoPhaseImmersionKWPerRack: sourced(200, "kW/rack", `${CH}, Cooling`, CHAPTER, "a floor: 'over 200 kW'"),
  airFanShareOfIT: sourcedRange(0.3, 0.4, "fraction of IT load", `${CH}, Table 7`, CHAPTER),
  liquidFanShareOfIT: sourced(0.05, "fraction of IT load", `${CH}, Table 7`, CHAPTER, "a ceiling: 'less than 5 %'"),
  airCapexPerRack: sourcedRange(2000, 5000, "USD/rack", `${CH}, Cooling`, CHAPTER),
  directToChipCapexPerRack: sourcedRange(15_000, 25_000, "USD/rack", `${CH}, Cooling`, CHAPTER),
  immersionCapexPerTank: sourcedRange(30_000, 50_000, "USD/tank", `${CH}, Cooling`, CHAPTER),
  dielectricFluidPerLitre: sourcedRange(20, 50, "USD/L", `${CH}, Cooling`, CHAPTER),
} as const satisfies Record<string, Sourced>);

/** Grid connection lead times and transient-handling figures. */
export const gridConnection = deepFrozen({
  usInterconnectionQueueGW: sourced(2000, "GW", `${CH}, Napkin Math 1.6`, 2024, "a floor: 'over 2000 GW' waiting in the US alone"),
  gpuLeadMonths: sourced(6, "months", `${CH}, Napkin Math 1.6`, CHAPTER, "typical enterprise lead time"),
  substationLeadMonths: sourced(24, "months", `${CH}, Napkin Math 1.6`, CHAPTER, "new 10+ MW substation, permitting through grid connection"),
  substationBuildMonths: sourcedRange(18, 24, "months", `${CH}, Power delivery`, CHAPTER),
  supercapKJPerRack: sourcedRange(50, 100, "kJ/rack", `${CH}, Power delivery`, CHAPTER),
  upsSwitchMs: sourced(10, "ms", `${CH}, Power delivery`, CHAPTER, "a ceiling: 'under 10 ms'"),
  electricityPricePerKWh: sourced(0.07, "USD/kWh", `${CH}, Napkin Math 1.5 and 1.7`, CHAPTER, "illustrative rate used throughout the facility examples"),
} as const satisfies Record<string, Sourced>);
