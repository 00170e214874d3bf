// Chapter examples → notebooks/02-where-and-when.md. Each entry names the box, the cell's declared value and
// the figure it must hold with the notebook's default inputs. Expected values are worked here by plain
// arithmetic from the chapter's inputs, or from the illustrative inputs where the chapter prints none.
import { describe, expect, test } from "vitest";
import { chapterExamples, type ChapterExample } from "../helpers/chapter-examples.ts";


const JOB_KWH = 10_000 * 1000; // Napkin Math 1.3: 10,000 MWh
const QUEBEC = 20;
const POLAND = 820;

// Napkin Math 1.2 prints no inputs; the notebook's illustrative ones: $/kWh by region and $50/t.
const PRICE = { quebec: 0.065, usAverage: 0.06, poland: 0.05 };
const CARBON_PRICE = 50;

// The illustrative day (hour 0 = midnight) and the default job: 8 h at 1,000 kW, submitted at 16:00, 24 h deadline.
const DAY = [60, 60, 60, 60, 60, 60, 200, 200, 200, 200, 120, 120, 120, 120, 120, 120, 600, 600, 600, 600, 600, 300, 300, 300];
const at = (offset: number) => DAY[(16 + offset) % 24]!;
const sum = (offsets: number[]) => offsets.reduce((total, k) => total + at(k), 0);
const range = (from: number, n: number) => Array.from({ length: n }, (_, k) => from + k);
const kg = (gramHoursPerKWh: number) => (gramHoursPerKWh * 1000) / 1000; // × 1,000 kW, g → kg
const nowKg = kg(sum(range(0, 8)));
const bestWindowKg = kg(Math.min(...range(0, 17).map((delay) => sum(range(delay, 8)))));
const pausedKg = kg(range(0, 24).map(at).sort((a, b) => a - b).slice(0, 8).reduce((a, b) => a + b, 0));

const examples: ChapterExample[] = [
  { example: "Napkin Math 1.3: Quebec 200 t", name: "napkin13", pick: (v) => v.siteATonnes, expected: (JOB_KWH * QUEBEC) / 1e6, tolerance: 1e-9 },
  { example: "Napkin Math 1.3: Poland 8,200 t", name: "napkin13", pick: (v) => v.siteBTonnes, expected: (JOB_KWH * POLAND) / 1e6, tolerance: 1e-9 },
  { example: "Napkin Math 1.3: 41× difference", name: "napkin13", pick: (v) => v.ratio, expected: 41, tolerance: 1e-9 },
  {
    example: "Napkin Math 1.2: Quebec's total with carbon priced (printed $0.66M)",
    name: "napkin12",
    pick: (v) => v.ranked[0].totalCost,
    expected: JOB_KWH * PRICE.quebec + ((JOB_KWH * QUEBEC) / 1e6) * CARBON_PRICE,
    tolerance: 1e-6,
  },
  {
    example: "Napkin Math 1.2: the carbon price at which Quebec overtakes Poland",
    name: "breakEven",
    expected: (PRICE.quebec - PRICE.poland) / ((POLAND - QUEBEC) / 1e6),
    tolerance: 1e-9,
  },
  { example: "Temporal scheduling: run at once from 16:00", name: "shifted", pick: (v) => v.nowKgCO2e, expected: nowKg, tolerance: 1e-9 },
  { example: "Temporal scheduling: best contiguous window", name: "shifted", pick: (v) => v.bestKgCO2e, expected: bestWindowKg, tolerance: 1e-9 },
  { example: "Temporal scheduling: best window starts at midnight", name: "shifted", pick: (v) => v.bestStartHour, expected: 0, tolerance: 0 },
  { example: "Checkpointed schedule: the eight cleanest hours", name: "paused", pick: (v) => v.kgCO2e, expected: pausedKg, tolerance: 1e-9 },
  { example: "Latency-bound work: no slack, no saving", name: "noSlack", pick: (v) => v.savedKgCO2e, expected: 0, tolerance: 0 },
];

describe("notebooks/02-where-and-when.md", () => {
  const nb = chapterExamples("notebooks/02-where-and-when.md", examples, "absolute");

  test("Napkin Math 1.2: Quebec wins once carbon is priced, Poland without a carbon price", async () => {
    expect(((await nb().value("napkin12")) as { best: string }).best).toBe("quebec");
    expect(((await nb().value("withoutCarbonPrice")) as { best: string }).best).toBe("poland");
  });

  test("the worked values are what the hand arithmetic says", () => {
    expect(nowKg).toBe(3900);
    expect(bestWindowKg).toBe(760);
    expect(pausedKg).toBe(600);
  });
});
