// Checks a URL before Gatehouse connects to it: http(s) only, no credentials in it, no
// metadata host name, and EVERY address its host resolves to passes the address policy
// (a name with one public and one private address is refused). `guardedFetch` re-checks
// at request time (so a later DNS change is caught) and follows redirects itself,
// checking each hop, so a public URL cannot redirect the request to a refused address.
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { classifyAddress, isMetadataHost } from "./address-policy";

export class UnsafeUrlError extends Error {
  constructor(
    readonly host: string,
    readonly reason: string,
  ) {
    super(`refused to connect to ${host}: ${reason}`);
    this.name = "UnsafeUrlError";
  }
}

export interface OutboundPolicy {
  /** Demo/test mode only: loopback and private ranges (the simulator). */
  allowPrivate: boolean;
  /** Injected in tests; defaults to the system resolver. */
  lookup?: (host: string) => Promise<string[]>;
}

const systemLookup = async (host: string) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

export async function checkOutboundUrl(raw: string | URL, policy: OutboundPolicy): Promise<URL> {
  const url = new URL(raw);
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new UnsafeUrlError(url.host, "not http(s)");
  if (url.username || url.password) throw new UnsafeUrlError(url.host, "credentials in the URL");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isMetadataHost(host)) throw new UnsafeUrlError(host, "metadata address");
  const addresses = isIP(host) ? [host] : await (policy.lookup ?? systemLookup)(host);
  if (addresses.length === 0) throw new UnsafeUrlError(host, "does not resolve");
  for (const a of addresses) {
    const verdict = classifyAddress(a, policy);
    if (!verdict.ok) throw new UnsafeUrlError(host, `${verdict.reason} address`);
  }
  return url;
}

const MAX_REDIRECTS = 5;

/** A fetch that checks the target and every redirect hop against the policy. */
export function guardedFetch(policy: OutboundPolicy, inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    let url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    let request = typeof input === "string" || input instanceof URL ? undefined : input;
    let options: RequestInit = { ...init, redirect: "manual" };
    for (let hop = 0; ; hop++) {
      await checkOutboundUrl(url, policy);
      const res = await inner(request ?? url, options);
      const location = res.headers.get("location");
      if (res.status < 300 || res.status > 399 || !location) return res;
      if (hop >= MAX_REDIRECTS) throw new UnsafeUrlError(new URL(url).host, "too many redirects");
      await res.body?.cancel();
      const next = new URL(location, url);
      // As browsers do: credentials never follow a redirect to another origin.
      if (next.origin !== new URL(url).origin) {
        const headers = new Headers(request?.headers ?? options.headers);
        headers.delete("authorization");
        options = { ...options, headers };
      }
      url = next.href;
      request = undefined;
    }
  };
}
