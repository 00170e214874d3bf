// The browser tests drive Debian's Chromium. Where it is missing, install it (as root) rather than skip
// the tests; where that is impossible, say so and fail.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const CHROMIUM = process.env.WATTBOOK_CHROMIUM ?? "/usr/bin/chromium";

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    console.error(`ensure-chromium: ${CHROMIUM} is missing and this is not root; install it with \`sudo apt-get install -y chromium\`.`);
    process.exit(1);
  }
  console.error("ensure-chromium: installing Debian's chromium for the browser tests…");
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", "chromium"]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (result.status !== 0) {
      console.error(`ensure-chromium: apt-get ${args.join(" ")} failed (exit ${result.status}).`);
      process.exit(1);
    }
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`ensure-chromium: chromium installed but ${CHROMIUM} is still missing.`);
    process.exit(1);
  }
}
