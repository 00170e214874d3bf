// A shared link's code is a stranger's: in real Chromium, opening `_edit/<page>.html#edits=…` runs
// nothing from it until the reader says so, shows what it changes, and once run it runs in the
// sandbox, where the site's storage, cookies and the page around it are out of reach (its cells get a
// Storage in memory, not the site's); only Keep makes
// it the reader's saved edits. A saved edit that freezes the sandbox, or recurses inside try/catch,
// does not lock the reader out: the page stays responsive and Reset page works. A share link carries
// the inputs the sender moved, and the recipient's page opens with them. (The hostile edit
// reaches for everything through `window.`: a bare `parent` is a cell input, which the runtime reads
// before the cell runs, and that read already fails in the sandbox.)
import { describe, expect, it } from "vitest";
import type { Frame, Page } from "playwright-core";
import { builtSite } from "../helpers/built-site.ts";
import { cellId, editLive as editLiveWithin, frameOf, inFrame, linkFor, storageKey } from "../helpers/edit-page.ts";

const site = builtSite("share-link", ["build", "--root", "examples"]);

const CROSSOVER = "const crossover = inferenceCrossover({trainingKWh: 2_574_000, queriesPerDay, kWhPerQuery: whPerQuery / 1000});";

/** A link edit that tries everything a stranger's code would, and writes down what happened. */
const HOSTILE = [
  "const attempts = {};",
  "for (const [name, attempt] of Object.entries({",
  '  localStorage: () => window.localStorage.setItem("wattbook:edits:evil", "x"),',
  '  sessionStorage: () => window.sessionStorage.setItem("evil", "x"),',
  '  siteStorage: () => window.localStorage.getItem("wattbook:progress:other.md"),',
  '  cookie: () => { document.cookie = "evil=1"; return document.cookie; },',
  "  parentDocument: () => window.parent.document.body.innerHTML,",
  "  parentStorage: () => window.parent.localStorage.length,",
  '  topLocation: () => { window.top.location.href = "https://example.invalid/"; },',
  "})) {",
  "  try { attempts[name] = `ran: ${attempt()}`; } catch (error) { attempts[name] = `threw ${error.name}`; }",
  "}",
  "document.body.dataset.linkRan = JSON.stringify({origin: self.origin, ...attempts});",
  CROSSOVER,
].join("\n");

/** The sandbox can take a while to come up on a loaded machine. */
const editLive = (page: Page) => editLiveWithin(page, { timeout: 20_000 });

/** Everything the site keeps in this browser, as the edit page itself sees it. */
const storage = (page: Page) =>
  page.evaluate(() => JSON.stringify({ local: Object.entries(localStorage).sort(), session: Object.entries(sessionStorage).sort(), cookie: document.cookie }));

