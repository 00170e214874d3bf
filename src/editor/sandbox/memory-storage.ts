// Storage for the cells of an edit page. The live page runs in a sandbox whose origin is opaque, so that
// edited code can never read the site's storage; there, reading localStorage or sessionStorage throws a
// SecurityError, and a cell marked ```js browser that keeps something in storage would fail on the edit
// page only. The sandbox lends such cells a Storage of its own instead, in memory: what they keep
// lasts while the edit page is open and is never the site's.

/** A Storage (getItem, setItem, key, length, …, and named properties) kept in a Map. */
export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  const methods = {
    get length() {
      return items.size;
    },
    key: (index: number) => [...items.keys()][index] ?? null,
    getItem: (key: string) => items.get(String(key)) ?? null,
    setItem: (key: string, value: unknown) => void items.set(String(key), String(value)),
    removeItem: (key: string) => void items.delete(String(key)),
    clear: () => items.clear(),
  };
  return new Proxy(methods, {
    get: (target, property, receiver) => (typeof property === "symbol" || property in target ? Reflect.get(target, property, receiver) : items.get(property)),
    set: (target, property, value) => (typeof property === "symbol" || property in target ? false : (items.set(property, String(value)), true)),
    has: (target, property) => property in target || (typeof property === "string" && items.has(property)),
    deleteProperty: (_target, property) => (typeof property === "string" && items.delete(property), true),
    ownKeys: () => [...items.keys()],
    getOwnPropertyDescriptor: (_target, property) => (typeof property === "string" && items.has(property) ? { value: items.get(property), writable: true, enumerable: true, configurable: true } : undefined),
  }) as unknown as Storage;
}

/** Puts a memory Storage where the window's own cannot be read (an opaque origin); leaves a readable one alone. */
export function lendStorage(target: Window = window): void {
  for (const name of ["localStorage", "sessionStorage"] as const) {
    try {
      void target[name];
      continue;
    } catch {
      // A sandboxed document without allow-same-origin: reading it throws a SecurityError.
    }
    Object.defineProperty(target, name, { configurable: true, enumerable: true, value: memoryStorage() });
  }
}
