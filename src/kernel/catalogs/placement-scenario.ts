// Illustrative inputs for the placement and scheduling notebook where the chapter gives none: electricity
// prices and a carbon price for Napkin Math 1.2, and a day of hourly grid intensity for temporal scheduling.
// None of these is a measurement; each note says what it stands for.
import { sourced } from "../catalog.ts";
import { deepFrozen } from "../frozen.ts";

const ILLUSTRATIVE = "Illustrative (wattbook)";
const YEAR = 2026;

/** Electricity prices per region and an internal carbon price, for placement with a carbon cost. */
export const placementPrices = deepFrozen({
  quebec: sourced(0.065, "USD/kWh", ILLUSTRATIVE, YEAR, "the dearest power of the three regions, so that carbon pricing has something to overturn"),
  usAverage: sourced(0.06, "USD/kWh", ILLUSTRATIVE, YEAR, "between the other two"),
  poland: sourced(0.05, "USD/kWh", ILLUSTRATIVE, YEAR, "the cheapest raw rate of the three"),
  carbonPricePerTonne: sourced(50, "USD/t CO2e", ILLUSTRATIVE, YEAR,
    "chosen so that Napkin Math 1.3's 10,000 MWh job in Quebec at 0.065 USD/kWh costs Napkin Math 1.2's printed 0.66 M USD; the chapter states neither"),
} as const);

/**
 * A day on a wind-and-solar grid, hour 0 = midnight: windy night 60 g, morning 200 g, solar midday 120 g, the
 * evening peak when solar fades and peakers start 600 g, late evening 300 g. Its 10× swing is footnote 17's.
 */
export const illustrativeDay = sourced<readonly number[]>(
  [60, 60, 60, 60, 60, 60, 200, 200, 200, 200, 120, 120, 120, 120, 120, 120, 600, 600, 600, 600, 600, 300, 300, 300],
  "gCO2e/kWh by hour of day",
  ILLUSTRATIVE,
  YEAR,
  "shape after the chapter's footnote 17 (a 10× swing within a day) and its duck-curve discussion; the same day as the kernel's placement tests",
);
