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

/** Objects whose whole subtree has been frozen by an earlier call: a catalog's records frozen at birth are not walked again. */
const done = new WeakSet<object>();

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
  if (isObjectLike(value)) freezeTree(value, new Set());
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

function freezeTree(value: object, visiting: Set<object>): void {
  if (done.has(value) || opaque.has(value) || visiting.has(value)) return;
  const unfreezable = unfreezableKind(value);
  if (unfreezable) throw new TypeError(`deepFrozen: ${unfreezable} cannot be frozen; kernel constants hold plain objects and arrays`);
  visiting.add(value);
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(value, key)!;
    try {
      if ("value" in descriptor) {
        if (isObjectLike(descriptor.value)) freezeTree(descriptor.value, visiting);
      } else {
        if (descriptor.get) freezeTree(descriptor.get, visiting);
        if (descriptor.set) freezeTree(descriptor.set, visiting);
      }
    } catch (error) {
      // Located on the way out, so the common path keeps no path at all: "deepFrozen: at grids.day.value: …".
      throw located(error, key);
    }
  }
  visiting.delete(value);
  done.add(value);
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
