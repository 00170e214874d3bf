import { describe, expect, it } from "vitest";
import { checkHost, checkOrigin, exposure, headerValues, isLoopbackAddress, parseHost, type HostPolicy } from "../../src/preview/origin-guard.ts";

const loopback: HostPolicy = exposure("127.0.0.1", "127.0.0.1", 3000, []).policy;

const LAN = [
  { address: "127.0.0.1", family: "IPv4" },
  { address: "::1", family: "IPv6" },
  { address: "192.168.1.5", family: "IPv4" },
  { address: "fd00::2", family: "IPv6" },
  { address: "fe80::fc:ff:fe00:1", family: "IPv6" },
];

describe("parseHost", () => {
  it.each([
    ["127.0.0.1:3000", "127.0.0.1", 3000],
    ["LOCALHOST:3000", "localhost", 3000],
    ["[::1]:3000", "[::1]", 3000],
    ["[0:0:0:0:0:0:0:1]:3000", "[::1]", 3000],
    ["127.1:3000", "127.0.0.1", 3000], // as a browser reads it
    ["example.org", "example.org", 80],
    ["example.org:", "example.org", 80],
  ])("%s → %s port %i", (value, host, port) => {
    expect(parseHost(value)).toEqual({ host, port });
  });

  it.each(["", ":3000", "a@b:3000", "evil.org/x", "evil.org:3000:1", "[::1", "1.2.3.4.5", "256.1.1.1", "h:123456", "exa mple", "évil.org", "127.0.0.1:3000\r\nX: y"])(
    "refuses %j",
    (value) => {
      expect(parseHost(value)).toBeUndefined();
    },
  );
});

describe("checkHost on a loopback preview", () => {
  it.each(["127.0.0.1:3000", "localhost:3000", "LocalHost:3000", "[::1]:3000", "127.0.0.2:3000", "127.255.255.254:3000"])("answers Host %s", (host) => {
    expect(checkHost([host], "1.1", loopback)).toEqual({ ok: true });
  });

  it.each([
    ["evil.example:3000", "this preview is not known by that name"],
    ["evil.example", "this preview is not known by that name"],
    ["127.0.0.1", "port 80 is not this preview's port"],
    ["localhost:3001", "port 3001 is not this preview's port"],
    ["192.168.1.5:3000", "this preview is not known by that name"],
    ["localhost.:3000", "this preview is not known by that name"],
    ["sub.localhost:3000", "this preview is not known by that name"],
    ["0.0.0.0:3000", "this preview is not known by that name"],
    ["[::ffff:127.0.0.1]:3000", "this preview is not known by that name"],
  ])("refuses Host %s with 421", (host, why) => {
    const verdict = checkHost([host], "1.1", loopback);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.status).toBe(421);
    expect(verdict.reason).toContain(`misdirected request: Host ${JSON.stringify(host)}: ${why}`);
    expect(verdict.reason).toContain("127.0.0.1, localhost, [::1] (port 3000)");
    expect(verdict.reason).toContain("Open http://127.0.0.1:3000/ instead, or start the preview with --host");
  });

  it("refuses a missing Host: 400 on HTTP/1.1 (RFC 9112), 421 on HTTP/1.0", () => {
    expect(checkHost([], "1.1", loopback)).toMatchObject({ ok: false, status: 400, reason: expect.stringContaining("the request has no Host header") });
    expect(checkHost([], "1.0", loopback)).toMatchObject({ ok: false, status: 421, reason: expect.stringContaining("Open http://127.0.0.1:3000/") });
  });

  it("refuses two Host headers and a malformed one with 400", () => {
    expect(checkHost(["127.0.0.1:3000", "evil.example:3000"], "1.1", loopback)).toMatchObject({ ok: false, status: 400, reason: expect.stringContaining("2 Host headers") });
    expect(checkHost(["a@127.0.0.1:3000"], "1.1", loopback)).toMatchObject({ ok: false, status: 400, reason: expect.stringContaining('the Host header "a@127.0.0.1:3000" is not a host name') });
  });

  it("quotes a long or strange Host shortly and escaped", () => {
    const verdict = checkHost([`${"x".repeat(500)}\u0007`], "1.1", loopback);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.reason.length).toBeLessThan(400);
    expect(verdict.reason).not.toContain("\u0007");
  });
});

