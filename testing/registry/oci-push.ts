import { createHash } from "node:crypto";
import { MT } from "../../lib/registry/media-types";

// Pushes content over the plain OCI distribution HTTP API (monolithic blob upload, manifest
// PUT), the way `docker push`/`oras push`/cosign do, so integration tests exercise what a
// real registry stores and serves.

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
  artifactType?: string;
  platform?: { architecture: string; os: string; variant?: string };
}

export interface PushTarget {
  url: string;
  /** Repository name inside the registry, e.g. acme/api. */
  name: string;
  /** Extra headers (Authorization for token-auth registries). */
  headers?: Record<string, string>;
}

export function sha256(bytes: Uint8Array | string): string {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}

async function expectStatus(res: Response, ok: number[], what: string): Promise<void> {
  if (!ok.includes(res.status)) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
}

export async function pushBlob(
  t: PushTarget,
  content: Uint8Array | string,
  mediaType: string,
  annotations?: Record<string, string>,
): Promise<Descriptor> {
  const bytes = typeof content === "string" ? Buffer.from(content) : Buffer.from(content);
  const digest = sha256(bytes);
  const start = await fetch(`${t.url}/v2/${t.name}/blobs/uploads/`, { method: "POST", headers: t.headers });
  await expectStatus(start, [202], `start upload to ${t.name}`);
  const location = new URL(start.headers.get("location") ?? "", t.url);
  location.searchParams.set("digest", digest);
  const put = await fetch(location, {
    method: "PUT",
    headers: { ...t.headers, "content-type": "application/octet-stream" },
    body: bytes,
  });
  await expectStatus(put, [201], `upload blob ${digest}`);
  return { mediaType, digest, size: bytes.length, ...(annotations ? { annotations } : {}) };
}

/** PUT a manifest at a tag or digest; returns its descriptor (digest checked against the registry's). */
export async function pushManifest(
  t: PushTarget,
  reference: string,
  manifest: object,
  mediaType: string,
): Promise<Descriptor> {
  const body = Buffer.from(JSON.stringify(manifest));
  return pushRawManifest(t, reference, body, mediaType);
}

async function pushRawManifest(
  t: PushTarget,
  reference: string,
  body: Buffer,
  mediaType: string,
): Promise<Descriptor> {
  const res = await fetch(`${t.url}/v2/${t.name}/manifests/${reference}`, {
    method: "PUT",
    headers: { ...t.headers, "content-type": mediaType },
    body: new Uint8Array(body),
  });
  await expectStatus(res, [201], `put manifest ${t.name}:${reference}`);
  const digest = sha256(body);
  const served = res.headers.get("docker-content-digest");
  if (served && served !== digest) throw new Error(`registry computed ${served}, expected ${digest}`);
  return { mediaType, digest, size: body.length };
}

export interface PushedImage {
  digest: string;
  descriptor: Descriptor;
}

/** A small single-platform image: OCI config + one layer + OCI image manifest, at each of `tags`. */
export async function pushImage(
  t: PushTarget,
  tags: string[],
  opts: { seed?: string; platform?: { architecture: string; os: string } } = {},
): Promise<PushedImage> {
  const platform = opts.platform ?? { architecture: "amd64", os: "linux" };
  const config = await pushBlob(
    t,
    JSON.stringify({
      architecture: platform.architecture,
      os: platform.os,
      rootfs: { type: "layers", diff_ids: [] },
      config: { Labels: { seed: opts.seed ?? "" } },
    }),
    MT.ociConfig,
  );
  const layer = await pushBlob(t, `layer ${opts.seed ?? ""} ${platform.architecture}`, MT.ociLayer);
  const manifest = { schemaVersion: 2, mediaType: MT.ociManifest, config, layers: [layer] };
  let descriptor: Descriptor | undefined;
  for (const tag of tags.length ? tags : [undefined]) {
    descriptor = await pushManifest(t, tag ?? sha256(JSON.stringify(manifest)), manifest, MT.ociManifest);
  }
  return { digest: descriptor!.digest, descriptor: { ...descriptor!, platform } };
}

/** An OCI image index over `manifests` at each of `tags` (multi-arch, or buildx with attestation manifests). */
export async function pushIndex(
  t: PushTarget,
  tags: string[],
  manifests: Descriptor[],
  mediaType: string = MT.ociIndex,
): Promise<PushedImage> {
  const index = { schemaVersion: 2, mediaType, manifests };
  let descriptor: Descriptor | undefined;
  for (const tag of tags) descriptor = await pushManifest(t, tag, index, mediaType);
  return { digest: descriptor!.digest, descriptor: descriptor! };
}
