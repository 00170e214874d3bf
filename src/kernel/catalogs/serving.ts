// Dense decoder-only models for the serving examples, and the one serving assumption no source publishes:
// the static (leakage and clock) power of an accelerator at full clocks. Not chapter figures.
import { sourced, type Sourced } from "../catalog.ts";
import { deepFrozen } from "../frozen.ts";

export interface ServingModel {
  readonly name: string;
  readonly params: Sourced;
  /** Bytes of K and V cache written per token at FP16, over all layers. */
  readonly kvBytesPerToken: Sourced;
}

const LLAMA2 = "Touvron et al. 2023 (Llama 2)";
const GPT3 = "Brown et al. 2020";

export const servingModels = deepFrozen({
  llama2_7b: {
    name: "Llama 2 7B",
    params: sourced(7e9, "parameters", LLAMA2, 2023, "nominal; 6.7 billion exactly"),
    kvBytesPerToken: sourced(524_288, "B/token", LLAMA2, 2023, "derived: 32 layers × (K, V) × 4,096 dims × 2 bytes; no grouped-query attention"),
  },
  llama2_13b: {
    name: "Llama 2 13B",
    params: sourced(13e9, "parameters", LLAMA2, 2023, "nominal"),
    kvBytesPerToken: sourced(819_200, "B/token", LLAMA2, 2023, "derived: 40 layers × (K, V) × 5,120 dims × 2 bytes; no grouped-query attention"),
  },
  llama2_70b: {
    name: "Llama 2 70B",
    params: sourced(70e9, "parameters", LLAMA2, 2023, "nominal; 69 billion exactly"),
    kvBytesPerToken: sourced(327_680, "B/token", LLAMA2, 2023, "derived: 80 layers × (K, V) × 8 KV heads × 128 dims × 2 bytes (grouped-query attention)"),
  },
  gpt3_175b: {
    name: "GPT-3 175B",
    params: sourced(175e9, "parameters", GPT3, 2020),
    kvBytesPerToken: sourced(4_718_592, "B/token", GPT3, 2020, "derived: 96 layers × (K, V) × 12,288 dims × 2 bytes"),
  },
} as const satisfies Record<string, ServingModel>);

export const servingAssumptions = deepFrozen({
  staticWatts: sourced(300, "W", "wattbook assumption", 2026,
    "illustrative: leakage and clock power of a busy accelerator are not published; 300 W lies between the chapter's 50–80 W H100 idle draw and its 700 W TDP"),
} as const satisfies Record<string, Sourced>);
