// The compiler as the build runs it (esbuild strips types), in the throwing form the tests read best:
// a notebook's analysis and module, or LocatedErrors with every problem.
import type { AnalyzeContext } from "../../src/notebook/analyze.ts";
import { LocatedErrors } from "../../src/notebook/errors.ts";
import { LineIndex, normalizeNewlines } from "../../src/notebook/locate.ts";
import { analyzeNotebook, compileNotebookSource } from "../../src/notebook/pipeline.ts";
import { parseNotebook } from "../../src/notebook/parse.ts";
import type { TypeStripper } from "../../src/notebook/type-stripper.ts";
import type { AnalyzedNotebook } from "../../src/notebook/types.ts";
import { esbuildStripper } from "../../src/publish/strip-types-esbuild.ts";

/** parse → analyze → check → compile; throws LocatedErrors. */
export function processNotebook(sourceText: string, path: string): { notebook: AnalyzedNotebook; module: string } {
  const result = compileNotebookSource({ sourceText, sourcePath: path }, { typeStripper: esbuildStripper });
  if (!result.ok) throw new LocatedErrors(result.errors);
  return { notebook: result.notebook, module: result.module };
}

/** parse → analyze → check; throws LocatedErrors (parse errors as parse throws them). */
export function analyzeText(sourceText: string, path: string): AnalyzedNotebook {
  const { notebook, errors } = analyzeNotebook(parseNotebook(sourceText, path), new LineIndex(normalizeNewlines(sourceText)), { typeStripper: esbuildStripper });
  if (errors.length) throw new LocatedErrors(errors);
  return notebook;
}

/** What analyzeCell needs for a cell of `text` (the whole .md). */
export function analyzeContext(text: string, typeStripper: TypeStripper | undefined = esbuildStripper, file = "t.md"): AnalyzeContext {
  return { file, lines: new LineIndex(text), ...(typeStripper ? { typeStripper } : {}) };
}
