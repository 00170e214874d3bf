// ```js browser through the real CLI: the build runs neither the flagged cell nor anything that depends
// on it (a dependent that would throw at build does not fail it), writes a placeholder where they show
// something, and says how many cells it left to the browser; `check` leaves their names out of value
// snapshots (an old snapshot that has one is not drift) and counts an exercise whose answer only the
// browser computes apart, unchecked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { runCli } from "../helpers/cli.ts";

const VISITS = `---
title: Visits
---

# Visits

\`\`\`js
const gpus = view(Inputs.range([1, 16], {value: 4, step: 1, label: "GPUs"}));
\`\`\`

\`\`\`js browser
const visits = Number(localStorage.getItem("visits") ?? 0) + 1;
localStorage.setItem("visits", String(visits));
\`\`\`

\`\`\`js
// Would fail the build if the build ran it: it depends on a browser cell, so it must not.
if (navigator.userAgent === "wattbook-build") throw new Error("a dependent of a browser cell ran at build");
const doubled = visits * 2;
\`\`\`

\`\`\`js {#fig-visits caption="Visits per GPU"}
doubled / gpus
\`\`\`

Visit ${"${visits}"} with ${"${gpus}"} GPUs.

\`\`\`js
const watts = gpus * 700;
\`\`\`

\`\`\`js
watts
\`\`\`

::: exercise Visits {#visits}
How many visits, doubled?

::: answer number
correct: ${"${doubled}"} visits
:::

::: solution
\`\`\`js
doubled
\`\`\`
:::
:::

::: exercise Power {#power}
How many watts?

::: answer number
correct: ${"${watts}"} W
:::
:::
`;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "wattbook-browser-cells-"));
  await mkdir(path.join(dir, "notebooks"));
  await writeFile(path.join(dir, "notebooks/visits.md"), VISITS);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The HTML in each cell's output element (block and inline), in page order. */
function outputsOf(html: string): string[] {
  return [...parseHTML(html).document.querySelectorAll("[data-cell]")].map((element) => element.innerHTML);
}

describe("browser-only cells in a build", () => {
  it("skips the flagged cell and its dependents, writes placeholders, and counts them", async () => {
    const result = await runCli(["build", "--no-cache", "--out", "site"], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    // Skipped: visits, doubled, the figure, the inline ${visits}, the exercise's hidden ${doubled} and its solution cell.
    expect(result.stderr).toMatch(/✓ notebooks\/visits\.md {2}11 cells \(6 run in the browser only\), 2 exercises, \d+ ms/);
    expect(result.stderr).toContain("6 cells not run, left to the browser (```js browser and their dependents)");

    const html = await readFile(path.join(dir, "site/visits.html"), "utf8");
    const block = '<p class="wb-browser-only">This output is computed in your browser.<noscript> It needs JavaScript, which is turned off.</noscript></p>';
    const inline = '<span class="wb-browser-only">(computed in your browser)</span>';
    const outputs = outputsOf(html);
    // The slider; the browser cell and its declaring dependent show nothing; the figure; the inline values; watts.
    expect(outputs[0]).toContain('type="range"');
    expect(outputs.slice(1, 3)).toEqual(["", ""]);
    expect(outputs[3]).toBe(block);
    expect(outputs[4]).toBe(inline);
    expect(outputs[5]).toContain(">4</span>");
    expect(outputs[7]).toContain("2,800");
    expect(html).toContain(`id="fig-visits"`);
    // The exercise whose answer only the browser computes: its shown answer waits for the page; the other's is the build's.
    expect(html).toContain(`<span class="wb-exercise-shown">${inline}</span>`);
    expect(html).toContain('<span class="wb-exercise-shown">2,800 W</span>');
    // The page still runs every cell: the module has them all, the browser cell marked.
    expect(html.match(/wb-browser-only/g)).toHaveLength(4);
  }, 60_000);

  it("check: leaves the browser's names out of value snapshots and its exercise unchecked, and says so", async () => {
    const update = await runCli(["check", "-u"], { cwd: dir });
    expect(update.code, update.stderr).toBe(0);
    const file = path.join(dir, "notebooks/visits.snapshot.json");
    const snapshot = JSON.parse(await readFile(file, "utf8")) as { values: Record<string, unknown> };
    expect(snapshot.values).toMatchObject({ gpus: 4, watts: 2800 });
    expect(Object.keys(snapshot.values)).not.toContain("visits");
    expect(Object.keys(snapshot.values)).not.toContain("doubled");

    // A snapshot from before the cell was marked holds its names: they are not compared, not drift.
    await writeFile(file, JSON.stringify({ values: { ...snapshot.values, visits: 7, doubled: 14 } }));
    const check = await runCli(["check"], { cwd: dir });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toMatch(/Checked 1 notebook and 1 exercise \(1 more left to the browser, whose answer only it computes\) in [\d.]+ s: .*6 cells not run, left to the browser .*; 1 value snapshot matches/);
    // A value the build does compute is still compared.
    await writeFile(file, JSON.stringify({ values: { ...snapshot.values, watts: 2801 } }));
    const drift = await runCli(["check"], { cwd: dir });
    expect(drift.code).toBe(1);
    expect(drift.stderr).toContain("watts changed since its snapshot: 2801 → 2800");
  }, 60_000);
});
