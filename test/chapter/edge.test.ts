// Chapter examples → the cells of notebooks/08-the-edge.md that compute them. Each expected value is
// worked out here by plain arithmetic from the chapter's inputs (or is the chapter's figure where the
// chapter is right), never read back from the notebook.
import { describe, test } from "vitest";
import { chapterExamples, type ChapterExample } from "../helpers/chapter-examples.ts";
import { expectPrinted } from "../kernel/printed.ts";


// Keyword spotting: 15 mW for 20 ms per 1,000 ms, sleeping at 10 µA × 3.3 V; a 250 mAh cell at 3.0 V.
const kwsAverageMilliwatts = (15 * 20) / 1000 + ((10 * 3.3) / 1000) * (980 / 1000);
const kwsHours = (250 * 3.0) / kwsAverageMilliwatts;
// Example 1.4: 12 mW for 5 ms per 100 ms, sleeping at 5 µA × 3.3 V; 3,000 mAh at 3.0 V.
const aeAverageMilliwatts = 12 * 0.05 + ((5 * 3.3) / 1000) * 0.95;
const aeHours = (3000 * 3.0) / aeAverageMilliwatts;
// Wake-word hierarchy: 10 µW always on, 100 µW × 5 %, 10 mW × 50 ms in 0.1 % of seconds.
const wakeMilliwatts = 0.01 + 0.05 * 0.1 + 0.001 * 10 * 0.05;
// Napkin Math 1.8: 5 % of 15 Wh, (2 + 4) nJ per parameter per token, 1e9 parameters.
const learningTokens = (0.05 * 15 * 3600) / ((2 + 4) * 1e-9 * 1e9);

