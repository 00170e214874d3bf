// Values that change over time, as the runtime expects them: async generators. `observe` adapts a
// push source; `input` follows a form element's value, which is how `view(Inputs.range(…))` becomes a
// reactive value.

/** An async generator fed by `initialize(change)`; the returned disposer runs when the consumer stops. */
export async function* observe<T>(initialize: (change: (value: T) => void) => (() => void) | void): AsyncGenerator<T, void, unknown> {
  let resolve: ((value: T) => void) | null = null;
  let stale = false;
  let latest!: T;
  const dispose = initialize((value) => {
    latest = value;
    if (resolve) resolve(value), (resolve = null);
    else stale = true;
  });
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
