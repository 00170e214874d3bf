// Edited code must not freeze the page. Every loop in an edited cell starts its body with a call to a
// guard that throws once the code has run for more than a budget without giving the page a turn; the
// cell then shows the error and the page goes on. Inserted text never adds a line, so positions in the
// cell stay what the learner sees. Recursion needs no guard: it ends in a RangeError by itself.
import { type AnyNode, type Node, parse, parseExpressionAt } from "acorn";
import { simple } from "acorn-walk";

/** The guard's name inside edited code; the cell's factory takes it as a parameter. */
export const LOOP_GUARD = "__wattbookLoop";

const PARSE_OPTIONS = { ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true, locations: true } as const;

type Loop = Node & { body: Node & { type: string; start: number; end: number } };

/** `js` with `__wattbookLoop(line);` at the start of every loop body (a lone statement gets braces). */
export function guardLoops(js: string, expression: boolean): string {
  const root = expression ? parseExpressionAt(js, 0, { ...PARSE_OPTIONS, preserveParens: true }) : parse(js, PARSE_OPTIONS);
  const inserts: { at: number; text: string }[] = [];
  const guard = (node: Node) => {
    const { body } = node as Loop;
    const call = `${LOOP_GUARD}(${node.loc!.start.line});`;
    if (body.type === "BlockStatement") inserts.push({ at: body.start + 1, text: call });
    else inserts.push({ at: body.start, text: `{${call}` }, { at: body.end, text: "}" });
  };
  simple(root as AnyNode, { WhileStatement: guard, DoWhileStatement: guard, ForStatement: guard, ForInStatement: guard, ForOfStatement: guard });
  let out = js;
  for (const { at, text } of inserts.sort((a, b) => b.at - a.at)) out = out.slice(0, at) + text + out.slice(at);
  return out;
}

export class LoopTimeout extends Error {
  override name = "LoopTimeout";
  constructor(
    readonly line: number,
    readonly budgetMs: number,
  ) {
    super(`the loop at line ${line} ran for more than ${budgetMs} ms, so it was stopped: it may loop forever`);
  }
}

/**
 * A guard for one edited cell. The time counts from the first loop iteration in a turn of the event
 * loop until the page gets control back (a message through a channel, which timers' throttling does
 * not delay), so a generator or an animation that yields between frames runs as long as it likes.
 */
export function createLoopGuard(budgetMs: number, now: () => number = () => performance.now(), onTrip?: () => void): (line: number) => void {
  let turnStarted = -1;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    turnStarted = -1;
  };
  // In Node (tests) an open port would keep the process alive.
  (channel.port1 as { unref?: () => void }).unref?.();
  return (line) => {
    const time = now();
    if (turnStarted < 0) {
      turnStarted = time;
      channel.port2.postMessage(null);
    } else if (time - turnStarted > budgetMs) {
      onTrip?.();
      throw new LoopTimeout(line, budgetMs);
    }
  };
}
