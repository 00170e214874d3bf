// The chapter's own figures behind notebooks/04-training-vs-inference.md: the inputs its examples state and
// the results they print, each citing where it appears.
import { sourced } from "../../catalog.ts";
import { deepFrozen } from "../../frozen.ts";

const CH = "Sustainable AI chapter";
const YEAR = 2026;

export const printedInference = deepFrozen({
  // Lifecycle carbon accounting: a model serving 10 million queries a day.
  queriesPerDay: sourced(10e6, "queries/day", `${CH}, Lifecycle carbon accounting`, YEAR),
  kWhPerQuery: sourced(0.001, "kWh/query", `${CH}, Lifecycle carbon accounting`, YEAR, "the boundary (accelerator, IT or facility) is not stated"),
  dailyKWh: sourced(10_000, "kWh/day", `${CH}, Lifecycle carbon accounting`, YEAR),
  annualKWh: sourced(3_650_000, "kWh/year", `${CH}, Lifecycle carbon accounting`, YEAR),
  annualT: sourced(1565.9, "t CO2e/year", `${CH}, Lifecycle carbon accounting`, YEAR, "US grid, 0.429 kg/kWh: 1,565,850 kg"),
  example12CrossoverDays: sourced(1.3, "days", `${CH}, Lifecycle carbon accounting`, YEAR,
    "'cumulative inference emissions exceed training emissions after approximately 1.3 days', against Example 1.2's 5.7 t"),

  // The self-check on the same load against GPT-3's training run.
  gpt3DailyMWh: sourced(10, "MWh/day", `${CH}, Self-check on inference energy`, YEAR, "'about 10 MWh per day'"),
  gpt3CrossoverDays: sourced(130, "days", `${CH}, Self-check on inference energy`, YEAR, "'roughly 130 days'; 1,287 / 10 = 128.7"),
  productLifeYears: sourced(5, "years", `${CH}, Self-check on inference energy`, YEAR, "'a five-year product life'"),

  // Checkpoint 1.4 states its inputs; its answer is not printed.
  checkpoint14GpuHours: sourced(2000, "GPU-hours", `${CH}, Checkpoint 1.4`, YEAR),
  checkpoint14TrainingWatts: sourced(300, "W", `${CH}, Checkpoint 1.4`, YEAR, "average draw per GPU while training"),
  checkpoint14RequestsPerDay: sourced(1e6, "requests/day", `${CH}, Checkpoint 1.4`, YEAR),
  checkpoint14SecondsPerRequest: sourced(0.05, "s", `${CH}, Checkpoint 1.4`, YEAR, "50 ms per request"),
  checkpoint14ServingWatts: sourced(100, "W", `${CH}, Checkpoint 1.4`, YEAR, "average draw while serving a request"),
} as const);
