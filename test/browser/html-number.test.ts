// The build's number and range inputs against Chromium's: for thousands of seeded (min, max, step,
// value) cases, what html-number.ts says a range holds and whether a number box takes a value must be
// exactly what Chromium says. This is what keeps a prerendered slider where the live one will be.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium } from "../helpers/chromium.ts";
import { numberProblem, rangeValue } from "../../src/runtime/html-number.ts";

let browser: Browser;
beforeAll(async () => void (browser = await launchChromium()));
afterAll(async () => browser?.close());

interface Case {
  readonly min: string | null;
  readonly max: string | null;
  readonly step: string | null;
  readonly value: number | null;
}

/** Values that have tripped decimal code before (binary fractions, 15 vs 17 digits, extremes), and random ones. */
const NOTABLE = [0, 1, 10, 0.5, 0.01, 0.1, 0.05, 1e6, 350000, 1000, 1.1, 2.5, 0.3, 1e-7, 3, 7, 0.0001, 1.0833333333333333, 1.0876623376623376, 248.5, -5, -0.7, 100, 64, 1e4, 1e7, 0.001, 0.30000000000000004, 123456789.123456789, 1 / 3, 2 / 3, 1e-20, 1e21, 1.5e-7, 123456789012345678, 0.0000012345678901234567, -1e-9, 99999999999999999999, 0.1 + 0.7, 4.35, 1.005];

function cases(count: number): Case[] {
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = () => (random() < 0.7 ? NOTABLE[Math.floor(random() * NOTABLE.length)]! : Number((random() * 1000 - 100).toPrecision(1 + Math.floor(random() * 6))));
  const out: Case[] = [];
  for (let i = 0; i < count; i++) {
    const [a, b] = [pick(), pick()];
    const step = random() < 0.1 ? "any" : random() < 0.05 ? null : String(Math.abs(pick()) || 1);
    out.push({ min: random() < 0.05 ? null : String(Math.min(a, b)), max: random() < 0.05 ? null : String(Math.max(a, b)), step, value: random() < 0.05 ? null : pick() });
  }
  return out;
}

describe("number and range inputs as the build computes them", () => {
  it("hold and accept exactly what Chromium's do", async () => {
    const all = cases(6000);
    const page = await browser.newPage();
    const chromium = await page.evaluate(
      (all) =>
        all.map((c) => {
          const attributes = (["min", "max", "step"] as const).filter((k) => c[k] !== null).map((k) => `${k}="${c[k]}"`).join(" ");
          const holder = document.createElement("div");
          holder.innerHTML = `<input type=range ${attributes}><input type=number required ${attributes}>`;
          const [range, box] = [...holder.children] as HTMLInputElement[];
          if (c.value !== null) (range!.valueAsNumber = c.value), (box!.valueAsNumber = c.value);
          return { range: range!.valueAsNumber, valid: box!.checkValidity(), text: box!.value };
        }),
      all,
    );
    await page.close();
    const wrong: string[] = [];
    all.forEach((c, i) => {
      const attributes = { min: c.min, max: c.max, step: c.step };
      const text = c.value === null ? "" : Object.is(c.value, -0) ? "0" : String(c.value);
      const ours = { range: rangeValue(attributes, c.value), valid: numberProblem({ ...attributes, required: true }, text) === undefined, text };
      const theirs = chromium[i]!;
      if (!Object.is(ours.range, theirs.range) || ours.valid !== theirs.valid || ours.text !== theirs.text) wrong.push(`${JSON.stringify(c)}: Chromium ${JSON.stringify(theirs)}, build ${JSON.stringify(ours)}`);
    });
    expect(wrong.slice(0, 20).join("\n")).toBe("");
  }, 60_000);
});