describe("exposure", () => {
  it("on loopback: no warning, the URL as given, only loopback names", () => {
    const result = exposure("127.0.0.1", "127.0.0.1", 3000, LAN);
    expect(result.warning).toBeUndefined();
    expect(result.url).toBe("http://127.0.0.1:3000/");
    expect(result.policy.names).toEqual([]);
    expect(exposure("localhost", "::1", 4000, LAN)).toMatchObject({ url: "http://localhost:4000/", warning: undefined });
    expect(exposure("::1", "::1", 4000, LAN).url).toBe("http://[::1]:4000/");
  });

  it("a loopback address besides 127.0.0.1 is accepted as itself", () => {
    const { policy, url, warning } = exposure("127.0.0.2", "127.0.0.2", 3000, LAN);
    expect(url).toBe("http://127.0.0.2:3000/");
    expect(warning).toBeUndefined();
    expect(checkHost(["127.0.0.2:3000"], "1.1", policy).ok).toBe(true);
  });

  it("on 0.0.0.0: warns, prints a loopback URL, and accepts this machine's IPv4 addresses only", () => {
    const { policy, url, warning } = exposure("0.0.0.0", "0.0.0.0", 3000, LAN);
    expect(url).toBe("http://127.0.0.1:3000/");
    expect(warning).toMatch(/^warning: --host 0\.0\.0\.0 puts the preview on the network/);
    expect(warning).toContain("every device that can reach this machine can now read the site and the source of its notebooks");
    expect(warning).toContain("127.0.0.1, localhost, [::1], 192.168.1.5 (port 3000)");
    expect(warning).toContain("start it without --host");
    expect(policy.names).toEqual(["192.168.1.5"]);
    expect(checkHost(["192.168.1.5:3000"], "1.1", policy).ok).toBe(true);
    expect(checkHost(["localhost:3000"], "1.1", policy).ok).toBe(true);
    expect(checkHost(["[fd00::2]:3000"], "1.1", policy)).toMatchObject({ ok: false, status: 421 });
    expect(checkHost(["0.0.0.0:3000"], "1.1", policy)).toMatchObject({ ok: false, status: 421 });
    expect(checkHost(["rebound.evil.example:3000"], "1.1", policy)).toMatchObject({ ok: false, status: 421 });
    expect(checkHost(["192.168.1.5:3001"], "1.1", policy)).toMatchObject({ ok: false, status: 421 });
  });

  it("on :: accepts IPv6 interface addresses too, numeric families as well", () => {
    const { policy, url, warning } = exposure("::", "::", 8080, [...LAN, { address: "10.0.0.7", family: 4 }]);
    expect(url).toBe("http://[::1]:8080/");
    expect(warning).toContain("--host ::");
    expect(policy.names).toEqual(["192.168.1.5", "[fd00::2]", "[fe80::fc:ff:fe00:1]", "10.0.0.7"]);
    expect(checkHost(["[FD00:0::2]:8080"], "1.1", policy).ok).toBe(true);
  });

  it("on a named non-loopback host: the name and its address, and a warning", () => {
    const { policy, url, warning } = exposure("mybox.local", "192.168.1.5", 3000, LAN);
    expect(url).toBe("http://mybox.local:3000/");
    expect(policy.names).toEqual(["mybox.local", "192.168.1.5"]);
    expect(warning).toContain("bound to 192.168.1.5, port 3000");
    expect(checkHost(["MyBox.local:3000"], "1.1", policy).ok).toBe(true);
    expect(checkHost(["[fd00::2]:3000"], "1.1", policy).ok).toBe(false); // not bound there
  });

  it("port 80 accepts a Host without a port", () => {
    const { policy, url } = exposure("127.0.0.1", "127.0.0.1", 80, []);
    expect(url).toBe("http://127.0.0.1/");
    expect(checkHost(["127.0.0.1"], "1.1", policy).ok).toBe(true);
    expect(checkHost(["127.0.0.1:80"], "1.1", policy).ok).toBe(true);
  });

  it("tells loopback addresses from others", () => {
    for (const a of ["127.0.0.1", "127.3.2.1", "::1", "::ffff:127.0.0.1"]) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ["0.0.0.0", "::", "192.168.1.5", "fd00::2", "128.0.0.1"]) expect(isLoopbackAddress(a), a).toBe(false);
  });
});

describe("checkOrigin", () => {
  it.each([undefined, "http://127.0.0.1:3000", "http://localhost:3000", "http://[::1]:3000"])("allows %s", (origin) => {
    expect(checkOrigin(origin, loopback)).toEqual({ ok: true });
  });

  it.each([
    ["http://evil.example:3000", 'from a page at "http://evil.example:3000"'],
    ["https://127.0.0.1:3000", "is not an http origin of this preview"],
    ["http://127.0.0.1:3001", "from a page at"],
    ["http://127.0.0.1", "from a page at"],
    ["null", "opaque origin"],
    ["file://", "not an http origin"],
    ["http://127.0.0.1:3000/page.html", "not an http origin"],
    ["not a url", "is not an origin"],
  ])("refuses %s with 403", (origin, why) => {
    const verdict = checkOrigin(origin, loopback);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.status).toBe(403);
    expect(verdict.reason).toContain("the preview's event stream is only for its own pages");
    expect(verdict.reason).toContain(why);
    expect(verdict.reason).toContain("Open the page from http://127.0.0.1:3000/ instead");
  });

  it("refuses two Origin headers", () => {
    expect(checkOrigin(["http://127.0.0.1:3000", "http://evil.example"], loopback)).toMatchObject({ ok: false, status: 403, reason: expect.stringContaining("2 Origin headers") });
  });
});

describe("headerValues", () => {
  it("keeps every value of a header, whatever its case", () => {
    expect(headerValues(["Host", "a", "Accept", "*/*", "HOST", "b"], "host")).toEqual(["a", "b"]);
    expect(headerValues(["Accept", "*/*"], "host")).toEqual([]);
  });
});
