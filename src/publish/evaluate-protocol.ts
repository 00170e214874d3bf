// Messages between the build and its evaluation workers.
import type { CellFailure } from "../runtime/notebook.ts";
import type { SnapshotValue } from "../runtime/snapshot-values.ts";
import type { Thrown } from "./thrown.ts";
import type { AttachedFile } from "../runtime/file-attachment.ts";
import type { MissingProperty } from "./missing-property.ts";

export interface EvaluateTask {
  readonly type: "evaluate";
  readonly taskId: number;
  /** file: URL of the notebook module (in the site's scripts folder, where its imports resolve). */
  readonly moduleUrl: string;
  /**
   * The notebook's own scripts by file: URL, in memory: the build writes them into the site only at the
   * end. Any other script (the library's) is read from disk.
   */
  readonly modules?: Readonly<Record<string, string>>;
  /** How long the notebook may take to settle before its pending cells are reported. */
  readonly timeoutMs: number;
  /** How long one cell may take, from its body's start, to settle. */
  readonly cellTimeoutMs: number;
  /** Largest serialized output of one cell, in bytes of UTF-8. */
  readonly maxOutputBytes: number;
  /** The files the notebook attaches (FileAttachment), when it attaches any. */
  readonly attachments?: NotebookAttachments;
}

/** A notebook's attached files: as its page sees them, and where the build reads each. */
export interface NotebookAttachments {
  /** By path relative to the notebooks root: URL (relative to the page), MIME type and size. */
  readonly table: Readonly<Record<string, AttachedFile>>;
  /** By the same paths: the absolute file holding the bytes (the file itself, or a data loader's output). */
  readonly sources: Readonly<Record<string, string>>;
}

export interface ExerciseCheck {
  readonly id: string;
  /** What is wrong with the exercise's answer; empty when it is sound. */
  readonly problems: readonly string[];
  /** What is wrong with its worked solution, and the solution's answer cell. */
  readonly solution?: { readonly cellId: string; readonly problem: string };
}

export interface PendingCell {
  readonly cellId: string;
  readonly location: string;
  /** How long its body has been running; absent when it never started (it waits on another cell). */
  readonly runningMs?: number;
}

export interface EvaluateResult {
  readonly type: "result";
  readonly taskId: number;
  /** Serialized output (innerHTML of the cell's root) per cell id. */
  readonly outputs: Record<string, string>;
  /** Each declared name's value in the same settled state, where it can be pinned (see runtime/snapshot-values.ts). */
  readonly values?: Readonly<Record<string, SnapshotValue>>;
  readonly failures: readonly CellFailure[];
  /** Cells that had not settled when the time limit ran out. */
  readonly pending: readonly PendingCell[];
  /** What each failed cell threw, and where, by cell id (see thrown.ts). */
  readonly thrown?: Readonly<Record<string, Thrown>>;
  /** Each exercise's check (see exercise/verify.ts); `outputs` has its shown answer as "answer:<id>". */
  readonly exercises?: readonly ExerciseCheck[];
  /**
   * By cell id: the property read that made a cell show nothing (undefined, NaN) or throw a TypeError,
   * where the object read has no such property (see missing-property.ts).
   */
  readonly missing?: Readonly<Record<string, MissingProperty>>;
  readonly elapsedMs: number;
}

/**
 * Shared between a worker and the pool: the task and cell index whose body started last, written as
 * each body starts, and a heartbeat the worker writes while its thread is free. A worker stuck in an
 * endless loop cannot answer messages, but its heartbeat stops, and this still names the cell: no other
 * body can have started after the one that never yields.
 */
export const RUNNING_SLOTS = 3; // [taskId, cellIndex, heartbeat]

/** The heartbeat's clock: milliseconds, wrapped to fit an Int32Array slot. */
export function heartbeatNow(): number {
  return Date.now() % 2 ** 30;
}

/** Milliseconds since a heartbeat written by heartbeatNow. */
export function sinceHeartbeat(beat: number): number {
  return (heartbeatNow() - beat + 2 ** 30) % 2 ** 30;
}

/** How often a free worker writes its heartbeat. */
export const HEARTBEAT_MS = 50;

/** The module itself failed to load (a bundling problem or a throw at module scope). */
export interface EvaluateCrash {
  readonly type: "crash";
  readonly taskId: number;
  readonly message: string;
  /** Where it was thrown, when one of the notebook's local modules threw while it loaded. */
  readonly thrown?: Thrown;
}

export type WorkerMessage = EvaluateResult | EvaluateCrash;
