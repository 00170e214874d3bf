// The chapter's own figures behind notebooks/01-energy-of-intelligence.md: the inputs its boxes state and
// the results they print, each citing its box. A note says where a printed result is rounded oddly or wrong.
import { sourced } from "../../catalog.ts";
import { deepFrozen } from "../../frozen.ts";

const CH = "Sustainable AI chapter";
const YEAR = 2026;

export const printedEnergy = deepFrozen({
  // Checkpoint 1.1 states its inputs; its answer is not printed.
  checkpoint11FlopsPerJoule: sourced(50e9, "FLOP/J", `${CH}, Checkpoint 1.1`, YEAR, "end-to-end realized training efficiency: FLOP per joule of IT energy"),
  checkpoint11Pue: sourced(1.1, "ratio", `${CH}, Checkpoint 1.1`, YEAR),

  // Footnotes 2 and 11 on GPT-3's 1,287 MWh.
  gpt3HouseholdYears: sourced(120, "household-years", `${CH}, footnote 2`, YEAR, "'roughly 120'; 1,287 / 10.7 = 120.3"),
  gpt3MWhPerBillionParams: sourced(7.35, "MWh per billion parameters", `${CH}, footnote 11`, YEAR),

  // Napkin Math 1.1: GPT-3's run on the US-average grid, in New York–London round trips.
  napkin11Kg: sourced(552_123, "kg CO2e", `${CH}, Napkin Math 1.1`, YEAR),
  napkin11Flights: sourced(552.1, "round trips", `${CH}, Napkin Math 1.1`, YEAR),
  napkin11HydroFlights: sourced(25.7, "round trips", `${CH}, Napkin Math 1.1`, YEAR, "on a hydro grid at 20 gCO2e/kWh"),
  napkin11HydroReduction: sourced(21.4, "×", `${CH}, Napkin Math 1.1`, YEAR,
    "429 / 20 = 21.45 exactly; printed 21.4× here and 21.5× in Example 1.2 for the same two grids"),

  // Example 1.2: a 7B model on 64 A100s for 14 days. Inputs, then the printed results.
  example12Params: sourced(7e9, "parameters", `${CH}, Example 1.2 (Listing 1 and the lifecycle accounting)`, YEAR, "'the 7B/64-A100 training example'"),
  example12Devices: sourced(64, "A100 GPUs", `${CH}, Example 1.2`, YEAR),
  example12Days: sourced(14, "days", `${CH}, Example 1.2`, YEAR),
  example12Pue: sourced(1.12, "ratio", `${CH}, Example 1.2`, YEAR, "'efficient hyperscale data center'; Napkin Math 1.4 uses the same"),
  example12AcceleratorKWh: sourced(8601.6, "kWh", `${CH}, Example 1.2, step 1`, YEAR),
  example12ItKWh: sourced(11_827.2, "kWh", `${CH}, Example 1.2, step 2`, YEAR,
    "accelerator energy × 1.375, the support factor of a DGX H100 rack (Table 6), applied here to A100s"),
  example12FacilityKWh: sourced(13_246.5, "kWh", `${CH}, Example 1.2, step 2`, YEAR),
  example12UsKg: sourced(5682.7, "kg CO2e", `${CH}, Example 1.2, step 3`, YEAR),
  example12QuebecKg: sourced(264.9, "kg CO2e", `${CH}, Example 1.2, analysis`, YEAR),
  example12Reduction: sourced(21.5, "×", `${CH}, Example 1.2, systems insight`, YEAR, "429 / 20 = 21.45; Napkin Math 1.1 prints the same ratio as 21.4×"),
} as const);
