// Runs notebook evaluations on a small pool of worker threads, several notebooks per worker at once
// (a notebook spends most of its evaluation waiting on the runtime's scheduling, so one thread keeps
// several busy). Each task has a time limit that the worker enforces for cells that never settle; the
// pool enforces a hard limit on top, for a cell that never yields the thread (an endless loop): it
// terminates the worker, blames the cell whose body started last, and requeues the worker's other
// notebooks. A requeued notebook runs alone on its worker, so that if that worker fails too, the fault
// is surely its own: an innocent notebook is never blamed for a neighbour's loop or allocation.
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import path from "node:path";
import { HEARTBEAT_MS, RUNNING_SLOTS, sinceHeartbeat, type EvaluateResult, type EvaluateTask, type NotebookAttachments, type WorkerMessage } from "./evaluate-protocol.ts";
import { DIST } from "./package-root.ts";
import type { Thrown } from "./thrown.ts";

const WORKER_FILE = path.join(DIST, "evaluate-worker.js");

export interface EvaluationLimits {
  /** Per notebook: time for every cell to settle. */
  readonly timeoutMs: number;
  /**
   * Per cell: time from its body's start until it settles, or until it gives the thread back. Stops a
   * stuck cell early and names it, however long its notebook may take as a whole.
   */
  readonly cellTimeoutMs: number;
  /** Per worker: V8 old-generation heap limit. */
  readonly memoryMb: number;
  /** Per cell: largest serialized output. */
  readonly maxOutputBytes: number;
}

export const DEFAULT_LIMITS: EvaluationLimits = { timeoutMs: 10_000, cellTimeoutMs: 5_000, memoryMb: 1024, maxOutputBytes: 5_000_000 };

/** Extra time the pool grants a worker to report on its own before it is terminated. */
const GRACE_MS = 1_500;
/** Slack on the heartbeat: a worker beats every HEARTBEAT_MS while free, and a GC pause is no loop. */
const HEARTBEAT_GRACE_MS = 5 * HEARTBEAT_MS;
/** Notebooks evaluated at once by one worker. */
const PER_WORKER = 4;

export type Evaluation =
  | EvaluateResult
  | {
      readonly type: "killed";
      readonly reason: "timeout" | "cell-timeout" | "memory" | "crash";
      readonly message: string;
      /** Index (in the notebook's cells) of the cell whose body started last, when it was this notebook's. */
      readonly lastRunningCell: number | undefined;
      /** For a crash: where it was thrown, when one of the notebook's local modules threw while it loaded. */
      readonly thrown?: Thrown;
    };

interface Job {
  readonly moduleUrl: string;
  readonly modules: Readonly<Record<string, string>> | undefined;
  readonly attachments: NotebookAttachments | undefined;
  readonly resolve: (evaluation: Evaluation) => void;
  /** Set once a job was on a worker that had to be terminated for another job's sake. */
  requeued: boolean;
  taskId: number;
  timer: NodeJS.Timeout | undefined;
}

interface Slot {
  readonly worker: Worker;
  readonly running: Int32Array;
  readonly jobs: Map<number, Job>;
  dead: boolean;
  /** Holds one requeued job and takes no other until it is done. */
  alone: boolean;
}

