import type { Severity } from "./vocabulary";

/** OpenSSF Scorecard's risk weights: critical 10, high 7.5, medium 5, low 2.5. */
export const DEFAULT_WEIGHTS: Readonly<Record<Severity, number>> = {
  critical: 10,
  high: 7.5,
  medium: 5,
  low: 2.5,
};

/**
 * Case-insensitive. The first is the exact names from CHECKS.md. The second also
 * counts suffixed names such as "prod-eu", "production_us-east" or "live.2": for a
 * security check, missing a regional production environment is worse than asking a
 * "prod-preview" environment for reviewers. Prefixed names ("eu-prod") and anything
 * containing prod ("preprod", "non-prod", "prod2") do not count; mark those in
 * `productionEnvironments` or add a pattern.
 */
export const DEFAULT_PRODUCTION_ENVIRONMENT_PATTERNS: readonly string[] = [
  "^(prod|production|live)$",
  "^(prod|production|live)[-_.][a-z0-9_.-]+$",
];
