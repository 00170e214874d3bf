// Facility arithmetic: what the building adds on top of the IT load (PUE), the water it evaporates (WUE),
// the cooling choice that sets both, the rack budget that sizes the room, and the grid queue that gates it.
import { boolean, strictObject } from "zod/mini";
import {
  count,
  efficiency,
  fraction,
  nonNegative,
  notAbove,
  notBelow,
  positive,
  positiveCount,
  pue,
  withDefault,
} from "./fields.ts";
import { kernelFunction } from "./kernel-function.ts";

const HOURS_PER_YEAR = 8760;
/** Latent heat of vaporization of water, kJ/kg (the chapter's 2,260 kJ/kg). One kg of water is one litre. */
const LATENT_HEAT_KJ_PER_KG = 2260;
const KJ_PER_KWH = 3600;
const CUBIC_FEET_PER_CUBIC_METRE = 35.3146667;

// ---------------------------------------------------------------------------------------------------
// PUE

/** PUE from metered energies. Facility energy includes the IT energy, so it can never be smaller. */
export const powerUsageEffectiveness = kernelFunction(
  "powerUsageEffectiveness",
  () => strictObject({ facilityKWh: nonNegative(), itKWh: positive() }).check(notBelow("facilityKWh", "itKWh")),
  ({ facilityKWh, itKWh }) => {
    const overheadKWh = facilityKWh - itKWh;
    return {
      pue: facilityKWh / itKWh,
      overheadKWh,
      /** Share of the facility's energy that never reaches IT: (PUE − 1) / PUE, not PUE − 1. */
      overheadShareOfFacility: facilityKWh === 0 ? 0 : overheadKWh / facilityKWh,
      /** Overhead per unit of IT energy: PUE − 1. */
      overheadPerITKWh: overheadKWh / itKWh,
    };
  },
);

/** Facility power for an IT load: the overhead that cooling, conversion and lighting add. */
export const facilityPower = kernelFunction(
  "facilityPower",
  () => strictObject({ itKW: nonNegative(), pue: pue() }),
  ({ itKW, pue }) => {
    const facilityKW = itKW * pue;
    return {
      facilityKW,
      overheadKW: facilityKW - itKW,
      overheadShareOfFacility: (pue - 1) / pue,
    };
  },
);

/**
 * What lowering PUE saves for a fixed IT load. Saved energy is the change in overhead, IT × ΔPUE;
 * a pueAfter above pueBefore is allowed and gives negative savings (a regression, not an error).
 */
export const pueSavings = kernelFunction(
  "pueSavings",
  () => strictObject({
    itKW: nonNegative(),
    pueBefore: pue(),
    pueAfter: pue(),
    hours: nonNegative(),
    pricePerKWh: nonNegative(),
  }),
  ({ itKW, pueBefore, pueAfter, hours, pricePerKWh }) => {
    const savedKW = itKW * (pueBefore - pueAfter);
    const savedKWh = savedKW * hours;
    return {
      facilityKWBefore: itKW * pueBefore,
      facilityKWAfter: itKW * pueAfter,
      savedKW,
      savedKWh,
      savedCost: savedKWh * pricePerKWh,
      /** Fraction of the old facility bill that disappears: the "model got 30 % cheaper" equivalent. */
      savedFractionOfFacility: (pueBefore - pueAfter) / pueBefore,
    };
  },
);

/** Air versus liquid cooling for the same IT load: the "cooling tax" each one levies. */
export const coolingTax = kernelFunction(
  "coolingTax",
  () => strictObject({
    itKW: nonNegative(),
    airPue: pue(),
    liquidPue: pue(),
    hours: nonNegative(),
    pricePerKWh: nonNegative(),
  }),
  ({ itKW, airPue, liquidPue, hours, pricePerKWh }) => {
    const airFacilityKW = itKW * airPue;
    const liquidFacilityKW = itKW * liquidPue;
    const savedKW = airFacilityKW - liquidFacilityKW;
    const savedKWh = savedKW * hours;
    return {
      airFacilityKW,
      airOverheadKW: airFacilityKW - itKW,
      liquidFacilityKW,
      liquidOverheadKW: liquidFacilityKW - itKW,
      savedKW,
      savedKWh,
      savedCost: savedKWh * pricePerKWh,
    };
  },
);

/**
 * Months until liquid cooling's lower PUE repays its extra capital cost for one rack. `paybackMonths`
 * is null when liquid saves nothing (equal or worse PUE): it never pays back.
 */
export const liquidCoolingPayback = kernelFunction(
  "liquidCoolingPayback",
  () => strictObject({
    rackITKW: nonNegative(),
    airPue: pue(),
    liquidPue: pue(),
    pricePerKWh: nonNegative(),
    extraCapex: nonNegative(),
  }),
  ({ rackITKW, airPue, liquidPue, pricePerKWh, extraCapex }) => {
    const savedKW = rackITKW * (airPue - liquidPue);
    const annualSavings = savedKW * HOURS_PER_YEAR * pricePerKWh;
    return {
      savedKW,
      annualSavings,
      paybackMonths: annualSavings > 0 ? (extraCapex / annualSavings) * 12 : null,
    };
  },
);