export class EvaluationPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextTaskId = 1;
  private closed = false;
  /** Checks the busy workers' heartbeats: a cell that keeps the thread past the cell limit is stopped. */
  private watchdog: NodeJS.Timeout | undefined;

  constructor(
    readonly limits: EvaluationLimits = DEFAULT_LIMITS,
    readonly size = Math.max(1, Math.min(availableParallelism(), 4)),
    /**
     * `moduleCacheDir`: a folder in the project's build cache where the workers keep the CommonJS forms
     * of the modules realms load, when wattbook is an installed package (realm-host.ts).
     */
    readonly options: { readonly moduleCacheDir?: string } = {},
  ) {}

  /** Starts the workers now, so that their start-up overlaps other work. */
  warm(): void {
    while (this.slots.length < this.size && !this.closed) this.spawn();
  }

  /**
   * Evaluates one notebook module (a file: URL in the site's scripts folder); `modules` holds the
   * notebook's own scripts by URL when they are not on disk yet. Never rejects: failures come back as data.
   */
  evaluate(moduleUrl: string, modules?: Readonly<Record<string, string>>, attachments?: NotebookAttachments): Promise<Evaluation> {
    return new Promise((resolve) => {
      this.queue.push({ moduleUrl, modules, attachments, resolve, requeued: false, taskId: 0, timer: undefined });
      this.pump();
    });
  }

  private spawn(): Slot {
    const shared = new SharedArrayBuffer(RUNNING_SLOTS * Int32Array.BYTES_PER_ELEMENT);
    const worker = new Worker(WORKER_FILE, { workerData: { running: shared, moduleCacheDir: this.options.moduleCacheDir }, resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb } });
    worker.unref();
    const slot: Slot = { worker, running: new Int32Array(shared), jobs: new Map(), dead: false, alone: false };
    Atomics.store(slot.running, 2, -1); // starting: the worker beats once its code has loaded
    this.watchdog ??= setInterval(() => this.checkHeartbeats(), 100).unref();
    worker.on("message", (message: WorkerMessage) => {
      const job = slot.jobs.get(message.taskId);
      if (!job) return;
      this.finish(slot, job, message.type === "result" ? message : { type: "killed", reason: "crash", message: message.message, lastRunningCell: undefined, ...(message.thrown ? { thrown: message.thrown } : {}) });
    });
    worker.on("error", (error: Error & { code?: string }) => {
      const memory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
      this.kill(slot, memory ? "memory" : "crash", memory ? `ran out of memory (limit ${this.limits.memoryMb} MB per worker)` : error.message);
    });
    worker.on("exit", () => this.kill(slot, "crash", "the evaluation worker exited"));
    this.slots.push(slot);
    return slot;
  }

  /** A slot for `job`: the least busy that may take it, or a new one while the pool is not full. */
  private slotFor(job: Job): Slot | undefined {
    const open = job.requeued ? this.slots.filter((s) => s.jobs.size === 0) : this.slots.filter((s) => !s.alone && s.jobs.size < PER_WORKER);
    return open.sort((a, b) => a.jobs.size - b.jobs.size)[0] ?? (this.slots.length < this.size ? this.spawn() : undefined);
  }

  private pump(): void {
    while (this.queue.length && !this.closed) {
      // First come, first served, except that a job waiting for a worker of its own lets others pass.
      const index = this.queue.findIndex((job) => this.slotFor(job) !== undefined);
      if (index === -1) return;
      const job = this.queue.splice(index, 1)[0]!;
      const slot = this.slotFor(job)!;
      slot.alone = job.requeued;
      job.taskId = this.nextTaskId++;
      slot.jobs.set(job.taskId, job);
      const { timeoutMs, cellTimeoutMs, maxOutputBytes } = this.limits;
      const task: EvaluateTask = { type: "evaluate", taskId: job.taskId, moduleUrl: job.moduleUrl, ...(job.modules ? { modules: job.modules } : {}), ...(job.attachments ? { attachments: job.attachments } : {}), timeoutMs, cellTimeoutMs, maxOutputBytes };
      slot.worker.ref();
      slot.worker.postMessage(task);
      job.timer = setTimeout(
        () => this.kill(slot, "timeout", `did not finish within ${this.limits.timeoutMs} ms and never gave the thread back (an endless loop?)`),
        this.limits.timeoutMs + GRACE_MS,
      );
    }
  }

  private checkHeartbeats(): void {
    for (const slot of [...this.slots]) {
      const beat = Atomics.load(slot.running, 2);
      if (!slot.jobs.size || beat === -1 || sinceHeartbeat(beat) <= this.limits.cellTimeoutMs + HEARTBEAT_GRACE_MS) continue;
      this.kill(slot, "cell-timeout", `did not give the thread back within ${this.limits.cellTimeoutMs} ms (an endless loop, or data growing without end?)`);
    }
  }

  private finish(slot: Slot, job: Job, evaluation: Evaluation): void {
    clearTimeout(job.timer);
    slot.jobs.delete(job.taskId);
    if (!slot.jobs.size) {
      slot.alone = false;
      slot.worker.unref();
    }
    job.resolve(evaluation);
    this.pump();
  }

  /**
   * Ends a worker that can no longer be trusted (stuck, out of memory, crashed). The job whose cell
   * started last is blamed; the others go back to the queue once (twice would mean they are the cause).
   */
  private kill(slot: Slot, reason: "timeout" | "cell-timeout" | "memory" | "crash", message: string): void {
    if (slot.dead) return;
    slot.dead = true;
    this.slots.splice(this.slots.indexOf(slot), 1);
    void slot.worker.terminate();
    const blamedTask = Atomics.load(slot.running, 0);
    const blamedCell = Atomics.load(slot.running, 1);
    for (const job of slot.jobs.values()) {
      clearTimeout(job.timer);
      const blamed = job.taskId === blamedTask || slot.jobs.size === 1 || job.requeued;
      if (blamed) {
        job.resolve({ type: "killed", reason, message, lastRunningCell: job.taskId === blamedTask && blamedCell >= 0 ? blamedCell : undefined });
      } else {
        job.requeued = true;
        this.queue.unshift(job);
      }
    }
    slot.jobs.clear();
    this.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.watchdog);
    const slots = this.slots.splice(0);
    for (const slot of slots) slot.dead = true;
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}
