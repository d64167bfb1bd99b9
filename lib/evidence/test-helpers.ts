// Small, explicit evidence inputs for the pure tests (no database).
import type { EvidenceInput, EvidenceRepo } from "./input";

export function repo(fullName: string, overrides: Partial<EvidenceRepo> = {}): EvidenceRepo {
  return {
    fullName,
    team: "platform",
    critical: false,
    score: { overall: 72.5, grade: "C", coverage: 0.9 },
    policyVersion: 3,
    scoredAt: "2026-11-30T10:00:00.000Z",
    factsSyncedAt: "2026-11-30T09:55:00.000Z",
    results: [
      {
        check: "branch-protection",
        status: "pass",
        severity: "high",
        findings: [],
        evidence: ["api:protection.enabled=true"],
      },
      {
        check: "required-reviews",
        status: "fail",
        severity: "high",
        findings: [
          {
            message: "0 approving reviews required",
            location: "api:required_approving_review_count=0",
            remediation: "Require 1 approving review",
            suppressed: false,
          },
        ],
        evidence: [],
      },
      {
        check: "org-2fa",
        status: "unknown",
        severity: "critical",
        findings: [],
        evidence: [],
        reason: "token lacks admin:org",
      },
      {
        check: "unpinned-action",
        status: "exception",
        severity: "high",
        findings: [
          {
            message: "actions/setup-node@v4 is not pinned",
            location: ".github/workflows/ci.yml:12",
            remediation: "uses: actions/setup-node@<sha> # v4",
            suppressed: true,
          },
        ],
        evidence: [],
        exception: {
          id: "exc-1",
          by: "exception",
          justification: "vendor action, pinned upstream",
          approver: "lead@example.com",
          expiresAt: "2027-01-31T00:00:00.000Z",
        },
      },
    ],
    ...overrides,
  };
}

export function sampleInput(overrides: Partial<EvidenceInput> = {}): EvidenceInput {
  return {
    framework: "soc2",
    asOf: "2026-12-01T00:00:00.000Z",
    generatedAt: "2026-12-05T12:00:00.000Z",
    instance: { name: "gatehouse-test", version: "0.1.0" },
    scope: { kind: "all" },
    repos: [
      repo("acme/api", { critical: true }),
      repo("acme/web", {
        team: "frontend",
        results: repo("x").results.map((r) =>
          r.check === "required-reviews" ? { ...r, status: "pass", findings: [] } : r,
        ),
      }),
    ],
    excluded: [],
    exceptions: [
      {
        id: "exc-1",
        checkId: "unpinned-action",
        repo: "acme/*",
        justification: "vendor action, pinned upstream",
        approver: "lead@example.com",
        expiresAt: "2027-01-31T00:00:00.000Z",
      },
    ],
    threatModels: [
      { repo: "acme/api", markdown: "# Threat model: acme/api\n\n- credential theft: mitigated\n" },
    ],
    auditExtract: {
      from: null,
      to: "2026-12-01T00:00:00.000Z",
      chainVerified: true,
      checkpoints: [{ seq: "1", hash: "a".repeat(64), occurredAt: "2026-11-01T00:00:00.000Z" }],
      entries: [
        {
          seq: "1",
          occurredAt: "2026-11-01T00:00:00.000Z",
          actorId: "u1",
          actorLogin: "lead",
          action: "policy.updated",
          targetType: "policy",
          targetId: "3",
          ip: null,
          userAgent: null,
          details: {},
          prevHash: "0".repeat(64),
          hash: "a".repeat(64),
        },
      ],
    },
    ...overrides,
  };
}
