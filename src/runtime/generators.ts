// Values that change over time, as the runtime expects them: async generators (the `Generators` built-in,
// as Observable Framework has it). `observe` adapts a push source and keeps only the latest value;
// `queue` keeps every value; `input` follows a form element's value, which is how
// `view(Inputs.range(…))` becomes a reactive value; `now`, `width` and `dark` follow the clock, an
// element's width and the colour scheme in a browser (at build see build-generators.ts).

/** What `initialize` may return: a function that releases what it set up, or nothing. */
type Initializer<T> = (change: (value: T) => void) => (() => void) | void;

/** The disposer `initialize` returned, checked: a promise or other value is an author's mistake worth naming. */
function disposerOf(name: string, returned: unknown): (() => void) | undefined {
  if (returned == null) return undefined;
  if (typeof returned === "function") return returned as () => void;
  const what = typeof (returned as { then?: unknown }).then === "function" ? "a promise (an async initializer)" : `a ${typeof returned}`;
  throw new TypeError(`Generators.${name}: the initializer returned ${what}; it may return only a function that releases what it set up`);
}

/** An async generator fed by `initialize(change)`; the returned disposer runs when the consumer stops. */
export async function* observe<T>(initialize: Initializer<T>): AsyncGenerator<T, void, unknown> {
  let resolve: ((value: T) => void) | null = null;
  let stale = false;
  let latest!: T;
  const dispose = disposerOf(
    "observe",
    initialize((value) => {
      latest = value;
      if (resolve) resolve(value), (resolve = null);
      else stale = true;
    }),
  );
  try {
    while (true) {
      if (stale) {
        stale = false;
        yield latest;
      } else {
        yield await new Promise<T>((r) => (resolve = r));
      }
    }
  } finally {
    dispose?.();
  }
}

interface ValueElement extends EventTarget {
  value?: unknown;
  type?: string;
  checked?: boolean;
  valueAsNumber?: number;
  files?: unknown;
  multiple?: boolean;
  selectedOptions?: ArrayLike<{ value: string }>;
}

function eventOf(element: ValueElement): string {
  switch (element.type) {
    case "button":
    case "submit":
    case "checkbox":
      return "click";
    case "file":
      return "change";
    default:
      return "input";
  }
}

function valueOf(element: ValueElement): unknown {
  switch (element.type) {
    case "range":
    case "number":
      return element.valueAsNumber;
    case "date":
      return (element as unknown as { valueAsDate: Date }).valueAsDate;
    case "checkbox":
      return element.checked;
    case "file":
      return element.multiple ? element.files : (element.files as ArrayLike<unknown> | undefined)?.[0];
    case "select-multiple":
      return Array.from(element.selectedOptions ?? [], (o) => o.value);
    default:
      return element.value;
  }
}

/** The element's value now and after every input event. */
export function input<T = unknown>(element: ValueElement): AsyncGenerator<T, void, unknown> {
  return observe<T>((change) => {
    const event = eventOf(element);
    const inputted = () => change(valueOf(element) as T);
    element.addEventListener(event, inputted);
    const value = valueOf(element);
    if (value !== undefined) change(value as T);
    return () => element.removeEventListener(event, inputted);
  });
}

/** Like `observe`, but every value `change` receives is yielded in turn, none dropped. */
export async function* queue<T>(initialize: Initializer<T>): AsyncGenerator<T, void, unknown> {
  const waiting: T[] = [];
  let resolve: ((value: T) => void) | null = null;
  const dispose = disposerOf(
    "queue",
    initialize((value) => {
      if (resolve) resolve(value), (resolve = null);
      else waiting.push(value);
    }),
  );
  try {
    while (true) yield waiting.length ? waiting.shift()! : await new Promise<T>((r) => (resolve = r));
  } finally {
    dispose?.();
  }
}

/** `Date.now()`, again each time the runtime asks (once a frame while the page is live). */
export async function* now(): AsyncGenerator<number, void, unknown> {
  while (true) yield Date.now();
}

/** The element's width in whole pixels, now and whenever it changes. */
export function width(element: Element): AsyncGenerator<number, void, unknown> {
  return observe<number>((change) => {
    let last = -1;
    const update = (pixels: number) => {
      const rounded = Math.floor(pixels);
      if (rounded !== last) change((last = rounded));
    };
    const observer = new ResizeObserver(([entry]) => entry && update(entry.contentRect.width));
    observer.observe(element);
    update(element.getBoundingClientRect().width);
    return () => observer.disconnect();
  });
}

/** Whether the reader's system asks for a dark colour scheme (the theme follows it), now and when it changes. */
export function dark(): AsyncGenerator<boolean, void, unknown> {
  return observe<boolean>((change) => {
    const media = matchMedia("(prefers-color-scheme: dark)");
    const changed = () => change(media.matches);
    media.addEventListener("change", changed);
    changed();
    return () => media.removeEventListener("change", changed);
  });
}

/** Yields `value` once and ends: at build a page has one settled state, so the clock and the layout stand still. */
export async function* once<T>(value: T): AsyncGenerator<T, void, unknown> {
  yield value;
}
