// Walks what a kernel module exports and finds the first object, array or function that is not frozen, by
// path ("accelerators.h100.watts"). Shared by frozen.test.ts (the kernel as Node loads it) and
// portability.test.ts (the kernel as esbuild bundles it for the browser).

/**
 * The one thing a walk does not require to be frozen: the zod schema a kernel function carries as `schema`
 * (zod defines parsers on a schema lazily, on first use). The function itself is frozen, so `schema` cannot
 * be reassigned. Recognized by shape, so that it works on bundled code too: a `schema` property holding an
 * object with zod's `_zod` internals, on a function with a `kernelName`.
 */
export function isKernelSchema(owner: unknown, key: PropertyKey, value: unknown): boolean {
  return (
    key === "schema" &&
    typeof owner === "function" &&
    typeof (owner as { kernelName?: unknown }).kernelName === "string" &&
    typeof value === "object" &&
    value !== null &&
    "_zod" in value
  );
}

/** The path of the first object, array or function reachable from `value` (own properties) that is not frozen. */
export function firstUnfrozen(value: unknown, path: string, seen = new Set<object>()): string | undefined {
  if ((typeof value !== "object" || value === null) && typeof value !== "function") return undefined;
  if (seen.has(value)) return undefined;
  seen.add(value);
  if (!Object.isFrozen(value)) return path;
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(value, key)!;
    const step = `${path}.${String(key)}`;
    const reached = "value" in descriptor ? [descriptor.value] : [descriptor.get, descriptor.set];
    for (const child of reached) {
      if ("value" in descriptor && isKernelSchema(value, key, child)) continue;
      const found = firstUnfrozen(child, step, seen);
      if (found) return found;
    }
  }
  return undefined;
}

/** How many objects, arrays and functions a walk reaches, so a test can show it walked something. */
export function countReached(value: unknown, seen = new Set<object>()): number {
  if ((typeof value !== "object" || value === null) && typeof value !== "function") return 0;
  if (seen.has(value)) return 0;
  seen.add(value);
  let count = 1;
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(value, key)!;
    if (!("value" in descriptor)) continue;
    if (isKernelSchema(value, key, descriptor.value)) continue;
    count += countReached(descriptor.value, seen);
  }
  return count;
}

/**
 * Which exports of one kernel module must be frozen: all of them in the public surface (index.ts); in a
 * topic module, every non-function export and every kernel function. Plain helpers that only the kernel's
 * own modules import (parseInput, the zod builders fields.ts re-exports) hold no data a notebook reads.
 */
export function exportsToCheck(module: Record<string, unknown>, isPublicSurface: boolean): [string, unknown][] {
  return Object.entries(module).filter(
    ([, value]) => isPublicSurface || typeof value !== "function" || typeof (value as { kernelName?: unknown }).kernelName === "string",
  );
}
