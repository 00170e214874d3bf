// Which requests the preview answers, decided from the Host and Origin headers alone. Pure (the
// network interfaces are passed in), so every rule is tested without a server.
//
// Why: a web page on another site can make the reader's browser talk to the preview through DNS
// rebinding (its own name, re-pointed at 127.0.0.1): the browser then treats the preview as that
// site and lets the page read it. Such a request still names the attacker's host in `Host`, so the
// preview answers only requests whose Host is a name it is known by:
//   - the loopback names, always: `localhost`, `127.x.x.x`, `[::1]`;
//   - the host it was started with (`--host`), as given and as the address it bound;
//   - when bound to every interface (`0.0.0.0` or `::`), this machine's own interface addresses from
//     os.networkInterfaces() (IPv4 ones for 0.0.0.0, all for ::). Machine or mDNS names (`mybox.local`)
//     are not guessed: start the preview with `--host mybox.local` to be reached under that name.
// and only on its own port (a Host without a port means port 80). Host values are read the way a
// browser writes them (WHATWG URL host parsing: lower case, IPv4 and IPv6 in canonical form), so
// `127.1` counts as 127.0.0.1; that only ever widens what names the machine itself.
//
// The event stream (the preview's only streaming endpoint; nothing has side effects: methods other than
// GET and HEAD get 405) also refuses a foreign `Origin`: a page elsewhere may not subscribe to this
// preview's rebuilds. No Origin, or the origin of an accepted host on this port, is allowed; `null`
// (sandboxed frames, file: pages) is foreign.

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly status: 400 | 403 | 421; readonly reason: string };

export interface HostPolicy {
  /** The port the preview listens on. */
  readonly port: number;
  /** Canonical host names accepted besides the loopback names (lower case, IPv6 in brackets). */
  readonly names: readonly string[];
  /** The address to open instead, named in every refusal. */
  readonly url: string;
}

/** One network interface address, as os.networkInterfaces() lists it. */
export interface InterfaceAddress {
  readonly address: string;
  readonly family: string | number;
}

/** What start-up decides from the bound address: the policy, the URL to print, and a warning when the network can reach it. */
export interface Exposure {
  readonly policy: HostPolicy;
  readonly url: string;
  /** Lines for stderr when the preview is reachable from other machines; undefined on loopback. */
  readonly warning: string | undefined;
}

const OK: Verdict = { ok: true };

