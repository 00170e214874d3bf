// Chapter examples → notebooks/05-decode-energy.md. Expected values are worked here by plain arithmetic
// from the chapter's inputs (and the catalogs' datasheet figures), never read from the notebook.
import { describe, expect, test } from "vitest";
import { chapterExamples, type ChapterExample } from "../helpers/chapter-examples.ts";

const NOTEBOOK = "notebooks/05-decode-energy.md";

// The chapter's comparison: 1,000 tokens, batch 1, 10 pJ/FLOP (Table 2), 160 pJ/byte (Table 3); a 70B dense
// model with Llama 2 70B's K/V cache (80 layers × 2 × 8 heads × 128 dims × 2 bytes); H100 datasheet
// ceilings; 300 W of static power (the notebook's stated assumption).
const N = 70e9;
const T = 1000;
const PJ = 1e-12;
const KV = 80 * 2 * 8 * 128 * 2;
const H100 = { flops: 989e12, bandwidth: 3.35e12 };
const A100 = { flops: 312e12, bandwidth: 2.039e12 };

function byHand(bytesPerParam: number, batch: number, staticW: number, machine = H100, pJPerByte = 160) {
  const weights = N * bytesPerParam;
  const prefillFlops = 2 * N * T;
  const prefillBytes = weights + KV * T;
  const prefillS = Math.max(prefillFlops / machine.flops, prefillBytes / machine.bandwidth);
  const prefill = (prefillFlops * 10 * PJ + prefillBytes * pJPerByte * PJ + staticW * prefillS) / T;
  const stepFlops = 2 * N * batch;
  const stepBytes = weights + batch * KV * ((T - 1) / 2 + 1);
  const stepS = Math.max(stepFlops / machine.flops, stepBytes / machine.bandwidth);
  const decode = (stepFlops * 10 * PJ + stepBytes * pJPerByte * PJ + staticW * stepS) / batch;
  return { prefill, decode, ratio: decode / prefill, stepS };
}

const base = byHand(2, 1, 300);


const entries: ChapterExample[] = [
  { example: "Decode phase: prefill J/token, 70B FP16 on H100", name: "serving", pick: (v) => v.prefillJPerToken, expected: base.prefill, tolerance: 1e-9 },
  { example: "Decode phase: decode J/token, 70B FP16 on H100", name: "serving", pick: (v) => v.decodeJPerToken, expected: base.decode, tolerance: 1e-9 },
  { example: "Decode phase: 1,000 decode steps vs one 1,000-token prefill (chapter 10–50×)", name: "serving", pick: (v) => v.decodeToPrefillRatio, expected: base.ratio, tolerance: 1e-9 },
  { example: "Decode phase: decode step time", name: "serving", pick: (v) => v.decodeStepSeconds, expected: base.stepS, tolerance: 1e-12 },
  {
    example: "Decode phase: arithmetic busy for a fraction of the step",
    name: "decodeUtilization",
    expected: (2 * N) / H100.flops / base.stepS,
    tolerance: 1e-12,
  },
  {
    example: "Decode phase: static power's share of a decode token",
    name: "breakdown",
    pick: (rows: { phase: string; term: string; joules: number }[]) => rows.find((r) => r.phase === "decode" && r.term === "static power")!.joules,
    expected: 300 * base.stepS,
    tolerance: 1e-9,
  },
  { example: "Quantization: INT8 decode J/token", name: "quantization", pick: (t) => t[1]["decode J/token"], expected: +byHand(1, 1, 300).decode.toFixed(2), tolerance: 0 },
  { example: "Quantization: INT4 decode J/token", name: "quantization", pick: (t) => t[2]["decode J/token"], expected: +byHand(0.5, 1, 300).decode.toFixed(2), tolerance: 0 },
  {
    example: "The range out of the model: lowest corner (H100, INT8, 80 W idle floor)",
    name: "spread",
    pick: (v) => v.min,
    expected: Math.min(...[H100, A100].flatMap((m) => [2, 1].flatMap((b) => [80, 300, 700].map((w) => byHand(b, 1, w, m).ratio)))),
    tolerance: 1e-9,
  },
  {
    example: "The range out of the model: highest corner (A100, FP16, 700 W TDP)",
    name: "spread",
    pick: (v) => v.max,
    expected: byHand(2, 1, 700, A100).ratio,
    tolerance: 1e-9,
  },
];

describe(NOTEBOOK, () => {
  const nb = chapterExamples(NOTEBOOK, entries, "scaled");

  test("the chapter's comparison and every plausible corner land in its 10–50× range", async () => {
    const serving = (await nb().value("serving")) as { decodeToPrefillRatio: number; prefillBound: string; decodeBound: string };
    expect(serving.decodeToPrefillRatio).toBeGreaterThanOrEqual(10);
    expect(serving.decodeToPrefillRatio).toBeLessThanOrEqual(50);
    expect(serving.prefillBound).toBe("compute");
    expect(serving.decodeBound).toBe("memory");
    const spread = (await nb().value("spread")) as { min: number; max: number };
    expect(spread.min).toBeGreaterThanOrEqual(10);
    expect(spread.max).toBeLessThanOrEqual(50);
  });

  test("batching brings decode towards prefill", async () => {
    const curves = (await nb().value("batchCurves")) as { model: string; batch: number; ratio: number }[];
    const llama70 = curves.filter((c) => c.model === "Llama 2 70B");
    for (let i = 1; i < llama70.length; i++) expect(llama70[i]!.ratio).toBeLessThan(llama70[i - 1]!.ratio);
    expect(llama70[0]!.ratio).toBeCloseTo(base.ratio, 9);
  });
});
