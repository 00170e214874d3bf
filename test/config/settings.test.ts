// Flags over the configuration over the defaults: folders given as flags start from the working
// directory, folders in the configuration from the project; limits and type checking likewise.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveSettings } from "../../src/config/settings.ts";
import { DEFAULT_LIMITS } from "../../src/publish/evaluate.ts";
import { DEFAULT_SITE_CONFIG } from "../../src/publish/site-config.ts";

const where = { projectRoot: "/project", cwd: "/project/sub" };

describe("resolveSettings", () => {
  it("gives the defaults where neither flags nor configuration say", () => {
    expect(resolveSettings({}, {}, where)).toEqual({
      projectRoot: "/project",
      root: path.resolve("/project/notebooks"),
      out: path.resolve("/project/build"),
      staticDir: path.resolve("/project/static"),
      limits: DEFAULT_LIMITS,
      typecheck: "error",
      site: DEFAULT_SITE_CONFIG,
    });
  });

  it("takes the configuration's values, folders from the project", () => {
    const settings = resolveSettings({ root: "docs", output: "site", static: "public", typecheck: "warn", timeoutMs: 30_000, maxOutputMb: 12, title: "Energy", toc: false }, {}, where);
    expect(settings).toMatchObject({ root: "/project/docs", out: "/project/site", staticDir: "/project/public", typecheck: "warn", limits: { ...DEFAULT_LIMITS, timeoutMs: 30_000, maxOutputBytes: 12e6 } });
    expect(settings.site).toEqual({ ...DEFAULT_SITE_CONFIG, title: "Energy", toc: false });
  });

  it("lets a flag win over the configuration, folders from the working directory", () => {
    const config = { root: "docs", output: "site", static: "public", typecheck: "warn", timeoutMs: 30_000, cellTimeoutMs: 9_000, memoryMb: 512, maxOutputMb: 12 } as const;
    const flags = { root: "../nb", out: "out", static: "assets", typecheck: "off", timeoutMs: 1_000, cellTimeoutMs: 500, memoryMb: 256, maxOutputMb: 1 } as const;
    expect(resolveSettings(config, flags, where)).toMatchObject({
      root: "/project/nb",
      out: "/project/sub/out",
      staticDir: "/project/sub/assets",
      typecheck: "off",
      limits: { timeoutMs: 1_000, cellTimeoutMs: 500, memoryMb: 256, maxOutputBytes: 1e6 },
    });
    // One flag wins over its key only.
    expect(resolveSettings(config, { timeoutMs: 1_000 }, where).limits).toEqual({ timeoutMs: 1_000, cellTimeoutMs: 9_000, memoryMb: 512, maxOutputBytes: 12e6 });
  });
});
