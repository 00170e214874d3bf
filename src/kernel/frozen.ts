// Kernel constants are shared: every notebook evaluated in one realm (and every cell of one page) reads
// the same catalog objects, so a cell that ran `accelerators.h100.watts.value = 100` would change what
// other notebooks print. Every exported constant is therefore deep-frozen where it is defined, once, at
// module load; an assignment to one then throws a TypeError in the cell that tries it (cells are modules,
// so strict mode), and the build reports it at that cell's line.

/** The type of a deep-frozen value: every property readonly, all the way down; functions keep their type. */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer Item)[]
    ? readonly DeepReadonly<Item>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

/**
 * Objects a walk has entered: frozen, their subtrees frozen or being frozen by the walk under way. A later
 * walk stops at them, so a catalog's records frozen at birth are not walked again, and a cycle ends.
 */
const entered = new WeakSet<object>();

/** Objects the caller asked to leave as they are (see `leftUnfrozen`); a walk stops at them. */
const opaque = new WeakSet<object>();

/**
 * Freezes `value` and everything reachable from it through own properties (string and symbol keys, data
 * values and accessor functions, a function's `prototype`): objects, arrays, nested records, functions.
 * Primitives are returned as they are; cycles and shared subtrees are frozen once. Returns `value` itself.
 *
 * A value whose contents `Object.freeze` cannot protect (a typed array, ArrayBuffer, Map, Set, WeakMap,
 * WeakSet or Date) is a TypeError naming where it was found, so a constant is never only apparently frozen.
 */
export function deepFrozen<T>(value: T): DeepReadonly<T> {
  if (isObjectLike(value)) {
    try {
      freezeTree(value);
    } catch (error) {
      // What this walk entered is not known to be frozen all the way down, so a later walk must not skip it.
      forget(value, new Set());
      throw error;
    }
  }
  return value as DeepReadonly<T>;
}

/**
 * Marks `value` to be left unfrozen by any `deepFrozen` walk that reaches it, and returns it. For objects
 * that must stay writable for the library that owns them: zod schemas define their parsers and shapes
 * lazily on themselves on first use, so a frozen schema cannot parse.
 */
export function leftUnfrozen<T extends object>(value: T): T {
  opaque.add(value);
  return value;
}

function isObjectLike(value: unknown): value is object {
  return (typeof value === "object" && value !== null) || typeof value === "function";
}

// Called some 700 times as the kernel loads, mostly on small records of primitives, so it allocates nothing
// and checks the unusual kinds only for objects that are not plain objects, arrays or functions.
function freezeTree(value: object): void {
  if (entered.has(value) || opaque.has(value)) return;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null && typeof value !== "function") {
    const unfreezable = unfreezableKind(value);
    if (unfreezable) throw new TypeError(`deepFrozen: ${unfreezable} cannot be frozen; kernel constants hold plain objects and arrays`);
  }
  entered.add(value);
  Object.freeze(value);
  const keys = Reflect.ownKeys(value);
  let i = 0;
  try {
    for (; i < keys.length; i++) {
      const descriptor = Reflect.getOwnPropertyDescriptor(value, keys[i]!)!;
      if ("value" in descriptor) {
        if (isObjectLike(descriptor.value)) freezeTree(descriptor.value);
      } else {
        if (descriptor.get) freezeTree(descriptor.get);
        if (descriptor.set) freezeTree(descriptor.set);
      }
    }
  } catch (error) {
    // Located on the way out, so the common path keeps no path at all: "deepFrozen: at grids.day.value: …".
    throw located(error, keys[i]!);
  }
}

/** Error path only: un-marks what a failed walk entered from `value`. */
function forget(value: unknown, seen: Set<object>): void {
  if (!isObjectLike(value) || seen.has(value) || opaque.has(value)) return;
  seen.add(value);
  entered.delete(value);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(value, key)!;
    if ("value" in descriptor) forget(descriptor.value, seen);
    else (forget(descriptor.get, seen), forget(descriptor.set, seen));
  }
}

function located(error: unknown, key: PropertyKey): unknown {
  if (!(error instanceof TypeError) || !error.message.startsWith("deepFrozen: ")) return error;
  const rest = error.message.slice("deepFrozen: ".length);
  const step = typeof key === "symbol" ? `[${String(key)}]` : String(key);
  const message = rest.startsWith("at ") ? `at ${step}.${rest.slice(3)}` : `at ${step}: ${rest}`;
  return new TypeError(`deepFrozen: ${message}`);
}

function unfreezableKind(value: object): string | undefined {
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  if (value instanceof ArrayBuffer) return "an ArrayBuffer";
  if (value instanceof Map) return "a Map";
  if (value instanceof Set) return "a Set";
  if (value instanceof WeakMap) return "a WeakMap";
  if (value instanceof WeakSet) return "a WeakSet";
  if (value instanceof Date) return "a Date";
  return undefined;
}
