import type { Policy } from "./schema";
import { compileRepoPattern } from "./repo-pattern";

/** What every check receives besides its facts: the policy resolved for one repository. */
export interface CheckContext {
  /** Pure code takes the clock as an argument. */
  now: Date;
  policy: Policy;
  /** Derived from policy for this repository. */
  critical: boolean;
  isProductionEnvironment(name: string): boolean;
  /**
   * Whose findings these are (repository and organisation ids), so findings can be
   * fingerprinted and matched to instance-scoped exceptions. Absent in `gatehouse scan`,
   * where there is no stored repository: only whole-check exceptions apply there.
   */
  scope?: { repositoryId: string; organizationId: string };
}

interface ProductionMark {
  repo: (repoFullName: string) => boolean;
  environment: string;
}

function parseMark(mark: string): ProductionMark | null {
  const colon = mark.indexOf(":");
  if (colon <= 0) return null;
  return { repo: compileRepoPattern(mark.slice(0, colon)), environment: mark.slice(colon + 1).toLowerCase() };
}

/**
 * Everything a check needs from the policy for one repository, resolved once so that
 * checks stay free of pattern logic. Environment-name patterns were vetted by the
 * schema (valid, no nested repetition); an invalid one that slipped in through a
 * hand-built Policy object is skipped rather than crashing every check.
 */
export function makeCheckContext(
  policy: Policy,
  repoFullName: string,
  now: Date,
  scope?: CheckContext["scope"],
): CheckContext {
  const critical = policy.criticalRepos.some((pattern) => compileRepoPattern(pattern)(repoFullName));
  const patterns: RegExp[] = [];
  for (const source of policy.productionEnvironmentPatterns) {
    try {
      patterns.push(new RegExp(source, "i"));
    } catch {
      // see the function comment
    }
  }
  const marked = new Set(
    policy.productionEnvironments
      .map(parseMark)
      .filter((mark): mark is ProductionMark => mark !== null && mark.repo(repoFullName))
      .map((mark) => mark.environment),
  );
  return {
    now,
    policy,
    critical,
    ...(scope ? { scope } : {}),
    isProductionEnvironment(name: string): boolean {
      return marked.has(name.toLowerCase()) || patterns.some((pattern) => pattern.test(name));
    },
  };
}
