// The preview's page script (client.ts: live reload, the error overlay), bundled for the browser. In a
// checkout of wattbook it is bundled from src/ when the preview starts; an installed package has it
// prebuilt by prepack (scripts/package.ts) and only copies it.
import { existsSync } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { FROM_SOURCES, PACKAGE_ROOT, PREBUILT } from "../publish/package-root.ts";

/** Where prepack puts it. */
export const PREBUILT_PREVIEW_CLIENT = path.join(PREBUILT, "preview-client.js");

/** Bundles client.ts into `outfile`. */
export async function bundlePreviewClient(outfile: string): Promise<void> {
  const { build } = await import("esbuild");
  await build({
    entryPoints: [path.join(PACKAGE_ROOT, "src/preview/client.ts")],
    outfile,
    bundle: true,
    format: "esm",
    minify: true,
    logLevel: "silent",
  });
}

/** Writes the preview's page script to `outfile`: bundled from the sources, or copied from what prepack made. */
export async function writePreviewClient(outfile: string): Promise<void> {
  if (FROM_SOURCES) return bundlePreviewClient(outfile);
  if (!existsSync(PREBUILT_PREVIEW_CLIENT)) {
    throw new Error(`wattbook's prebuilt preview script is missing (${PREBUILT_PREVIEW_CLIENT}): this copy of wattbook was not packed by its prepack script. Install wattbook from a tarball made by \`npm pack\` (or from the registry), or run it from a checkout of its repository`);
  }
  await mkdir(path.dirname(outfile), { recursive: true });
  await copyFile(PREBUILT_PREVIEW_CLIENT, outfile);
}
