import { z } from "zod";
import { classifyGitHubError } from "@/lib/github/errors";
import type { AttestationAnswer, AttestationSource } from "./inspect-image";

// GitHub's artifact attestations (GET /repos/{owner}/{repo}/attestations/{subject_digest})
// as a second source of provenance/SBOM evidence: `actions/attest-build-provenance` and
// `attest-sbom` store them there, not (only) in the registry. The predicate type sits inside
// the DSSE payload of each sigstore bundle.

const answerSchema = z.looseObject({
  attestations: z
    .array(
      z.looseObject({
        bundle: z
          .looseObject({
            dsseEnvelope: z
              .looseObject({ payload: z.string().max(10_000_000), payloadType: z.string().optional() })
              .optional(),
          })
          .nullable()
          .optional(),
      }),
    )
    .max(1000),
});

const statementSchema = z.looseObject({ predicateType: z.string().max(500) });

/** Predicate types of the attestations in one answer; unreadable entries are skipped. */
export function predicateTypesOf(body: unknown): { predicateTypes: string[]; skipped: number } | null {
  const parsed = answerSchema.safeParse(body);
  if (!parsed.success) return null;
  const predicateTypes: string[] = [];
  let skipped = 0;
  for (const a of parsed.data.attestations) {
    const payload = a.bundle?.dsseEnvelope?.payload;
    let statement: unknown = null;
    try {
      statement = payload ? JSON.parse(Buffer.from(payload, "base64").toString("utf8")) : null;
    } catch {
      statement = null;
    }
    const s = statementSchema.safeParse(statement);
    if (s.success) predicateTypes.push(s.data.predicateType);
    else skipped++;
  }
  return { predicateTypes: [...new Set(predicateTypes)], skipped };
}

/** The minimal octokit surface used, so sync can pass its throttled/retrying client. */
export interface OctokitLike {
  request(route: string, params: Record<string, unknown>): Promise<{ data: unknown }>;
}

/** 404 = no attestations for the digest (GitHub's answer); 401/403/5xx/timeouts = unknown. */
export function githubAttestationSource(
  octokit: OctokitLike,
  owner: string,
  repo: string,
): AttestationSource {
  return async (digest): Promise<AttestationAnswer> => {
    try {
      const res = await octokit.request("GET /repos/{owner}/{repo}/attestations/{subject_digest}", {
        owner,
        repo,
        subject_digest: digest,
        per_page: 100,
      });
      const found = predicateTypesOf(res.data);
      if (!found) return { status: "unknown", reason: "attestations answer has an unexpected shape" };
      return found.predicateTypes.length > 0
        ? { status: "found", predicateTypes: found.predicateTypes }
        : { status: "none" };
    } catch (error) {
      const kind = classifyGitHubError(error);
      if (kind === "not_found") return { status: "none" };
      return {
        status: "unknown",
        reason: `attestations API: ${kind} (${String((error as Error)?.message ?? error).slice(0, 120)})`,
      };
    }
  };
}
