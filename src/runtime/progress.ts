// A learner's progress, kept in localStorage so that it works from any static host with no server: per
// page (by notebook path) and per exercise, whether it was answered correctly, the last answer, and how
// many hints were shown. One key per site (by the site root's path), so two workbooks on one host, as on
// GitHub Pages, keep their own. Where localStorage is unavailable (a private window may refuse it), the
// progress lasts as long as the page.
import type { Feedback, Response } from "../exercise/check.ts";
import type { InputPositions } from "./input-positions.ts";

export interface ExerciseProgress {
  readonly solved?: boolean;
  readonly response?: Response;
  readonly hints?: number;
  readonly attempts?: number;
  /** What the checker said of `response` when it was given. */
  readonly verdict?: Feedback["verdict"];
  /** The positions of the inputs the correct answer depends on, when `response` was given (by cell id). */
  readonly inputs?: InputPositions;
}

type Pages = Record<string, Record<string, ExerciseProgress>>;

/** What a reset forgot: the pages, and which pages it was limited to (undefined: all). */
export interface ProgressSnapshot {
  readonly pages: Readonly<Pages>;
  readonly only: readonly string[] | undefined;
}

const VERSION = 1;

export class ProgressStore {
  private pages: Pages = {};
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly key: string,
    private readonly storage: Storage | undefined = safeLocalStorage(),
  ) {
    this.pages = this.read();
    if (typeof window !== "undefined") {
      // Another tab answered or reset: follow it.
      window.addEventListener("storage", (event) => {
        if (event.key !== this.key && event.key !== null) return;
        this.pages = this.read();
        for (const listener of this.listeners) listener();
      });
    }
  }

  /** The store for the site whose home page `homeHref` is: its folder names it. */
  static forSite(homeHref: string, storage?: Storage): ProgressStore {
    const root = new URL(homeHref, typeof location === "undefined" ? "http://localhost/" : location.href).pathname.replace(/[^/]*$/, "");
    return new ProgressStore(`wattbook:progress:${root}`, storage);
  }

  get(page: string, exercise: string): ExerciseProgress {
    return this.pages[page]?.[exercise] ?? {};
  }

  update(page: string, exercise: string, change: ExerciseProgress): ExerciseProgress {
    const next = { ...this.get(page, exercise), ...change };
    this.pages = { ...this.pages, [page]: { ...this.pages[page], [exercise]: next } };
    this.write();
    return next;
  }

  /** Correct answers on one page, or (without `page`) everywhere. */
  solved(page?: string): number {
    const pages = page === undefined ? Object.values(this.pages) : [this.pages[page] ?? {}];
    return pages.reduce((sum, exercises) => sum + Object.values(exercises).filter((p) => p.solved).length, 0);
  }

  /** Forgets one page's progress; returns what it forgot, for `restore`. */
  resetPage(page: string): ProgressSnapshot {
    const { [page]: forgotten, ...rest } = this.pages;
    this.pages = rest;
    this.write();
    return { pages: forgotten ? { [page]: forgotten } : {}, only: [page] };
  }

  /** Forgets every page's progress; returns what it forgot, for `restore`. */
  resetAll(): ProgressSnapshot {
    const forgotten = this.pages;
    this.pages = {};
    this.write();
    return { pages: forgotten, only: undefined };
  }

  /** Undoes a reset: the pages it forgot come back as they were (progress made since on other pages stays). */
  restore(snapshot: ProgressSnapshot): void {
    this.pages = snapshot.only ? { ...this.pages, ...snapshot.pages } : { ...snapshot.pages, ...this.pages };
    this.write();
  }

  /** Pages with any progress. */
  pageCount(): number {
    return Object.keys(this.pages).length;
  }

  /** Called when another tab changes the progress. */
  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  private read(): Pages {
    try {
      const stored = JSON.parse(this.storage?.getItem(this.key) ?? "null") as { version?: number; pages?: Pages } | null;
      return stored?.version === VERSION && stored.pages && typeof stored.pages === "object" ? stored.pages : {};
    } catch {
      return {};
    }
  }

  private write(): void {
    try {
      if (Object.keys(this.pages).length) this.storage?.setItem(this.key, JSON.stringify({ version: VERSION, pages: this.pages }));
      else this.storage?.removeItem(this.key);
    } catch {
      // Full or refused: the progress stays in memory for this page.
    }
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
