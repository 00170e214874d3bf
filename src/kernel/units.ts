// Definitional conversions, not measurements: they need no citation, and every module spells them the same.
export const units = deepFrozen({
  joulesPerKWh: 3_600_000,
  secondsPerHour: 3_600,
  hoursPerDay: 24,
  daysPerYear: 365,
  /** A 365-day year; the chapter's amortizations use it (3 years = 26,280 h). */
  hoursPerYear: 8_760,
  joulesPerPicojoule: 1e-12,
  gramsPerKg: 1_000,
  kgPerTonne: 1_000,
  kWhPerMWh: 1_000,
  wattsPerKW: 1_000,
} as const);
import { deepFrozen } from "./frozen.ts";
