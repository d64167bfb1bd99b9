import type { Job, Workflow } from "../../analyzers/workflow/model";
import type { RepoFacts } from "../../facts/types";
import type { Finding } from "../types";
import { deploySignals } from "../support/deploy";
import { type SecretRef, isTokenSecret, jobValues, secretRefs, workflowEnvValues } from "../support/util";
import { finding, at } from "../evidence";
import { defineCheck } from "../define";

// The workflow env's and the job's references, each kept per parsed workflow/job: this
// used to collect them afresh for every job from a new list of both.
function namedSecrets(wf: Workflow, job: Job): SecretRef[] {
  return [...secretRefs(workflowEnvValues(wf)), ...secretRefs(jobValues(job))].filter(
    (r) => r.name !== "" && !isTokenSecret(r.name),
  );
}

type EnvJudgement = { kind: "findings"; findings: Finding[] } | { kind: "undecided" } | { kind: "skip" };

function judgeJob(wf: Workflow, job: Job, facts: RepoFacts): EnvJudgement {
  const refs = namedSecrets(wf, job);
  if (refs.length === 0) return { kind: "skip" };
  const names = [...new Set(refs.map((r) => r.name))];
  const first = refs[0]!;
  if (!job.environment) {
    const signals = deploySignals(job);
    if (signals.length === 0) return { kind: "skip" };
    const s = signals[0]!;
    const msg = `Deploy job \`${job.id}\` (${s.what}) has no environment, so it reads repository/organisation secrets: ${names.join(", ")}.`;
    const fix = `Add \`environment: production\` (or the target environment) under \`jobs.${job.id}\`, create ${names.join(", ")} as secrets of that environment, and delete the repository/organisation copies.`;
    return {
      kind: "findings",
      findings: [finding(msg, at(wf, first.expr.pos), fix, s.confidence === "low" ? "low" : "medium")],
    };
  }
  const envName = job.environment.name;
  if (envName.expressions.length > 0 || !facts.settings?.secrets || !facts.settings.environments)
    return { kind: "undecided" };
  const env = envName.value.toLowerCase();
  const envSecrets = new Set<string>(
    [
      ...(facts.settings.environments.find((e) => e.name.toLowerCase() === env)?.secretNames ?? []),
      ...facts.settings.secrets
        .filter((x) => x.scope === "environment" && x.environment?.toLowerCase() === env)
        .map((x) => x.name),
    ].map((n) => n.toUpperCase()),
  );
  const shared = new Map(
    facts.settings.secrets
      .filter((x) => x.scope !== "environment")
      .map((x) => [x.name.toUpperCase(), x.scope]),
  );
  const findings = refs
    .filter((r, i) => refs.findIndex((o) => o.name.toUpperCase() === r.name.toUpperCase()) === i)
    .filter((r) => !envSecrets.has(r.name.toUpperCase()) && shared.has(r.name.toUpperCase()))
    .map((r) =>
      finding(
        `Job \`${job.id}\` deploys to environment \`${envName.value}\` but reads the ${shared.get(r.name.toUpperCase())} secret \`${r.name}\`.`,
        at(wf, r.expr.pos),
        `Create \`${r.name}\` as a secret of environment \`${envName.value}\` and delete the ${shared.get(r.name.toUpperCase())} secret, so only approved deployments can read it.`,
      ),
    );
  return { kind: "findings", findings };
}

export const secretsOutsideEnvironment = defineCheck({
  id: "secrets-outside-environment",
  title: "Deploy jobs read environment-scoped secrets",
  category: "secrets",
  severity: "medium",
  from: ["wf", "settings"],
  rationale:
    "Repository and organisation secrets are readable by every workflow on every branch. Secrets scoped to a protected environment are released only to jobs that pass its reviewers and branch rules.",
  remediation:
    "Give every deploy job an `environment:` and move the credentials it uses into that environment's secrets.",
  input: "workflows",
  run(workflows, facts) {
    const findings: Finding[] = [];
    let deployJobs = 0;
    let undecided = 0;
    for (const wf of workflows.filter((w) => w.kind === "workflow")) {
      for (const job of wf.jobs) {
        const j = judgeJob(wf, job, facts);
        if (j.kind === "skip") continue;
        deployJobs++;
        if (j.kind === "undecided") undecided++;
        else findings.push(...j.findings);
      }
    }
    if (deployJobs === 0) return { findings, notApplicable: "No deploy job reads secrets." };
    if (undecided > 0)
      return {
        findings,
        unknown: `${undecided} deploy job(s) use an environment, but the repository's secret and environment lists are not known (or the environment name is computed).`,
      };
    return { findings };
  },
});
