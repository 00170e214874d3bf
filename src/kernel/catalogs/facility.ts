// Facility constants: PUE and WUE references, power-delivery stage efficiencies, coolant properties,
// rack densities and cooling capital costs, grid lead times. Ranges are {low, high}.
import { sourced, type Sourced } from "../catalog.ts";
import type { Span } from "./edge.ts";

const span = (low: number, high: number): Span => ({ low, high });
const CH = "Sustainable AI chapter";
const YEAR = 2025;

/** Point PUE values the chapter quotes. */
export const pueReferences = {
  googleBestFacility: sourced(1.08, "ratio", `${CH}, footnotes 19 and 36`, YEAR, "Google's most efficient facilities."),
  googleFleet: sourced(1.1, "ratio", `${CH}, footnote 28`, YEAR, "Google fleet-wide average."),
  google2009Disclosure: sourced(1.21, "ratio", `${CH}, footnote 10`, 2009),
  industryAverage: sourced(1.58, "ratio", `${CH}, footnote 28 and Napkin Math 1.5`, 2022),
  industryAverageFootnote36: sourced(
    1.67,
    "ratio",
    `${CH}, footnote 36`,
    YEAR,
    "Disputed: the same chapter gives 1.58 as the industry average (footnote 28, Napkin Math 1.5). 1.67 is what makes footnote 36's '40 percent' overhead share come out.",
  ),
  typicalEnterprise: sourced(2.5, "ratio", `${CH}, Data center energy and AI workloads`, YEAR, "Upper end of the range the chapter contrasts with 1.1."),
  coolingTaxAir: sourced(1.5, "ratio", `${CH}, Napkin Math 1.7`, YEAR, "Illustrative air-cooled facility."),
  coolingTaxLiquid: sourced(1.08, "ratio", `${CH}, Napkin Math 1.7`, YEAR, "Illustrative direct-to-chip liquid-cooled facility."),
  twoPhaseImmersion: sourced(1.02, "ratio", `${CH}, Cooling`, YEAR, "'Approaching 1.02'."),
} satisfies Record<string, Sourced<number>>;

/** PUE ranges by facility class. */
export const pueRanges = {
  leadingHyperscale: sourced(span(1.1, 1.2), "ratio", `${CH}, Facility-level power metrics (Uptime Institute 2022)`, 2022),
  industryAverage: sourced(span(1.5, 2.0), "ratio", `${CH}, Facility-level power metrics (Uptime Institute 2022)`, 2022),
  early2000s: sourced(span(2.0, 2.5), "ratio", `${CH}, footnote 10 (The Green Grid 2007)`, 2007),
  airCooled: sourced(span(1.5, 2.0), "ratio", `${CH}, Table 7`, YEAR),
  liquidCooled: sourced(span(1.05, 1.1), "ratio", `${CH}, Table 7`, YEAR),
  directToChip: sourced(span(1.03, 1.08), "ratio", `${CH}, Cooling and footnote 28`, YEAR),
} satisfies Record<string, Sourced<Span>>;

/** Water: WUE and the scales the chapter compares it with. */
export const waterReferences = {
  typicalWueLPerKWh: sourced(span(0.5, 2.0), "L/kWh", `${CH}, equation 3`, YEAR, "Depends on climate and cooling technology."),
  exampleWueLPerKWh: sourced(1.8, "L/kWh", `${CH}, equation 3 worked example`, YEAR, "Illustrative evaporative-cooled site."),
  householdLitresPerYear: sourced(
    span(380_000, 450_000),
    "L/year",
    `${CH}, equation 3 worked example`,
    YEAR,
    "US household baseline. The cooling-tower paragraph implies about 140,000 L/year per household instead; the two do not agree.",
  ),
  tsmcArizonaLitresPerDay: sourced(34_000_000, "L/day", `${CH}, Water, chemicals, and critical materials (Reuters 2024)`, 2024, "Projected."),
  litresPerWafer: sourced(8300, "L/wafer", `${CH}, Water, chemicals, and critical materials`, YEAR, "300 mm wafer, whole process; 'over'."),
  euvToolLitresPerDay: sourced(30_000, "L/day", `${CH}, footnote 25`, YEAR, "Ultrapure water per ASML EUV tool."),
  fabWaterReclaimed: sourced(span(0.6, 0.8), "fraction", `${CH}, Figure 19`, YEAR, "Advanced fab recycling."),
} satisfies Record<string, Sourced<number | Span>>;

