import { z } from "zod";
import type { ImageFacts, RegistryFacts } from "@/lib/facts/types";
import type { RegistryCredentials } from "./auth";
import { RegistryClient } from "./client";
import { unknownImageFacts } from "./image-facts";
import { inspectImage, type AttestationSource } from "./inspect-image";
import type { PackageVersion } from "./latest-tag";
import { mapLimit } from "@/lib/util/map-limit";

// The one entry point sync calls: image names in, RegistryFacts out. Never throws for an
// image: whatever goes wrong with one image becomes null facts with a reason, so a registry
// outage can never turn into "unsigned".

export interface ImageRequest {
  /** ghcr.io/acme/api or acme/api (relative to registryUrl). */
  name: string;
  /** GitHub package versions (digest, tags, createdAt), to order tags and to resolve digests when the registry is down. */
  versions?: PackageVersion[];
}

export interface CollectRegistryFactsOptions {
  /** https://ghcr.io (default registry of GitHub Packages), or any OCI distribution registry. */
  registryUrl: string;
  images: Array<string | ImageRequest>;
  /** GHCR: { password: <GitHub token with read:packages> }. */
  auth?: RegistryCredentials;
  attestations?: AttestationSource;
  /** Images inspected at once (each makes ~5 requests in parallel). Default 4. */
  concurrency?: number;
  timeoutMs?: number;
  maxManifestBytes?: number;
  maxTags?: number;
  trustedRealmHosts?: string[];
}

const optionsSchema = z.object({
  registryUrl: z.url({ protocol: /^https?$/ }),
  concurrency: z.number().int().min(1).max(32).default(4),
  timeoutMs: z.number().int().min(100).max(120_000).optional(),
  maxManifestBytes: z
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .optional(),
  maxTags: z.number().int().min(1).max(1_000_000).optional(),
  trustedRealmHosts: z.array(z.string()).optional(),
});

// distribution-spec's repository name grammar.
const REPO_NAME = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;

/** The repository part of an image name, or why it cannot be inspected with this registry. */
export function repositoryOf(image: string, registryHost: string): { repo: string } | { error: string } {
  let rest = image.trim().replace(/@sha256:[0-9a-f]{64}$/, "");
  const slash = rest.indexOf("/");
  const first = slash > 0 ? rest.slice(0, slash) : "";
  // Like docker: the first component is a host when it has a dot or a port, or is localhost.
  if (/[.:]/.test(first) || first === "localhost") {
    if (first !== registryHost)
      return { error: `image ${image} is on ${first}, not on the configured registry ${registryHost}` };
    rest = rest.slice(slash + 1);
  }
  rest = rest.replace(/:[\w][\w.-]{0,127}$/, "");
  if (rest.length > 255 || !REPO_NAME.test(rest))
    return { error: `invalid repository name ${JSON.stringify(image.slice(0, 100))}` };
  return { repo: rest };
}

export async function collectRegistryFacts(options: CollectRegistryFactsOptions): Promise<RegistryFacts> {
  const opts = optionsSchema.parse(options);
  const client = new RegistryClient({ ...opts, auth: options.auth });
  const requests = options.images.map((i) => (typeof i === "string" ? { name: i } : i));
  const images = await mapLimit(requests, opts.concurrency, async (req): Promise<ImageFacts> => {
    const where = repositoryOf(req.name, client.host);
    if ("error" in where) return unknownImageFacts(req.name, where.error, req.versions);
    try {
      return await inspectImage({
        client,
        repo: where.repo,
        versions: req.versions,
        attestations: options.attestations,
      });
    } catch (error) {
      return unknownImageFacts(
        `${client.host}/${where.repo}`,
        `unexpected: ${String((error as Error)?.message ?? error)}`,
        req.versions,
      );
    }
  });
  return { images };
}
