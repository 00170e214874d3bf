// The preview shares the build's cache: a preview started after a build serves the unchanged notebooks
// without evaluating them, and a save is evaluated (and cached) as a build would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startPreview, type PreviewServer } from "../../src/preview/server.ts";
import { runCli } from "../helpers/cli.ts";

let dir: string;
let server: PreviewServer | undefined;
const lines: string[] = [];

const notebook = (value: number) => `---\ntitle: Cached\n---\n\n# Cached\n\nThe value is \${value}.\n\n\`\`\`js\nconst value = ${value};\n\`\`\`\n`;
const limits = { timeoutMs: 4000, cellTimeoutMs: 1000, memoryMb: 256, maxOutputBytes: 5e6 };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "wattbook-preview-cache-"));
  await mkdir(path.join(dir, "notebooks"));
  await writeFile(path.join(dir, "notebooks/a.md"), notebook(41));
  await writeFile(path.join(dir, "notebooks/b.md"), notebook(7));
  // The build fills the project's cache (same limits as the preview's, so the same keys).
  const built = await runCli(["build", "--timeout-ms", "4000", "--cell-timeout-ms", "1000", "--memory-mb", "256"], { cwd: dir });
  expect(built.code, built.stderr).toBe(0);
  server = await startPreview({ projectRoot: dir, root: path.join(dir, "notebooks"), host: "127.0.0.1", port: 0, limits, log: (line) => lines.push(line) });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("the preview and the build cache", () => {
  it("serves what the build cached, without evaluating it, and the page shows the value", async () => {
    expect(lines.filter((line) => line.startsWith("✓ "))).toEqual([expect.stringMatching(/^✓ a\.md {2}from the cache$/), expect.stringMatching(/^✓ b\.md {2}from the cache$/)]);
    const page = await (await fetch(new URL("a.html", server!.url))).text();
    expect(page).toContain('<span class="wb-value wb-num">41</span>');
  });

  it("evaluates a save, and the next build takes it from the cache", async () => {
    await writeFile(path.join(dir, "notebooks/a.md"), notebook(42));
    await server!.refresh("a.md");
    expect(lines.at(-1)).toMatch(/^✓ a\.md {2}\d+ ms$/);
    const page = await (await fetch(new URL("a.html", server!.url))).text();
    expect(page).toContain('<span class="wb-value wb-num">42</span>');
    const rebuilt = await runCli(["build", "--timeout-ms", "4000", "--cell-timeout-ms", "1000", "--memory-mb", "256"], { cwd: dir });
    expect(rebuilt.stderr).toContain("2 from the cache, 0 evaluated");
  }, 60_000);
});
