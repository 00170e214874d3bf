// The subset of @observablehq/runtime 6 that wattbook uses (the package ships no types).
declare module "@observablehq/runtime" {
  export interface Observer {
    pending?(): void;
    fulfilled?(value: unknown, name: string | null): void;
    rejected?(error: unknown, name: string | null): void;
  }
  export class RuntimeError extends Error {
    constructor(message: string, input?: string);
    readonly input: string | undefined;
  }
  export class Variable {
    define(name: string | null, inputs: readonly string[], definition: (...args: any[]) => unknown): this;
    define(inputs: readonly string[], definition: (...args: any[]) => unknown): this;
    import(remote: string, name: string, module: Module): this;
    delete(): this;
  }
  export class Module {
    variable(observer?: Observer | boolean, options?: { shadow?: Record<string, () => unknown> }): Variable;
    define(name: string | null, inputs: readonly string[], definition: (...args: any[]) => unknown): Variable;
    redefine(name: string, inputs: readonly string[], definition: (...args: any[]) => unknown): Variable;
    value(name: string): Promise<unknown>;
    builtin(name: string, value: unknown): void;
  }
  export class Runtime {
    constructor(builtins?: Record<string, unknown>, global?: (name: string) => unknown);
    module(): Module;
    dispose(): void;
  }
}

// @observablehq/inputs ships no types; cells use it untyped, as in Observable.
declare module "@observablehq/inputs";
