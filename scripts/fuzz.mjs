// `npm run fuzz`: the fuzz property of test/robustness/fuzz.test.ts at 100,000 cases (or FUZZ_RUNS), from a
// fixed seed (or FUZZ_SEED). Prints how many notebooks ran and how many of each outcome; on a failure,
// the shrunk counterexample, and exit code 1. Run with tsx (see package.json), as it imports TypeScript.
import { formatReport, fuzz } from "../test/robustness/fuzz-notebooks.ts";

const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
const seed = Number(process.env.FUZZ_SEED ?? 20_261_129);
try {
  console.log(formatReport(fuzz(runs, seed)));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