/** A fresh browser profile with the edit page open, the reader's own edits and progress stored. */
async function readerWithOwnEdits() {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.url}_edit/crossover.html`);
  await editLive(page);
  const id = await cellId(page, "inferenceCrossover({");
  const key = await storageKey(page);
  const own = { v: 1, cells: { [id]: CROSSOVER.replace("2_574_000", "3_861_000") }, scratch: [] };
  await page.evaluate(
    ([key, own]) => {
      localStorage.setItem(key, own);
      localStorage.setItem("wattbook:progress:other.md", '{"v":1,"answers":{"q1":"42"}}');
      document.cookie = "reader=1; path=/";
    },
    [key, JSON.stringify(own)] as const,
  );
  return { context, page, id, key, own };
}

const linkRan = (frame: Frame) => frame.evaluate(() => document.body.dataset.linkRan ?? null);
const inline = (page: Page) => inFrame(page).locator(".wb-inline").allTextContents();

describe("a shared link", () => {
  it("runs nothing before consent, shows the diff, runs sandboxed after Run without touching storage, and is saved only on Keep", async () => {
    const { context, page, id, key, own } = await readerWithOwnEdits();
    const link = { v: 1, cells: { [id]: HOSTILE }, scratch: [{ id: "scratch-1", after: id, source: '(document.body.dataset.scratchRan = "yes")' }] };
    const url = await linkFor(page, link);
    await page.goto(url);
    await page.reload();
    await editLive(page);
    const before = await storage(page);

    // Asked, not run: the panel shows the change as a diff and the scratch cell's code.
    const consent = page.getByRole("region", { name: "Edits from a shared link" });
    await expect.poll(() => consent.locator(".wb-consent-summary").textContent()).toContain("changes 1 cell and adds 1 scratch cell");
    const added = (await consent.locator(".wb-consent-cell .wb-diff ins").allTextContents()).join("");
    expect(added).toContain('window.localStorage.setItem("wattbook:edits:evil", "x")');
    expect(added).toContain("trainingKWh: 2_574_000");
    expect(await consent.locator(".wb-consent-cell .wb-diff del").allTextContents()).toEqual([expect.stringContaining("trainingKWh: 1_287_000")]);
    expect(await consent.locator(".wb-consent-scratch pre").textContent()).toContain("document.body.dataset.scratchRan");
    await page.waitForTimeout(500);
    const frame = await frameOf(page);
    expect(await linkRan(frame)).toBeNull();
    expect(await frame.evaluate(() => document.body.dataset.scratchRan ?? null)).toBeNull();
    expect(await inFrame(page).locator(".wb-scratch").count()).toBe(0);
    // The published page runs meanwhile, not the reader's own edits, and those stay stored.
    const published = await inline(page);
    expect(published[2]).toBe("429");
    expect(await storage(page)).toBe(before);
    expect(new URL(page.url()).hash).toMatch(/^#edits=/);

    // Run: the link's code runs in the sandbox, where storage, cookies and the page around it are out of reach.
    await page.getByRole("button", { name: "Run these edits" }).click();
    await frame.waitForFunction(() => document.body.dataset.linkRan !== undefined);
    const attempts = JSON.parse((await linkRan(frame))!) as Record<string, string>;
    expect(attempts).toEqual({
      origin: "null",
      // The sandbox lends its cells a Storage in memory (its own origin has none): the writes land
      // there, the site's storage is not in it, and it stays byte for byte as it was (below).
      localStorage: "ran: undefined",
      sessionStorage: "ran: undefined",
      siteStorage: "ran: null",
      cookie: "threw SecurityError",
      parentDocument: "threw SecurityError",
      parentStorage: "threw SecurityError",
      topLocation: expect.stringMatching(/^threw |^ran: /),
    });
    expect(page.url()).toBe(url);
    await expect.poll(() => frame.evaluate(() => document.body.dataset.scratchRan ?? null)).toBe("yes");
    await expect.poll(async () => (await inline(page))[2]).toBe("858");
    await expect.poll(() => page.locator(".wb-banner-message").textContent()).toBe("Opened from a shared link: this page differs from the author's version (1 edited cell, 1 scratch cell).");
    // Byte for byte what it was: the edit page writes nothing while the link's edits are not kept.
    await page.waitForTimeout(300);
    expect(await storage(page)).toBe(before);

    // Keep: now they are the reader's saved edits, and the reader's own are set aside.
    await page.getByRole("button", { name: "Keep these edits" }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe("");
    const after = JSON.parse(await storage(page)) as { local: [string, string][]; session: unknown[]; cookie: string };
    const beforeParsed = JSON.parse(before) as typeof after;
    expect(after.session).toEqual(beforeParsed.session);
    expect(after.cookie).toBe(beforeParsed.cookie);
    const changed = after.local.filter(([k, v]) => beforeParsed.local.find(([k2]) => k2 === k)?.[1] !== v).map(([k]) => k);
    expect(changed.sort()).toEqual([key, key.replace("wattbook:edits:", "wattbook:edits-set-aside:")].sort());
    const saved = JSON.parse(after.local.find(([k]) => k === key)![1]) as { cells: Record<string, string>; scratch: unknown[] };
    expect(saved.cells).toEqual(link.cells);
    expect(saved.scratch).toEqual(link.scratch);
    expect(JSON.parse(after.local.find(([k]) => k.startsWith("wattbook:edits-set-aside:"))![1]).cells).toEqual(own.cells);
    expect(after.local.find(([k]) => k === "wattbook:progress:other.md")![1]).toBe('{"v":1,"answers":{"q1":"42"}}');
    await context.close();
  }, 60_000);

  it("leaves storage and the reader's own edits as they were when discarded, before or after running it", async () => {
    const { context, page, id, key, own } = await readerWithOwnEdits();
    const url = await linkFor(page, { v: 1, cells: { [id]: HOSTILE }, scratch: [] });
    const mine = CROSSOVER.replace("2_574_000", "3_861_000");
    for (const runFirst of [false, true]) {
      await page.goto(url);
      await page.reload();
      await editLive(page);
      const before = await storage(page);
      if (runFirst) {
        await page.getByRole("button", { name: "Run these edits" }).click();
        await (await frameOf(page)).waitForFunction(() => document.body.dataset.linkRan !== undefined);
      }
      await page.getByRole("button", { name: "Discard" }).click();
      await expect.poll(() => new URL(page.url()).hash).toBe("");
      // The page without the link: the reader's own edit runs again (1,287,000 × 3 kWh: 1,287 days).
      await expect.poll(async () => (await inline(page))[2]).toBe("1,287");
      await page.waitForTimeout(300);
      expect(await storage(page)).toBe(before);
      expect(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), key))!).cells).toEqual({ [id]: mine });
      expect(own.cells[id]).toBe(mine);
      expect(await page.getByRole("region", { name: "Edits from a shared link" }).count()).toBe(0);
    }
    await context.close();
  }, 60_000);
});

/** The share link the banner gives, once it carries what `ready` looks for. */
async function shareLinkOf(page: Page, ready: (url: string) => boolean): Promise<string> {
  let url = "";
  await expect
    .poll(async () => {
      if (await page.getByRole("button", { name: "Share link" }).isDisabled()) return false;
      await page.getByRole("button", { name: "Share link" }).click();
      url = await page.getByRole("textbox", { name: "Link to this page with your edits and input positions" }).inputValue();
      return ready(url);
    })
    .toBe(true);
  return url;
}

describe("a share link and the sender's inputs", () => {
  it("carries the input positions with the edits: the recipient's page runs at the sender's slider, before and after Run", async () => {
    const { context, page } = await readerWithOwnEdits();
    await page.reload();
    await editLive(page);
    await expect.poll(async () => (await inline(page))[2]).toBe("1,287");
    await inFrame(page).getByRole("slider", { name: "Queries per day" }).fill("20000000");
    await expect.poll(async () => (await inline(page))[2]).not.toBe("1,287");
    const sent = await inline(page);
    const url = await shareLinkOf(page, (url) => /#edits=[^&]+&inputs=/.test(url));
    await context.close();

    const recipient = await site.browser.newContext();
    const theirs = await recipient.newPage();
    await theirs.goto(url);
    await editLive(theirs);
    // Before Run: the published page, at the sender's slider position.
    const slider = inFrame(theirs).getByRole("slider", { name: "Queries per day" });
    await expect.poll(() => slider.inputValue()).toBe("20000000");
    expect(await inFrame(theirs).getByRole("spinbutton", { name: "Queries per day" }).inputValue()).toBe("20000000");
    await theirs.getByRole("button", { name: "Run these edits" }).click();
    // After Run: exactly what the sender saw.
    await expect.poll(() => inline(theirs)).toEqual(sent);
    expect(await slider.inputValue()).toBe("20000000");
    await recipient.close();
  }, 60_000);

  it("carries moved inputs without edits: the share link is offered, asks nothing, and opens at the sender's positions", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}_edit/crossover.html`);
    await editLive(page);
    expect(await page.getByRole("button", { name: "Share link" }).isDisabled()).toBe(true);
    const published = await inline(page);
    await inFrame(page).getByRole("slider", { name: "Wh per query" }).fill("1.2");
    await expect.poll(() => inline(page)).not.toEqual(published);
    const sent = await inline(page);
    const url = await shareLinkOf(page, (url) => url.includes("#inputs="));
    expect(url).not.toContain("edits=");
    await context.close();

    const recipient = await site.browser.newContext();
    const theirs = await recipient.newPage();
    await theirs.goto(url);
    await editLive(theirs);
    await expect.poll(() => inFrame(theirs).getByRole("slider", { name: "Wh per query" }).inputValue()).toBe("1.2");
    await expect.poll(() => inline(theirs)).toEqual(sent);
    expect(await theirs.getByRole("region", { name: "Edits from a shared link" }).count()).toBe(0);
    await recipient.close();
  }, 60_000);
});