/**
 * A cut in cooling energy seen through PUE. Cooling is only part of the overhead (PUE − 1), so a 40 %
 * cooling cut moves PUE by at most 40 % of the overhead, never 40 % of PUE.
 */
export const coolingEnergyCut = kernelFunction(
  "coolingEnergyCut",
  () => strictObject({ pue: pue(), coolingShareOfOverhead: fraction(), coolingCut: fraction() }),
  ({ pue, coolingShareOfOverhead, coolingCut }) => {
    const overheadCut = coolingShareOfOverhead * coolingCut;
    const pueAfter = 1 + (pue - 1) * (1 - overheadCut);
    return {
      pueAfter,
      /** Fraction of the overhead (PUE − 1) removed. */
      overheadCut,
      /** Fraction of PUE itself removed, i.e. of total facility energy at fixed IT load. */
      pueCut: (pue - pueAfter) / pue,
    };
  },
);

/**
 * Energy Reuse Effectiveness: the "effective PUE" once exported waste heat is credited.
 * ERE can fall below 1 even though PUE never can.
 */
export const energyReuse = kernelFunction(
  "energyReuse",
  () => strictObject({ facilityKWh: nonNegative(), itKWh: positive(), reusedKWh: nonNegative() })
    .check(notBelow("facilityKWh", "itKWh"))
    .check(notAbove("reusedKWh", "facilityKWh")),
  ({ facilityKWh, itKWh, reusedKWh }) => ({
    pue: facilityKWh / itKWh,
    ere: (facilityKWh - reusedKWh) / itKWh,
  }),
);

/** Which matters more, PUE or the grid behind it? Carbon per unit of IT energy at two sites. */
const site = () => strictObject({ pue: pue(), gridGPerKWh: nonNegative() });
export const pueVersusGrid = kernelFunction(
  "pueVersusGrid",
  () => strictObject({ a: site(), b: site() }),
  ({ a, b }) => {
    const aGPerITKWh = a.pue * a.gridGPerKWh;
    const bGPerITKWh = b.pue * b.gridGPerKWh;
    return {
      aGPerITKWh,
      bGPerITKWh,
      /** a's carbon over b's; Infinity only when b emits nothing and a does. */
      aOverB: bGPerITKWh === 0 ? (aGPerITKWh === 0 ? 1 : Infinity) : aGPerITKWh / bGPerITKWh,
      lowerPue: a.pue <= b.pue ? ("a" as const) : ("b" as const),
      lowerCarbon: aGPerITKWh <= bGPerITKWh ? ("a" as const) : ("b" as const),
    };
  },
);

// ---------------------------------------------------------------------------------------------------
// Water

/** Water drawn for a given IT energy at a given WUE (litres per IT kWh). */
export const waterUse = kernelFunction(
  "waterUse",
  () => strictObject({ itKWh: nonNegative(), wueLPerKWh: nonNegative() }),
  ({ itKWh, wueLPerKWh }) => {
    const waterLitres = itKWh * wueLPerKWh;
    return { waterLitres, waterM3: waterLitres / 1000 };
  },
);

/** WUE from metered water and IT energy. */
export const waterUsageEffectiveness = kernelFunction(
  "waterUsageEffectiveness",
  () => strictObject({ waterLitres: nonNegative(), itKWh: positive() }),
  ({ waterLitres, itKWh }) => ({ wueLPerKWh: waterLitres / itKWh }),
);

/**
 * Water a cooling tower evaporates to reject heat: heat ÷ latent heat of vaporization. The physics
 * floor for evaporative rejection; real towers also lose blowdown and drift water on top.
 */
export const evaporativeWater = kernelFunction(
  "evaporativeWater",
  () => strictObject({ heatKWh: nonNegative(), evaporatedShare: withDefault(fraction(), 1) }),
  ({ heatKWh, evaporatedShare }) => {
    const waterLitres = (heatKWh * evaporatedShare * KJ_PER_KWH) / LATENT_HEAT_KJ_PER_KG;
    return { waterLitres, litresPerKWh: (evaporatedShare * KJ_PER_KWH) / LATENT_HEAT_KJ_PER_KG };
  },
);

// ---------------------------------------------------------------------------------------------------
// Cooling physics and reliability

