// A page whose cells import a local module and npm packages, built from a project on disk and opened in
// real Chromium: it goes live without errors or CSP violations, loads the packages' shared files and the
// local module's output, and moving a slider changes the values the local module and the packages compute.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium, watchProblems } from "../helpers/chromium.ts";
import { runCli } from "../helpers/cli.ts";
import { fence, LOCAL_MODULES, PACKAGES, writeProject } from "../helpers/modules-project.ts";
import { serveSite } from "../helpers/serve.ts";
import { cellId, editLive, inFrame } from "../helpers/edit-page.ts";

const LIVE_MD = `# Live

${fence}js
import {tripled, kgFor} from "./lib/helpers.js";
import {chunk} from "cjs-chunk";
import {sum} from "lodashlike";
const n = view(Inputs.range([1, 10], {value: 2, step: 1, label: "n"}));
${fence}

${fence}js
const shown = tripled(n);
${fence}

Shown: \${shown}. Tripled: \${tripled(n)}. Pairs: \${chunk([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].slice(0, n), 2).length}. Sum: \${sum([n, n])}. Carbon: \${kgFor(100 * n)} kg.
`;

let work: string;
let served: { url: string; close: () => Promise<void> } | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "wattbook-browser-modules-"));
  await writeProject(work, { ...PACKAGES, ...LOCAL_MODULES, "notebooks/live.md": LIVE_MD });
  const built = await runCli(["build"], { cwd: work, timeoutMs: 120_000 });
  expect(built.code, built.stderr).toBe(0);
  served = await serveSite(path.join(work, "build"));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await rm(work, { recursive: true, force: true });
});

describe("a page importing a local module and packages, in Chromium", () => {
  it("goes live, and a slider drives what the local module and the packages compute", async () => {
    const page = await browser!.newPage();
    const problems = watchProblems(page);
    const loaded: string[] = [];
    page.on("request", (request) => loaded.push(new URL(request.url()).pathname));
    await page.goto(`${served!.url}live.html`);
    await page.waitForFunction(() => document.documentElement.classList.contains("wb-live"));
    const inline = async () => (await page.locator(".wb-inline").allTextContents()).map((text) => text.trim());
    // Prerendered at build with n = 2: scale(2, 3) = 6, one pair of two, 2 + 2, 200 kWh at 400 g/kWh.
    expect(await inline()).toEqual(["6", "6", "1", "4", "80"]);

    await page.locator(".wb-cell input[type=range]").first().fill("5");
    await page.waitForFunction(() => document.querySelector(".wb-inline")?.textContent?.trim() === "15");
    expect(await inline()).toEqual(["15", "15", "3", "10", "200"]);

    expect(loaded.some((file) => /^\/_wattbook\/local\/helpers-[A-Z2-7]{8}\.js$/.test(file))).toBe(true);
    expect(loaded.some((file) => /^\/_wattbook\/npm\/cjs-chunk@1\.0\.4\/index-[A-Z2-7]{8}\.js$/.test(decodeURIComponent(file)))).toBe(true);
    expect(loaded.some((file) => /^\/_wattbook\/npm\/tiny-dep@0\.3\.0\/index-[A-Z2-7]{8}\.js$/.test(decodeURIComponent(file)))).toBe(true);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    await page.close();
  });

  it("runs an edited cell that imports more of a local module and a package the notebook imports, in the edit page's sandbox", async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${served!.url}_edit/live.html`);
    await editLive(page);
    const id = await cellId(page, "const shown");
    await inFrame(page).locator(`.wb-cell-tools[data-for="${id}"] a.wb-edit`).click();
    const content = inFrame(page).locator(".wb-editor .cm-content").first();
    await content.waitFor();
    // kgFor is the notebook's own binding; total is a name of cjs-chunk that no cell imports yet.
    const code = 'import {kgFor} from "./lib/helpers.js";\nimport {total} from "cjs-chunk";\nconst shown = kgFor(1000) + total([1, 2]);';
    await content.focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(code);
    await expect.poll(() => content.textContent()).toBe(code.replace(/\n/g, ""));
    await page.keyboard.press("Control+Enter");
    // 1000 kWh at 400 g/kWh, plus 1 + 2.
    await expect.poll(async () => (await inFrame(page).locator(".wb-inline").first().textContent())?.trim(), { timeout: 10_000 }).toBe("403");
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
    await context.close();
  });
});