/** A fresh browser profile whose saved edits of the crossover page replace its crossover cell with `source`, reloaded. */
async function withSavedEdit(source: string) {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.url}_edit/crossover.html`);
  await editLive(page);
  const id = await cellId(page, "inferenceCrossover({");
  const key = await storageKey(page);
  await page.evaluate(([key, edits]) => localStorage.setItem(key, edits), [key, JSON.stringify({ v: 1, cells: { [id]: source }, scratch: [] })] as const);
  await page.reload();
  return { context, page, id, key };
}

describe("a saved edit that would lock the reader out", () => {
  it("recursing inside try/catch: the guard stops it, it is no longer saved, and the page answers", async () => {
    const recursing = `function f(n) {\n  try { return f(n + 1); } catch (error) { return f(n + 1); }\n}\nf(0);\n${CROSSOVER}`;
    const { context, page, id, key } = await withSavedEdit(recursing);
    await editLive(page);
    await expect.poll(() => inFrame(page).locator(`[data-cell="${id}"] .wb-error`).textContent(), { timeout: 10_000 }).toContain("the function at line 1 ran for more than 1000 ms without giving the page a turn");
    const started = Date.now();
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    expect(await (await frameOf(page)).evaluate(() => 1 + 1)).toBe(2);
    expect(Date.now() - started).toBeLessThan(500);
    // It tripped the guard, so it is not saved any more: a reload starts from the author's page.
    await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), key)).toBeNull();
    await page.reload();
    await editLive(page);
    await expect.poll(async () => (await inline(page))[2]).toBe("429");
    expect(await inFrame(page).locator(".wb-error").count()).toBe(0);
    await context.close();
  }, 60_000);

  it("freezing the sandbox beyond the guard: the page stays responsive, stops the sandbox, and Reset page works", async () => {
    // Code made by eval is not instrumented: nothing inside the sandbox can stop this loop.
    const frozen = `new Function("for (;;) {}")();\n${CROSSOVER}`;
    const { context, page, key } = await withSavedEdit(frozen);
    await page.waitForSelector("iframe.wb-sandbox", { state: "attached" });
    await page.waitForTimeout(1500);
    // The sandbox spins in its own process: this page answers meanwhile.
    const started = Date.now();
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    expect(Date.now() - started).toBeLessThan(500);
    await expect.poll(() => page.locator(".wb-banner-notice").textContent(), { timeout: 15_000 }).toContain("The edited code stopped responding, so it was stopped");
    expect(await page.locator("iframe.wb-sandbox").count()).toBe(0);
    // The author's page is shown, and Reset page (asking once more) clears the saved edit.
    expect(await page.locator(".wb-published .wb-inline").nth(2).textContent()).toBe("429");
    const reset = page.locator(".wb-reset-page");
    expect(await reset.isEnabled()).toBe(true);
    await reset.click();
    await reset.click();
    await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), key)).toBeNull();
    await editLive(page);
    await expect.poll(async () => (await inline(page))[2]).toBe("429");
    await page.reload();
    await editLive(page);
    expect(await inFrame(page).locator(".wb-error").count()).toBe(0);
    await context.close();
  }, 60_000);
});
