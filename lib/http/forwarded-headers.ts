import { BlockList, isIP } from "node:net";

// X-Forwarded-* are believed only from the reverse proxies named in GATEHOUSE_TRUSTED_PROXIES
// [ASVS 4.1.3, 16.2.1]. From anyone else they are removed before Next sees the request, so
// Next fills them from the socket: a client's "X-Forwarded-For: 6.6.6.6" never reaches the
// audit log, and its X-Forwarded-Host cannot match a foreign Origin in the server-action check.

const FORWARDED = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
];

export interface TrustedProxies {
  has(address: string | undefined): boolean;
}

/** Entries are addresses or CIDR ranges: "10.0.0.5", "10.0.0.0/8", "fd00::/8". */
export function trustedProxies(entries: string[]): TrustedProxies {
  const list = new BlockList();
  for (const e of entries) {
    const [addr, bits] = e.split("/");
    const family = isIP(addr ?? "");
    if (!family) throw new Error(`GATEHOUSE_TRUSTED_PROXIES: "${e}" is not an address or CIDR range`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(addr!, type);
    else list.addSubnet(addr!, Number(bits), type);
  }
  return {
    has(address) {
      if (!address || entries.length === 0) return false;
      const plain =
        address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
      const family = isIP(plain);
      return family !== 0 && list.check(plain, family === 6 ? "ipv6" : "ipv4");
    },
  };
}

type HeaderBag = Record<string, string | string[] | undefined>;

/**
 * Rewrites `headers` in place for a request that arrived from `peer`. From an untrusted
 * peer every forwarding header goes. From a trusted proxy, X-Forwarded-For is cut to the
 * nearest hop that is not itself a trusted proxy (the client as our proxies saw it).
 */
export function sanitiseForwardedHeaders(
  headers: HeaderBag,
  peer: string | undefined,
  trusted: TrustedProxies,
) {
  if (!trusted.has(peer)) {
    for (const h of FORWARDED) delete headers[h];
    return;
  }
  const xff = headers["x-forwarded-for"];
  if (xff === undefined) return;
  const hops = (Array.isArray(xff) ? xff.join(",") : xff)
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  let client: string | undefined;
  for (let i = hops.length - 1; i >= 0; i--) {
    client = hops[i];
    if (!trusted.has(hops[i])) break;
  }
  if (client && isIP(client)) headers["x-forwarded-for"] = client;
  else delete headers["x-forwarded-for"];
}
