// Production environments are the last gate before a deployment. Which environments
// count as production comes from the policy (name patterns + explicit marks) through
// ctx.isProductionEnvironment. A repository with no production environment is
// `not-applicable` here: deploy-without-environment (a workflow check) catches deploy
// jobs that skip environments altogether.
import type { EnvironmentFacts, RepoFacts } from "../../facts/types";
import type { CheckContext, CheckDefinition, CheckOutcome, Evidence, Finding } from "../types";
import {
  NO_SETTINGS,
  api,
  fail,
  finding,
  notApplicable,
  pass,
  repoPath,
  settingsCheck,
  unknown,
} from "./define";

const envField = (env: EnvironmentFacts): string => `environments/${env.name}`;
const envEndpoint = (facts: RepoFacts, env: EnvironmentFacts): string =>
  `PUT ${repoPath(facts)}/environments/${encodeURIComponent(env.name)}`;
const envUi = (env: EnvironmentFacts): string => `Settings → Environments → ${env.name}`;

interface EnvRule {
  /** Environments this rule has nothing to judge on (e.g. no reviewers to self-approve). */
  skip?(env: EnvironmentFacts): boolean;
  skipReason?: string;
  /** The finding for a bad environment, or the evidence that it is fine. */
  judge(env: EnvironmentFacts): Finding | Evidence;
}

function judgeProduction(facts: RepoFacts, ctx: CheckContext, rule: EnvRule): CheckOutcome {
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

const productionRationale =
  " Production means a name matching the policy's patterns (default prod, production, live, and suffixed forms like prod-eu) or an environment a security lead marked; with none, not applicable.";

export const productionNoReviewers: CheckDefinition = settingsCheck({
  id: "production-no-reviewers",
  title: "Production environments require reviewers",
  category: "change-control",
  severity: "high",
  from: ["settings"],
  archived: "skip",
  rationale: `Required reviewers make a person approve each deployment job before it reads the environment's secrets and runs; without them any workflow run that names the environment deploys.${productionRationale}`,
  remediation: "Add required reviewers (a release team) to every production environment.",
  run: (facts, ctx) =>
    judgeProduction(facts, ctx, {
      judge: (env) =>
        env.requiredReviewers.length > 0
          ? api(
              `${envField(env)}.protection_rules[required_reviewers].reviewers`,
              env.requiredReviewers.map((r) => r.login),
            )
          : finding(
              `Production environment "${env.name}" has no required reviewers.`,
              api(`${envField(env)}.protection_rules[required_reviewers]`, null),
              `${envUi(env)} → tick "Required reviewers" and add a team. REST: \`${envEndpoint(facts, env)}\` with \`{"reviewers":[{"type":"Team","id":<team id>}],"prevent_self_review":true}\`.`,
            ),
    }),
});

export const productionSelfReview: CheckDefinition = settingsCheck({
  id: "production-self-review",
  title: "Deployers cannot approve their own production deployment",
  category: "change-control",
  severity: "medium",
  from: ["settings"],
  archived: "skip",
  rationale: `If a required reviewer may approve a run they triggered, the reviewer gate is one person deciding alone. Environments without reviewers are left to production-no-reviewers.${productionRationale}`,
  remediation: 'Enable "Prevent self-review" on every production environment.',
  run: (facts, ctx) =>
    judgeProduction(facts, ctx, {
      skip: (env) => env.requiredReviewers.length === 0,
      skipReason:
        "No production environment has required reviewers, so there is no approval to self-grant (production-no-reviewers reports it).",
      judge: (env) => {
        const field = `${envField(env)}.protection_rules[required_reviewers].prevent_self_review`;
        return env.preventSelfReview
          ? api(field, true)
          : finding(
              `Reviewers of production environment "${env.name}" may approve their own deployments.`,
              api(field, false),
              `${envUi(env)} → tick "Prevent self-review". REST: \`${envEndpoint(facts, env)}\` with \`{"prevent_self_review":true}\` (include the current "reviewers" so they are kept).`,
            );
      },
    }),
});

export const productionAnyBranch: CheckDefinition = settingsCheck({
  id: "production-any-branch",
  title: "Production environments only accept protected branches",
  category: "change-control",
  severity: "high",
  from: ["settings"],
  archived: "skip",
  rationale: `Without a deployment branch policy, a workflow on any branch (including an unreviewed one) can deploy to production and read its secrets. A custom policy of "*" or "**" counts as any branch.${productionRationale}`,
  remediation:
    'Restrict production environments to "Protected branches only" or a selected list of release branches.',
  run: (facts, ctx) =>
    judgeProduction(facts, ctx, {
      judge: (env) => {
        const field = `${envField(env)}.deployment_branch_policy`;
        const policy = env.deploymentBranchPolicy;
        const wildcard =
          policy?.customBranchPolicies === true && env.branchPolicies.some((p) => p === "*" || p === "**");
        if (policy && !wildcard)
          return api(field, {
            protected_branches: policy.protectedBranches,
            custom_branch_policies: policy.customBranchPolicies,
          });
        return finding(
          wildcard
            ? `Production environment "${env.name}" accepts deployments from any branch (branch policy "${env.branchPolicies.join('", "')}").`
            : `Production environment "${env.name}" accepts deployments from any branch.`,
          wildcard
            ? api(`${envField(env)}/deployment-branch-policies[].name`, env.branchPolicies)
            : api(field, null),
          `${envUi(env)} → Deployment branches and tags → "Protected branches only". REST: \`${envEndpoint(facts, env)}\` with \`{"deployment_branch_policy":{"protected_branches":true,"custom_branch_policies":false}}\`.`,
        );
      },
    }),
});

export const adminsBypassEnvironment: CheckDefinition = settingsCheck({
  id: "admins-bypass-environment",
  title: "Administrators cannot bypass production protection rules",
  category: "change-control",
  severity: "low",
  from: ["settings"],
  archived: "skip",
  rationale: `When administrators may bypass an environment's protection rules, an admin account (or a token acting as one) deploys to production without review or branch restrictions.${productionRationale}`,
  remediation:
    'Untick "Allow administrators to bypass configured protection rules" on every production environment.',
  run: (facts, ctx) =>
    judgeProduction(facts, ctx, {
      judge: (env) =>
        env.canAdminsBypass
          ? finding(
              `Administrators may bypass the protection rules of production environment "${env.name}".`,
              api(`${envField(env)}.can_admins_bypass`, true),
              `${envUi(env)} → untick "Allow administrators to bypass configured protection rules" (a UI setting: the REST create/update environment endpoint does not accept it).`,
            )
          : api(`${envField(env)}.can_admins_bypass`, false),
    }),
});
