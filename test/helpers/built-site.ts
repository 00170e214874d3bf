// The setup browser tests share: build a site with the real CLI into a temporary folder, serve it on
// loopback and start Chromium; tear all three down after the file's tests.
import { afterAll, beforeAll, expect } from "vitest";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "./chromium.ts";
import { runCli } from "./cli.ts";
import { serveSite } from "./serve.ts";

export interface BuiltSite {
  /** The site folder. */
  readonly out: string;
  /** Where it is served, ending in "/". */
  readonly url: string;
  readonly browser: Browser;
}

export interface BuiltSiteOptions {
  /** Limit for the build itself (the CLI helper's default otherwise). */
  readonly buildTimeoutMs?: number;
  /** Limit for the whole setup hook (vitest's hookTimeout otherwise). */
  readonly hookTimeoutMs?: number;
}

/** Registers the hooks; the returned object's fields are set once `beforeAll` has run. */
/** `buildArgs` may be a function, for a site whose notebooks a test writes in an earlier `beforeAll`. */
export function builtSite(name: string, buildArgs: readonly string[] | (() => readonly string[]), options: BuiltSiteOptions = {}): BuiltSite {
  let out: string | undefined;
  let served: { url: string; close: () => Promise<void> } | undefined;
  let browser: Browser | undefined;
  const site: BuiltSite = {
    get out() {
      if (!out) throw new Error(`the ${name} site was not built`);
      return out;
    },
    get url() {
      if (!served) throw new Error(`the ${name} site is not served`);
      return served.url;
    },
    get browser() {
      if (!browser) throw new Error("Chromium did not start");
      return browser;
    },
  };
  beforeAll(async () => {
    out = path.join(await mkdtemp(path.join(tmpdir(), `wattbook-${name}-`)), "site");
    const args = typeof buildArgs === "function" ? buildArgs() : buildArgs;
    const built = await runCli([...args, "--out", out], options.buildTimeoutMs ? { timeoutMs: options.buildTimeoutMs } : {});
    expect(built.stderr).toContain("Built");
    expect(built.code, built.stderr).toBe(0);
    served = await serveSite(out);
    browser = await launchChromium();
  }, options.hookTimeoutMs);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    if (out) await rm(path.dirname(out), { recursive: true, force: true });
  });
  return site;
}

/**
 * The pages of a built site that go live where they are: every top-level .html file but the 404 page,
 * which has no cells and is meant to be served at any depth (test/browser/chrome.test.ts opens it there).
 */
export async function livePages(out: string): Promise<string[]> {
  return (await readdir(out)).filter((file) => file.endsWith(".html") && file !== "404.html").sort();
}
