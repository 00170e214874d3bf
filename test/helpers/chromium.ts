// Real Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core, headless,
// sandbox off (root in CI), and every flag that keeps it from reaching for the network on its own.
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.WATTBOOK_CHROMIUM ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-default-apps",
      "--disable-extensions",
      "--metrics-recording-only",
      "--no-default-browser-check",
    ],
  });
}

export interface PageProblems {
  readonly consoleErrors: string[];
  readonly cspViolations: string[];
  readonly pageErrors: string[];
}

/** Collects console errors, uncaught exceptions and CSP violations (which Chromium reports on the console). */
export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const where = message.location().url;
    const text = where ? `${message.text()} (${where})` : message.text();
    if (/Content Security Policy/i.test(text)) problems.cspViolations.push(text);
    else problems.consoleErrors.push(text);
  });
  page.on("pageerror", (error) => problems.pageErrors.push(error.message));
  return problems;
}
