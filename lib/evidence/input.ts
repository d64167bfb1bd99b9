// What a pack is built from: a plain, already-loaded description of the posture as of a
// date. The pack builder never queries anything, so the same input gives the same pack
// (bar the signature), and the server can change where the input comes from (latest
// scores today, the posture history later) without touching the builder.
import { z } from "zod";
import { FRAMEWORK_IDS } from "./frameworks/schema";

export const RESULT_STATUSES = ["pass", "fail", "unknown", "not-applicable", "exception"] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

const iso = z.iso.datetime({ offset: true });

export const exceptionRefSchema = z.object({
  /** Policy exception id; absent for an inline `# gatehouse: ignore[...]` suppression. */
  id: z.string().optional(),
  by: z.enum(["exception", "inline"]),
  justification: z.string(),
  approver: z.string().optional(),
  expiresAt: z.string().optional(),
});

export const evidenceResultSchema = z.object({
  check: z.string(),
  status: z.enum(RESULT_STATUSES),
  severity: z.enum(["critical", "high", "medium", "low"]),
  /** One line per finding: message, where (file:line or API field), and the fix. */
  findings: z.array(
    z.object({ message: z.string(), location: z.string(), remediation: z.string(), suppressed: z.boolean() }),
  ),
  /** What a pass rests on: files read or API fields seen. */
  evidence: z.array(z.string()),
  reason: z.string().optional(),
  exception: exceptionRefSchema.optional(),
});

export const evidenceRepoSchema = z.object({
  fullName: z.string(),
  team: z.string().nullable().optional(),
  critical: z.boolean(),
  score: z.object({ overall: z.number().nullable(), grade: z.string().nullable(), coverage: z.number() }),
  policyVersion: z.number().int(),
  scoredAt: iso,
  factsSyncedAt: iso,
  results: z.array(evidenceResultSchema),
});

export const policyExceptionSchema = z.object({
  id: z.string(),
  checkId: z.string(),
  repo: z.string(),
  justification: z.string(),
  approver: z.string(),
  expiresAt: z.string(),
});

export const auditExtractSchema = z.object({
  from: iso.nullable(),
  to: iso,
  /** Whether the whole chain verified when the extract was taken. */
  chainVerified: z.boolean(),
  /** seq + hash every N entries, so a later copy of the log can be compared against them. */
  checkpoints: z.array(
    z.object({ seq: z.string(), hash: z.string(), occurredAt: iso, signature: z.string().optional() }),
  ),
  entries: z.array(
    z.object({
      seq: z.string(),
      occurredAt: iso,
      actorId: z.string().nullable(),
      actorLogin: z.string().nullable(),
      action: z.string(),
      targetType: z.string().nullable(),
      targetId: z.string().nullable(),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
      prevHash: z.string(),
      hash: z.string(),
    }),
  ),
});

/** Any scope can be narrowed to the repositories the policy marks critical. */
const narrowing = { criticalOnly: z.boolean().optional() };
export const scopeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all"), ...narrowing }),
  /** A team owning lines of the repositories' CODEOWNERS ("@acme/web" or "acme/web"). */
  z.object({
    kind: z.literal("team"),
    team: z.string().regex(/^@?[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/, "a team as org/team"),
    ...narrowing,
  }),
  z.object({ kind: z.literal("repos"), repos: z.array(z.string().min(1)).min(1), ...narrowing }),
  z.object({ kind: z.literal("pattern"), pattern: z.string().min(1), ...narrowing }),
]);
export type Scope = z.infer<typeof scopeSchema>;

export const evidenceInputSchema = z.object({
  framework: z.enum(FRAMEWORK_IDS),
  asOf: iso,
  generatedAt: iso,
  instance: z.object({ name: z.string(), version: z.string() }),
  scope: scopeSchema,
  repos: z.array(evidenceRepoSchema),
  /** Repositories in scope that cannot be shown as of the date, and why. */
  excluded: z.array(z.object({ repo: z.string(), reason: z.string() })).default([]),
  exceptions: z.array(policyExceptionSchema),
  threatModels: z.array(z.object({ repo: z.string(), markdown: z.string() })).optional(),
  auditExtract: auditExtractSchema,
});

export type EvidenceInput = z.infer<typeof evidenceInputSchema>;
export type EvidenceRepo = z.infer<typeof evidenceRepoSchema>;
export type EvidenceResult = z.infer<typeof evidenceResultSchema>;
export type AuditExtract = z.infer<typeof auditExtractSchema>;

export function describeScope(scope: Scope): string {
  return `${describeKind(scope)}${scope.criticalOnly ? ", critical only" : ""}`;
}

function describeKind(scope: Scope): string {
  switch (scope.kind) {
    case "all":
      return "all repositories";
    case "team":
      return `repositories of team ${scope.team} (CODEOWNERS)`;
    case "repos":
      return `repositories ${scope.repos.join(", ")}`;
    case "pattern":
      return `repositories matching ${scope.pattern}`;
  }
}

/**
 * A pack's repositories as the builder reads them: walked page by page, as many times as
 * the pack has per-repository files, so memory holds one page and never the whole estate
 * (10,000 repositories' results do not fit the worker's heap). `count` is known up front
 * (the report and the OSCAL document state it before listing anyone).
 */
export interface RepoSource {
  count: number;
  pages(): AsyncIterable<readonly EvidenceRepo[]>;
  /**
   * The same repositories, each result cut down to its check and status: all that the
   * counts, the scores and the report read. A result's findings and evidence are most of
   * its bytes, so a walk of these costs a fraction of a walk of pages().
   */
  statusPages(): AsyncIterable<readonly RepoStatuses[]>;
}

/** A result without its findings and evidence (RepoSource.statusPages). */
export type ResultStatusOnly = Pick<EvidenceResult, "check" | "status">;
/** A repository whose results are only checks and statuses; every EvidenceRepo is one. */
export type RepoStatuses = Omit<EvidenceRepo, "results"> & { results: readonly ResultStatusOnly[] };

export type AuditEntry = AuditExtract["entries"][number];

/**
 * The audit extract as the builder reads it: everything but the entries up front (the
 * chain is verified before the file starts, since the file states the verdict first),
 * then the entries a page at a time, like the repositories: a year of audit log is not
 * held at once.
 */
export interface AuditSource {
  head: Omit<AuditExtract, "entries">;
  entries(): AsyncIterable<readonly AuditEntry[]>;
}

/** What the pack builder takes: the evidence input with its repositories and audit entries paged. */
export type PackInput = Omit<EvidenceInput, "repos" | "auditExtract"> & {
  repos: RepoSource;
  auditExtract: AuditSource;
};

/** An in-memory input as a pack input (small inputs: tests, the CLI's fixtures). */
export function packInputOf(input: EvidenceInput, pageSize = 100): PackInput {
  const { repos } = input;
  const paged = <T>(all: readonly T[]) =>
    async function* () {
      for (let i = 0; i < all.length; i += pageSize) yield all.slice(i, i + pageSize);
    };
  const pages = paged(repos);
  const { entries, ...head } = input.auditExtract;
  return {
    ...input,
    repos: { count: repos.length, pages, statusPages: pages },
    auditExtract: { head, entries: paged(entries) },
  };
}
