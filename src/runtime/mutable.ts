// Mutable, as Observable Framework has it: `const count = Mutable(0)` declares a value that other cells
// read as `count` (0, then each new value) and that the declaring cell changes through `count.value`,
// usually in functions it exports (`const increment = () => ++count.value`). Other cells cannot assign
// a cell's names; calling such a function is how they change one.
import { observe } from "./generators.ts";

export type Mutable<T> = AsyncGenerator<T, void, unknown> & { value: T };

/**
 * A generator the runtime reads like any other (its values are what other cells see), with a `value`
 * that sets the next one. Until it has a value (`Mutable()`), the cells that read it wait.
 */
export function Mutable<T>(initial?: T): Mutable<T> {
  let current = initial;
  let change: ((value: T) => void) | undefined;
  const generator = observe<T>((notify) => {
    change = notify;
    // A value set before the runtime first asked is the one it gets.
    if (current !== undefined) notify(current);
    return () => (change = undefined);
  });
  return Object.defineProperty(generator, "value", {
    get: () => current,
    set: (next: T) => {
      current = next;
      change?.(next);
    },
  }) as Mutable<T>;
}