/** A Host (or authority) value as a browser would have written it: canonical host and numeric port, or undefined if it is not one. */
export function parseHost(value: string): { readonly host: string; readonly port: number } | undefined {
  // Only the characters of a registered name, an IPv4 address or a bracketed IPv6 address, then a port.
  if (!/^(?:[A-Za-z0-9._~-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{0,5})?$/.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(`http://${value}/`);
  } catch {
    return undefined;
  }
  if (!url.hostname) return undefined;
  return { host: url.hostname, port: url.port === "" ? 80 : Number(url.port) };
}

/** A canonical host that always names this machine: localhost, 127.x.x.x, [::1]. */
export function isLoopbackName(host: string): boolean {
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** An address a server is bound to (as server.address() gives it) that only this machine can reach. */
export function isLoopbackAddress(address: string): boolean {
  const a = address.toLowerCase().replace(/^\[|\]$/g, "");
  return a === "::1" || /^127\./.test(a) || /^::ffff:127\./.test(a) || a === "localhost";
}

/** The address that means "every interface". */
export function isWildcardAddress(address: string): boolean {
  return address === "0.0.0.0" || address === "::" || address === "::ffff:0.0.0.0";
}

const bracket = (host: string) => (host.includes(":") && !host.startsWith("[") ? `[${host}]` : host);

/** host:port as it would appear in a Host header (no port for 80). */
function authority(host: string, port: number): string {
  return port === 80 ? host : `${host}:${port}`;
}

/**
 * The policy, the URL to print and the start-up warning, for a preview started with `--host
 * requested` that bound `bound` (server.address().address) on `port`.
 */
export function exposure(requested: string, bound: string, port: number, interfaces: readonly InterfaceAddress[]): Exposure {
  const names = new Set<string>();
  const add = (value: string) => {
    const parsed = parseHost(bracket(value));
    if (parsed && !isLoopbackName(parsed.host)) names.add(parsed.host);
  };
  const wildcard = isWildcardAddress(bound) || isWildcardAddress(requested);
  if (wildcard) {
    const ipv4Only = bound === "0.0.0.0" || requested === "0.0.0.0";
    for (const entry of interfaces) {
      const v4 = entry.family === "IPv4" || entry.family === 4;
      if (v4 || !ipv4Only) add(entry.address);
    }
  } else {
    add(requested);
    add(bound);
  }
  // A wildcard is not a name to open: print the loopback address of its family instead.
  const shown = wildcard ? (bound === "::" || requested === "::" ? "[::1]" : "127.0.0.1") : bracket(requested);
  const url = `http://${authority(shown, port)}/`;
  const policy: HostPolicy = { port, names: [...names], url };
  if (isLoopbackAddress(bound)) return { policy, url, warning: undefined };
  const accepted = acceptedList(policy);
  const warning = [
    `warning: --host ${requested} puts the preview on the network (${bound === requested ? "" : `bound to ${bound}, `}port ${port}): every device that can reach this machine can now read the site and the source of its notebooks (page scripts and edit pages carry every cell), with no password and no TLS.`,
    `  It answers only requests whose Host names this machine — ${accepted} — and refuses any other name with 421 (that stops DNS rebinding, not a device on the network).`,
    `  To keep the preview to this machine, start it without --host (default 127.0.0.1).`,
  ].join("\n");
  return { policy, url, warning };
}

/** The accepted hosts, for messages: loopback names first, at most eight names. */
function acceptedList(policy: HostPolicy): string {
  const all = ["127.0.0.1", "localhost", "[::1]", ...policy.names];
  const shown = all.slice(0, 8).join(", ") + (all.length > 8 ? ` and ${all.length - 8} more` : "");
  return `${shown} (port ${policy.port})`;
}

function accepts(policy: HostPolicy, parsed: { host: string; port: number }): boolean {
  return parsed.port === policy.port && (isLoopbackName(parsed.host) || policy.names.includes(parsed.host));
}

/** Quotes a header value for a message, shortened and with anything unprintable escaped. */
function quote(value: string): string {
  const short = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return JSON.stringify(short);
}

/**
 * Decides on a request's Host header(s): all values of `Host` in the request (from rawHeaders, so that
 * a duplicate is seen) and its HTTP version.
 */
export function checkHost(hosts: readonly string[], httpVersion: string, policy: HostPolicy): Verdict {
  const todo = `Open ${policy.url} instead, or start the preview with --host <the address you use>.`;
  if (hosts.length === 0) {
    // HTTP/1.1 requires Host (RFC 9112: 400); an HTTP/1.0 request without one cannot say which site it wants.
    const status = httpVersion === "1.0" || httpVersion === "0.9" ? 421 : 400;
    return { ok: false, status, reason: `the request has no Host header, and this preview answers only requests naming ${acceptedList(policy)}. ${todo}\n` };
  }
  if (hosts.length > 1) return { ok: false, status: 400, reason: `the request has ${hosts.length} Host headers; send one. ${todo}\n` };
  const value = hosts[0]!.trim();
  const parsed = parseHost(value);
  if (!parsed) return { ok: false, status: 400, reason: `the Host header ${quote(value)} is not a host name or address with an optional port. ${todo}\n` };
  if (accepts(policy, parsed)) return OK;
  const why = parsed.port !== policy.port && (isLoopbackName(parsed.host) || policy.names.includes(parsed.host)) ? `port ${parsed.port} is not this preview's port` : `this preview is not known by that name (a page on another site may be trying to read it)`;
  return {
    ok: false,
    status: 421,
    reason: `misdirected request: Host ${quote(value)}: ${why}. This preview answers only requests naming ${acceptedList(policy)}. ${todo}\n`,
  };
}

/** Decides on the Origin header of a request to the event stream; undefined when there is none. */
export function checkOrigin(origin: string | readonly string[] | undefined, policy: HostPolicy): Verdict {
  if (origin === undefined) return OK;
  const values = typeof origin === "string" ? [origin] : origin;
  const refuse = (why: string): Verdict => ({
    ok: false,
    status: 403,
    reason: `the preview's event stream is only for its own pages: ${why}. Open the page from ${policy.url} instead.\n`,
  });
  if (values.length !== 1) return refuse(`the request has ${values.length} Origin headers`);
  const value = values[0]!.trim();
  if (value === "null") return refuse(`the request comes from an opaque origin ("null": a sandboxed frame, a file: page or a redirect)`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refuse(`the Origin ${quote(value)} is not an origin`);
  }
  if (url.origin !== value.toLowerCase() || url.protocol !== "http:") return refuse(`the Origin ${quote(value)} is not an http origin of this preview`);
  const parsed = { host: url.hostname, port: url.port === "" ? 80 : Number(url.port) };
  if (!accepts(policy, parsed)) return refuse(`the request comes from a page at ${quote(value)}`);
  return OK;
}

/** Every value of one header in a request's rawHeaders (Node keeps only the first Host in `headers`). */
export function headerValues(rawHeaders: readonly string[], name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) if (rawHeaders[i]!.toLowerCase() === name) values.push(rawHeaders[i + 1]!);
  return values;
}
