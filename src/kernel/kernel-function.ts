// Kernel functions: a bare formula wrapped with its input schema, so that every call validates once at the
// boundary (input-error.ts words what it rejects) and `sweep` can run the formula over many values after
// validating once (sweep.ts). Every public function of the kernel is made by `kernelFunction`. While the
// runtime records a cell (provenance.ts), a call or a sweep also notes what it received and returned;
// `unchecked`, the bare formula, never does.
import type { core, ZodMiniType } from "zod/mini";
import { deepFrozen, leftUnfrozen } from "./frozen.ts";
import { parseInput } from "./input-error.ts";
import { currentRecording, recordedCall } from "./provenance.ts";
import { runSweep, type SweepValues } from "./sweep.ts";

/** Keys of T whose values are numbers: the only fields a sweep can vary. */
export type NumberKeys<T> = { [K in keyof T]-?: NonNullable<T[K]> extends number ? K : never }[keyof T];

/**
 * An input as a caller may pass it: every array and object in it may be readonly, as the kernel's own
 * catalogs are (they are frozen, and typed `readonly`), so that `bestStartWindow({hourlyGPerKWh:
 * illustrativeDay.value, …})` type-checks. The kernel never writes to its input.
 */
export type ReadonlyInput<T> = T extends (...args: never[]) => unknown ? T : T extends object ? { readonly [K in keyof T]: ReadonlyInput<T[K]> } : T;

export interface KernelFunction<In, Out, Parsed = Required<In>> {
  (input: In): Out;
  /** The function's name as it appears in errors. */
  readonly kernelName: string;
  /** The input schema (the source of `In`). */
  readonly schema: ZodMiniType;
  /**
   * Evaluates the formula over many values of one or more number fields, validating once.
   *
   *     clusterEnergy.sweep({devices: 64, watts: 400, pue: 1.12}, {hours: [24, 168, 336]})
   *
   * `base` holds the fields that stay fixed; `values` maps each swept field to its values (an array or
   * a typed array). Several swept fields are zipped, not crossed: scenario i takes element i of each,
   * so they must all be the same length. Result i equals `fn({...base, field: values.field[i]})`.
   *
   * Validation happens before the loop and costs O(n) cheap comparisons plus a few schema parses, not n:
   * every value must be finite; the smallest, the largest and the first fractional value of each field
   * are checked against the field's own schema (its rules are bounds, so the extremes stand for all
   * values, and the fractional probe catches whole-number fields). A bad value is reported by its first
   * index: `clusterEnergy: hours[3] must be ≥ 0 (got -1)`. Schemas with rules that relate two fields
   * (object-level checks), or fields with rules other than bounds and number formats, are validated
   * scenario by scenario instead: correct, and as slow as calling the function n times.
   */
  sweep<const K extends NumberKeys<In>>(
    // NoInfer: the swept fields are the keys of `values` alone; `base` is then checked against them.
    base: NoInfer<Omit<In, K> & Partial<Pick<In, K>>>,
    values: { readonly [P in K]: SweepValues },
  ): Out[];
  /** The formula without validation, for inputs that have already passed the schema (defaults filled). */
  readonly unchecked: (input: Parsed) => Out;
}

/**
 * Wraps a bare formula with its schema. `formula` receives parsed input (defaults filled in) and must be
 * pure: no I/O, no clock, no randomness, and it must not keep a reference to its input object, because
 * sweeps hand it the same object with one field changed between calls.
 *
 * The schema is made on the function's first use, from `makeSchema`: building the kernel's seventy
 * schemas took most of its load time (about 4 ms in every realm and page), and a notebook calls a few.
 *
 * The function is frozen, with its `sweep` and `unchecked`: kernel functions are shared by every notebook,
 * so none can replace `clusterEnergy.sweep` under another. The schema object itself stays writable because
 * zod defines its parsers and shapes on it lazily, on first use; `schema` (a getter) still cannot be replaced.
 */
export function kernelFunction<S extends ZodMiniType, Out>(
  name: string,
  makeSchema: () => S,
  formula: (input: core.output<S>) => Out,
): KernelFunction<ReadonlyInput<core.input<S>>, Out, core.output<S>> {
  let schema: S | undefined;
  const schemaOf = (): S => (schema ??= leftUnfrozen(makeSchema()));
  const call = (input: ReadonlyInput<core.input<S>>): Out => {
    const recording = currentRecording();
    if (recording === undefined) return formula(parseInput(name, schemaOf(), input));
    return recordedCall(recording, name, input, (note) => {
      const parsed = parseInput(name, schemaOf(), input);
      note(parsed);
      return formula(parsed);
    });
  };
  const sweep = (base: unknown, values: unknown): Out[] => {
    const recording = currentRecording();
    if (recording === undefined) return runSweep(name, schemaOf(), formula, base, values);
    const columns = values !== null && typeof values === "object" ? (values as Record<string, ArrayLike<number>>) : {};
    const fields = Object.keys(columns);
    const input = base !== null && typeof base === "object" ? { ...(base as object), ...columns } : base;
    return recordedCall(recording, name, input, () => runSweep(name, schemaOf(), formula, base, values), { fields, length: columns[fields[0]!]?.length ?? 0 });
  };
  return deepFrozen(
    Object.defineProperties(call, {
      kernelName: { value: name, enumerable: true },
      schema: { get: schemaOf, enumerable: true },
      sweep: { value: sweep as KernelFunction<ReadonlyInput<core.input<S>>, Out, core.output<S>>["sweep"], enumerable: true },
      unchecked: { value: formula, enumerable: true },
    }) as KernelFunction<ReadonlyInput<core.input<S>>, Out, core.output<S>>,
  );
}
