// Types of bench/generate.mjs, for bench/realm.ts.
export function generatedNotebook(i: number): string;
export function generateNotebooks(dir: string, count?: number): Promise<void>;
