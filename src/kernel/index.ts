// The kernel's public surface, reachable from notebooks as "wattbook/kernel".
// One line per topic module; keep this file to re-exports only.
export { KernelInputError } from "./validate.ts";
export type { KernelFunction } from "./validate.ts";
export type { Sourced } from "./catalog.ts";
