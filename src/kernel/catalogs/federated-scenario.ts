// An illustrative federated-learning scenario for the chapter's equation 16. The chapter gives the
// equation and the scales (updates in megabytes, raw data in gigabytes) but no energies; these values
// are wattbook's, chosen inside those scales, and every notebook that uses them lets the reader move them.
import { sourced, type Sourced } from "../catalog.ts";
import { deepFrozen } from "../frozen.ts";

const ILLUSTRATION = "wattbook illustration of the Sustainable AI chapter's equation 16";
const YEAR = 2026;

export const federatedScenario = deepFrozen({
  clients: sourced(1000, "clients", ILLUSTRATION, YEAR, "illustrative: a mid-sized cross-device deployment"),
  rawBytesPerClient: sourced(1e9, "bytes", ILLUSTRATION, YEAR, "illustrative: 1 GB of sensor data per client, the chapter's 'gigabytes'"),
  updateBytes: sourced(10e6, "bytes", ILLUSTRATION, YEAR, "illustrative: a 10 MB model update, the chapter's 'megabytes'"),
  rounds: sourced(1, "rounds", ILLUSTRATION, YEAR, "one upload per client, as the chapter's comparison reads; real federated training runs many rounds"),
  localTrainJPerGB: sourced(50, "J/GB", ILLUSTRATION, YEAR, "illustrative: on-device training energy per GB of local data"),
  cloudTrainJPerGB: sourced(40, "J/GB", ILLUSTRATION, YEAR, "illustrative: data-center training energy per GB, a little more efficient than the device"),
  aggregationJPerRound: sourced(2000, "J/round", ILLUSTRATION, YEAR, "illustrative: server-side averaging of one round of updates"),
} as const satisfies Record<string, Sourced>);
