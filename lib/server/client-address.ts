import { BlockList, isIP } from "node:net";

/**
 * The request header in which the server notes the socket's peer address (lib/server/request-start.ts).
 * Set on every request, over anything a client sent under that name: Next hands routes a Request,
 * never the socket, and its own X-Forwarded-For keeps whatever the client wrote there.
 */
export const PEER_HEADER = "x-signalboard-peer";

/** An address as one family writes it: an IPv4 client on a dual-stack socket (`::ffff:10.0.0.1`) as IPv4. */
export function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

/** The eight 16-bit groups of an IPv6 address, `::` expanded (an embedded IPv4 tail counts as two). */
function ipv6Groups(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const part = (s: string) =>
    s
      ? s.split(":").flatMap((g) => {
          const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(g);
          if (!v4) return [g];
          const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
          return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
        })
      : [];
  const left = part(head);
  const right = part(tail ?? "");
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ""));
}

/**
 * The rate limit's key for a client address: an IPv4 address itself, an IPv6 address its /64. One
 * host or home line gets a whole /64, so counting its addresses apart would let it rotate past the limit.
 */
export function clientKey(address: string): string {
  const plain = plainAddress(address);
  if (isIP(plain) !== 6) return plain;
  return `${ipv6Groups(plain).slice(0, 4).join(":")}::/64`;
}

/** Whether an address lies in any of `entries` (addresses and CIDR ranges, `10.0.0.0/8`, `fd00::/8`). */
export function addressMatcher(entries: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return (address) => {
    const plain = plainAddress(address);
    const family = isIP(plain);
    return family !== 0 && list.check(plain, family === 6 ? "ipv6" : "ipv4");
  };
}

/**
 * Who a request comes from: the socket's peer, unless that peer is a trusted proxy; then the
 * nearest address in X-Forwarded-For that is not a trusted proxy itself, read from the right (each
 * proxy appends the address it was reached from; whatever lies left of that is the client's to write).
 */
export class ClientAddresses {
  private readonly isTrusted: (address: string) => boolean;
  private readonly anyTrusted: boolean;

  constructor(trustedProxies: readonly string[]) {
    this.isTrusted = addressMatcher(trustedProxies);
    this.anyTrusted = trustedProxies.length > 0;
  }

  /** The client's address for a request's headers, or undefined when the peer was not noted. */
  of(headers: Headers): string | undefined {
    const peer = headers.get(PEER_HEADER);
    if (!peer) return undefined;
    let client = plainAddress(peer);
    if (!this.anyTrusted) return client;
    const hops = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((h) => plainAddress(h.trim().replace(/^\[(.*)\]$/, "$1")))
      .filter(Boolean);
    while (this.isTrusted(client)) {
      const next = hops.pop();
      // A hop that is not an address is nobody's: the last proxy that wrote a real one stands for the client.
      if (next === undefined || !isIP(next)) break;
      client = next;
    }
    return client;
  }
}
