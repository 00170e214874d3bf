// A cell imports a name that "wattbook/kernel" does not export: the build says so at the import, and the
// in-page editor says the same, with the nearest exported name when it looks like a typo.
import { nearestName } from "../text/similar.ts";
import { type Diagnostic, diagnostic } from "./messages.ts";

export function missingKernelExport(name: string, exported: Iterable<string>): Diagnostic {
  const near = nearestName(name, exported, Math.max(2, Math.floor(name.length / 3)));
  return near ? diagnostic("kernel-export-misspelled", { name, near }) : diagnostic("kernel-export-missing", { name });
}
