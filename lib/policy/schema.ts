// The scoring policy is data a security lead edits (file or database), so every field
// is validated here and nothing downstream re-checks it. `version` is required so a
// future format change can migrate old documents instead of misreading them.
import safeRegex from "safe-regex2";
import { z } from "zod";

import { DEFAULT_PRODUCTION_ENVIRONMENT_PATTERNS, DEFAULT_WEIGHTS } from "./defaults";

export const POLICY_VERSION = 1;

// Our own fixed regexes (linear); user patterns are validated by them, never compiled.
const REPO_PATTERN = /^[A-Za-z0-9._*-]+\/[A-Za-z0-9._*-]+$/;
const PRODUCTION_MARK = /^[A-Za-z0-9._*-]+\/[A-Za-z0-9._*-]+:[^\s].*$/;
const CHECK_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FINGERPRINT = /^[0-9a-f]{16}$/;

const repoPattern = z
  .string()
  .max(200)
  .regex(REPO_PATTERN, { message: 'must be "owner/repo" where either part may use * (e.g. "acme/*-prod")' });

/** Environment-name regexes run on every sync; reject ones that can backtrack exponentially. */
const environmentRegex = z
  .string()
  .min(1)
  .max(200)
  .superRefine((source, ctx) => {
    try {
      new RegExp(source, "i");
    } catch (error) {
      ctx.addIssue({
        code: "custom",
        message: `not a valid regular expression (${(error as Error).message})`,
      });
      return;
    }
    if (!safeRegex(source)) {
      ctx.addIssue({
        code: "custom",
        message: "rejected: nested or excessive repetition could make matching exponential",
      });
    }
  });

const weight = z.number().positive().max(1000);
const slaDays = z.number().int().min(1).max(3650);

export const PolicyExceptionSchema = z
  .strictObject({
    id: z.string().min(1).max(100),
    checkId: z.string().regex(CHECK_ID, { message: 'must be a check id such as "required-reviews"' }),
    repo: repoPattern,
    justification: z
      .string()
      .trim()
      .min(10, { message: "explain why the risk is accepted (at least 10 characters)" })
      .max(2000),
    /** Who asked for the exception (stamped by the server, never taken from the document). */
    requestedBy: z.string().trim().min(1).max(200).optional(),
    /** A second security lead who approved it; absent while pending (a pending exception waives nothing). */
    approver: z.string().trim().min(1).max(200).optional(),
    expiresAt: z.iso.datetime({
      offset: true,
      message: 'must be an ISO-8601 date-time, e.g. "2026-06-30T00:00:00Z"',
    }),
    /** A security lead's explicit confirmation that `repo` may cover every repository (lib/policy/exception-limits.ts). */
    confirmedAllRepositories: z.literal(true).optional(),
    /**
     * Scopes the exception to one finding instance (its stable fingerprint, see
     * lib/checks/fingerprint.ts) instead of the whole check; `repo` then names exactly one
     * repository. Other findings of the same check in that repository still fail.
     */
    fingerprint: z
      .string()
      .regex(FINGERPRINT, { message: "must be a finding fingerprint: 16 lowercase hex characters" })
      .optional(),
  })
  .superRefine((exception, ctx) => {
    if (exception.fingerprint && exception.repo.includes("*"))
      ctx.addIssue({
        code: "custom",
        path: ["repo"],
        message: "an exception for one finding names exactly one repository (no *)",
      });
  });

export const PolicySchema = z
  .strictObject({
    version: z.literal(POLICY_VERSION, {
      message: `unsupported policy version (this build reads version ${POLICY_VERSION})`,
    }),
    weights: z
      .strictObject({
        critical: weight.default(DEFAULT_WEIGHTS.critical),
        high: weight.default(DEFAULT_WEIGHTS.high),
        medium: weight.default(DEFAULT_WEIGHTS.medium),
        low: weight.default(DEFAULT_WEIGHTS.low),
      })
      .default({ ...DEFAULT_WEIGHTS }),
    criticalRepos: z.array(repoPattern).max(1000).default([]),
    productionEnvironmentPatterns: z
      .array(environmentRegex)
      .max(100)
      .default([...DEFAULT_PRODUCTION_ENVIRONMENT_PATTERNS]),
    productionEnvironments: z
      .array(z.string().max(400).regex(PRODUCTION_MARK, { message: 'must be "owner/repo:environment"' }))
      .max(1000)
      .default([]),
    exceptions: z.array(PolicyExceptionSchema).max(10_000).default([]),
    /** Remediation task due dates by severity; absent: 7 / 30 / 90 / 180 days. */
    taskSlaDays: z
      .strictObject({ critical: slaDays, high: slaDays, medium: slaDays, low: slaDays })
      .optional(),
  })
  .superRefine((policy, ctx) => {
    const seen = new Set<string>();
    policy.exceptions.forEach((exception, index) => {
      if (seen.has(exception.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["exceptions", index, "id"],
          message: `duplicate exception id "${exception.id}"`,
        });
      }
      seen.add(exception.id);
    });
  });

export type PolicyInput = z.input<typeof PolicySchema>;
/** The validated policy every consumer reads: the schema's output, so there is one definition. */
export type Policy = z.output<typeof PolicySchema>;
export type PolicyException = z.output<typeof PolicyExceptionSchema>;
