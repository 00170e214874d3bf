// Illustrative inputs for the checkpoints notebook where a checkpoint needs a scale or a moment the chapter
// does not give. None changes an answer: Checkpoint 1.6 ranks levers, and the ranking is scale-free.
import { sourced } from "../catalog.ts";
import { deepFrozen } from "../frozen.ts";

const ILLUSTRATIVE = "Illustrative (wattbook)";
const YEAR = 2026;

export const checkpointScenario = deepFrozen({
  servingKWhPerDay: sourced(1000, "kWh/day", ILLUSTRATIVE, YEAR, "a day of serving a 70B model on a small GPU pool; only the ranking matters"),
  requestHour: sourced(18, "hour of day", ILLUSTRATIVE, YEAR, "a request at 6 pm, the evening peak of the illustrative day"),
  prunedShare: sourced(0.5, "fraction of weights", ILLUSTRATIVE, YEAR, "unstructured pruning to 50 % sparsity; saves energy only where the hardware skips zeros"),
} as const);
