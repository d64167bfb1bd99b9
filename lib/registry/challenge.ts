// Parses `WWW-Authenticate` challenges as registries send them (distribution's token auth,
// GHCR, Docker Hub): `Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:acme/api:pull"`.

export interface Challenge {
  scheme: "bearer" | "basic" | "other";
  params: Record<string, string>;
}

export function parseChallenge(header: string | null): Challenge | null {
  if (!header) return null;
  const m = /^\s*([A-Za-z]+)\s*(.*)$/s.exec(header);
  if (!m) return null;
  const schemeName = m[1]!.toLowerCase();
  const scheme = schemeName === "bearer" ? "bearer" : schemeName === "basic" ? "basic" : "other";
  const params: Record<string, string> = {};
  const re = /([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (let p = re.exec(m[2] ?? ""); p; p = re.exec(m[2] ?? "")) {
    params[p[1]!.toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, "$1") : (p[3] ?? "");
  }
  return { scheme, params };
}

/**
 * Whether credentials may be sent to the token realm a registry names. A registry chooses
 * its realm, so a hostile one could name any URL to collect the GitHub token: only the
 * registry's own host (GHCR: ghcr.io/token) or hosts the operator listed are trusted, and
 * only over https unless the host is loopback (tests).
 */
export function mayReceiveCredentials(
  realm: URL,
  registry: URL,
  trustedHosts: readonly string[] = [],
): boolean {
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(realm.hostname);
  if (realm.protocol !== "https:" && !loopback) return false;
  return realm.hostname === registry.hostname || trustedHosts.includes(realm.hostname);
}
