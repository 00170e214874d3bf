// GHG Protocol scopes for the emission sources of an ML platform, and totals by scope.
// Scope 1: direct combustion and leaks the reporter owns. Scope 2: purchased energy. Scope 3: the value
// chain, upstream (manufacturing, construction, transport, outsourced compute) and downstream (use, disposal).
import { array, enum as oneOf, strictObject } from "zod/mini";
import { sourced, type Sourced } from "./catalog.ts";
import { nonNegative } from "./fields.ts";
import { kernelFunction } from "./kernel-function.ts";
import { deepFrozen } from "./frozen.ts";

export type GhgScope = 1 | 2 | 3;

const CHAPTER = "Sustainable AI chapter, Comprehensive carbon accounting (GHG Protocol, Institute and Sustainable Development 2023)";
const CHECKPOINT = "Sustainable AI chapter, Checkpoint 1.2 and its self-check";

/** The chapter's emission sources, each with its scope. `value` is the scope; `note` says what the source is. */
export const emissionSources = deepFrozen({
  backupDiesel: sourced<GhgScope>(1, "GHG scope", CHECKPOINT, 2023, "Diesel burned by backup generators the reporter owns."),
  ownedGeneration: sourced<GhgScope>(1, "GHG scope", CHAPTER, 2023, "Fuel burned in company-owned, on-site power plants."),
  coolingRefrigerant: sourced<GhgScope>(
    1,
    "GHG scope",
    CHAPTER,
    2023,
    "Refrigerant leaking from owned cooling equipment. The chapter lists 'facility cooling systems' under Scope 1; that holds only for such fugitive emissions or fuel the cooling plant burns, not for its electricity (see coolingElectricity).",
  ),
  purchasedElectricity: sourced<GhgScope>(2, "GHG scope", CHECKPOINT, 2023, "Grid electricity purchased for IT load, including leased GPU clusters."),
  coolingElectricity: sourced<GhgScope>(2, "GHG scope", CHECKPOINT, 2023, "Grid electricity drawn by cooling on the facility's purchased-power meter."),
  acceleratorManufacturing: sourced<GhgScope>(3, "GHG scope", CHECKPOINT, 2023, "Embodied carbon of manufacturing the accelerators (foundry, HBM, packaging)."),
  datacenterConstruction: sourced<GhgScope>(3, "GHG scope", CHAPTER, 2023, "Embodied carbon of building the data center (concrete, steel)."),
  hardwareTransport: sourced<GhgScope>(3, "GHG scope", CHAPTER, 2023, "Transporting hardware to the site."),
  outsourcedCloudCompute: sourced<GhgScope>(
    3,
    "GHG scope",
    CHAPTER,
    2023,
    "Operational emissions of compute bought from a cloud provider: the provider's Scope 1 and 2, the buyer's Scope 3.",
  ),
  endUserDevices: sourced<GhgScope>(3, "GHG scope", CHECKPOINT, 2023, "Energy used by end-user devices running the deployed model (downstream use)."),
  endOfLife: sourced<GhgScope>(3, "GHG scope", CHAPTER, 2023, "End-of-life disposal and recycling of accelerators and servers."),
} satisfies Record<string, Sourced<GhgScope>>);

export type EmissionSourceId = keyof typeof emissionSources;

const sourceIds = Object.keys(emissionSources) as [EmissionSourceId, ...EmissionSourceId[]];

/** The scope of one catalogued source. */
export const scopeOf = kernelFunction("scopeOf", () => strictObject({ source: oneOf(sourceIds) }), ({ source }) => ({
  scope: emissionSources[source].value,
  description: emissionSources[source].note ?? "",
}));

/** Totals by scope for a list of catalogued sources and their emissions. */
export const emissionsByScope = kernelFunction(
  "emissionsByScope",
  () => strictObject({ items: array(strictObject({ source: oneOf(sourceIds), kgCO2e: nonNegative() })) }),
  ({ items }) => {
    const byScope = [0, 0, 0];
    const classified = items.map(({ source, kgCO2e }) => {
      const scope = emissionSources[source].value;
      byScope[scope - 1]! += kgCO2e;
      return { source, scope, kgCO2e };
    });
    const [scope1KgCO2e, scope2KgCO2e, scope3KgCO2e] = byScope as [number, number, number];
    const totalKgCO2e = scope1KgCO2e + scope2KgCO2e + scope3KgCO2e;
    const share = (kg: number) => (totalKgCO2e === 0 ? 0 : kg / totalKgCO2e);
    return {
      scope1KgCO2e,
      scope2KgCO2e,
      scope3KgCO2e,
      totalKgCO2e,
      scope1Share: share(scope1KgCO2e),
      scope2Share: share(scope2KgCO2e),
      scope3Share: share(scope3KgCO2e),
      items: classified,
    };
  },
);
