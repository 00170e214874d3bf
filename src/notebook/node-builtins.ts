// Node's own modules, which a cell cannot import: cells run in the browser too. Written out rather than
// read from node:module, because src/notebook runs in the browser (the editor) as well. Names that are
// also ordinary browser packages on the registry (events, buffer, util, assert, punycode, url,
// string_decoder, process) are left out: importing one of those by its bare name means the package.

const MACHINE_MODULES = new Set([
  "async_hooks", "child_process", "cluster", "console", "constants", "crypto", "dgram", "diagnostics_channel", "dns", "domain",
  "fs", "http", "http2", "https", "inspector", "module", "net", "os", "path", "perf_hooks", "querystring", "readline", "repl",
  "sea", "sqlite", "stream", "sys", "test", "timers", "tls", "trace_events", "tty", "v8", "vm", "wasi", "worker_threads", "zlib",
]);

/** True for `node:…` and the bare names of Node modules that have no browser meaning (fs, fs/promises, …). */
export function isNodeBuiltin(specifier: string): boolean {
  if (specifier.startsWith("node:")) return true;
  return MACHINE_MODULES.has(specifier.split("/")[0]!);
}
