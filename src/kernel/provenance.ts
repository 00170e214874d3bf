// Provenance: what a value was computed from. While a recording is open (the runtime opens one around
// each cell body, see runtime/provenance-log.ts), every kernel function notes its call (name, the input
// it received, its output) and every sourced record notes each read of its `value` (catalog.ts). With no
// recording open, a call or a read costs one property load more than before.
//
// The state lives on the realm's global object under a registered symbol, not in this module: at build
// the runtime glue (dist/realm.js) and the kernel (the site's library files) are two bundles, each with
// its own copy of this module, that must see one recording. In a page they share this module anyway.

/** One kernel call, as the cell made it. `input` and `output` are references, summarised when shown. */
export interface KernelCallRecord {
  readonly name: string;
  /** A sweep (`fn.sweep(base, values)`): the swept fields, and how many scenarios. */
  readonly sweep?: { readonly fields: readonly string[]; readonly length: number };
  /** What the formula received: the input as parsed (defaults filled in); for a sweep, base and columns. */
  input: unknown;
  /** The fields the caller gave; a parsed field not among them took its default. */
  given: readonly string[] | undefined;
  output: unknown;
  /** What the call threw, when it threw. */
  thrown: unknown;
  /** Sourced records read while the call ran: its defaults, catalogs its formula reads. */
  readonly constants: Set<object>;
}

/** What one run of one cell body used. */
export interface Recording {
  /** The calls, in order, up to MAX_RECORDED_CALLS; later calls are only counted (`moreCalls`). */
  readonly calls: KernelCallRecord[];
  /** Calls past the cap, by function name. */
  readonly moreCalls: Map<string, number>;
  /** Records the body read outside any kernel call (and inside calls past the cap). */
  readonly constants: Set<object>;
  /** The call running now, if any: reads inside it are its own. */
  current: KernelCallRecord | undefined;
}

/** Calls kept per cell run: a cell that calls a function in a loop leaves a count, not ten thousand records. */
export const MAX_RECORDED_CALLS = 12;

interface ProvenanceState {
  /** The recording open now (the cell body running), or none. */
  recording: Recording | undefined;
}

const STATE = Symbol.for("wattbook.provenance");

/** The realm's provenance state, made by whichever bundle asks first. Not exported: kernel exports are frozen. */
const provenance: ProvenanceState = ((globalThis as unknown as Record<symbol, ProvenanceState | undefined>)[STATE] ??= { recording: undefined });

/** The recording open now, if any: what a kernel call or a record read checks first. */
export function currentRecording(): Recording | undefined {
  return provenance.recording;
}

/** A fresh recording for one run of a cell body. */
export function newRecording(): Recording {
  return { calls: [], moreCalls: new Map(), constants: new Set(), current: undefined };
}

/**
 * Runs `body` with `recording` open (and whatever was open before restored after), so that what it
 * calls and reads lands there. Only the synchronous part: what an async body does after its first
 * await runs later, with no recording open, and is not seen.
 */
export function recordingInto<T>(recording: Recording, body: () => T): T {
  const before = provenance.recording;
  provenance.recording = recording;
  try {
    return body();
  } finally {
    provenance.recording = before;
  }
}

/** Notes a read of a sourced record (catalog.ts calls it from the record's `value` getter). */
export function noteRead(recording: Recording, record: object): void {
  (recording.current ?? recording).constants.add(record);
}

/**
 * Runs one kernel call with `recording` open: the call and what it reads are noted. A call made while
 * another is running (none of the kernel's functions calls another's public wrapper) is part of it.
 */
export function recordedCall<Out>(recording: Recording, name: string, input: unknown, run: (note: (parsed: unknown) => void) => Out, sweep?: KernelCallRecord["sweep"]): Out {
  if (recording.current) return run(ignore);
  const kept = recording.calls.length < MAX_RECORDED_CALLS;
  // A call past the cap is only counted; what it reads still counts, as the body's own reads.
  const constants = kept ? new Set<object>() : recording.constants;
  const call: KernelCallRecord = { name, input, given: givenFields(input), output: undefined, thrown: undefined, constants, ...(sweep ? { sweep } : {}) };
  if (kept) recording.calls.push(call);
  else recording.moreCalls.set(name, (recording.moreCalls.get(name) ?? 0) + 1);
  recording.current = call;
  try {
    const output = run((parsed) => void (call.input = parsed));
    call.output = output;
    return output;
  } catch (error) {
    call.thrown = error;
    throw error;
  } finally {
    recording.current = undefined;
  }
}

const ignore = () => {};

function givenFields(input: unknown): string[] | undefined {
  return input !== null && typeof input === "object" && !Array.isArray(input) ? Object.keys(input) : undefined;
}

/** The symbol a sourced record keeps its value under (catalog.ts), registered so both bundles know it. */
export const SOURCED_VALUE = Symbol.for("wattbook.sourced.value");

/** Whether `value` is a sourced record made by `sourced()` (in this bundle or another of the realm). */
export function isSourcedRecord(value: unknown): boolean {
  return value !== null && typeof value === "object" && Object.prototype.hasOwnProperty.call(value, SOURCED_VALUE);
}