const entries: ChapterExample[] = [
  { example: "Table 8: decades from the TinyML idle floor (1 µW) to the vehicle peak (500 W)", name: "budgetDecades", expected: Math.floor(Math.log10(500_000 / 0.001)), tolerance: 0 },
  { example: "TinyML power state dynamics: sleep power", name: "kwsSleep", pick: (v) => v.powerUW, expected: 33, tolerance: 1e-9 },
  { example: "TinyML power state dynamics: average power", name: "kwsPower", pick: (v) => v.averageMilliwatts, expected: kwsAverageMilliwatts, tolerance: 1e-9 },
  { example: "TinyML power state dynamics: coin cell hours", name: "kwsLife", pick: (v) => v.hours, expected: kwsHours, tolerance: 1e-9 },
  { example: "TinyML power state dynamics: coin cell days", name: "kwsLife", pick: (v) => v.days, expected: kwsHours / 24, tolerance: 1e-9 },
  { example: "Example 1.4: duty cycle", name: "aePower", pick: (v) => v.duty, expected: 5 / 100, tolerance: 1e-12 },
  { example: "Example 1.4: average power", name: "aePower", pick: (v) => v.averageMilliwatts, expected: aeAverageMilliwatts, tolerance: 1e-9 },
  { example: "Example 1.4: battery energy", name: "aeLife", pick: (v) => v.energyMilliwattHours, expected: 9000, tolerance: 1e-12 },
  { example: "Example 1.4: battery life, hours", name: "aeLife", pick: (v) => v.hours, expected: aeHours, tolerance: 1e-9 },
  { example: "Example 1.4: battery life, years", name: "aeLife", pick: (v) => v.years, expected: aeHours / 8760, tolerance: 1e-9 },
  { example: "Self-check: 10 ms at 120 mW each second, 50 µW asleep", name: "selfCheck", pick: (v) => v.averageMilliwatts, expected: 120 * 0.01 + 0.05 * 0.99, tolerance: 1e-9 },
  { example: "Wake-word triggered systems: average power", name: "wake", pick: (v) => v.averageMilliwatts, expected: wakeMilliwatts, tolerance: 1e-9 },
  { example: "Wake-word triggered systems: reduction", name: "wake", pick: (v) => v.reductionVsFullModel, expected: 10 / wakeMilliwatts, tolerance: 1e-9 },
  { example: "Wake-word triggered systems: multi-year on the coin cell", name: "wakeCoinCell", pick: (v) => v.years, expected: (250 * 3.0) / wakeMilliwatts / 8760, tolerance: 1e-9 },
  { example: "Energy harvesting: 0.5 mW at 100 µW/cm²", name: "area", pick: (v) => v.areaCm2, expected: 0.5 / 0.1, tolerance: 1e-9 },
  { example: "Energy harvesting: 0.5 mW at 10 µW/cm²", name: "areaDim", pick: (v) => v.areaCm2, expected: 0.5 / 0.01, tolerance: 1e-9 },
  { example: "Napkin Math 1.8: battery", name: "learning", pick: (v) => v.batteryJ, expected: 54_000, tolerance: 1e-12 },
  { example: "Napkin Math 1.8: daily budget", name: "learning", pick: (v) => v.budgetJ, expected: 2700, tolerance: 1e-9 },
  { example: "Napkin Math 1.8: joules per token", name: "learning", pick: (v) => v.joulesPerToken, expected: 6, tolerance: 1e-9 },
  { example: "Napkin Math 1.8: tokens", name: "learning", pick: (v) => v.tokens, expected: learningTokens, tolerance: 1e-9 },
  { example: "Napkin Math 1.8: 100× cheaper tokens", name: "learningPeft", pick: (v) => v.tokens, expected: learningTokens * 100, tolerance: 1e-9 },
  // The cells that hold the chapter's own inputs fixed, for the printed-figure comparisons.
  { example: "TinyML power state dynamics (chapter inputs): average power", name: "kwsChapterPower", pick: (v) => v.averageMilliwatts, expected: kwsAverageMilliwatts, tolerance: 1e-9 },
  { example: "TinyML power state dynamics (chapter inputs): hours", name: "kwsChapterLife", pick: (v) => v.hours, expected: kwsHours, tolerance: 1e-9 },
  { example: "Example 1.4 (chapter inputs): hours", name: "aeChapterLife", pick: (v) => v.hours, expected: aeHours, tolerance: 1e-9 },
  { example: "Wake-word triggered systems (chapter inputs): average power", name: "wakeChapter", pick: (v) => v.averageMilliwatts, expected: wakeMilliwatts, tolerance: 1e-9 },
  { example: "Energy harvesting (chapter inputs): 5 cm² at the bright end", name: "areaChapter", pick: (v) => v.areaCm2, expected: 0.5 / 0.1, tolerance: 1e-9 },
  { example: "Napkin Math 1.8 (chapter inputs): tokens", name: "learningChapter", pick: (v) => v.tokens, expected: learningTokens, tolerance: 1e-9 },
];

describe("notebooks/08-the-edge.md", () => {
  const nb = chapterExamples("notebooks/08-the-edge.md", entries, "relative");

  test("where the chapter rounds, the page's figures differ from the printed ones as the arithmetic says", async () => {
    const kws = (await nb().value("kwsLife")) as { hours: number; days: number };
    expectPrinted(250 * 3.0 / 0.33, 2270, -1); // the chapter's own path: the rounded 0.33 mW
    expectPrinted(kws.hours, 2257, 0);
    expectPrinted(kws.days, 94, 0);
    const ae = (await nb().value("aeLife")) as { hours: number; years: number };
    expectPrinted(9000 / 0.616, 14_610, 0);
    expectPrinted(ae.hours, 14_618, 0);
    expectPrinted(ae.years, 1.7, 1);
    const wake = (await nb().value("wake")) as { averageMilliwatts: number; reductionVsFullModel: number };
    expectPrinted(wake.averageMilliwatts, 0.0155, 4);
    expectPrinted(wake.reductionVsFullModel, 645.2, 1);
    expectPrinted(((await nb().value("learning")) as { tokens: number }).tokens, 450, 0);
  });
});
