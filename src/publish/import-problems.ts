// Why an import cannot be had, worded for the author from the catalog (messages.ts): a package that is
// not installed or needs Node, a name a module does not export.
import { type Diagnostic, diagnostic } from "../notebook/messages.ts";
import { nearestName } from "../text/similar.ts";
import type { FileLocation, PackageProblem } from "./package-bundle.ts";

/** `shown` turns an absolute file into what the author reads (relative to the project). */
export function packageDiagnostic(specifier: string, problem: PackageProblem, shown: (file: string) => string): Diagnostic {
  const where = (at: FileLocation | undefined) => (at ? `${shown(at.file)}:${at.line}:${at.column}` : "");
  switch (problem.kind) {
    case "not-installed":
      return diagnostic("package-not-installed", { name: problem.name, imported: specifier === problem.name ? "" : ` (imported as "${specifier}")` });
    case "needs-node":
      return diagnostic("package-needs-node", { specifier, builtin: problem.builtin, at: problem.at ? `imported at ${where(problem.at)}` : "imported by the package" });
    case "no-entry":
      return diagnostic("package-entry-missing", { name: problem.name, specifier, reason: problem.reason });
    case "failed":
      return diagnostic("package-bundle-failed", { specifier, reason: problem.text, at: problem.at ? ` (${where(problem.at)})` : "" });
  }
}

/** `name` is not among `exports` of the module imported as `specifier`. */
export function exportDiagnostic(specifier: string, name: string, exports: readonly string[]): Diagnostic {
  const near = nearestName(name, exports);
  if (near) return diagnostic("export-misspelled", { specifier, name, near });
  const listed = exports.length === 0 ? "none" : exports.length > 12 ? `${exports.slice(0, 12).join(", ")}, … (${exports.length} in all)` : exports.join(", ");
  return diagnostic("export-missing", { specifier, name, exports: listed });
}
