import { createHash } from "node:crypto";
import { RegistryAuth, type RegistryCredentials } from "./auth";
import { RegistryError, isRegistryError, statusError, toRegistryError } from "./errors";
import { nextLink, parseJson, readBounded } from "./http";
import { parseManifest, type Manifest, type ManifestDescriptor } from "./manifest";
import { MANIFEST_ACCEPT, MT, isDigest, referrersTag } from "./media-types";

// A small OCI distribution client on fetch: manifests, tags, referrers. Read-only, pull
// scope only. Every answer is bounded in size and time, and every failure is a typed
// RegistryError so the caller can tell "absent" from "could not look".

export interface RegistryClientOptions {
  /** https://ghcr.io, or http://127.0.0.1:5000 for a local registry. */
  registryUrl: string;
  auth?: RegistryCredentials;
  /** Token realms on other hosts that may receive the credentials (e.g. auth.docker.io). */
  trustedRealmHosts?: string[];
  /** Per request, including reading the body. Default 10 s. */
  timeoutMs?: number;
  /** Default 4 MiB, the manifest size registries must accept (distribution-spec). */
  maxManifestBytes?: number;
  /** Stop listing tags after this many (recorded as truncated). Default 10,000. */
  maxTags?: number;
}

export interface FetchedManifest {
  digest: string;
  manifest: Manifest;
  size: number;
}

export interface TagList {
  tags: string[];
  truncated: boolean;
}

export interface Referrers {
  via: "api" | "tag-schema";
  descriptors: ManifestDescriptor[];
}

export class RegistryClient {
  readonly base: URL;
  readonly host: string;
  private readonly auth: RegistryAuth;
  private readonly timeoutMs: number;
  private readonly maxManifestBytes: number;
  private readonly maxTags: number;

  constructor(opts: RegistryClientOptions) {
    this.base = new URL(opts.registryUrl);
    this.host = this.base.host;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.maxManifestBytes = opts.maxManifestBytes ?? 4 * 1024 * 1024;
    this.maxTags = opts.maxTags ?? 10_000;
    this.auth = new RegistryAuth(this.base, opts.auth, this.timeoutMs, opts.trustedRealmHosts);
  }

  /** GET with auth retry; resolves to a 2xx response whose body the caller must read, else throws. */
  private async get(
    url: URL,
    name: string,
    accept: string,
    what: string,
    redirect: RequestRedirect = "follow",
  ): Promise<Response> {
    const send = async (authorization: string | undefined) => {
      try {
        return await fetch(url, {
          headers: { accept, "user-agent": "gatehouse", ...(authorization ? { authorization } : {}) },
          signal: AbortSignal.timeout(this.timeoutMs),
          redirect,
        });
      } catch (error) {
        throw toRegistryError(error, what);
      }
    };
    let res = await send(this.auth.cached(name));
    if (res.status === 401) {
      await res.body?.cancel().catch(() => undefined);
      res = await send(await this.auth.answer(res.headers.get("www-authenticate"), name));
    }
    if (res.ok) return res;
    const body = await readBounded(res, 4096, what).catch(() => new Uint8Array());
    throw statusError(res.status, what, Buffer.from(body).toString("utf8").replace(/\s+/g, " "));
  }

  private url(path: string): URL {
    return new URL(path, this.base);
  }

  /** A manifest by tag or digest. The digest is computed from the bytes and checked against the registry's claim. */
  async getManifest(name: string, reference: string): Promise<FetchedManifest> {
    const what = `manifest ${name}:${reference}`;
    const res = await this.get(this.url(`/v2/${name}/manifests/${reference}`), name, MANIFEST_ACCEPT, what);
    const bytes = await readBounded(res, this.maxManifestBytes, what);
    const digest = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
    const claimed = res.headers.get("docker-content-digest");
    if (
      (isDigest(reference) && reference !== digest) ||
      (claimed && claimed.startsWith("sha256:") && claimed !== digest)
    ) {
      throw new RegistryError(
        "malformed",
        `${what}: content digest ${digest} does not match ${isDigest(reference) ? reference : claimed}`,
      );
    }
    const parsed = parseManifest(bytes, res.headers.get("content-type"));
    if (!parsed.ok) throw new RegistryError("malformed", `${what}: ${parsed.reason}`);
    return { digest, manifest: parsed.manifest, size: bytes.length };
  }

  /** All tags (Link pagination), up to maxTags. A missing repository throws not_found. */
  async listTags(name: string): Promise<TagList> {
    const tags: string[] = [];
    let url: URL | null = this.url(`/v2/${name}/tags/list?n=1000`);
    for (let page = 0; url; page++) {
      if (tags.length >= this.maxTags || page >= 1000)
        return { tags: tags.slice(0, this.maxTags), truncated: true };
      const what = `tags of ${name}`;
      const res = await this.get(url, name, "application/json", what);
      const body = parseJson(await readBounded(res, this.maxManifestBytes, what), what) as { tags?: unknown };
      if (body.tags !== null && body.tags !== undefined && !Array.isArray(body.tags))
        throw new RegistryError("malformed", `${what}: "tags" is not a list`);
      for (const t of (body.tags as unknown[] | null | undefined) ?? [])
        if (typeof t === "string" && t.length <= 128) tags.push(t);
      url = nextLink(res.headers.get("link"), url);
    }
    return { tags: tags.slice(0, this.maxTags), truncated: tags.length > this.maxTags };
  }

  /**
   * Referrers of `digest`: the OCI 1.1 referrers API, else the spec's fallback, the
   * `sha256-<hex>` tag schema index. Registries without the API answer in many ways (404,
   * 400, 405; GHCR a 303 to its web UI that is then rate-limited), so any answer that is not
   * a JSON index sends us to the tag schema; only the fallback's own failure fails the lookup.
   */
  async referrers(name: string, digest: string): Promise<Referrers> {
    const what = `referrers of ${name}@${digest}`;
    try {
      const res = await this.get(
        this.url(`/v2/${name}/referrers/${digest}`),
        name,
        MT.ociIndex,
        what,
        "manual",
      );
      const type = res.headers.get("content-type") ?? "";
      const bytes = await readBounded(res, this.maxManifestBytes, what);
      if (type.includes("json")) {
        const parsed = parseManifest(bytes, type);
        if (!parsed.ok) throw new RegistryError("malformed", `${what}: ${parsed.reason}`);
        return { via: "api", descriptors: parsed.manifest.manifests };
      }
    } catch (error) {
      if (!isRegistryError(error) || error.kind === "malformed" || error.kind === "too_large") throw error;
    }
    try {
      const index = await this.getManifest(name, referrersTag(digest));
      // Some registries (GitLab) resolve `sha256-<hex>` to the manifest `sha256:<hex>` itself; the
      // spec says a tag that is not a valid index means no referrers.
      if (index.digest === digest || !/image\.index/.test(index.manifest.mediaType))
        return { via: "tag-schema", descriptors: [] };
      return { via: "tag-schema", descriptors: index.manifest.manifests };
    } catch (error) {
      if (isRegistryError(error, "not_found")) return { via: "tag-schema", descriptors: [] };
      throw error;
    }
  }
}
