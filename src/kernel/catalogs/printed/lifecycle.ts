// The chapter's own figures behind notebooks/03-lifecycle-carbon.md: the inputs its boxes state and the
// results they print, each citing its box. A note says where a printed figure is wrong and why.
import { sourced } from "../../catalog.ts";
import { sourcedRange } from "../range.ts";
import { deepFrozen } from "../../frozen.ts";

const CH = "Sustainable AI chapter";
const YEAR = 2026;

export const printedLifecycle = deepFrozen({
  // Napkin Math 1.4: 2,048 H100s for 30 days, DGX rack profile, PUE 1.12, US average grid, 3-year life.
  napkin14Devices: sourced(2048, "H100 GPUs", `${CH}, Napkin Math 1.4`, YEAR),
  napkin14Days: sourced(30, "days", `${CH}, Napkin Math 1.4`, YEAR),
  napkin14Pue: sourced(1.12, "ratio", `${CH}, Napkin Math 1.4`, YEAR),
  napkin14LifetimeYears: sourced(3, "years", `${CH}, Napkin Math 1.4`, YEAR, "'a 3-year cycle'"),
  napkin14AcceleratorKW: sourced(1433.6, "kW", `${CH}, Napkin Math 1.4`, YEAR),
  napkin14ItKW: sourced(1971.2, "kW", `${CH}, Napkin Math 1.4`, YEAR),
  napkin14FacilityKW: sourced(2207.7, "kW", `${CH}, Napkin Math 1.4`, YEAR),
  napkin14FacilityKWh: sourced(1_589_575.7, "kWh", `${CH}, Napkin Math 1.4`, YEAR),
  napkin14OperationalT: sourced(681.9, "t CO2e", `${CH}, Napkin Math 1.4`, YEAR),
  napkin14EmbodiedT: sourced(9.3, "t CO2e", `${CH}, Napkin Math 1.4`, YEAR,
    "wrong for this job: (2,048 × 164) / 36 charges one 730-hour month of a 3-year life, but the job runs 30 days = 720 h, whose share is 9.2 t"),
  napkin14TotalT: sourced(691.3, "t CO2e", `${CH}, Napkin Math 1.4`, YEAR, "681.9 + 9.3; with the 720-hour embodied share the total is 691.1 t"),

  // Table 6: one rack of four DGX H100 nodes (32 GPUs at 700 W).
  rackGpuKW: sourced(22.4, "kW", `${CH}, Table 6`, YEAR, "32 GPUs × 700 W"),
  rackHostKW: sourced(3.2, "kW", `${CH}, Table 6`, YEAR, "host CPUs and DRAM"),
  rackNvSwitchKW: sourced(1.6, "kW", `${CH}, Table 6`, YEAR, "NVSwitch fabric"),
  rackInfinibandKW: sourced(0.8, "kW", `${CH}, Table 6`, YEAR, "InfiniBand HCAs"),
  rackConversionKW: sourced(2.8, "kW", `${CH}, Table 6`, YEAR, "power conversion losses"),
  rackCoolingKW: sourced(2.7, "kW", `${CH}, Table 6`, YEAR, "cooling overhead, 'PUE ~1.09'"),
  rackTotalKW: sourced(33.5, "kW", `${CH}, Table 6`, YEAR),
  rackCoolingPue: sourced(1.09, "ratio", `${CH}, Table 6`, YEAR, "'PUE ~1.09': 33.5 / 30.8 = 1.088"),
  rackGpuUnderstatement: sourced(0.5, "fraction", `${CH}, after Table 6`, YEAR,
    "'understates the true rack power requirement by roughly 50 percent': the total is 50% above the GPU subtotal; the subtotal falls 33% short of the total"),

  // Other boxes' cluster sizes, to show which examples apply the rack profile.
  lighthouse11Devices: sourced(100_000, "H100 GPUs", `${CH}, Lighthouse 1.1 and Power delivery`, YEAR),
  lighthouse11ItMW: sourced(96.2, "MW", `${CH}, Power delivery`, YEAR, "70 MW × 1.375 = 96.25 MW"),
  sp11Devices: sourced(8, "H100 GPUs", `${CH}, Systems Perspective 1.1`, YEAR, "accelerator power only, no PUE"),
  napkin17Devices: sourced(1024, "H100 GPUs", `${CH}, Napkin Math 1.7`, YEAR, "'IT Power: 1,024 × 700 W = 716.8 kW': accelerator power taken as IT power"),

  // Embodied carbon of Example 1.2's run (64 A100s, 14 days), amortized over 4 years.
  a100LifetimeYears: sourced(4, "years", `${CH}, Embodied carbon assessment`, YEAR, "'a 4-year service life'"),
  a100KgPerDay: sourced(0.103, "kg CO2e/day", `${CH}, Embodied carbon assessment`, YEAR, "150 kg / (4 × 365 d) = 0.1027"),
  example12EmbodiedKg: sourced(92.1, "kg CO2e", `${CH}, Embodied carbon assessment`, YEAR,
    "right for the unrounded rate (92.05); the expression printed beside it, 64 × 14 × 0.103, gives 92.3"),
  example12EmbodiedShareOfUs: sourced(0.016, "fraction of operational", `${CH}, Embodied carbon assessment`, YEAR, "'approximately 1.6 percent of the operational emissions'"),
  example12EmbodiedShareQuebec: sourced(0.258, "fraction of total", `${CH}, Embodied carbon assessment`, YEAR, "'about 25.8 percent of total emissions'"),

  // Embodied share of lifetime emissions.
  sp11CleanEmbodiedShare: sourced(0.308, "fraction of total", `${CH}, Systems Perspective 1.1`, YEAR, "8 H100s, bare accelerator power, 3-year life, 20 g/kWh hydro"),
  manufacturingShare: sourcedRange(0.3, 0.5, "fraction of lifetime", `${CH}, Three-phase lifecycle assessment`, YEAR, "'on clean grids or low-utilization hardware'"),
  embodiedParityWeeks: sourcedRange(3, 4, "weeks", `${CH}, footnote 18`, YEAR, "an H100 at 700 W on the US-average grid matches its embodied carbon"),

  // Extending hardware life.
  lifetimeFromYears: sourced(3, "years", `${CH}, Extending hardware lifespan`, YEAR),
  lifetimeToYears: sourced(5, "years", `${CH}, Extending hardware lifespan`, YEAR),
  lifetimeReduction: sourced(0.4, "fraction", `${CH}, Extending hardware lifespan`, YEAR, "embodied carbon per year of service, 3 → 5 years"),
  refreshEfficiencyLoss: sourcedRange(0.15, 0.25, "fraction", `${CH}, Fallacy: component-level optimization`, YEAR,
    "operational efficiency given up by keeping older GPUs two more years"),
} as const);
