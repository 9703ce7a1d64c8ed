import { describe, expect, it } from "vitest";
import { ClientAddresses, PEER_HEADER, addressMatcher, clientKey, plainAddress } from "./client-address";

const from = (peer: string | undefined, forwardedFor?: string) => {
  const h = new Headers();
  if (peer !== undefined) h.set(PEER_HEADER, peer);
  if (forwardedFor !== undefined) h.set("x-forwarded-for", forwardedFor);
  return h;
};

describe("plainAddress and clientKey", () => {
  it("writes an IPv4 client of a dual-stack socket as IPv4", () => {
    expect(plainAddress("::ffff:10.1.2.3")).toBe("10.1.2.3");
    expect(plainAddress("::1")).toBe("::1");
    expect(clientKey("::FFFF:192.0.2.7")).toBe("192.0.2.7");
  });

  it("keys an IPv4 address by itself and an IPv6 address by its /64", () => {
    expect(clientKey("192.0.2.7")).toBe("192.0.2.7");
    expect(clientKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:0db8:0001:0002::1")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientKey("::1")).toBe("0:0:0:0::/64");
    expect(clientKey("fe80::1:2:3:4")).toBe(clientKey("fe80::9:8:7:6"));
  });
});

describe("ClientAddresses", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    const clients = new ClientAddresses([]);
    expect(clients.of(from("192.0.2.7", "203.0.113.9"))).toBe("192.0.2.7");
    expect(clients.of(from("::ffff:192.0.2.7"))).toBe("192.0.2.7");
  });

  it("is unknown when the peer was not noted", () => {
    expect(new ClientAddresses([]).of(from(undefined, "203.0.113.9"))).toBeUndefined();
  });

  it("reads X-Forwarded-For from the right, past every trusted proxy, from a trusted peer only", () => {
    const clients = new ClientAddresses(["10.0.0.0/8", "192.0.2.1"]);
    expect(clients.of(from("10.1.1.1", "203.0.113.9"))).toBe("203.0.113.9");
    // The client wrote 198.51.100.1 itself; the first proxy appended the address it saw.
    expect(clients.of(from("10.1.1.1", "198.51.100.1, 203.0.113.9, 192.0.2.1"))).toBe("203.0.113.9");
    expect(clients.of(from("192.0.2.1", "[2001:db8::5]"))).toBe("2001:db8::5");
    // An untrusted peer's header is its own to write.
    expect(clients.of(from("198.51.100.2", "203.0.113.9"))).toBe("198.51.100.2");
  });

  it("stops at the last trusted proxy when the header runs out or holds no address", () => {
    const clients = new ClientAddresses(["10.0.0.0/8"]);
    expect(clients.of(from("10.1.1.1"))).toBe("10.1.1.1");
    expect(clients.of(from("10.1.1.1", "10.2.2.2"))).toBe("10.2.2.2");
    expect(clients.of(from("10.1.1.1", "unknown"))).toBe("10.1.1.1");
    expect(clients.of(from("10.1.1.1", "203.0.113.9:4711"))).toBe("10.1.1.1");
  });
});

describe("addressMatcher", () => {
  it("matches IPv4 and IPv6 addresses and ranges, IPv4-mapped peers as IPv4", () => {
    const trusted = addressMatcher(["127.0.0.1/32", "10.0.0.0/8", "fd00::/8", "::1"]);
    for (const yes of ["127.0.0.1", "::ffff:127.0.0.1", "10.200.3.4", "fd12:3456::1", "::1"])
      expect(trusted(yes), yes).toBe(true);
    for (const no of ["127.0.0.2", "11.0.0.1", "fe80::1", "::2", "unknown", ""]) expect(trusted(no), no).toBe(false);
  });
});
