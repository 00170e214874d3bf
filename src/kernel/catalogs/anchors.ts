// Reference points that turn abstract quantities into familiar ones, and the published figures the
// chapter's worked examples start from.
import { sourced } from "../catalog.ts";
import { deepFrozen } from "../frozen.ts";

const CHAPTER = 2026;

/** Everyday equivalents, growth rates and fleet-scale figures, keyed flat so a page can cite any one. */
export const anchors = deepFrozen({
  // Everyday equivalents for energy and carbon.
  householdMWhPerYear: sourced(10.7, "MWh/year", "Sustainable AI chapter, footnote 2", CHAPTER, "average US household electricity use"),
  flightKgCO2e: sourced(1000, "kg CO2e", "Sustainable AI chapter, Napkin Math 1.1", CHAPTER, "illustrative: one passenger, New York–London round trip"),
  carKgCO2ePerKm: sourced(0.271, "kg CO2e/km", "Sustainable AI chapter, Table 11", CHAPTER,
    "derived: the ratio the GPT-3, BERT and ResNet-50 rows imply (502,000 kg ↔ 1.9 M km, 650 kg ↔ 2,400 km, 35 kg ↔ 129 km); the T5-11B row implies 0.251"),
  windCapacityFactor: sourced(0.3, "fraction", "Sustainable AI chapter, Power delivery", CHAPTER, "illustrative capacity factor of a wind farm"),

  // Growth rates behind the energy wall.
  aiCompute2012to2019: sourced(350_000, "× over 7 years", "Schwartz et al. 2020", 2020),
  mooreDoublingYears: sourced(2, "years", "Moore 1965", 1965, "transistor density doubling"),
  hardwareEfficiencyPerYear: sourced(1.5, "× per year", "Sustainable AI chapter, Key takeaways", CHAPTER),
  batteryDensityPerYear: sourced(0.05, "fraction per year", "Sustainable AI chapter, The energy wall", CHAPTER, "upper end of the chapter's 2–5% for energy infrastructure"),
  gridEfficiencyPerYear: sourced(0.02, "fraction per year", "Sustainable AI chapter, The energy wall", CHAPTER, "lower end of the chapter's 2–5%"),
  // Fleet-scale figures.
  dataCenterTWh2030: sourced(945, "TWh/year", "IEA 2025", 2025, "projection; just under 3% of global electricity"),
  dataCenterEmissionsMt: sourced(180, "Mt CO2e/year", "IEA 2025", 2025),
  dataCenterEmissionsMt2035: sourced(300, "Mt CO2e/year", "IEA 2025", 2025, "Base Case projection"),
  usDataCenterTWh2014: sourced(58, "TWh/year", "LBNL", 2024),
  usDataCenterTWh2023: sourced(176, "TWh/year", "LBNL", 2024),
  eWaste2019Mt: sourced(53.6, "Mt", "Forti et al. 2020", 2020),
  eWasteRecycledFraction: sourced(0.174, "fraction", "Singh and Ogunseitan 2022", 2022),
  connectedDevices2019: sourced(8.6e9, "devices", "Statista 2022", 2022),
  connectedDevices2030: sourced(29.42e9, "devices", "Statista 2022", 2022, "projection"),
} as const);

/** GPT-3, the chapter's anchor training run. */
export const gpt3 = deepFrozen({
  params: sourced(175e9, "parameters", "Brown et al. 2020", 2020),
  trainingFlops: sourced(3.14e23, "FLOP", "Patterson et al. 2021", 2021),
  trainingMWh: sourced(1287, "MWh", "Patterson et al. 2021", 2021, "the chapter attributes this figure to Li 2020"),
  trainingTCO2e: sourced(552, "t CO2e", "Patterson et al. 2021", 2021, "at 429 gCO2e/kWh"),
  trainingTCO2eTable11: sourced(502, "t CO2e", "Sustainable AI chapter, Table 11", CHAPTER, "a second published estimate the chapter's Table 11 uses; 9% below Patterson et al."),
  devices: sourced(10_000, "V100 GPUs", "Patterson et al. 2021", 2021),
  trainingDays: sourced(14.8, "days", "Patterson et al. 2021", 2021),
  averageWattsPerDevice: sourced(330, "W", "Patterson et al. 2021", 2021, "average system power per processor, host share included"),
  pue: sourced(1.1, "ratio", "Patterson et al. 2021", 2021),
  electricityUsd: sourced(130_000, "USD", "Sustainable AI chapter, footnote 11", CHAPTER, "implies about $0.10/kWh"),
} as const);

/** Published training carbon for other models, Table 11. */
export const publishedTrainingCarbon = deepFrozen({
  t5_11b: sourced(85_000, "kg CO2e", "Sustainable AI chapter, Table 11", CHAPTER, "2.3e22 training FLOPs"),
  bertBase: sourced(650, "kg CO2e", "Sustainable AI chapter, Table 11", CHAPTER, "3.3e18 training FLOPs"),
  resnet50: sourced(35, "kg CO2e", "Sustainable AI chapter, Table 11", CHAPTER, "2.0e17 training FLOPs"),
  largestNasSearch: sourced(284_000, "kg CO2e", "Strubell et al. 2019", 2019, "the largest architecture-search configuration, not one model's training"),
} as const);