/** Coolant flow needed to carry `heatW` away at a temperature rise: Q = ṁ · c_p · ΔT. */
export const coolantFlow = kernelFunction(
  "coolantFlow",
  () => strictObject({
    heatW: nonNegative(),
    specificHeatJPerKgK: positive(),
    deltaTK: positive(),
    densityKgPerM3: positive(),
  }),
  ({ heatW, specificHeatJPerKgK, deltaTK, densityKgPerM3 }) => {
    const massFlowKgPerS = heatW / (specificHeatJPerKgK * deltaTK);
    const volumeFlowM3PerS = massFlowKgPerS / densityKgPerM3;
    return {
      massFlowKgPerS,
      volumeFlowM3PerS,
      volumeFlowLPerS: volumeFlowM3PerS * 1000,
      volumeFlowCfm: volumeFlowM3PerS * CUBIC_FEET_PER_CUBIC_METRE * 60,
    };
  },
);

/**
 * Cost of a cooling outage in a training cluster. In a synchronous job the healthy GPUs wait for the
 * failed pod, so the whole cluster is idle for the repair, and the work since the last checkpoint is lost.
 */
export const coolingOutageCost = kernelFunction(
  "coolingOutageCost",
  () => strictObject({
    clusterGpus: positiveCount(),
    failedGpus: count(),
    repairHours: nonNegative(),
    rollbackHours: withDefault(nonNegative(), 0),
    pricePerGpuHour: nonNegative(),
    synchronous: withDefault(boolean(), true),
  }).check(notAbove("failedGpus", "clusterGpus")),
  ({ clusterGpus, failedGpus, repairHours, rollbackHours, pricePerGpuHour, synchronous }) => {
    const idleGpus = synchronous ? clusterGpus : failedGpus;
    const failedCost = failedGpus * repairHours * pricePerGpuHour;
    const idleCost = idleGpus * repairHours * pricePerGpuHour;
    // A synchronous job also recomputes everything since the last checkpoint, on every GPU.
    const rollbackCost = synchronous ? clusterGpus * rollbackHours * pricePerGpuHour : 0;
    return {
      failedCost,
      idleCost,
      strandedCost: idleCost - failedCost,
      rollbackCost,
      totalCost: idleCost + rollbackCost,
    };
  },
);

// ---------------------------------------------------------------------------------------------------
// Rack budget

/**
 * Rack power budget from its parts. IT load = accelerators + host + fabric + network + conversion
 * losses (the chapter's rack profile counts server-side conversion losses as IT); cooling overhead is
 * IT × (PUE − 1). `supportFactor` = IT ÷ accelerators, the multiplier from GPU TDP to IT load.
 */
export const rackPowerBudget = kernelFunction(
  "rackPowerBudget",
  () => strictObject({
    accelerators: positiveCount(),
    acceleratorW: positive(),
    hostKW: nonNegative(),
    fabricKW: nonNegative(),
    networkKW: nonNegative(),
    conversionLossKW: nonNegative(),
    pue: pue(),
  }),
  ({ accelerators, acceleratorW, hostKW, fabricKW, networkKW, conversionLossKW, pue }) => {
    const acceleratorKW = (accelerators * acceleratorW) / 1000;
    const itKW = acceleratorKW + hostKW + fabricKW + networkKW + conversionLossKW;
    const coolingKW = itKW * (pue - 1);
    const rackKW = itKW + coolingKW;
    return {
      acceleratorKW,
      itKW,
      coolingKW,
      rackKW,
      supportFactor: itKW / acceleratorKW,
      acceleratorShareOfRack: acceleratorKW / rackKW,
      /** How far a TDP-only estimate undershoots, as a fraction of the TDP estimate (0.5 = 50 % short). */
      tdpUnderestimate: rackKW / acceleratorKW - 1,
    };
  },
);

// ---------------------------------------------------------------------------------------------------
// Grid

/** The interconnection queue: how long silicon waits in a dark building if both are ordered together. */
export const interconnectionQueue = kernelFunction(
  "interconnectionQueue",
  () => strictObject({ siliconLeadMonths: positive(), infrastructureLeadMonths: nonNegative() }),
  ({ siliconLeadMonths, infrastructureLeadMonths }) => ({
    lagRatio: infrastructureLeadMonths / siliconLeadMonths,
    /** Months that silicon ordered on day one sits unpowered; also how long to delay the GPU order. */
    strandedMonths: Math.max(0, infrastructureLeadMonths - siliconLeadMonths),
  }),
);

/** How many generators of a given size and capacity factor it takes to match a constant load's energy. */
export const generationToMatch = kernelFunction(
  "generationToMatch",
  () => strictObject({
    loadMW: nonNegative(),
    hours: withDefault(nonNegative(), HOURS_PER_YEAR),
    plantMW: positive(),
    capacityFactor: efficiency(),
  }),
  ({ loadMW, hours, plantMW, capacityFactor }) => {
    const loadMWh = loadMW * hours;
    const plantMWh = plantMW * capacityFactor * hours;
    return { loadMWh, plantMWh, plantsNeeded: loadMWh / plantMWh };
  },
);
