// Runs notebook evaluations on a small pool of worker threads. Each task has a time limit that the
// worker enforces for cells that never settle; the pool enforces a hard limit on top, for cells that
// never yield the thread (an endless loop), by terminating the worker and starting a fresh one.
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import path from "node:path";
import type { EvaluateResult, EvaluateTask, WorkerMessage } from "./evaluate-protocol.ts";

import { PACKAGE_ROOT } from "./package-root.ts";

const WORKER_FILE = path.join(PACKAGE_ROOT, "dist/evaluate-worker.js");

export interface EvaluationLimits {
  /** Per notebook: time for every cell to settle. */
  readonly timeoutMs: number;
  /** Per worker: V8 old-generation heap limit. */
  readonly memoryMb: number;
  /** Per cell: largest serialized output. */
  readonly maxOutputBytes: number;
}

export const DEFAULT_LIMITS: EvaluationLimits = { timeoutMs: 10_000, memoryMb: 1024, maxOutputBytes: 5_000_000 };

/** Extra time the pool grants a worker to report on its own before it is terminated. */
const GRACE_MS = 1_500;

export type Evaluation =
  | EvaluateResult
  | { readonly type: "killed"; readonly reason: "timeout" | "memory" | "crash"; readonly message: string; readonly lastRunningCell: string | undefined };

interface Job {
  readonly moduleUrl: string;
  readonly resolve: (evaluation: Evaluation) => void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  taskId: number;
  lastRunningCell: string | undefined;
  timer: NodeJS.Timeout | undefined;
}

export class EvaluationPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextTaskId = 1;
  private closed = false;

  constructor(
    readonly limits: EvaluationLimits = DEFAULT_LIMITS,
    readonly size = Math.max(1, Math.min(availableParallelism(), 4)),
  ) {}

  /** Starts the workers now, so that their start-up overlaps other work. */
  warm(): void {
    while (this.slots.length < this.size && !this.closed) this.spawn();
  }

  /** Evaluates one bundled notebook module. Never rejects: failures come back as data. */
  evaluate(moduleUrl: string): Promise<Evaluation> {
    return new Promise((resolve) => {
      this.queue.push({ moduleUrl, resolve });
      this.pump();
    });
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb } });
    worker.unref();
    const slot: Slot = { worker, job: undefined, taskId: 0, lastRunningCell: undefined, timer: undefined };
    worker.on("message", (message: WorkerMessage) => {
      if (message.taskId !== slot.taskId || !slot.job) return;
      if (message.type === "running") slot.lastRunningCell = message.cellId;
      else if (message.type === "result") this.finish(slot, message);
      else this.finish(slot, { type: "killed", reason: "crash", message: message.message, lastRunningCell: slot.lastRunningCell });
    });
    worker.on("error", (error: Error & { code?: string }) => {
      const memory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
      const message = memory ? `ran out of memory (limit ${this.limits.memoryMb} MB per worker)` : error.message;
      this.replace(slot, { type: "killed", reason: memory ? "memory" : "crash", message, lastRunningCell: slot.lastRunningCell });
    });
    worker.on("exit", () => {
      if (slot.job) this.replace(slot, { type: "killed", reason: "crash", message: "the evaluation worker exited", lastRunningCell: slot.lastRunningCell });
    });
    this.slots.push(slot);
    return slot;
  }

  private pump(): void {
    while (this.queue.length && !this.closed) {
      const slot = this.slots.find((s) => !s.job) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.taskId = this.nextTaskId++;
      slot.lastRunningCell = undefined;
      const task: EvaluateTask = { type: "evaluate", taskId: slot.taskId, moduleUrl: job.moduleUrl, timeoutMs: this.limits.timeoutMs, maxOutputBytes: this.limits.maxOutputBytes };
      slot.worker.ref();
      slot.worker.postMessage(task);
      slot.timer = setTimeout(() => {
        this.replace(slot, {
          type: "killed",
          reason: "timeout",
          message: `did not finish within ${this.limits.timeoutMs} ms and never gave the thread back (an endless loop?)`,
          lastRunningCell: slot.lastRunningCell,
        });
      }, this.limits.timeoutMs + GRACE_MS);
    }
  }

  private finish(slot: Slot, evaluation: Evaluation): void {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.worker.unref();
    job?.resolve(evaluation);
    this.pump();
  }

  /** Ends a worker that can no longer be trusted (stuck, out of memory) and settles its job. */
  private replace(slot: Slot, evaluation: Evaluation): void {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = undefined;
    this.slots.splice(this.slots.indexOf(slot), 1);
    slot.worker.removeAllListeners("exit");
    void slot.worker.terminate();
    job?.resolve(evaluation);
    this.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
    this.slots.length = 0;
  }
}
