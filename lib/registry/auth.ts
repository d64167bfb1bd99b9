import { z } from "zod";
import { mayReceiveCredentials, parseChallenge } from "./challenge";
import { RegistryError, toRegistryError } from "./errors";
import { parseJson, readBounded } from "./http";

// Registry auth as docker/oras/cosign do it: a 401 carries a challenge; for Bearer we ask
// the realm for a token scoped to `repository:<name>:pull`, with basic auth from the
// configured credentials (GHCR: any username + a GitHub token with read:packages), and
// retry. Tokens are cached per scope until shortly before they expire.

export interface RegistryCredentials {
  /** GHCR accepts any non-empty username with a token; defaults to "gatehouse". */
  username?: string;
  /** A GitHub token with `read:packages` for GHCR, or the registry password. */
  password: string;
}

const tokenSchema = z.looseObject({
  token: z.string().min(1).optional(),
  access_token: z.string().min(1).optional(),
  expires_in: z.number().positive().optional(),
});

export class RegistryAuth {
  private readonly tokens = new Map<string, { header: string; expiresAt: number }>();

  constructor(
    private readonly registry: URL,
    private readonly credentials: RegistryCredentials | undefined,
    private readonly timeoutMs: number,
    private readonly trustedRealmHosts: readonly string[] = [],
  ) {}

  /** A cached Authorization header for `repository:<name>:pull`, if any. */
  cached(name: string): string | undefined {
    const hit = this.tokens.get(scopeFor(name));
    if (hit && hit.expiresAt > Date.now()) return hit.header;
    return undefined;
  }

  /** Answers a 401's challenge; returns the Authorization header to retry with. */
  async answer(wwwAuthenticate: string | null, name: string): Promise<string> {
    const challenge = parseChallenge(wwwAuthenticate);
    const basic = this.basicHeader();
    if (challenge?.scheme === "basic") {
      if (!basic || !mayReceiveCredentials(this.registry, this.registry, this.trustedRealmHosts))
        throw new RegistryError(
          "unauthorized",
          "registry asks for basic auth and no usable credentials are configured",
          401,
        );
      return basic;
    }
    if (challenge?.scheme !== "bearer" || !challenge.params.realm)
      throw new RegistryError(
        "unauthorized",
        `unsupported auth challenge: ${(wwwAuthenticate ?? "none").slice(0, 120)}`,
        401,
      );
    let realm: URL;
    try {
      realm = new URL(challenge.params.realm);
    } catch {
      throw new RegistryError(
        "unauthorized",
        `invalid token realm ${challenge.params.realm.slice(0, 120)}`,
        401,
      );
    }
    const scope = challenge.params.scope ?? scopeFor(name);
    realm.searchParams.set("scope", scope);
    if (challenge.params.service) realm.searchParams.set("service", challenge.params.service);
    // Untrusted realm: ask anonymously (public images still work), never leak the token.
    const sendCredentials =
      basic !== undefined && mayReceiveCredentials(realm, this.registry, this.trustedRealmHosts);
    let res: Response;
    try {
      res = await fetch(realm, {
        headers: sendCredentials ? { authorization: basic } : {},
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: "error",
      });
    } catch (error) {
      throw toRegistryError(error, `token request to ${realm.origin}`);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      const note =
        basic && !sendCredentials ? ` (credentials withheld from untrusted realm ${realm.host})` : "";
      throw new RegistryError(
        "unauthorized",
        `token request to ${realm.origin} answered HTTP ${res.status}${note}`,
        res.status,
      );
    }
    const body = tokenSchema.safeParse(
      parseJson(await readBounded(res, 256 * 1024, "token response"), "token response"),
    );
    const token = body.success ? (body.data.token ?? body.data.access_token) : undefined;
    if (!token) throw new RegistryError("malformed", "token response carries no token");
    const header = `Bearer ${token}`;
    const ttlSeconds = body.success ? (body.data.expires_in ?? 60) : 60;
    this.tokens.set(scope, { header, expiresAt: Date.now() + Math.max(ttlSeconds - 10, 5) * 1000 });
    if (scope !== scopeFor(name))
      this.tokens.set(scopeFor(name), {
        header,
        expiresAt: Date.now() + Math.max(ttlSeconds - 10, 5) * 1000,
      });
    return header;
  }

  private basicHeader(): string | undefined {
    if (!this.credentials) return undefined;
    const user = this.credentials.username || "gatehouse";
    return `Basic ${Buffer.from(`${user}:${this.credentials.password}`).toString("base64")}`;
  }
}

function scopeFor(name: string): string {
  return `repository:${name}:pull`;
}
