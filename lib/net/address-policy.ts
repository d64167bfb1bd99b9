// Which network addresses Gatehouse may connect to on an admin's behalf (pure). A GitHub
// or registry URL is attacker-influenced input from the server's point of view: pointed
// at 169.254.169.254 it would hand cloud metadata (and credentials) to whoever can read
// sync errors [SSRF, ASVS 1.3.x]. Loopback and private ranges are refused unless the
// instance runs in explicit demo/test mode (GATEHOUSE_ALLOW_PRIVATE_NETWORK=1, for the
// simulator); link-local and metadata addresses are refused always.
import { BlockList, isIP } from "node:net";

export type AddressVerdict =
  { ok: true } | { ok: false; reason: "metadata" | "link-local" | "loopback" | "private" | "reserved" };

function list(entries: Array<[string, number, "ipv4" | "ipv6"]>): BlockList {
  const b = new BlockList();
  for (const [net, prefix, type] of entries) b.addSubnet(net, prefix, type);
  return b;
}

const ALWAYS: Array<[BlockList, AddressVerdict & { ok: false }]> = [
  [
    list([
      ["169.254.169.254", 32, "ipv4"],
      ["fd00:ec2::254", 128, "ipv6"],
      ["100.100.100.200", 32, "ipv4"],
    ]),
    { ok: false, reason: "metadata" },
  ],
  [
    list([
      ["169.254.0.0", 16, "ipv4"],
      ["fe80::", 10, "ipv6"],
    ]),
    { ok: false, reason: "link-local" },
  ],
  [
    list([
      ["0.0.0.0", 8, "ipv4"],
      ["224.0.0.0", 4, "ipv4"],
      ["240.0.0.0", 4, "ipv4"],
      ["::", 128, "ipv6"],
      ["ff00::", 8, "ipv6"],
    ]),
    { ok: false, reason: "reserved" },
  ],
];

const PRIVATE: Array<[BlockList, AddressVerdict & { ok: false }]> = [
  [
    list([
      ["127.0.0.0", 8, "ipv4"],
      ["::1", 128, "ipv6"],
    ]),
    { ok: false, reason: "loopback" },
  ],
  [
    list([
      ["10.0.0.0", 8, "ipv4"],
      ["172.16.0.0", 12, "ipv4"],
      ["192.168.0.0", 16, "ipv4"],
      ["100.64.0.0", 10, "ipv4"],
      ["192.0.0.0", 24, "ipv4"],
      ["198.18.0.0", 15, "ipv4"],
      ["fc00::", 7, "ipv6"],
    ]),
    { ok: false, reason: "private" },
  ],
];

// IPv4 embedded in IPv6 (mapped, NAT64) would dodge the IPv4 rules, so IPv6 addresses
// in these ranges are refused outright. (BlockList also matches plain IPv4 addresses
// against IPv6 rules as if mapped, so this list is only consulted for IPv6 input.)
const EMBEDDED_V4 = list([
  ["::ffff:0:0", 96, "ipv6"],
  ["64:ff9b::", 96, "ipv6"],
]);

/** Host names that resolve to metadata services inside clouds. */
const METADATA_HOSTS = new Set(["metadata.google.internal", "metadata", "metadata.azure.internal"]);

export function isMetadataHost(host: string): boolean {
  return METADATA_HOSTS.has(host.toLowerCase().replace(/\.$/, ""));
}

export function classifyAddress(address: string, opts: { allowPrivate: boolean }): AddressVerdict {
  const family = isIP(address);
  if (family === 0) return { ok: false, reason: "reserved" };
  const type = family === 4 ? "ipv4" : "ipv6";
  if (type === "ipv6" && EMBEDDED_V4.check(address, "ipv6")) return { ok: false, reason: "reserved" };
  for (const [b, verdict] of ALWAYS) if (b.check(address, type)) return verdict;
  if (!opts.allowPrivate) for (const [b, verdict] of PRIVATE) if (b.check(address, type)) return verdict;
  return { ok: true };
}
