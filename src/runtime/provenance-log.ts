// What each cell's latest run used and produced, as the runtime sees it: the kernel calls and sourced
// records its body recorded (kernel/provenance.ts), the values of the names it declares, its displayed
// value, or its failure. An Explain panel reads this when the page is live, and the build reads it once
// the notebook has settled, to put the same account into the page (explain/capture.ts).
import { newRecording, recordingInto, type Recording } from "../kernel/provenance.ts";

export interface CellLog {
  /** What the body's latest run recorded (its synchronous part). */
  recording: Recording | undefined;
  /** Set when the body returned a promise or a generator: what it did after that was not recorded. */
  partial: "async" | "generator" | undefined;
  /** The latest value of each name the cell declares, as other cells see it. */
  readonly values: Map<string, unknown>;
  /** An expression cell's latest value (`hasResult` tells undefined from none yet). */
  result: unknown;
  hasResult: boolean;
  /** The message of the cell's failure, while it fails. */
  failed: string | undefined;
}

export class ProvenanceLog {
  private readonly cells = new Map<string, CellLog>();
  private readonly listeners = new Set<(cellId: string) => void>();

  /** Runs one run of a cell body with a fresh recording open. */
  run<T>(cellId: string, body: () => T): T {
    const log = this.entry(cellId);
    const recording = newRecording();
    log.recording = recording;
    log.partial = undefined;
    const result = recordingInto(recording, body);
    if (result !== null && typeof result === "object") {
      if (typeof (result as { then?: unknown }).then === "function") log.partial = "async";
      else if (typeof (result as { next?: unknown }).next === "function" && typeof (result as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function") log.partial = "generator";
    }
    return result;
  }

  value(cellId: string, name: string, value: unknown): void {
    const log = this.entry(cellId);
    log.values.set(name, value);
    log.failed = undefined;
    this.changed(cellId);
  }

  result(cellId: string, value: unknown): void {
    const log = this.entry(cellId);
    log.result = value;
    log.hasResult = true;
    log.failed = undefined;
    this.changed(cellId);
  }

  failed(cellId: string, message: string): void {
    this.entry(cellId).failed = message;
    this.changed(cellId);
  }

  delete(cellId: string): void {
    this.cells.delete(cellId);
    this.changed(cellId);
  }

  get(cellId: string): CellLog | undefined {
    return this.cells.get(cellId);
  }

  /** Hears each change of a cell's values or failure; returns the unsubscribe. */
  subscribe(listener: (cellId: string) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private entry(cellId: string): CellLog {
    let log = this.cells.get(cellId);
    if (!log) this.cells.set(cellId, (log = { recording: undefined, partial: undefined, values: new Map(), result: undefined, hasResult: false, failed: undefined }));
    return log;
  }

  private changed(cellId: string): void {
    for (const listener of this.listeners) listener(cellId);
  }
}
