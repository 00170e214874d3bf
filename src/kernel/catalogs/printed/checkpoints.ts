// The checkpoints notebook's chapter figures: the inputs the six checkpoints state (and that no other
// catalog holds), and the answers the chapter prints for them (in the checkpoints, the sections around
// them, or their self-check answers). Checkpoint 1.1's inputs are in printedEnergy.
import { sourced, type Sourced } from "../../catalog.ts";
import { sourcedRange } from "../range.ts";
import { deepFrozen } from "../../frozen.ts";

const CH = "Sustainable AI chapter";
const YEAR = 2026;

/** Inputs the checkpoints state. */
export const checkpointInputs = deepFrozen({
  // Checkpoint 1.3: the power path the section builds around it.
  nodeGpus: sourced(8, "GPUs per node", `${CH}, Power delivery`, YEAR, "a training node with eight H100 GPUs at 700 W each"),
  legacyBusVolts: sourced(12, "V", `${CH}, Power delivery`, YEAR, "traditional 12 V delivery across the baseboard"),
  dcBusVolts: sourced(48, "V", `${CH}, Power delivery`, YEAR, "48 V DC distribution (OCP rack bus)"),
  vrmEfficiency: sourcedRange(0.9, 0.95, "efficiency", `${CH}, Power delivery`, YEAR, "VRMs 'operate at 90–95 percent efficiency'"),
  chainEfficiency: sourcedRange(0.85, 0.9, "efficiency", `${CH}, Power delivery`, YEAR, "'the cumulative efficiency across all five stages is typically 85–90 percent'"),
  // Checkpoint 1.4.
  trainingGpuHours: sourced(2000, "GPU-hours", `${CH}, Checkpoint 1.4`, YEAR),
  trainingW: sourced(300, "W", `${CH}, Checkpoint 1.4`, YEAR, "average draw per GPU while training"),
  requestsPerDay: sourced(1e6, "requests/day", `${CH}, Checkpoint 1.4`, YEAR),
  requestMs: sourced(50, "ms", `${CH}, Checkpoint 1.4`, YEAR),
  servingW: sourced(100, "W", `${CH}, Checkpoint 1.4`, YEAR, "average draw while serving a request"),
  // Checkpoint 1.5 and its self-check.
  costReduction: sourced(0.5, "fraction of per-query compute", `${CH}, Checkpoint 1.5`, YEAR, "'reducing the computational cost per query by 50 percent (2× efficiency gain)'"),
  selfCheckEnergyRise: sourced(0.4, "fraction", `${CH}, Self-Check (Jevons paradox)`, YEAR, "'total monthly energy has risen by 40 percent' after halving per-query compute"),
  // Checkpoint 1.6 and its self-check.
  llmParams: sourced(70e9, "parameters", `${CH}, Checkpoint 1.6`, YEAR, "a latency-sensitive 70B LLM"),
  fp16BytesPerParam: sourced(2, "bytes/parameter", `${CH}, Checkpoint 1.6 self-check`, YEAR, "derived: 16-bit weights, the serving baseline before quantization"),
  int4BytesPerParam: sourced(0.5, "bytes/parameter", `${CH}, Mitigation (FP32 weights down to INT4)`, YEAR, "derived: 4-bit weights"),
  distillationParamCut: sourced(0.4, "fraction of parameters", `${CH}, footnote on knowledge distillation`, YEAR,
    "DistilBERT's '40 percent fewer parameters'; assumed to carry over to a 70B teacher"),
} as const satisfies Record<string, Sourced>);

/** Answers and figures the chapter prints for the checkpoints. */
export const printedCheckpoints = deepFrozen({
  checkpoint12Scopes: sourced<readonly number[]>([1, 2, 2, 3, 3], "GHG scope of S1–S5", `${CH}, Self-Check answer (Checkpoint 1.2's sources)`, YEAR,
    "S1 backup diesel, S2 purchased electricity, S3 cooling electricity, S4 accelerator manufacturing, S5 end-user phones"),
  busAmps12V: sourced(470, "A", `${CH}, Power delivery`, YEAR, "'nearly 470 A' for 5,600 W at 12 V"),
  busLossReduction: sourced(16, "×", `${CH}, Power delivery`, YEAR, "48 V cuts current 4× and I²R loss 16×"),
  vrmHeatW: sourcedRange(35, 70, "W", `${CH}, Power delivery`, YEAR, "at 700 W per GPU, taking 700 W as the power entering the VRM"),
  lossPer100WUseful: sourcedRange(10, 15, "W per 100 W of useful computation", `${CH}, Power delivery`, YEAR,
    "printed with 85–90 % efficiency; 10–15 W is the loss per 100 W drawn from the grid — per 100 W delivered it is 11.1–17.6 W"),
  checkpoint15BreakEvenDemand: sourced(2, "× demand", `${CH}, Self-Check answer (efficiency and governance)`, YEAR,
    "'can still increase total emissions if adoption grows more than 2×'"),
} as const);
