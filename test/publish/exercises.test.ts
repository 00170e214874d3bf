// Exercises through the real CLI: `wattbook check` and `build` fail on an exercise that cannot be
// answered or cannot tell right from wrong, at its file:line, and leave the previous site untouched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../helpers/cli.ts";

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "wattbook-exercises-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function project(name: string, notebooks: Record<string, string>): Promise<string> {
  const root = path.join(work, name, "notebooks");
  await mkdir(root, { recursive: true });
  for (const [file, text] of Object.entries(notebooks)) await writeFile(path.join(root, file), text);
  return path.join(work, name);
}

const fence = "```";
const SOUND = `# Energy

${fence}js
const gwh = view(Inputs.range([1, 3], {value: 1.9189, step: 0.0001, label: "GWh"}));
${fence}

::: exercise The grid draw {#draw}
How much energy is ${"${gwh}"} GWh in MWh?

::: answer number
correct: ${"${gwh * 1000}"} MWh
:::

::: hint
A GWh is a thousand MWh.
:::

::: solution
${fence}js
${"`${(gwh * 1000).toFixed(1)} MWh`"}
${fence}
:::
:::

::: exercise Which is Scope 3? {#scope3}
::: answer choice
- backup diesel
- manufacturing the accelerators
correct: b
:::
:::
`;

const BROKEN = `# Broken

${fence}js
const x = 5;
${fence}

::: exercise Too loose {#loose}
::: answer number
correct: ${"${x}"} kWh
tolerance: 1000%
:::
:::

::: exercise Disagrees {#disagrees}
::: answer number
correct: ${"${x}"} kWh
:::

::: solution
${fence}js
${"`${x * 2} kWh`"}
${fence}
:::
:::

::: exercise Not an option {#not-an-option}
::: answer choice
- a
- b
correct: ${'${x > 1 ? "c" : "a"}'}
:::
:::

::: exercise Cannot be computed {#cannot-be-computed}
::: answer number
correct: ${"${y * 2}"} kWh
:::
:::
`;

describe("exercises in check and build", () => {
  it("check passes sound exercises and says how many it checked", async () => {
    const cwd = await project("sound", { "energy.md": SOUND });
    const result = await runCli(["check"], { cwd });
    expect(result.stderr).toMatch(/✓ notebooks\/energy\.md {2}\d+ cells, 2 exercises, \d+ ms/);
    expect(result.stderr).toMatch(/Checked 1 notebook and 2 exercises in [\d.]+ s/);
    expect(result.code).toBe(0);
  });

  it("check fails an exercise that cannot tell right from wrong, or whose solution disagrees, at file:line", async () => {
    const cwd = await project("broken", { "broken.md": BROKEN });
    const result = await runCli(["check"], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("notebooks/broken.md:9:10: exercise loose: a deliberately wrong answer, 50 kWh, passes the check: the tolerance is too wide");
    expect(result.stderr).toContain('notebooks/broken.md:21:1: exercise disagrees: the worked solution\'s answer, "10 kWh", does not pass the check against "5 kWh" (wrong: Not quite.)');
    expect(result.stderr).toContain('notebooks/broken.md:30:10: exercise not-an-option: the correct answer is "c", but a choice answer is one option label (a–b)');
    expect(result.stderr).toContain("notebooks/broken.md:36:12: y is not defined");
    expect(result.stderr).toContain("4 errors in 1 file.");
  });

  it("build fails on a broken exercise, syntax or answer, and leaves the previous site as it was", async () => {
    const cwd = await project("build", { "energy.md": SOUND });
    const out = path.join(cwd, "build");
    expect((await runCli(["build"], { cwd })).code).toBe(0);
    const page = await readFile(path.join(out, "energy.html"), "utf8");

    await writeFile(path.join(cwd, "notebooks", "broken.md"), BROKEN);
    const broken = await runCli(["build"], { cwd });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("notebooks/broken.md:9:10: exercise loose");
    expect(broken.stderr).toContain("build/ was left as it was");

    await writeFile(path.join(cwd, "notebooks", "broken.md"), "::: exercise\n::: answer numbr\n:::\n:::\n");
    const syntax = await runCli(["build"], { cwd });
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toContain('notebooks/broken.md:2:12: unknown answer kind "numbr"');
    expect(await readFile(path.join(out, "energy.html"), "utf8")).toBe(page);
  });

  it("prerenders each exercise as a question, the answer only inside the solution's <details>", async () => {
    const cwd = await project("prerender", { "energy.md": SOUND });
    expect((await runCli(["build"], { cwd })).code).toBe(0);
    const page = await readFile(path.join(cwd, "build", "energy.html"), "utf8");
    const solution = /<details class="wb-exercise-solution"><summary>Solution<\/summary>\n<p class="wb-exercise-answer">Answer: <span class="wb-exercise-shown">([^<]*)<\/span><\/p>/.exec(page);
    expect(solution?.[1]).toBe("1,919 MWh");
    // The answer, shown and worked, is only inside the solution's details.
    const details = page.indexOf('<details class="wb-exercise-solution">');
    expect(page.indexOf("1,919 MWh")).toBeGreaterThan(details);
    expect(page.indexOf("1918.9 MWh")).toBeGreaterThan(details);
    expect(page).toContain('Answer: <span class="wb-exercise-shown">B</span>');
    expect(page).toMatch(/<aside class="wb-exercise-progress" aria-label="Your progress" data-site="\{&#34;energy.md&#34;:2\}">/);
  });
});
