// The chapter's checkpoints and checkable self-check questions, each an exercise in the notebook of its
// theme; and `wattbook check` on notebooks/, which verifies every one of them (its answer, as shown,
// passes its own checker; its worked solution agrees; a deliberately wrong answer fails).
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { parseNotebook } from "../../src/notebook/parse.ts";
import { runCli } from "../helpers/cli.ts";

/** Chapter source → exercise id, by notebook. */
const EXERCISES: Record<string, Record<string, string>> = {
  "02-where-and-when.md": {
    "Self-check: Virginia to West Virginia, true or false": "sc-cloud-not-greener",
    "Self-check: Virginia to West Virginia, by what factor": "sc-cloud-factor",
    "Self-check: the highest-leverage infrastructure lever": "sc-placement-lever",
    "Self-check: the highest-leverage no-code lever (summary)": "sc-no-code-lever",
    "Self-check: Google's four Ms": "sc-four-ms",
    "Self-check: why market incentives fall short": "sc-carbon-price",
    "Self-check: annual RECs against hourly matching": "sc-hourly-matching",
  },
  "03-lifecycle-carbon.md": {
    "Self-check: three to five years, the share": "sc-lifetime-extension",
    "Self-check: three to five years, the argument": "sc-lifetime-argument",
    "Self-check: operational and embodied carbon": "sc-operational-embodied",
    "Self-check: hydro power and a zero footprint": "sc-hydro-zero",
    "Self-check: the steps of a lifecycle estimate": "sc-lifecycle-order",
    "Self-check: the most clearly Scope 3": "sc-scope-three",
    "Self-check: the scopes of S1–S5": "sc-scopes",
    "Self-check: sealed embedded sensors": "sc-sealed-sensors",
    "Self-check: refreshing for a single-digit gain": "sc-refresh",
    "Self-check: hydro power and the use phase": "sc-hydro-use-phase",
  },
  "04-training-vs-inference.md": {
    "Self-check: GPT-3's training against 10 million queries a day": "sc-gpt3-crossover",
    "Self-check: why inference dominates": "sc-inference-dominates",
    "Self-check: the accounting consequence": "sc-inference-accounting",
  },
  "05-decode-energy.md": { "Self-check: the decode profile": "sc-decode-bound" },
  "06-energy-roofline.md": {
    "Self-check: the energy crossover": "sc-roofline-crossover",
    "Self-check: an attention kernel at low intensity": "sc-roofline-attention",
    "Self-check: normalization kernels in HBM": "sc-roofline-fusion",
    "Self-check: the von Neumann bottleneck": "sc-von-neumann",
  },
  "07-the-facility.md": {
    "Self-check: a 2 MW cluster from PUE 1.58 to 1.10": "sc-pue-savings",
    "Self-check: one metric for the overhead": "sc-pue-metric",
    "Self-check: what forces the aisle's redesign": "sc-sustained-load",
    "Self-check: doubling the GPUs": "sc-sync-energy",
  },
  "08-the-edge.md": {
    "Self-check: the keyword spotter's average power": "sc-duty-cycle-average",
    "Self-check: what sets the average": "sc-duty-cycle-term",
    "Self-check: measuring a microcontroller": "sc-measure-edge",
    "Self-check: the wake-word cascade's order": "sc-wake-order",
    "Self-check: the sub-watt benchmark": "sc-mlperf-tiny",
  },
  "11-growth-and-rebound.md": {
    "Self-check: how much demand grew": "sc-rebound-demand",
    "Self-check: the translation service's rebound": "sc-jevons",
  },
  "12-checkpoints.md": {
    "Checkpoint 1.1: grid electricity": "cp11-energy",
    "Checkpoint 1.1: household-years": "cp11-households",
    "Checkpoint 1.2 (and its self-check)": "cp12-scopes",
    "Checkpoint 1.3: current at 12 V": "cp13-amps",
    "Checkpoint 1.3: conduction-loss cut at 48 V": "cp13-loss-cut",
    "Checkpoint 1.3: VRM heat": "cp13-vrm",
    "Checkpoint 1.3: loss per 100 W of useful computation": "cp13-chain",
    "Checkpoint 1.4": "cp14-crossover",
    "Checkpoint 1.5: break-even demand": "cp15-break-even",
    "Checkpoint 1.5: beyond it": "cp15-beyond",
    "Checkpoint 1.6 (and its self-check): the first lever": "cp16-first",
    "Checkpoint 1.6 (and its self-check): the levers that pay off": "cp16-effective",
    "Self-check: the EU AI Act and the CSRD": "sc-regulation",
    "Self-check: optimizing one lifecycle stage": "sc-local-optimization",
    "Self-check: the chapter's thesis": "sc-thesis",
  },
};

describe("the chapter's checkpoints and self-checks as exercises", () => {
  const notebooks = readdirSync("notebooks").filter((file) => file.endsWith(".md"));

  it.each(notebooks)("%s has exactly the exercises listed for it", (file) => {
    const parsed = parseNotebook(readFileSync(`notebooks/${file}`, "utf8"), `notebooks/${file}`);
    expect((parsed.exercises ?? []).map((e) => e.id).sort()).toEqual(Object.values(EXERCISES[file] ?? {}).sort());
  });

  it("covers every answer kind the chapter needs", () => {
    const kinds = new Set(notebooks.flatMap((file) => parseNotebook(readFileSync(`notebooks/${file}`, "utf8"), file).exercises ?? []).map((e) => e.answer.kind));
    expect([...kinds].sort()).toEqual(["choice", "choices", "classify", "number", "order", "text"]);
  });

  it("wattbook check verifies every exercise of notebooks/", async () => {
    const result = await runCli(["check"], { timeoutMs: 120_000 });
    const total = Object.values(EXERCISES).reduce((sum, ids) => sum + Object.keys(ids).length, 0);
    expect(result.stderr).toContain(`and ${total} exercises in`);
    expect(result.stderr).toContain("✓ notebooks/12-checkpoints.md");
    expect(result.code).toBe(0);
  }, 150_000);
});
