// Where a value is in a configuration's settings, and how an error writes it: ["pages", 1, "title"] is
// pages[1].title, as it would be read in JavaScript.

export type KeyPath = readonly (string | number)[];

/** "pages[1].title" */
export function formatKeyPath(path: KeyPath): string {
  return path.map((key, index) => (typeof key === "number" ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `${index ? "." : ""}${key}` : `[${JSON.stringify(key)}]`)).join("");
}
