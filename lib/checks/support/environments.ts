// Production environments are the last gate before a deployment. Which environments
// count as production comes from the policy (name patterns + explicit marks) through
// ctx.isProductionEnvironment. A repository with no production environment is
// `not-applicable` here: deploy-without-environment (a workflow check) catches deploy
// jobs that skip environments altogether.
import type { EnvironmentFacts, RepoFacts } from "../../facts/types";
import type { CheckContext, Evidence, Finding } from "../types";
import { NO_SETTINGS, repoPath } from "./settings";
import { api } from "../evidence";
import { fail, notApplicable, pass, unknown, type Verdict } from "../define";

export const envField = (env: EnvironmentFacts): string => `environments/${env.name}`;

export const envEndpoint = (facts: RepoFacts, env: EnvironmentFacts): string =>
  `PUT ${repoPath(facts)}/environments/${encodeURIComponent(env.name)}`;

export const envUi = (env: EnvironmentFacts): string => `Settings → Environments → ${env.name}`;

export interface EnvRule {
  /** Environments this rule has nothing to judge on (e.g. no reviewers to self-approve). */
  skip?(env: EnvironmentFacts): boolean;
  skipReason?: string;
  /** The finding for a bad environment, or the evidence that it is fine. */
  judge(env: EnvironmentFacts): Finding | Evidence;
}

export function judgeProduction(facts: RepoFacts, ctx: CheckContext, rule: EnvRule): Verdict {
  if (!facts.settings) return unknown(NO_SETTINGS);
  const environments = facts.settings.environments;
  if (!environments) return unknown("Environments could not be read.");
  const production = environments.filter((env) => ctx.isProductionEnvironment(env.name));
  const names = environments.map((env) => env.name);
  if (production.length === 0) {
    return notApplicable("No environment counts as production under the policy.", [
      api("environments[].name", names),
    ]);
  }
  const judged = production.filter((env) => !rule.skip?.(env));
  if (judged.length === 0)
    return notApplicable(
      rule.skipReason ?? "Nothing to judge.",
      production.map((env) => api(envField(env), env.name)),
    );
  const findings: Finding[] = [];
  const evidence: Evidence[] = [];
  for (const env of judged) {
    const result = rule.judge(env);
    if ("kind" in result) evidence.push(result);
    else findings.push(result);
  }
  return findings.length > 0 ? fail(findings, evidence) : pass(evidence);
}

export const productionRationale =
  " Production means a name matching the policy's patterns (default prod, production, live, and suffixed forms like prod-eu) or an environment a security lead marked; with none, not applicable.";
