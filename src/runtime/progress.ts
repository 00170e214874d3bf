// A learner's progress, kept in localStorage so that it works from any static host with no server: per
// page (by notebook path) and per exercise, whether it was answered correctly, the last answer, and how
// many hints were shown. One key per site (by the site root's path), so two workbooks on one host, as on
// GitHub Pages, keep their own. Where localStorage is unavailable (a private window may refuse it), the
// progress lasts as long as the page.
import type { Response } from "../exercise/check.ts";

export interface ExerciseProgress {
  readonly solved?: boolean;
  readonly response?: Response;
  readonly hints?: number;
  readonly attempts?: number;
}

type Pages = Record<string, Record<string, ExerciseProgress>>;

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

  resetPage(page: string): void {
    const { [page]: _, ...rest } = this.pages;
    this.pages = rest;
    this.write();
  }

  resetAll(): void {
    this.pages = {};
    this.write();
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
