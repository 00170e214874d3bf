// What a notebook's realm and the worker hosting it say to each other (realm-host.ts on the worker's
// side, realm-entry.ts and realm-prelude.ts inside the realm): types only, so that both sides can name
// them without importing each other.
import type { EvaluateResult } from "./evaluate-protocol.ts";
import type { RealmServices } from "./realm-globals.ts";
import type { AttachedFile } from "../runtime/file-attachment.ts";
import type { Thrown } from "./thrown.ts";

/** A module as the realm runs it: the body of a CommonJS-style function (see module-form.ts). */
export type ModuleFunction = (require: (specifier: string) => unknown, module: { exports: unknown }, exports: unknown) => void;

/** The libraries a realm loads on first use (realm-packages.ts), each from dist/realm-<name>.js. */
export type RealmPackage = "plot" | "inputs" | "marked" | "katex" | "arrow";

/** The worker's side of a realm: services for the globals, and the module loader. */
export interface RealmHost extends RealmServices {
  /** A cell's body starts (its index in the notebook): names the cell stuck in an endless loop. */
  readonly onRun: (cellIndex: number) => void;
  /** The absolute URL `specifier` names, imported from `fromUrl`; throws for what the realm cannot load. */
  readonly resolve: (specifier: string, fromUrl: string) => string;
  /** The module at `url`, compiled for this realm. */
  readonly load: (url: string) => ModuleFunction;
  /** A library loaded on first use (see realm-packages.ts), compiled for this realm. */
  readonly loadPackage: (name: RealmPackage) => ModuleFunction;
  /** Receives the realm's interface once its code has loaded. */
  readonly register: (api: RealmApi) => void;
}

export interface RealmTask {
  readonly moduleUrl: string;
  /** The notebook's own scripts by URL, when they are in memory rather than on disk. */
  readonly modules?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly cellTimeoutMs: number;
  readonly maxOutputBytes: number;
  /** The notebook's attached files, as its page sees them (the worker keeps where each is on disk). */
  readonly attachments?: Readonly<Record<string, AttachedFile>>;
}

/** What a realm answers: a result without its task id, or the module's own failure to load. */
export type RealmOutcome = Omit<EvaluateResult, "type" | "taskId" | "elapsedMs"> | { readonly crash: string; readonly thrown?: Thrown };

export interface RealmApi {
  /** Evaluates the notebook; resolves to the JSON of a RealmOutcome. */
  evaluate(task: RealmTask): Promise<string>;
  /** A promise of this realm rejected with nothing to handle it. */
  unhandledRejection(reason: unknown): void;
  /** This realm's Promise.prototype: how the worker tells which realm an unhandled rejection came from. */
  readonly promisePrototype: object;
}
