// Chapter examples → the cells of notebooks/09-cascade-inference.md that compute them. Expected values are
// plain arithmetic on the chapter's inputs (equation 15: 0.5 mJ edge, 10 mJ cellular, 50 mJ cloud, 10 %).
import { describe, test } from "vitest";
import { chapterExamples, type ChapterExample } from "../helpers/chapter-examples.ts";
import { expectPrinted } from "../kernel/printed.ts";


const EDGE = 0.5;
const TRANSMIT = 10;
const CLOUD = 50;
const cascadeAt = (p: number) => EDGE + p * (TRANSMIT + CLOUD);
const savedAt = (p: number) => 1 - cascadeAt(p) / (TRANSMIT + CLOUD);

const entries: ChapterExample[] = [
  { example: "Equation 15: cascade energy at 10 % escalation", name: "cascade", pick: (v) => v.cascadeMillijoules, expected: cascadeAt(0.1), tolerance: 1e-12 },
  { example: "Equation 15: always-cloud energy", name: "cascade", pick: (v) => v.alwaysCloudMillijoules, expected: TRANSMIT + CLOUD, tolerance: 1e-12 },
  { example: "Equation 15: energy reduction", name: "cascade", pick: (v) => v.savingsFraction, expected: savedAt(0.1), tolerance: 1e-12 },
  { example: "Typical 5 % escalation: saving", name: "typical", pick: (v) => v[0].saved, expected: savedAt(0.05), tolerance: 1e-12 },
  { example: "Typical 20 % escalation: saving", name: "typical", pick: (v) => v[2].saved, expected: savedAt(0.2), tolerance: 1e-12 },
  { example: "Break-even escalation rate", name: "breakEven", pick: (v) => v.breakEvenEscalationRate, expected: 1 - EDGE / (TRANSMIT + CLOUD), tolerance: 1e-12 },
  { example: "Edge model's share at 10 %", name: "cascade", pick: (v) => v.edgeShare, expected: EDGE / cascadeAt(0.1), tolerance: 1e-12 },
  { example: "Equation 15 (chapter inputs, fixed): cascade energy", name: "cascadeChapter", pick: (v) => v.cascadeMillijoules, expected: cascadeAt(0.1), tolerance: 1e-12 },
  { example: "Equation 15 (chapter inputs, fixed): energy reduction", name: "cascadeChapter", pick: (v) => v.savingsFraction, expected: savedAt(0.1), tolerance: 1e-12 },
  { example: "Figure: saving at 0 % escalation", name: "escalationRows", pick: (v) => v[0].savedPct, expected: 100 * savedAt(0), tolerance: 1e-12 },
  { example: "Figure: saving at 100 % escalation", name: "escalationRows", pick: (v) => v[100].savedPct, expected: 100 * savedAt(1), tolerance: 1e-12 },
];

describe("notebooks/09-cascade-inference.md", () => {
  const nb = chapterExamples("notebooks/09-cascade-inference.md", entries, "relative");

  test("the chapter's printed figures are what the page computes, rounded", async () => {
    const cascade = (await nb().value("cascade")) as { cascadeMillijoules: number; alwaysCloudMillijoules: number; savingsFraction: number };
    expectPrinted(cascade.cascadeMillijoules, 6.5, 1);
    expectPrinted(cascade.alwaysCloudMillijoules, 60, 0);
    expectPrinted(cascade.savingsFraction, 0.89, 2);
  });
});
