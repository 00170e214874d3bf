// The chapter's own figures behind notebooks/03-lifecycle-carbon.md: the inputs its boxes state and the
// results they print, each citing its box. A note says where a printed figure is wrong and why.
import { catalog, sourced } from "../../catalog.ts";
import { sourcedRange } from "../range.ts";

const CH = "Sustainable AI chapter";
const YEAR = 2026;

export const printedLifecycle = catalog("printedLifecycle", {
  // Napkin Math 1.4: 2,048 H100s for 30 days, DGX rack profile, PUE 1.12, US average grid, 3-year life.
  napkin14Devices: sourced(2048, "H100 GPUs", `${CH}, Napkin Math 1.4`, YEAR, { name: "Napkin Math 1.4: GPUs" }),
  napkin14Days: sourced(30, "days", `${CH}, Napkin Math 1.4`, YEAR, { name: "Napkin Math 1.4: days" }),
  napkin14Pue: sourced(1.12, "ratio", `${CH}, Napkin Math 1.4`, YEAR, { name: "Napkin Math 1.4: PUE" }),
  napkin14LifetimeYears: sourced(3, "years", `${CH}, Napkin Math 1.4`, YEAR, { name: "Napkin Math 1.4: service life", note: "'a 3-year cycle'" }),
  napkin14AcceleratorKW: sourced(1433.6, "kW", `${CH}, Napkin Math 1.4`, YEAR, { name: "Napkin Math 1.4 accelerator power, printed" }),
  napkin14ItKW: sourced(1971.2, "kW", `${CH}, Napkin Math 1.4`, YEAR, { name: "Napkin Math 1.4 IT power, printed" }),
  napkin14FacilityKW: sourced(2207.7, "kW", `${CH}, Napkin Math 1.4`, YEAR, { name: "Napkin Math 1.4 facility power, printed" }),
  napkin14FacilityKWh: sourced(1_589_575.7, "kWh", `${CH}, Napkin Math 1.4`, YEAR, { name: "Napkin Math 1.4 facility energy, printed" }),
  napkin14OperationalT: sourced(681.9, "t CO2e", `${CH}, Napkin Math 1.4`, YEAR, { name: "Napkin Math 1.4 operational emissions, printed" }),
  napkin14EmbodiedT: sourced(9.3, "t CO2e", `${CH}, Napkin Math 1.4`, YEAR, {
    name: "Napkin Math 1.4 embodied emissions, printed",
    note: "wrong for this job: (2,048 × 164) / 36 charges one 730-hour month of a 3-year life, but the job runs 30 days = 720 h, whose share is 9.2 t",
  }),
  napkin14TotalT: sourced(691.3, "t CO2e", `${CH}, Napkin Math 1.4`, YEAR, {
    name: "Napkin Math 1.4 total emissions, printed",
    note: "681.9 + 9.3; with the 720-hour embodied share the total is 691.1 t",
  }),

  // Table 6: one rack of four DGX H100 nodes (32 GPUs at 700 W).
  rackGpuKW: sourced(22.4, "kW", `${CH}, Table 6`, YEAR, { name: "Table 6: GPU compute", note: "32 GPUs × 700 W" }),
  rackHostKW: sourced(3.2, "kW", `${CH}, Table 6`, YEAR, { name: "Table 6: host CPUs and DRAM", note: "host CPUs and DRAM" }),
  rackNvSwitchKW: sourced(1.6, "kW", `${CH}, Table 6`, YEAR, { name: "Table 6: NVSwitch", note: "NVSwitch fabric" }),
  rackInfinibandKW: sourced(0.8, "kW", `${CH}, Table 6`, YEAR, { name: "Table 6: InfiniBand", note: "InfiniBand HCAs" }),
  rackConversionKW: sourced(2.8, "kW", `${CH}, Table 6`, YEAR, { name: "Table 6: conversion losses", note: "power conversion losses" }),
  rackCoolingKW: sourced(2.7, "kW", `${CH}, Table 6`, YEAR, { name: "Table 6: cooling", note: "cooling overhead, 'PUE ~1.09'" }),
  rackTotalKW: sourced(33.5, "kW", `${CH}, Table 6`, YEAR, { name: "Table 6: rack total" }),
  rackCoolingPue: sourced(1.09, "ratio", `${CH}, Table 6`, YEAR, { name: "Table 6: cooling PUE", note: "'PUE ~1.09': 33.5 / 30.8 = 1.088" }),
  rackGpuUnderstatement: sourced(0.5, "fraction", `${CH}, after Table 6`, YEAR, {
    name: "GPU subtotal understatement, printed",
    note: "'understates the true rack power requirement by roughly 50 percent': the total is 50% above the GPU subtotal; the subtotal falls 33% short of the total",
  }),

  // Other boxes' cluster sizes, to show which examples apply the rack profile.
  lighthouse11Devices: sourced(100_000, "H100 GPUs", `${CH}, Lighthouse 1.1 and Power delivery`, YEAR, { name: "Lighthouse 1.1: cluster size" }),
  lighthouse11ItMW: sourced(96.2, "MW", `${CH}, Power delivery`, YEAR, { name: "Lighthouse 1.1 IT power, printed", note: "70 MW × 1.375 = 96.25 MW" }),
  sp11Devices: sourced(8, "H100 GPUs", `${CH}, Systems Perspective 1.1`, YEAR, {
    name: "Systems Perspective 1.1: cluster size",
    note: "accelerator power only, no PUE",
  }),
  napkin17Devices: sourced(1024, "H100 GPUs", `${CH}, Napkin Math 1.7`, YEAR, {
    name: "Napkin Math 1.7: cluster size",
    note: "'IT Power: 1,024 × 700 W = 716.8 kW': accelerator power taken as IT power",
  }),

  // Embodied carbon of Example 1.2's run (64 A100s, 14 days), amortized over 4 years.
  a100LifetimeYears: sourced(4, "years", `${CH}, Embodied carbon assessment`, YEAR, { name: "A100 service life", note: "'a 4-year service life'" }),
  a100KgPerDay: sourced(0.103, "kg CO2e/day", `${CH}, Embodied carbon assessment`, YEAR, {
    name: "A100 embodied carbon per day, printed",
    note: "150 kg / (4 × 365 d) = 0.1027",
  }),
  example12EmbodiedKg: sourced(92.1, "kg CO2e", `${CH}, Embodied carbon assessment`, YEAR, {
    name: "Example 1.2 embodied carbon, printed",
    note: "right for the unrounded rate (92.05); the expression printed beside it, 64 × 14 × 0.103, gives 92.3",
  }),
  example12EmbodiedShareOfUs: sourced(0.016, "fraction of operational", `${CH}, Embodied carbon assessment`, YEAR, {
    name: "Example 1.2 embodied against US operational, printed",
    note: "'approximately 1.6 percent of the operational emissions'",
  }),
  example12EmbodiedShareQuebec: sourced(0.258, "fraction of total", `${CH}, Embodied carbon assessment`, YEAR, {
    name: "Example 1.2 embodied share in Quebec, printed",
    note: "'about 25.8 percent of total emissions'",
  }),

  // Embodied share of lifetime emissions.
  sp11CleanEmbodiedShare: sourced(0.308, "fraction of total", `${CH}, Systems Perspective 1.1`, YEAR, {
    name: "Systems Perspective 1.1 clean-grid embodied share, printed",
    note: "8 H100s, bare accelerator power, 3-year life, 20 g/kWh hydro",
  }),
  manufacturingShare: sourcedRange(0.3, 0.5, "fraction of lifetime", `${CH}, Three-phase lifecycle assessment`, YEAR, {
    name: "Manufacturing share on clean grids",
    note: "'on clean grids or low-utilization hardware'",
  }),
  embodiedParityWeeks: sourcedRange(3, 4, "weeks", `${CH}, footnote 18`, YEAR, {
    name: "Weeks to match embodied carbon (footnote 18)",
    note: "an H100 at 700 W on the US-average grid matches its embodied carbon",
  }),

  // Extending hardware life.
  lifetimeFromYears: sourced(3, "years", `${CH}, Extending hardware lifespan`, YEAR, { name: "Service life now" }),
  lifetimeToYears: sourced(5, "years", `${CH}, Extending hardware lifespan`, YEAR, { name: "Extended service life" }),
  lifetimeReduction: sourced(0.4, "fraction", `${CH}, Extending hardware lifespan`, YEAR, {
    name: "Reduction from extending service life, printed",
    note: "embodied carbon per year of service, 3 → 5 years",
  }),
  refreshEfficiencyLoss: sourcedRange(0.15, 0.25, "fraction", `${CH}, Fallacy: component-level optimization`, YEAR, {
    name: "Efficiency forgone by keeping older GPUs",
    note: "operational efficiency given up by keeping older GPUs two more years",
  }),
} as const);