/** Efficiency of each power-delivery stage, utility side first. */
export const powerDeliveryStages = {
  utilityTransformer: sourced(span(0.98, 0.99), "efficiency", `${CH}, Power delivery`, YEAR, "Utility to medium voltage: 1–2 % loss."),
  upsDoubleConversion: sourced(span(0.95, 0.97), "efficiency", `${CH}, Power delivery`, YEAR, "Online double-conversion UPS: 3–5 % loss."),
  upsEcoMode: sourced(span(0.98, 0.99), "efficiency", `${CH}, Power delivery`, YEAR, "Eco-mode UPS bypassing the inverter."),
  pdu: sourced(span(0.97, 0.98), "efficiency", `${CH}, Power delivery`, YEAR, "PDU: 2–3 % loss."),
  boardVoltageRegulation: sourced(
    span(0.92, 0.95),
    "efficiency",
    `${CH}, Power delivery`,
    YEAR,
    "The loss list gives 5–8 %; the VRM paragraph says 90–95 % efficient (5–10 % loss). The VRM-heat example uses 90–95 %.",
  ),
  dc48VGain: sourced(span(0.02, 0.03), "efficiency points", `${CH}, Power delivery`, YEAR, "48 V DC distribution removes one conversion stage."),
} satisfies Record<string, Sourced<Span>>;

/** Heat-transfer properties of the coolants the chapter compares. */
export const coolingMedia = {
  airSpecificHeatJPerKgK: sourced(1005, "J/(kg·K)", `${CH}, Cooling`, YEAR),
  airDensityKgPerM3: sourced(1.2, "kg/m³", `${CH}, Cooling`, YEAR, "Sea level."),
  airConductivityWPerMK: sourced(0.026, "W/(m·K)", `${CH}, Cooling`, YEAR),
  waterSpecificHeatJPerKgK: sourced(4180, "J/(kg·K)", `${CH}, Cooling`, YEAR),
  waterDensityKgPerM3: sourced(1000, "kg/m³", "Standard value", YEAR, "Not stated in the chapter; needed to turn mass flow into litres."),
  waterConductivityWPerMK: sourced(0.6, "W/(m·K)", `${CH}, Cooling`, YEAR),
  copperConductivityWPerMK: sourced(400, "W/(m·K)", `${CH}, Cooling`, YEAR),
  waterLatentHeatKJPerKg: sourced(2260, "kJ/kg", `${CH}, Cooling (heat rejection)`, YEAR),
} satisfies Record<string, Sourced<number>>;

/** Rack densities, fan power and capital cost by cooling technology. */
export const coolingTechnologies = {
  airMaxKWPerRack: sourced(span(20, 30), "kW/rack", `${CH}, Table 7`, YEAR),
  liquidKWPerRack: sourced(120, "kW/rack", `${CH}, Table 7`, YEAR, "'More than 120 kW'."),
  twoPhaseImmersionKWPerRack: sourced(200, "kW/rack", `${CH}, Cooling`, YEAR, "'Over 200 kW'."),
  airFanShareOfIT: sourced(span(0.3, 0.4), "fraction of IT load", `${CH}, Table 7`, YEAR),
  liquidFanShareOfIT: sourced(0.05, "fraction of IT load", `${CH}, Table 7`, YEAR, "'Less than 5 %'."),
  airCapexPerRack: sourced(span(2000, 5000), "USD/rack", `${CH}, Cooling`, YEAR),
  directToChipCapexPerRack: sourced(span(15_000, 25_000), "USD/rack", `${CH}, Cooling`, YEAR),
  immersionCapexPerTank: sourced(span(30_000, 50_000), "USD/tank", `${CH}, Cooling`, YEAR),
  dielectricFluidPerLitre: sourced(span(20, 50), "USD/L", `${CH}, Cooling`, YEAR),
} satisfies Record<string, Sourced<number | Span>>;

/** Grid connection and transient-handling figures. */
export const gridConnection = {
  usInterconnectionQueueGW: sourced(2000, "GW", `${CH}, Napkin Math 1.6`, 2024, "'Over 2000 GW' waiting, US only."),
  gpuLeadMonths: sourced(6, "months", `${CH}, Napkin Math 1.6`, YEAR, "Typical enterprise lead time."),
  substationLeadMonths: sourced(24, "months", `${CH}, Napkin Math 1.6`, YEAR, "New 10+ MW substation, permitting through connection."),
  substationBuildMonths: sourced(span(18, 24), "months", `${CH}, Power delivery`, YEAR),
  supercapKJPerRack: sourced(span(50, 100), "kJ/rack", `${CH}, Power delivery`, YEAR),
  upsSwitchMs: sourced(10, "ms", `${CH}, Power delivery`, YEAR, "'Under 10 ms'."),
  electricityPricePerKWh: sourced(0.07, "USD/kWh", `${CH}, Napkin Math 1.5 and 1.7`, YEAR, "Illustrative industrial rate used throughout the facility examples."),
} satisfies Record<string, Sourced<number | Span>>;
