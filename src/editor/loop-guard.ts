// Edited code must not freeze the page. Every loop body, every function body and every catch clause in
// an edited cell starts with a call to a guard that throws once the code has run for more than a
// budget without giving the page a turn; the cell then shows the error and the page goes on. Inserted
// text never adds a line, so positions in the cell stay what the learner sees.
//
// Recursion is guarded too: recursion alone ends in a RangeError, but recursion that catches the
// RangeError and recurses again (`try { f() } catch { f() }`) does the work of a binary tree of
// stack-deep calls and never ends. Once the guard has tripped it stays tripped for the rest of the
// turn: every guarded call throws again at once, and every guarded catch clause rethrows the guard's
// error, so no try/catch in the edited code can swallow it and the stack unwinds.
import { type AnyNode, type Node, parse, parseExpressionAt } from "acorn";
import { simple } from "acorn-walk";

/** The guard's name inside edited code; the cell's factory takes it as a parameter. */
export const LOOP_GUARD = "__wattbookLoop";

/** What a guard call stands at (its second argument; a loop passes none). */
export const GUARD_CALL = 1;
export const GUARD_CATCH = 2;

const PARSE_OPTIONS = { ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true, locations: true } as const;

type Ranged = Node & { type: string; start: number; end: number };
type WithBody = Node & { body: Ranged; expression?: boolean };

/**
 * `js` with `__wattbookLoop(line);` at the start of every loop body (a lone statement gets braces),
 * `__wattbookLoop(line, 1);` at the start of every function body (an arrow's expression body becomes
 * `(__wattbookLoop(line, 1), expression)`) and `__wattbookLoop(line, 2);` at the start of every catch
 * clause.
 */
export function guardLoops(js: string, expression: boolean): string {
  return guardLoopsMapped(js, expression).js;
}

/** Text the guard put in: `length` characters before the character at offset `at` of the unguarded code. */
export interface GuardInsert {
  readonly at: number;
  readonly length: number;
}

/** guardLoops, with where it inserted text: how a position in the guarded code maps back (edit-lines.ts). */
export function guardLoopsMapped(js: string, expression: boolean): { js: string; inserts: readonly GuardInsert[] } {
  const root = expression ? parseExpressionAt(js, 0, { ...PARSE_OPTIONS, preserveParens: true }) : parse(js, PARSE_OPTIONS);
  const inserts: { at: number; text: string; close?: boolean }[] = [];
  const atStart = (body: Ranged, call: string) => {
    if (body.type === "BlockStatement") inserts.push({ at: body.start + 1, text: call });
    else inserts.push({ at: body.start, text: `{${call}` }, { at: body.end, text: "}", close: true });
  };
  const loop = (node: Node) => atStart((node as WithBody).body, `${LOOP_GUARD}(${node.loc!.start.line});`);
  const func = (node: Node) => {
    const { body } = node as WithBody;
    const line = node.loc!.start.line;
    if (body.type === "BlockStatement") inserts.push({ at: body.start + 1, text: `${LOOP_GUARD}(${line}, ${GUARD_CALL});` });
    else inserts.push({ at: body.start, text: `(${LOOP_GUARD}(${line}, ${GUARD_CALL}), ` }, { at: body.end, text: ")", close: true });
  };
  simple(root as AnyNode, {
    WhileStatement: loop,
    DoWhileStatement: loop,
    ForStatement: loop,
    ForInStatement: loop,
    ForOfStatement: loop,
    FunctionDeclaration: func,
    FunctionExpression: func,
    ArrowFunctionExpression: func,
    CatchClause: (node) => atStart((node as WithBody).body, `${LOOP_GUARD}(${node.loc!.start.line}, ${GUARD_CATCH});`),
  });
  // Inserts at one place end up as closers, inner to outer, then openers, outer to inner. The walk
  // finds inner nodes first, and each insert at a place goes before the ones already there.
  const ordered = inserts
    .map((insert, index) => ({ ...insert, index }))
    .sort((a, b) => b.at - a.at || Number(Boolean(a.close)) - Number(Boolean(b.close)) || (a.close ? b.index - a.index : a.index - b.index));
  let out = js;
  for (const { at, text } of ordered) out = out.slice(0, at) + text + out.slice(at);
  return { js: out, inserts: inserts.map(({ at, text }) => ({ at, length: text.length })).sort((a, b) => a.at - b.at) };
}

export class LoopTimeout extends Error {
  override name = "LoopTimeout";
  constructor(
    readonly line: number,
    readonly budgetMs: number,
    readonly kind: "loop" | "function" = "loop",
  ) {
    super(
      kind === "loop"
        ? `the loop at line ${line} ran for more than ${budgetMs} ms, so it was stopped: it may loop forever`
        : `the function at line ${line} ran for more than ${budgetMs} ms without giving the page a turn, so it was stopped: it may recurse forever`,
    );
  }
}

/** Calls between two looks at the clock at function entries (a loop looks every time). */
const CALLS_PER_CHECK = 16;

/**
 * A guard for one edited cell. The time counts from the first guarded step in a turn of the event
 * loop until the page gets control back (a message through a channel, which timers' throttling does
 * not delay), so a generator or an animation that yields between frames runs as long as it likes.
 * `onTrip` is told when the guard first stops the code in a turn.
 */
export function createLoopGuard(budgetMs: number, now: () => number = () => performance.now(), onTrip?: () => void): (line: number, kind?: number) => void {
  let turnStarted = -1;
  // Primitives first: near the end of the stack, building the error (or telling onTrip) can itself
  // overflow; the guard is tripped all the same, and the next guarded step, shallower, tries again.
  let trippedLine = -1;
  let trippedKind = 0;
  let tripped: LoopTimeout | undefined;
  let told = false;
  let calls = 0;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    turnStarted = -1;
    trippedLine = -1;
    tripped = undefined;
    told = false;
    calls = 0;
  };
  // In Node (tests) an open port would keep the process alive.
  (channel.port1 as { unref?: () => void }).unref?.();
  const stop = (): LoopTimeout => {
    tripped ??= new LoopTimeout(trippedLine, budgetMs, trippedKind === GUARD_CALL ? "function" : "loop");
    if (!told) {
      onTrip?.();
      told = true;
    }
    return tripped;
  };
  return (line, kind) => {
    // Tripped: nothing guarded runs again this turn, and no guarded catch clause keeps the error.
    if (trippedLine >= 0) throw stop();
    if (kind === GUARD_CATCH) return;
    if (turnStarted < 0) {
      turnStarted = now();
      channel.port2.postMessage(null);
      return;
    }
    if (kind === GUARD_CALL && ++calls % CALLS_PER_CHECK !== 0) return;
    if (now() - turnStarted > budgetMs) {
      trippedLine = line;
      trippedKind = kind ?? 0;
      throw stop();
    }
  };
}
