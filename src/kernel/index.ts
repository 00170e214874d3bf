// The kernel's public surface, reachable from notebooks as "wattbook/kernel".
// One line per topic module; keep this file to re-exports only.
export { KernelInputError } from "./validate.ts";
export type { KernelFunction } from "./validate.ts";
export type { Sourced } from "./catalog.ts";
export * from "./units.ts";
export * from "./energy.ts";
export * from "./carbon.ts";
export * from "./lifecycle.ts";
export * from "./inference.ts";
export * from "./roofline.ts";
export * from "./growth.ts";
export * from "./catalogs/grids.ts";
export * from "./catalogs/accelerators.ts";
export * from "./catalogs/operations.ts";
export * from "./catalogs/anchors.ts";
export type { SourcedRange } from "./catalogs/range.ts";
export * from "./facility.ts";
export * from "./power-delivery.ts";
export * from "./edge.ts";
export * from "./cascade.ts";
export * from "./federated.ts";
export * from "./placement.ts";
export * from "./scopes.ts";
export * from "./catalogs/edge.ts";
export * from "./catalogs/harvesting.ts";
export * from "./catalogs/facility.ts";
export * from "./sources.ts";
export { sourced } from "./catalog.ts";
