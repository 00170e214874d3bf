// Where in an edited cell's compiled code an error was thrown, read from its stack. Each edited cell is
// compiled as a script of its own name (a `//# sourceURL`), so the frames of its code are told apart from
// the kernel's, the runtime's and other edited cells' (engines write a frame as `name:line:column`).

/** 1-based line and column of the topmost frame in the script `script`, when the stack has one. */
export function frameIn(thrown: unknown, script: string): { line: number; column: number } | undefined {
  const stack = thrown instanceof Error && typeof thrown.stack === "string" ? thrown.stack : "";
  const match = new RegExp(`(?<![\\w-])${escapeRegExp(script)}:(\\d+):(\\d+)`).exec(stack);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

/** A script name for compiled code that no other script has: letters, digits and dashes only. */
export function scriptName(cellId: string, serial: number): string {
  return `wattbook-edit-${cellId.replace(/[^\w-]/g, "_")}-${serial}.js`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
