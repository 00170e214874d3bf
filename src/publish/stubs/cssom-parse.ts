// Stand-in for cssomnom/parse in the build worker's bundle. linkedom uses it only to answer
// <style>.sheet, which nothing reads while a notebook is evaluated at build time, and the real parser
// is a third of the worker's code (≈330 KB that every worker would compile at start-up).
export function parse(): { cssRules: never[] } {
  return { cssRules: [] };
}
