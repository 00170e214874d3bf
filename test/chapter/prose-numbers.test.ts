// The chapter notebooks' rule: every number in prose is an inline `${…}` computed by a cell. This test
// parses each notebook with the real parser, drops what is not prose (inline values, math, code,
// headings' label numbers) and fails on any digit left that is not part of a name or label.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { parseNotebook } from "../../src/notebook/parse.ts";

/** Numbers that are names, not quantities: labels of the chapter's boxes, models, formats, citations. */
const NAMES = [
  /\b(?:Checkpoints?|Napkin\s+Math|Examples?|Tables?|Figures?|Equations?|[Ff]ootnotes?|Systems\s+Perspective|Lighthouse|Listing|Definition|Self-check|Chapter|Scopes?|Step|Stage|Checkpoint)\s+\d+(?:\.\d+)?(?:\s*(?:[–-]|to|and|,)\s*\d+(?:\.\d+)?)*/g,
  /\b(?:GPT|ResNet|T5|BERT|Llama|Cortex|Jetson|TPU|MAX|Ethos|Gen|DDR|HBM|PCIe|NVLink|DGX|HGX)[- ]?v?\d[\w.-]*/gi,
  /\b(?:Llama 2|Llama 3)\b/g,
  /\b[A-Z]+\d+[A-Za-z]*\b/g, // H100, A100, V100, INT8, FP16, BF16, CO2, U55
  /\b\d+(?:\.\d+)?[BM]\b/g, // model sizes in names: Llama 2 70B
  /\b(?:MobileNet|EfficientNet|DistilBERT|Llama)[- ]?v?\d[\w.-]*/gi,
  /\b\d+-(?:bit|bits|byte|bytes|hour|day|year|way|core)\b/g,
  /\bet al\.,? (?:19|20)\d\d[a-z]?\b/g,
  /\b(?:19|20)\d\d\b/g, // years
  /\b6\s*·\s*P\s*·\s*D\b/g,
];

function proseText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const node of document.querySelectorAll(".katex, .katex-display, .wb-equation-number, code, pre, script, style")) node.remove();
  // Headings name sections; their label numbers are covered by NAMES, other digits still count.
  return document.body.textContent ?? "";
}

const notebooks = readdirSync("notebooks").filter((file) => file.endsWith(".md"));

describe("chapter notebooks: no number typed into prose", () => {
  it.each(notebooks)("%s", (file) => {
    const parsed = parseNotebook(readFileSync(`notebooks/${file}`, "utf8"), `notebooks/${file}`);
    let text = proseText(parsed.html);
    for (const pattern of NAMES) text = text.replace(pattern, " ");
    const strays = [...text.matchAll(/\d[\d,.]*/g)].map((m) => text.slice(Math.max(0, m.index! - 40), m.index! + 20).replace(/\s+/g, " "));
    expect(strays, `numbers typed into the prose of ${file}`).toEqual([]);
  });
});
