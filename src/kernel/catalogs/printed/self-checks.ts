// Figures the chapter's self-check questions state, in their stems and in their wrong options, that no other
// catalog holds. The notebooks turn those questions into exercises; every number in them comes from here
// or from the topic catalogs.
import { sourced, type Sourced } from "../../catalog.ts";
import { sourcedRange } from "../range.ts";
import { deepFrozen } from "../../frozen.ts";

const CH = "Sustainable AI chapter";
const YEAR = 2026;
const METRICS = `${CH}, Self-Check (energy metrics)`;
const DATA_CENTER = `${CH}, Self-Check (data center energy)`;
const SERVING = `${CH}, Self-Check (inference and edge)`;
const LIFECYCLE = `${CH}, Self-Check (hardware lifecycle)`;
const CARBON = `${CH}, Self-Check (carbon accounting)`;
const MITIGATION = `${CH}, Self-Check (mitigation)`;
const POLICY = `${CH}, Self-Check (policy)`;
const FALLACIES = `${CH}, Self-Check (fallacies and pitfalls)`;
const SUMMARY = `${CH}, Self-Check (summary)`;

export const selfCheckFigures = deepFrozen({
  computeCeilingGain: sourced(2, "× peak FLOP/s", METRICS, YEAR, "a wrong option: a faster compute ceiling with the memory system unchanged"),
  hbmOverArithmetic: sourced(8, "× joules", METRICS, YEAR, "normalization and activation kernels: joules on HBM reads against arithmetic"),
  profilerSamplingHz: sourced(10, "Hz", METRICS, YEAR, "a wrong option: sampling nvidia-smi on a microcontroller"),
  clusterScale: sourced(2, "× GPUs", DATA_CENTER, YEAR, "a distributed training job doubled"),
  syncEnergyShare: sourcedRange(0.2, 0.4, "fraction of total energy", DATA_CENTER, YEAR, "AllReduce and all-to-all gradient synchronization"),
  hydroShare: sourced(1, "fraction of electricity", CARBON, YEAR, "'powered 100 percent by hydroelectricity'"),
  decodeComputeUtilization: sourced(0.06, "fraction of peak FP16 FLOP/s", SERVING, YEAR, "the decode phase's profile"),
  decodeBandwidthUtilization: sourced(0.9, "fraction of HBM bandwidth", SERVING, YEAR, "'near 90 percent'"),
  sensorUnits: sourced(200e6, "sensors", LIFECYCLE, YEAR, "embedded-AI sensors shipped"),
  sensorShipYears: sourced(5, "years", LIFECYCLE, YEAR, "the shipping period"),
  sensorLifeYears: sourced(2, "years", LIFECYCLE, YEAR, "expected lifetime of each sensor, in a sealed enclosure"),
  refreshGain: sourced(0.08, "fraction more performance per watt", LIFECYCLE, YEAR, "the new accelerator generation"),
  placementSpread: sourcedRange(20, 50, "× emissions", MITIGATION, YEAR, "identical workloads, differing only in placement"),
  recMatchedShare: sourced(1, "fraction of yearly use", POLICY, YEAR, "annual Renewable Energy Certificates"),
  eveningCoalShare: sourced(0.6, "fraction coal-fired", POLICY, YEAR, "the grid between the evening hour and midnight"),
  eveningFromHour: sourced(18, "hour of day", POLICY, YEAR, "6 PM"),
  onPremGPerKWh: sourced(400, "gCO2/kWh", FALLACIES, YEAR, "'roughly 400': an on-premises cluster in Virginia"),
  cloudRegionGPerKWh: sourced(700, "gCO2/kWh", FALLACIES, YEAR, "'roughly 700': a cloud region in West Virginia"),
  pueProjectMonths: sourcedRange(12, 18, "months", SUMMARY, YEAR, "a wrong option: a cooling-upgrade capital project"),
  pueProjectSaving: sourcedRange(0.05, 0.1, "fraction of facility energy", SUMMARY, YEAR, "that project's saving"),
} as const satisfies Record<string, Sourced>);
